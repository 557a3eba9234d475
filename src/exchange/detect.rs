//! What a file is, from its first bytes, never its name (CLI.md v2 `import`): a container
//! to unwrap (gzip, zip), a watch's activity file (FIT, GPX, TCX), a wellness export, or
//! one of our own CSVs. Pure: bytes in, a [`Format`] out; `dispatch` calls the readers.

use super::columns::{self, Role};
use super::wellness::Kind as Wellness;

/// How far into a file sniffing looks (an Apple Health export's DOCTYPE is ~10 KiB).
pub const SNIFF_BYTES: usize = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    /// `1f 8b`: unwrapped, then sniffed again.
    Gzip,
    /// `PK\x03\x04`: each entry sniffed in turn.
    Zip,
    /// `PK\x05\x06`: a zip with no entries.
    EmptyZip,
    /// Header size 12 or 14, bytes 8..12 `.FIT`.
    Fit,
    /// XML whose root element is `gpx`.
    Gpx,
    /// XML whose root element is `TrainingCenterDatabase`.
    Tcx,
    /// A wellness export that `wellness::read` reads.
    Wellness(Wellness),
    /// Our ticks export as CSV (`date,item_id,set,ticked_at`).
    TicksCsv,
    /// Our ticks export as JSON (an array of objects with `item_id` and `set`).
    TicksJson,
    /// A CSV our importer knows by its header: markers, runs, or intervals.icu's wellness
    /// columns (`import::parse`).
    Csv,
    /// Text whose header names nothing we know: read as a CSV when the runner named the
    /// file (its error says which column is unknown), skipped inside a folder or archive.
    OtherText,
    /// Anything else, and why, in a runner's words.
    Unknown(String),
}

/// The format of `bytes`.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    if head.starts_with(b"PK\x03\x04") {
        return Format::Zip;
    }
    if head.starts_with(b"PK\x05\x06") {
        return Format::EmptyZip;
    }
    if head.len() >= 12 && matches!(head[0], 12 | 14) && &head[8..12] == b".FIT" {
        return Format::Fit;
    }
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len());
    match text.get(start) {
        Some(b'<') => xml(&text[start..]),
        Some(b'{' | b'[') => json(&text[start..]),
        _ if std::str::from_utf8(utf8_prefix(text)).is_err() => Format::Unknown(
            "not a format cooldown reads (not UTF-8 text, nor a FIT, gzip or zip file)".into(),
        ),
        _ => csv(text),
    }
}

/// `bytes` cut at a character boundary near its end (a sniffed prefix may split one).
fn utf8_prefix(bytes: &[u8]) -> &[u8] {
    match std::str::from_utf8(bytes) {
        Err(e) if e.error_len().is_none() => &bytes[..e.valid_up_to()],
        _ => bytes,
    }
}

/// The name of the root element of an XML document: past the declaration, comments,
/// processing instructions and a DOCTYPE (with its internal subset); a prefix dropped.
pub fn root_element(xml: &[u8]) -> Option<String> {
    let mut at = 0;
    loop {
        let rest = &xml[at..];
        let lt = rest.iter().position(|&b| b == b'<')?;
        let tag = &rest[lt..];
        let skip = if tag.starts_with(b"<?") {
            find(tag, b"?>")? + 2
        } else if tag.starts_with(b"<!--") {
            find(tag, b"-->")? + 3
        } else if tag.starts_with(b"<!") {
            // DOCTYPE: an internal subset `[ … ]` may hold `>` of its own.
            let close = tag.iter().position(|&b| b == b'>')?;
            match tag[..close].iter().position(|&b| b == b'[') {
                Some(open) => {
                    let subset = &tag[open..];
                    let end = find(subset, b"]")?;
                    open + end + find(&subset[end..], b">")? + 1
                }
                None => close + 1,
            }
        } else {
            let name: Vec<u8> = tag[1..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'>' | b'/'))
                .copied()
                .collect();
            let name = String::from_utf8(name).ok()?;
            let local = name.rsplit(':').next().unwrap_or(&name).to_string();
            return (!local.is_empty()).then_some(local);
        };
        at += lt + skip;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn xml(text: &[u8]) -> Format {
    match root_element(text).as_deref() {
        Some("gpx") => Format::Gpx,
        Some("TrainingCenterDatabase") => Format::Tcx,
        Some("HealthData") => Format::Wellness(Wellness::AppleHealthXml),
        Some(other) => Format::Unknown(format!(
            "XML whose root element is <{}>, not a GPX, TCX or Apple Health export",
            crate::text::quote(other, 40)
        )),
        None => Format::Unknown("XML whose root element cannot be found in its first 64 KiB".into()),
    }
}

/// Whether a JSON text names `key` in its first bytes (enough to route it).
fn has_key(text: &[u8], key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    find(text, quoted.as_bytes()).is_some()
}

fn json(text: &[u8]) -> Format {
    let object = text.first() == Some(&b'{');
    if !object && has_key(text, "item_id") && has_key(text, "set") {
        Format::TicksJson
    } else if object
        && ["sleep", "readiness", "daily_sleep", "daily_readiness"].iter().any(|k| has_key(text, k))
    {
        Format::Wellness(Wellness::OuraJson)
    } else if !object && has_key(text, "calendarDate") {
        Format::Unknown(
            "a file of a Garmin Connect export: unzip the export and import its whole folder".into(),
        )
    } else {
        Format::Unknown(
            "JSON that is not a cooldown ticks export, an Oura export or a Garmin Connect file (export markers and runs as CSV to import them)"
                .into(),
        )
    }
}

/// The header row's cells (comma- or semicolon-separated), trimmed.
fn header_cells(text: &[u8]) -> Vec<String> {
    let line = utf8_prefix(text).split(|&b| b == b'\n').next().unwrap_or(&[]);
    let line = String::from_utf8_lossy(line);
    let line = line.trim_end_matches('\r');
    let sep = if !line.contains(',') && line.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).delimiter(sep).from_reader(line.as_bytes());
    match reader.records().next() {
        Some(Ok(row)) => row.iter().map(|c| c.trim().to_string()).collect(),
        _ => Vec::new(),
    }
}

fn csv(text: &[u8]) -> Format {
    let cells = header_cells(text);
    let has = |name: &str| cells.iter().any(|c| c.eq_ignore_ascii_case(name));
    if cells.iter().any(|c| c == "item_id") && cells.iter().any(|c| c == "set") {
        return Format::TicksCsv;
    }
    // A wellness export (HRV4Training, Oura, intervals.icu's names) goes to its reader,
    // which also refuses a file that mixes its names with ours (RELIABILITY rule 20).
    let names: Vec<&str> = cells.iter().map(String::as_str).collect();
    if let Some(kind) = super::wellness::sniff_csv(&names) {
        return Format::Wellness(kind);
    }
    if cells.iter().any(|c| !matches!(columns::role(c), Role::Unknown)) || has("type") && has("minutes") {
        Format::Csv
    } else {
        Format::OtherText
    }
}

#[cfg(test)]
#[path = "detect_tests.rs"]
mod tests;
