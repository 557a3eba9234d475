-- cooldown schema 7: a run imported from a watch's or an app's file (FIT, GPX, TCX) keeps
-- that recording's own id, so importing the same file again — or the same recording from a
-- re-export — finds the run instead of adding a second one. A run the runner typed gains
-- the id of the file that matched it. One run per recording: the id is unique.
ALTER TABLE runs ADD COLUMN source_id TEXT
    CHECK (source_id IS NULL OR length(source_id) BETWEEN 1 AND 200);

CREATE UNIQUE INDEX runs_by_source_id ON runs (source_id) WHERE source_id IS NOT NULL;
