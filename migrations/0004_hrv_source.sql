-- cooldown schema 4: where each morning's HRV came from. A morning reading (a phone app or
-- a chest strap on waking; typed values are this when not said) and an overnight average
-- (Garmin, Oura, WHOOP and similar) sit at different levels, so the readiness baselines use
-- only values of one source (READINESS.md v2 "HRV source"). NULL is a morning reading.
ALTER TABLE markers ADD COLUMN hrv_source TEXT CHECK (hrv_source IN ('morning', 'overnight'));
