-- cooldown schema 3: every run keeps its own id and is never replaced by another run.
-- Schemas 1 and 2 told a day's runs apart by their end time (UNIQUE (day, at)), so a
-- second run ending in the same minute, or an imported row without an end time, silently
-- replaced the first. SQLite drops a UNIQUE constraint only by rebuilding the table: every
-- run is copied with its id, its values and the same CHECKs.
-- `source` says where a run came from: 'manual' (typed on the command line or in the
-- dashboard, and every run recorded before this schema), 'demo' (the generated history),
-- or 'import:' and the name of the file it was imported from.
CREATE TABLE runs_v3 (
    id               INTEGER PRIMARY KEY,
    day              TEXT    NOT NULL CHECK (date(day) IS day),
    at               TEXT    NOT NULL CHECK (length(at) = 5 AND time(at) IS at || ':00'),
    type             TEXT    NOT NULL
                     CHECK (type IN ('easy', 'tempo', 'intervals', 'long', 'race', 'cross')),
    minutes          INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    km               REAL    CHECK (km BETWEEN 0 AND 1000),
    rpe              INTEGER CHECK (rpe BETWEEN 1 AND 10),
    weight_before_kg REAL    CHECK (weight_before_kg BETWEEN 20 AND 300),
    weight_after_kg  REAL    CHECK (weight_after_kg BETWEEN 20 AND 300),
    fluid_l          REAL    CHECK (fluid_l BETWEEN 0 AND 20),
    note             TEXT    CHECK (length(note) <= 500),
    source           TEXT    NOT NULL DEFAULT 'manual'
                     CHECK (source IN ('manual', 'demo')
                            OR (source GLOB 'import:?*' AND length(source) <= 300)),
    updated_at       TEXT    NOT NULL
) STRICT;

INSERT INTO runs_v3 (id, day, at, type, minutes, km, rpe, weight_before_kg, weight_after_kg,
                     fluid_l, note, source, updated_at)
    SELECT id, day, at, type, minutes, km, rpe, weight_before_kg, weight_after_kg,
           fluid_l, note, 'manual', updated_at
    FROM runs;

DROP TABLE runs;
ALTER TABLE runs_v3 RENAME TO runs;

-- A day's runs in the order they ended (the checklist, the run form, import matching).
CREATE INDEX runs_by_day ON runs (day, at);
