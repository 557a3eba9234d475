-- cooldown schema 1: the runner's log. CHECK constraints mirror CLI.md's value ranges,
-- so a value the CLI refuses cannot reach the file by any other path either.

-- One row per morning; NULL is "not logged".
CREATE TABLE markers (
    day           TEXT    PRIMARY KEY CHECK (date(day) IS day),
    rhr           INTEGER CHECK (rhr BETWEEN 25 AND 220),
    hrv           REAL    CHECK (hrv BETWEEN 5 AND 300),
    sleep_hours   REAL    CHECK (sleep_hours BETWEEN 0 AND 24),
    sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
    soreness      INTEGER CHECK (soreness BETWEEN 0 AND 10),
    pain          INTEGER CHECK (pain BETWEEN 0 AND 10),
    pain_site     TEXT    CHECK (length(pain_site) <= 500),
    hop_cm        REAL    CHECK (hop_cm BETWEEN 1 AND 500),
    balance_s     REAL    CHECK (balance_s BETWEEN 0 AND 600),
    weight_kg     REAL    CHECK (weight_kg BETWEEN 20 AND 300),
    ill           INTEGER CHECK (ill IN (0, 1)),
    note          TEXT    CHECK (length(note) <= 500),
    updated_at    TEXT    NOT NULL
) STRICT;

-- Training sessions; a day may have several, told apart by their end time `at` (HH:MM),
-- so recording the same run again replaces it instead of duplicating it.
CREATE TABLE runs (
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
    updated_at       TEXT    NOT NULL,
    UNIQUE (day, at)
) STRICT;

-- One row per ticked set of a checklist item (items that are not sets have set 1).
-- Item ids are the routine's stable ids, so editing the routine never orphans history.
CREATE TABLE ticks (
    day       TEXT    NOT NULL CHECK (date(day) IS day),
    item_id   TEXT    NOT NULL
              CHECK (length(item_id) BETWEEN 1 AND 40 AND item_id NOT GLOB '*[^a-z0-9-]*'),
    set_no    INTEGER NOT NULL CHECK (set_no BETWEEN 1 AND 20),
    ticked_at TEXT    NOT NULL,
    PRIMARY KEY (day, item_id, set_no)
) STRICT, WITHOUT ROWID;
