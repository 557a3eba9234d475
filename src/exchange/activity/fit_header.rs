//! What fitparser assumes before it reads a FIT file, checked first: a 12- or 14-byte
//! header with the `.FIT` signature, a data size the file holds, and the checksums of the
//! header and of the first file's data (FIT's CRC-16). A header it cannot read can panic
//! it, and a damaged definition makes it print to stderr; a file whose checksum fails is
//! refused before it sees any of it. (A chained file's later parts are checked by
//! fitparser itself.) Its definitions are walked too: a field whose size is no multiple of
//! its type's makes fitparser print to stderr, so it is refused here first.

/// FIT's CRC-16 nibble table (the FIT protocol, "CRC").
const CRC_TABLE: [u16; 16] = [
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000,
    0x9C01, 0x8801, 0x4400,
];

fn crc(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, &byte| {
        let nibble = |crc: u16, n: u8| {
            let t = CRC_TABLE[usize::from(crc & 0xF)];
            ((crc >> 4) & 0x0FFF) ^ t ^ CRC_TABLE[usize::from(n & 0xF)]
        };
        nibble(nibble(crc, byte), byte >> 4)
    })
}

fn le16(bytes: &[u8], at: usize) -> u16 {
    bytes.get(at..at + 2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

/// Why `bytes` is not a FIT file fitparser may read, if it is not.
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
    let Some(&size) = bytes.first() else { return Err("the file is empty".into()) };
    if bytes.get(8..12) != Some(b".FIT".as_slice()) {
        return Err("no .FIT signature in its header".into());
    }
    if size != 12 && size != 14 {
        return Err(format!("a header of {size} bytes; FIT headers have 12 or 14"));
    }
    let size = usize::from(size);
    let data = bytes.get(4..8).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let end = usize::try_from(data).map_or(usize::MAX, |d| d.saturating_add(size));
    if bytes.len() < end.saturating_add(2) {
        let needed = u64::from(data) + size as u64 + 2;
        return Err(format!("truncated: its header announces {needed} bytes, the file has {}", bytes.len()));
    }
    let header_crc = if size == 14 { le16(bytes, 12) } else { 0 };
    if header_crc != 0 && header_crc != crc(&bytes[..12]) {
        return Err("its header is damaged: checksum mismatch".into());
    }
    if le16(bytes, end) != crc(&bytes[..end]) {
        return Err("its data is damaged: checksum mismatch".into());
    }
    definitions(bytes)
}

/// The size of a FIT base type (its byte with bits 5 and 6 masked, as fitparser reads it).
fn base_size(base: u8) -> u8 {
    match base & 0x9F {
        131 | 132 | 139 => 2,
        133 | 134 | 136 | 140 => 4,
        137 | 142 | 143 | 144 => 8,
        _ => 1,
    }
}

/// Why a definition message is damaged, if one is: a field whose size is no multiple of
/// its type's, which fitparser reports by printing to stderr (its checksum can be right: the
/// recording went wrong, not the copy). Walks the records of each chained file; where the
/// structure cannot be followed it stops and leaves the verdict to fitparser.
fn definitions(bytes: &[u8]) -> Result<(), String> {
    let mut at = 0usize;
    while let Some(&header) = bytes.get(at) {
        if bytes.get(at + 8..at + 12) != Some(b".FIT".as_slice()) {
            return Ok(());
        }
        let data = bytes.get(at + 4..at + 8).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let start = at + usize::from(header);
        let Some(end) = usize::try_from(data).ok().and_then(|d| start.checked_add(d)) else { return Ok(()) };
        // Each local message type's data size, as its definition gives it.
        let mut sizes: [Option<usize>; 16] = [None; 16];
        let mut pos = start;
        while pos < end {
            let Some(&h) = bytes.get(pos) else { return Ok(()) };
            pos += 1;
            if h & 0x80 != 0 || h & 0x40 == 0 {
                let local = if h & 0x80 != 0 { (h >> 5) & 0x3 } else { h & 0xF };
                let Some(size) = sizes[usize::from(local)] else { return Ok(()) };
                pos += size;
                continue;
            }
            // A definition: reserved, architecture, global number (2 bytes), field count.
            let Some(&count) = bytes.get(pos + 4) else { return Ok(()) };
            pos += 5;
            let mut total = 0usize;
            for _ in 0..count {
                let Some(&[_, size, base]) = bytes.get(pos..pos + 3) else { return Ok(()) };
                if size % base_size(base) != 0 {
                    return Err(format!(
                        "its data is damaged: a field of {size} bytes for a type of {}",
                        base_size(base)
                    ));
                }
                total += usize::from(size);
                pos += 3;
            }
            if h & 0x20 != 0 {
                let Some(&count) = bytes.get(pos) else { return Ok(()) };
                pos += 1;
                for _ in 0..count {
                    let Some(&[_, size, _]) = bytes.get(pos..pos + 3) else { return Ok(()) };
                    total += usize::from(size);
                    pos += 3;
                }
            }
            sizes[usize::from(h & 0xF)] = Some(total);
        }
        at = end + 2;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crc_is_fits() {
        // The FIT SDK's check value for "123456789" under its CRC-16 (CRC-16/ARC).
        assert_eq!(crc(b"123456789"), 0xBB3D);
        let read =
            |name: &str| std::fs::read(format!("{}/tests/fixtures/fit/{name}", env!("CARGO_MANIFEST_DIR")));
        // A 12-byte header (no checksum of its own), then a 14-byte one.
        let real = read("Activity.fit").unwrap();
        assert_eq!(check(&real), Ok(()));
        let mut bad = real.clone();
        bad[100] ^= 1;
        assert_eq!(check(&bad), Err("its data is damaged: checksum mismatch".into()));
        bad[100] ^= 1;
        bad[2] ^= 1;
        assert_eq!(
            check(&bad),
            Err("its data is damaged: checksum mismatch".into()),
            "the data's checksum covers the header"
        );
        let real = read("garmin-fenix-5-bike.fit").unwrap();
        assert_eq!(check(&real), Ok(()));
        bad = real;
        bad[2] ^= 1;
        assert_eq!(check(&bad), Err("its header is damaged: checksum mismatch".into()));
    }

    #[test]
    fn a_field_no_multiple_of_its_type_is_refused_even_with_a_good_checksum() {
        let path = format!("{}/tests/fixtures/fit/Activity.fit", env!("CARGO_MANIFEST_DIR"));
        let mut bad = std::fs::read(path).unwrap();
        assert_eq!(definitions(&bad), Ok(()));
        // The first record is a definition; its first field becomes 3 bytes of a uint16.
        let first = usize::from(bad[0]);
        assert_eq!(bad[first] & 0xF0, 0x40, "a definition");
        bad[first + 7] = 3;
        bad[first + 8] = 0x84;
        let end = bad.len() - 2;
        let sum = crc(&bad[..end]).to_le_bytes();
        bad[end..].copy_from_slice(&sum);
        assert_eq!(check(&bad), Err("its data is damaged: a field of 3 bytes for a type of 2".into()));
    }
}
