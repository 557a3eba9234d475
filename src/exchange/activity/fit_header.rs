//! What fitparser assumes before it reads a FIT file, checked first: a 12- or 14-byte
//! header with the `.FIT` signature, a data size the file holds, and the checksums of the
//! header and of the first file's data (FIT's CRC-16). A header it cannot read can panic
//! it, and a damaged definition makes it print to stderr; a file whose checksum fails is
//! refused before it sees any of it. (A chained file's later parts are checked by
//! fitparser itself.)

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
}
