use super::*;

fn fit_header(size: u8) -> Vec<u8> {
    let mut h = vec![size, 0x10, 0x00, 0x08, 0, 0, 0, 0];
    h.extend_from_slice(b".FIT");
    h.extend_from_slice(&[0; 2]);
    h
}

#[test]
fn containers_and_fit_by_their_magic_bytes_whatever_the_name() {
    assert_eq!(sniff(&[0x1f, 0x8b, 8, 0]), Format::Gzip);
    assert_eq!(sniff(b"PK\x03\x04rest"), Format::Zip);
    assert_eq!(sniff(b"PK\x05\x06\0\0"), Format::EmptyZip);
    assert_eq!(sniff(&fit_header(14)), Format::Fit);
    assert_eq!(sniff(&fit_header(12)), Format::Fit);
    // A wrong header size, or no `.FIT`, is no FIT file.
    assert_ne!(sniff(&fit_header(13)), Format::Fit);
    let mut not_fit = fit_header(14);
    not_fit[8] = b'X';
    assert_ne!(sniff(&not_fit), Format::Fit);
    assert!(matches!(sniff(&[0xff, 0xfe, 0x00, 0x80]), Format::Unknown(_)));
}

#[test]
fn xml_by_its_root_element_past_declaration_comments_and_doctype() {
    assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"x\">"), Format::Gpx);
    assert_eq!(sniff(b"\xef\xbb\xbf  <!-- c > -->\n<TrainingCenterDatabase xmlns=\"x\">"), Format::Tcx);
    let apple = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n<!-- HealthKit Export Version: 14 -->\n<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n<!ATTLIST HealthData locale CDATA #REQUIRED>\n]>\n<HealthData locale=\"en_US\">";
    assert_eq!(sniff(apple), Format::Wellness(Wellness::AppleHealthXml));
    assert_eq!(root_element(b"<ns:gpx/>").as_deref(), Some("gpx"));
    assert!(matches!(sniff(b"<html><body>"), Format::Unknown(w) if w.contains("<html>")));
    assert!(matches!(sniff(b"<!-- never closed"), Format::Unknown(_)));
}

#[test]
fn json_by_its_keys() {
    let ticks =
        b"[\n  {\n    \"date\": \"2026-11-01\",\n    \"item_id\": \"foam-quads\",\n    \"set\": 1\n  }\n]";
    assert_eq!(sniff(ticks), Format::TicksJson);
    assert_eq!(sniff(b"{\"sleep\": [], \"readiness\": []}"), Format::Wellness(Wellness::OuraJson));
    // One file of a Garmin export: the whole unzipped folder is what imports.
    assert!(
        matches!(sniff(b"[{\"calendarDate\": \"2026-11-01\"}]"), Format::Unknown(w) if w.contains("Garmin Connect export"))
    );
    assert!(matches!(sniff(b"[{\"date\": \"2026-11-01\", \"rhr\": 50}]"), Format::Unknown(_)));
}

#[test]
fn csv_by_its_header() {
    assert_eq!(sniff(b"date,rhr,hrv\n2026-11-01,50,70\n"), Format::Csv);
    assert_eq!(sniff(b"date,type,minutes\n"), Format::Csv);
    assert_eq!(sniff(b"id,restingHR,hrv\n"), Format::Wellness(Wellness::IntervalsIcu));
    assert_eq!(sniff(b"date,item_id,set,ticked_at\n"), Format::TicksCsv);
    assert_eq!(sniff(b"date,time,HR,AVNN,SDNN,rMSSD,pNN50\n"), Format::Wellness(Wellness::Hrv4Training));
    assert_eq!(sniff(b"date,HRV4T_Recovery_Points\n"), Format::Wellness(Wellness::Hrv4Training));
    assert_eq!(sniff(b"date,Sleep Score,Lowest Resting Heart Rate\n"), Format::Wellness(Wellness::OuraCsv));
    assert_eq!(sniff(b"date;Total Sleep Duration;Average HRV\n"), Format::Wellness(Wellness::OuraCsv));
    assert_eq!(sniff(b"Activity ID,Activity Date,Activity Name\n"), Format::OtherText);
    assert_eq!(sniff(b"hello world\n"), Format::OtherText);
    assert_eq!(sniff(b""), Format::OtherText);
}
