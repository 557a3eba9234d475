-- cooldown schema 6: a run's id is never given to another run. Runs can be deleted now
-- (`cooldown run --delete`), and an `INTEGER PRIMARY KEY` without AUTOINCREMENT hands the
-- highest id out again after its run is deleted: a script, a second terminal or an old
-- export naming that id would then edit, delete or overwrite the new run. AUTOINCREMENT
-- needs the table rebuilt: every run is copied with its id, its values and the same CHECKs
-- (the copy's explicit ids start the sequence at the highest one).
CREATE TABLE runs_v6 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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

INSERT INTO runs_v6 (id, day, at, type, minutes, km, rpe, weight_before_kg, weight_after_kg,
                     fluid_l, note, source, updated_at)
    SELECT id, day, at, type, minutes, km, rpe, weight_before_kg, weight_after_kg,
           fluid_l, note, source, updated_at
    FROM runs;

DROP TABLE runs;
ALTER TABLE runs_v6 RENAME TO runs;

-- A day's runs in the order they ended (the checklist, the run form, import matching).
CREATE INDEX runs_by_day ON runs (day, at);
