//! Apple Health exports bigger than the 64 MiB other files may be (issue 17 item 5): read as
//! a stream through the real binary — as `export.xml`, inside `export.zip` and gzipped —
//! with errors still naming their line, `--dry-run` writing nothing, and a file of another
//! format at the same size still refused. The streaming limit itself (4 GiB) is tested at a
//! small value in `src/exchange/dispatch_tests.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256, today};
use std::io::Write;
use std::path::Path;

const MIB: usize = 1024 * 1024;

fn import(s: &Sandbox, args: &[&str], file: &Path) -> (i32, String, String) {
    let out = s.cmd().arg("import").args(args).arg(file).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

/// An export of a little over `mib` MiB: per day (the last 400) a resting HR, a body mass
/// and a night asleep, and heart-rate records filling the rest; `last` is the final record
/// line. Returns the XML and its line count.
fn export(mib: usize, last: &str) -> (Vec<u8>, usize) {
    let mut xml = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n\
        <!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n]>\n<HealthData locale=\"en_GB\">\n"
        .to_vec();
    let days: Vec<String> = (1..=400).map(|k| (today() - chrono::Duration::days(k)).to_string()).collect();
    let mut k = 0usize;
    while xml.len() < mib * MIB {
        let day = &days[(k / 40) % days.len()];
        let line = match k % 40 {
            0 => format!(
                " <Record type=\"HKQuantityTypeIdentifierRestingHeartRate\" sourceName=\"Watch\" unit=\"count/min\" startDate=\"{day} 06:30:00 +0000\" endDate=\"{day} 06:30:00 +0000\" value=\"{}\"/>\n",
                45 + k % 7
            ),
            1 => format!(
                " <Record type=\"HKQuantityTypeIdentifierBodyMass\" sourceName=\"Scale\" unit=\"kg\" startDate=\"{day} 07:00:00 +0000\" endDate=\"{day} 07:00:00 +0000\" value=\"70.5\"/>\n"
            ),
            2 => format!(
                " <Record type=\"HKCategoryTypeIdentifierSleepAnalysis\" sourceName=\"Watch\" startDate=\"{day} 00:30:00 +0000\" endDate=\"{day} 06:00:00 +0000\" value=\"HKCategoryValueSleepAnalysisAsleepCore\"/>\n"
            ),
            _ => format!(
                " <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"Watch\" unit=\"count/min\" creationDate=\"{day} 12:00:00 +0000\" startDate=\"{day} 11:{:02}:00 +0000\" endDate=\"{day} 11:{:02}:00 +0000\" value=\"{}\"/>\n",
                k % 60,
                k % 60,
                60 + k % 90
            ),
        };
        xml.extend_from_slice(line.as_bytes());
        k += 1;
    }
    xml.extend_from_slice(last.as_bytes());
    xml.extend_from_slice(b"</HealthData>\n");
    let lines = xml.iter().filter(|b| **b == b'\n').count();
    (xml, lines)
}

/// A database with one morning (long before the exports' days), and its hash.
fn started(s: &Sandbox) -> String {
    let out = s.cmd().args(["log", "--date", "2024-01-01", "--rhr", "49"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    sha256(&s.db())
}

fn zip_of(name: &str, data: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file(name, options.large_file(true)).unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap().into_inner()
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    w.write_all(data).unwrap();
    w.finish().unwrap()
}

#[test]
fn an_export_over_64_mib_imports_as_a_file_a_zip_and_a_gzip() {
    let s = Sandbox::new();
    let (xml, _) = export(66, "");
    assert!(xml.len() > 64 * MIB && xml.len() < 70 * MIB);
    let plain = s.write("export.xml", &xml);
    let zip = s.write("export.zip", zip_of("apple_health_export/export.xml", &xml));
    let gzip = s.write("export.xml.gz", gz(&xml));
    drop(xml);

    let before = started(&s);
    let (code, out, err) = import(&s, &["--dry-run"], &plain);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("would import ") && out.contains("export.xml: 400 mornings (400 new,"), "{out}");
    assert_eq!(sha256(&s.db()), before, "a dry run writes nothing");

    let (code, out, err) = import(&s, &[], &plain);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("400 mornings (400 new, 0 changed, 0 already the same)"), "{out}");
    for file in [&zip, &gzip] {
        let (code, out, err) = import(&s, &[], file);
        assert_eq!(code, 0, "{file:?}: {err}");
        assert!(out.contains("400 mornings (0 new, 0 changed, 400 already the same)"), "{out}");
    }
    let (_, out, _) = import(&s, &[], &zip);
    assert!(out.starts_with("imported "), "{out}");
    assert!(out.contains("export.zip/apple_health_export/export.xml"), "{out}");
}

#[test]
fn a_bad_value_at_the_end_of_a_big_export_names_its_line_and_nothing_is_stored() {
    let s = Sandbox::new();
    let day = today() - chrono::Duration::days(2);
    let bad = format!(
        " <Record type=\"HKQuantityTypeIdentifierRestingHeartRate\" sourceName=\"Watch\" unit=\"count/min\" startDate=\"{day} 06:00:00 +0000\" endDate=\"{day} 06:00:00 +0000\" value=\"300\"/>\n"
    );
    let (xml, lines) = export(65, &bad);
    let plain = s.write("export.xml", &xml);
    let zip = s.write("export.zip", zip_of("apple_health_export/export.xml", &xml));
    drop(xml);
    let before = started(&s);
    // The bad record is the line before `</HealthData>`, the last line.
    let line = lines - 1;
    for (file, name) in
        [(&plain, "export.xml".to_string()), (&zip, "export.zip/apple_health_export/export.xml".into())]
    {
        let (code, _, err) = import(&s, &[], file);
        assert_eq!(code, 65, "{err}");
        assert!(err.contains(&format!("{name}:{line}: rhr: ")), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn a_csv_over_64_mib_is_still_refused_in_a_zip_too() {
    let s = Sandbox::new();
    let mut csv = b"date,rhr\n".to_vec();
    csv.resize(65 * MIB, b'\n');
    let plain = s.write("big.csv", &csv);
    let zip = s.write("big.zip", zip_of("big.csv", &csv));
    let before = started(&s);
    let (code, _, err) = import(&s, &[], &plain);
    assert_eq!((code, err.trim_end()), (65, format!("cooldown: {}: larger than 64 MiB, the most an import reads (import): split it into smaller files (a year at a time); nothing was imported", plain.display()).as_str()));
    let (code, _, err) = import(&s, &[], &zip);
    assert_eq!(code, 65, "{err}");
    assert!(err.contains("big.zip/big.csv: unpacks to more than 64 MiB"), "{err}");
    assert_eq!(sha256(&s.db()), before);
}
