#!/usr/bin/env python3
"""Writes a synthetic Apple Health `export.xml` of about MIB MiB, as "Export All Health Data"
lays it out (DOCTYPE, HealthData, Record and Workout elements), over YEARS years ending the
day before END: each day a resting HR, a night of sleep stages, a body mass most mornings,
a running or cycling workout every other day, and heart-rate records filling the rest (as
real exports are mostly those). Deterministic; streams to the file.

    scripts/gen-apple-export.py OUT.xml [MIB=300] [YEARS=10] [END=2026-11-28]
"""
import datetime
import sys

out = sys.argv[1]
mib = int(sys.argv[2]) if len(sys.argv) > 2 else 300
years = int(sys.argv[3]) if len(sys.argv) > 3 else 10
end = datetime.date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else datetime.date(2026, 11, 28)
days = [end - datetime.timedelta(days=k) for k in range(years * 365, 0, -1)]
target = mib * 1024 * 1024

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED sourceName CDATA #REQUIRED startDate CDATA #REQUIRED endDate CDATA #REQUIRED>
]>
<HealthData locale="en_GB">
 <ExportDate value="%s 20:00:00 +0000"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-01-01" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet"/>
""" % end

Q = "HKQuantityTypeIdentifier"


def rec(kind, unit, day, start, end_, value, source="Apple Watch"):
    u = f' unit="{unit}"' if unit else ""
    return (f' <Record type="{kind}" sourceName="{source}" sourceVersion="11.1"{u} '
            f'creationDate="{day} {end_} +0000" startDate="{day} {start} +0000" '
            f'endDate="{day} {end_} +0000" value="{value}"/>\n')


def day_lines(i, day):
    prev = day - datetime.timedelta(days=1)
    yield rec(Q + "RestingHeartRate", "count/min", day, "06:30:00", "06:30:00", 45 + i % 9)
    if i % 3:
        yield rec(Q + "BodyMass", "kg", day, "07:05:00", "07:05:00", f"{70 + (i % 20) / 10:.1f}", "Scale")
    yield rec(Q + "HeartRateVariabilitySDNN", "ms", day, "03:00:00", "03:01:00", 40 + i % 30)
    # A night: core, deep, REM, awake, core — the stages Apple Watch writes.
    stages = [("23:10:00", "00:40:00", "Core", prev), ("00:40:00", "01:30:00", "Deep", day),
              ("01:30:00", "02:20:00", "REM", day), ("02:20:00", "02:30:00", "Awake", day),
              ("02:30:00", "06:10:00", "Core", day)]
    for start, end_, stage, d in stages:
        yield (f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Apple Watch" '
               f'creationDate="{day} 06:15:00 +0000" startDate="{d} {start} +0000" '
               f'endDate="{day} {end_} +0000" value="HKCategoryValueSleepAnalysisAsleep{stage}"/>\n'
               if stage != "Awake" else
               f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Apple Watch" '
               f'creationDate="{day} 06:15:00 +0000" startDate="{day} {start} +0000" '
               f'endDate="{day} {end_} +0000" value="HKCategoryValueSleepAnalysisAwake"/>\n')
    if i % 2 == 0:
        sport = "Running" if i % 6 else "Cycling"
        yield (f' <Workout workoutActivityType="HKWorkoutActivityType{sport}" duration="{40 + i % 50}" '
               f'durationUnit="min" sourceName="Apple Watch" sourceVersion="11.1" '
               f'creationDate="{day} 19:00:00 +0000" startDate="{day} 17:00:00 +0000" '
               f'endDate="{day} {17 + (40 + i % 50) // 60}:{(40 + i % 50) % 60:02d}:00 +0000">\n'
               f'  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n'
               f'  <WorkoutStatistics type="{Q}DistanceWalkingRunning" startDate="{day} 17:00:00 +0000" '
               f'endDate="{day} 18:00:00 +0000" sum="{8 + i % 10}.25" unit="km"/>\n'
               f'  <WorkoutStatistics type="{Q}HeartRate" startDate="{day} 17:00:00 +0000" '
               f'endDate="{day} 18:00:00 +0000" average="{140 + i % 20}" minimum="95" maximum="178" unit="count/min"/>\n'
               f' </Workout>\n')


with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write(HEAD)
    written = len(HEAD)
    fixed = []
    for i, day in enumerate(days):
        fixed.append("".join(day_lines(i, day)))
    fixed_bytes = sum(len(s) for s in fixed)
    # Heart-rate records, spread evenly over the days, fill what is left.
    sample = rec(Q + "HeartRate", "count/min", days[0], "12:00:00", "12:00:00", 100)
    per_day = max(0, (target - written - fixed_bytes) // len(sample) // len(days))
    records = 0
    for i, (day, lines) in enumerate(zip(days, fixed)):
        f.write(lines)
        records += lines.count("<Record")
        chunk = []
        for k in range(per_day):
            t = f"{8 + k * 12 // max(per_day, 1):02d}:{k % 60:02d}:00"
            chunk.append(rec(Q + "HeartRate", "count/min", day, t, t, 60 + (i + k) % 90))
        f.write("".join(chunk))
        records += per_day
    f.write("</HealthData>\n")
print(f"{out}: {records} Record elements over {len(days)} days", file=sys.stderr)
