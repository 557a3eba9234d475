-- cooldown schema 2: foam-roll timers that survive a restart. A running timer stores its
-- wall-clock deadline, a paused one its remaining time; the remaining time is always
-- computed from these, never counted down in the file.
CREATE TABLE timers (
    day          TEXT    NOT NULL CHECK (date(day) IS day),
    item_id      TEXT    NOT NULL
                 CHECK (length(item_id) BETWEEN 1 AND 40 AND item_id NOT GLOB '*[^a-z0-9-]*'),
    state        TEXT    NOT NULL CHECK (state IN ('running', 'paused', 'finished')),
    total_ms     INTEGER NOT NULL CHECK (total_ms BETWEEN 1000 AND 3600000),
    deadline_ms  INTEGER CHECK (deadline_ms > 0),
    remaining_ms INTEGER CHECK (remaining_ms BETWEEN 0 AND 3600000),
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (day, item_id),
    CHECK (state <> 'running' OR deadline_ms IS NOT NULL),
    CHECK (state <> 'paused' OR remaining_ms IS NOT NULL)
) STRICT, WITHOUT ROWID;
