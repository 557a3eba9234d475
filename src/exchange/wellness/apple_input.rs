//! The bytes under Apple Health's streamed XML reader: counted as the parser consumes them
//! (for line numbers in errors), and stopped at a limit (a gigabyte export is normal; a
//! bomb of XML is not) — past it, reading fails and [`Counted::stop`] says why. One element
//! (or text, comment, DOCTYPE) longer than [`MAX_EVENT_BYTES`] stops it too: the parser
//! holds one event in memory, so that bounds what it holds.

use std::io::{self, BufRead, Read};

/// The longest one event may be (Apple's DOCTYPE is ~10 KiB; a `Record` a few hundred bytes).
pub(super) const MAX_EVENT_BYTES: u64 = 1024 * 1024;

/// Why reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// Past the limit of the whole stream.
    Cap,
    /// One event past [`MAX_EVENT_BYTES`].
    Event,
}

pub(super) struct Counted<R> {
    inner: R,
    /// Bytes consumed so far.
    used: u64,
    /// Newlines among them.
    newlines: u64,
    cap: u64,
    /// Where the event being read started.
    event: u64,
    stop: Option<Stop>,
}

impl<R: BufRead> Counted<R> {
    pub(super) fn new(inner: R, cap: u64) -> Counted<R> {
        Counted { inner, used: 0, newlines: 0, cap, event: 0, stop: None }
    }

    /// The next event starts here.
    pub(super) fn mark(&mut self) {
        self.event = self.used;
    }

    /// The line the next unconsumed byte is on (1-based).
    pub(super) fn line(&self) -> u64 {
        self.newlines + 1
    }

    pub(super) fn used(&self) -> u64 {
        self.used
    }

    /// Why reading stopped, if a limit stopped it.
    pub(super) fn stop(&self) -> Option<Stop> {
        self.stop
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let left = self.cap.saturating_sub(self.used);
        let event_left = (MAX_EVENT_BYTES + 1).saturating_sub(self.used.saturating_sub(self.event));
        let buf = self.inner.fill_buf()?;
        if (left == 0 || event_left == 0) && !buf.is_empty() {
            self.stop = Some(if left == 0 { Stop::Cap } else { Stop::Event });
            return Err(io::Error::other("past the most an import streams"));
        }
        let n = buf.len().min(usize::try_from(left.min(event_left)).unwrap_or(usize::MAX));
        Ok(&buf[..n])
    }

    fn consume(&mut self, amt: usize) {
        if amt == 0 {
            return;
        }
        // The bytes are still in the buffer `fill_buf` returned: no reading happens here.
        if let Ok(buf) = self.inner.fill_buf() {
            let seen = &buf[..amt.min(buf.len())];
            self.newlines += seen.iter().filter(|b| **b == b'\n').count() as u64;
        }
        self.used += amt as u64;
        self.inner.consume(amt);
    }
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_stops_at_the_cap() {
        let mut c = Counted::new(&b"a\nb\nc"[..], 4);
        let mut got = Vec::new();
        let e = c.read_to_end(&mut got).unwrap_err();
        assert_eq!((got.as_slice(), c.line(), c.used(), c.stop()), (&b"a\nb\n"[..], 3, 4, Some(Stop::Cap)));
        assert!(e.to_string().contains("most an import streams"));
        let mut c = Counted::new(&b"a\nb\n"[..], 4);
        got.clear();
        c.read_to_end(&mut got).unwrap();
        assert_eq!(c.stop(), None, "exactly the cap is within it");
    }

    #[test]
    fn one_event_may_not_run_on() {
        let long = vec![b' '; MAX_EVENT_BYTES as usize + 10];
        let mut c = Counted::new(long.as_slice(), u64::MAX);
        let mut got = Vec::new();
        assert!(c.read_to_end(&mut got).is_err());
        assert_eq!(c.stop(), Some(Stop::Event));
        let mut c = Counted::new(long.as_slice(), u64::MAX);
        let mut chunk = vec![0; 4096];
        while c.read(&mut chunk).unwrap() > 0 {
            c.mark();
        }
        assert_eq!(c.stop(), None, "events that start anew are within it");
    }
}
