use super::*;
use std::io::Write;

fn zip_of(entries: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data, method) in entries {
        let options = zip::write::SimpleFileOptions::default().compression_method(*method);
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn entries(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>> {
    let mut got = Vec::new();
    zip_each(std::io::Cursor::new(bytes), "a.zip", MAX_FILES, |name, data, _| {
        got.push((name.to_string(), read_capped(data, name, true)?));
        Ok(())
    })?;
    Ok(got)
}

#[test]
fn stored_and_deflated_entries_are_read_hidden_ones_left_out_names_cleaned() {
    let zip = zip_of(&[
        ("x.csv", b"date,rhr\n", CompressionMethod::Stored),
        ("../../etc/y.csv", b"date,hrv\n", CompressionMethod::Deflated),
        ("__MACOSX/._x.csv", b"junk", CompressionMethod::Stored),
        ("sub/.DS_Store", b"junk", CompressionMethod::Stored),
    ]);
    let got = entries(&zip).unwrap();
    assert_eq!(
        got,
        vec![
            ("a.zip/x.csv".into(), b"date,rhr\n".to_vec()),
            ("a.zip/etc/y.csv".into(), b"date,hrv\n".to_vec())
        ]
    );
    assert_eq!(clean_name("/abs/../a\u{1b}b.csv"), "abs/a\u{fffd}b.csv");
    assert_eq!(clean_name("C:\\x\\y.csv"), "x/y.csv");
}

#[test]
fn another_compression_method_is_refused_by_name() {
    let mut zip = zip_of(&[("x.csv", b"date,rhr\n", CompressionMethod::Stored)]);
    // Method 12 (bzip2) in the local header (offset 8) and the central directory (10).
    zip[8] = 12;
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    zip[central + 10] = 12;
    let err = entries(&zip).unwrap_err();
    assert!(err.what.contains("a.zip/x.csv: compressed with bzip2"), "{err:?}");
}

#[test]
fn a_zip_bomb_and_a_gzip_bomb_stop_at_the_limit() {
    let zeros = vec![0u8; (MAX_FILE_BYTES + 1) as usize];
    let zip = zip_of(&[("big.csv", &zeros, CompressionMethod::Deflated)]);
    assert!(zip.len() < 1024 * 1024, "{}", zip.len());
    let err = entries(&zip).unwrap_err();
    assert!(err.what.contains("more than 64 MiB"), "{err:?}");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&zeros).unwrap();
    let gz = gz.finish().unwrap();
    let err = read_capped(flate2::read::MultiGzDecoder::new(gz.as_slice()), "b.gz", true).unwrap_err();
    assert!(err.what.contains("b.gz: unpacks to more than 64 MiB"), "{err:?}");
    // Within the limit, but past what the import has left in all.
    let mut budget = Budget { bytes_left: 0, files_left: 1, stream_left: 0 };
    assert!(budget.take(1, "c").is_err());
    assert!(budget.take(0, "c").is_ok());
    assert!(budget.take(0, "d").is_err(), "no file left");
}

#[test]
fn a_broken_zip_is_refused_naming_it() {
    let err = entries(b"PK\x03\x04 not really").unwrap_err();
    assert!(err.what.starts_with("a.zip: not a zip file cooldown can read"), "{err:?}");
}
