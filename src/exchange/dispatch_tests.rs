use super::*;
use std::io::{Cursor, Write};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n\
    <!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n]>\n<HealthData locale=\"en_GB\">\n";

fn record(kind: &str, day: &str, value: &str) -> String {
    format!(
        " <Record type=\"HKQuantityTypeIdentifier{kind}\" sourceName=\"Watch\" unit=\"count/min\" \
         startDate=\"{day} 06:30:00 +0100\" endDate=\"{day} 06:30:00 +0100\" value=\"{value}\"/>\n"
    )
}

/// An export of `fillers` step records (well past the 64 KiB that `detect` sees), then
/// one resting HR.
fn export(fillers: usize, rhr: &str) -> String {
    let mut xml = HEAD.to_string();
    for _ in 0..fillers {
        xml.push_str(&record("StepCount", "2026-11-20", "100"));
    }
    xml.push_str(&record("RestingHeartRate", "2026-11-21", rhr));
    xml.push_str("</HealthData>\n");
    xml
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    w.write_all(data).unwrap();
    w.finish().unwrap()
}

#[test]
fn apple_health_is_streamed_past_the_sniffed_head_outside_the_budget_of_whole_files() {
    let xml = export(2000, "48");
    assert!(xml.len() > SNIFF_BYTES * 3);
    let mut reading = Reading::new(today());
    reading.budget.bytes_left = 0; // nothing may be read whole
    assert_eq!(reading.read(&mut xml.as_bytes(), "export.xml", true).unwrap(), 1);
    assert_eq!(reading.files[0].markers.len(), 1);
    assert_eq!(reading.budget.stream_left, unpack::MAX_STREAM_BYTES - xml.len() as u64);
    // The same inside a gzip.
    let mut reading = Reading::new(today());
    reading.budget.bytes_left = 0;
    assert_eq!(reading.read(&mut gz(xml.as_bytes()).as_slice(), "export.xml.gz", true).unwrap(), 1);
}

#[test]
fn a_streamed_error_names_its_line_far_past_the_head() {
    let xml = export(3000, "300");
    let e = Reading::new(today()).read(&mut xml.as_bytes(), "export.xml", true).unwrap_err();
    // 5 lines of head, 3000 fillers: the bad record is line 3006.
    assert!(e.what.starts_with("export.xml:3006: rhr: "), "{}", e.what);
    let broken = xml.replace("</HealthData>", "</Wrong>");
    let e = Reading::new(today()).read(&mut broken.as_bytes(), "export.xml", true).unwrap_err();
    assert!(e.what.starts_with("export.xml: not valid XML at line 3007"), "{}", e.what);
}

#[test]
fn a_bomb_of_xml_stops_at_the_streaming_limit() {
    let xml = export(5000, "48");
    let bomb = gz(xml.as_bytes());
    let mut reading = Reading::new(today());
    reading.budget.stream_left = xml.len() as u64 - 1;
    let e = reading.read(&mut bomb.as_slice(), "export.xml.gz", true).unwrap_err();
    assert!(e.what.starts_with("export.xml.gz: more than 4 GiB of XML (unpacked)"), "{}", e.what);
    let mut reading = Reading::new(today());
    reading.budget.stream_left = xml.len() as u64;
    assert_eq!(reading.read(&mut bomb.as_slice(), "export.xml.gz", true).unwrap(), 1, "exactly the limit");
    assert_eq!(reading.budget.stream_left, 0);
    // An element that never ends is stopped long before.
    let mut endless = HEAD.to_string();
    endless.push_str("<Record type=\"");
    endless.push_str(&"x".repeat(2 * 1024 * 1024));
    let e = Reading::new(today()).read(&mut endless.as_bytes(), "export.xml", true).unwrap_err();
    assert!(e.what.contains("an element at line 6 runs on past 1 MiB"), "{}", e.what);
}

#[test]
fn a_zip_is_read_entry_by_entry_from_a_seekable_file() {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    w.start_file("apple_health_export/export.xml", options).unwrap();
    w.write_all(export(1000, "47").as_bytes()).unwrap();
    w.start_file("apple_health_export/export_cda.xml", options).unwrap();
    w.write_all(b"<?xml version=\"1.0\"?>\n<ClinicalDocument/>\n").unwrap();
    let zip = w.finish().unwrap().into_inner();
    let mut reading = Reading::new(today());
    let len = zip.len() as u64;
    assert_eq!(reading.read_file(Cursor::new(zip), len, "export.zip", true).unwrap(), 1);
    assert_eq!(reading.files[0].file, "export.zip/apple_health_export/export.xml");
    assert_eq!(reading.skipped.len(), 1, "{:?}", reading.skipped);
    assert_eq!(reading.budget.bytes_left, unpack::MAX_TOTAL_BYTES, "nothing read whole");
}

#[test]
fn other_files_keep_the_64_mib_limit_refused_by_their_declared_size_at_once() {
    let csv = b"date,rhr\n2026-11-20,50\n";
    let mut reading = Reading::new(today());
    let e = reading.read_file(Cursor::new(csv.to_vec()), MAX_FILE_BYTES + 1, "big.csv", true).unwrap_err();
    assert_eq!(e.what, "big.csv: larger than 64 MiB, the most an import reads");
    assert_eq!(reading.read_file(Cursor::new(csv.to_vec()), 24, "small.csv", true).unwrap(), 1);
    assert_eq!(reading.budget.bytes_left, unpack::MAX_TOTAL_BYTES - csv.len() as u64);
}
