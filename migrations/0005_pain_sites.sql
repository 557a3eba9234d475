-- cooldown schema 5: a pain is logged at a site from a fixed list (foot, achilles-calf, shin,
-- knee, hamstring, quad, hip-glute, lower-back, other), which the routine maps to the items
-- that load it. A site written as free text before becomes 'other', its words kept in the
-- morning's note (cut to the note's 500 characters).
UPDATE markers
   SET note = substr(CASE WHEN note IS NULL OR note = '' THEN 'pain site: ' || pain_site
                          ELSE note || ' · pain site: ' || pain_site END, 1, 500),
       pain_site = 'other'
 WHERE pain_site IS NOT NULL
   AND pain_site NOT IN ('foot', 'achilles-calf', 'shin', 'knee', 'hamstring', 'quad',
                         'hip-glute', 'lower-back', 'other');
