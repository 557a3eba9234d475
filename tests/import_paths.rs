//! `cooldown import PATH… [--dry-run]`: several files, folders, containers, the format
//! from the content, one transaction for everything, a summary per kind, ticks round trip.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256, today};
use cooldown::domain::history;
use cooldown::domain::routine::Routine;
use cooldown::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use zip::CompressionMethod;

const MARKERS: &str = "date,rhr,hrv\n2026-11-01,50,70\n2026-11-02,51,71\n";
const RUNS: &str = "date,type,minutes\n2026-11-01,easy,30\n";

fn import(s: &Sandbox, args: &[&Path]) -> std::process::Output {
    s.cmd().arg("import").args(args).output().unwrap()
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn count(s: &Sandbox, table: &str) -> i64 {
    let c = rusqlite::Connection::open(s.db()).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zip_of(entries: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data, method) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(*method)).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A database with one marker row, so its bytes can be compared.
fn started(s: &Sandbox) -> String {
    s.cmd().args(["log", "--date", "2026-10-01", "--rhr", "49"]).assert().success();
    sha256(&s.db())
}

#[test]
fn several_files_import_together_in_one_summary() {
    let s = Sandbox::new();
    let (m, r) = (s.write("m.csv", MARKERS), s.write("r.csv", RUNS));
    let o = import(&s, &[&m, &r]);
    assert!(o.status.success(), "{}", err(&o));
    let first = out(&o).lines().next().unwrap().to_string();
    let names = format!("imported 2 files ({}, {}): ", m.display(), r.display());
    assert_eq!(
        first,
        format!(
            "{names}2 mornings (2 new, 0 changed, 0 already the same); 1 run (1 new, 0 changed, 0 already the same)"
        )
    );
    assert_eq!((count(&s, "markers"), count(&s, "runs")), (2, 1));
}

#[test]
fn a_folder_is_its_files_recursively_hidden_ones_and_links_left_out() {
    let s = Sandbox::new();
    s.write("in/a.csv", MARKERS);
    s.write("in/deeper/still/r.csv", RUNS);
    s.write("in/.hidden.csv", "date,rhr\n2026-11-10,60\n");
    s.write("in/.git/x.csv", "date,rhr\n2026-11-11,60\n");
    s.write("in/notes.txt", "remember to stretch\n");
    let outside = s.write("elsewhere/o.csv", "date,rhr\n2026-11-12,60\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, s.path("in/link.csv")).unwrap();
    let _ = outside;
    let o = import(&s, &[&s.path("in")]);
    assert!(o.status.success(), "{}", err(&o));
    let said = out(&o);
    assert!(said.starts_with("imported 2 files (") && said.contains("): 2 mornings (2 new"), "{said}");
    assert!(said.contains("notes.txt (a text file with no column cooldown knows)"), "{said}");
    #[cfg(unix)]
    assert!(said.contains("link.csv (a symbolic link, not followed)"), "{said}");
    assert_eq!((count(&s, "markers"), count(&s, "runs")), (2, 1), "no hidden or linked day stored");
}

#[test]
fn a_folder_with_nothing_to_import_is_refused_naming_it() {
    let s = Sandbox::new();
    let before = started(&s);
    s.write("docs/readme.txt", "hello\n");
    let o = import(&s, &[&s.path("docs")]);
    assert_eq!(o.status.code(), Some(65));
    assert!(err(&o).contains("docs: no file in this folder is one cooldown can import"), "{}", err(&o));
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn gzip_and_zip_are_found_from_their_bytes_not_their_names() {
    let s = Sandbox::new();
    let g = s.write("markers.data", gz(MARKERS.as_bytes()));
    let o = import(&s, &[&g]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).starts_with("imported ") && out(&o).contains("markers.data: 2 mornings (2 new"),
        "{}",
        out(&o)
    );
    let z = s.write(
        "two.zip",
        zip_of(&[
            ("m.csv", MARKERS.as_bytes(), CompressionMethod::Deflated),
            ("runs/r.csv", RUNS.as_bytes(), CompressionMethod::Stored),
        ]),
    );
    let o = import(&s, &[&z]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("two.zip/m.csv, ") && out(&o).contains("two.zip/runs/r.csv): 2 mornings (0 new, 0 changed, 2 already the same); 1 run (1 new, 0 changed, 0 already the same)"),
        "{}",
        out(&o)
    );
}

#[test]
fn a_bzip2_entry_is_refused_by_name_and_nothing_is_stored() {
    let s = Sandbox::new();
    let before = started(&s);
    let mut zip = zip_of(&[
        ("m.csv", MARKERS.as_bytes(), CompressionMethod::Deflated),
        ("r.csv", RUNS.as_bytes(), CompressionMethod::Stored),
    ]);
    // The second entry's method becomes 12 (bzip2) in its local and central headers.
    let locals: Vec<usize> =
        zip.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x03\x04").map(|(i, _)| i).collect();
    let centrals: Vec<usize> =
        zip.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x01\x02").map(|(i, _)| i).collect();
    zip[locals[1] + 8] = 12;
    zip[centrals[1] + 10] = 12;
    let z = s.write("b.zip", zip);
    let o = import(&s, &[&z]);
    assert_eq!(o.status.code(), Some(65));
    assert!(err(&o).contains("b.zip/r.csv: compressed with bzip2"), "{}", err(&o));
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn a_zip_bomb_and_a_gzip_bomb_are_refused() {
    let s = Sandbox::new();
    let before = started(&s);
    let mut big = b"date,rhr\n".to_vec();
    big.resize(65 * 1024 * 1024, b'\n');
    let bomb = s.write("bomb.zip", zip_of(&[("m.csv", &big, CompressionMethod::Deflated)]));
    let gbomb = s.write("bomb.csv.gz", gz(&big));
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1024 * 1024);
    for file in [&bomb, &gbomb] {
        let o = import(&s, &[file]);
        assert_eq!(o.status.code(), Some(65), "{file:?}");
        assert!(err(&o).contains("more than 64 MiB"), "{}", err(&o));
        assert_eq!(err(&o).lines().count(), 1);
    }
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn a_bad_second_file_rejects_the_first_too() {
    let s = Sandbox::new();
    let before = started(&s);
    let good = s.write("a-good.csv", MARKERS);
    let bad = s.write("b-bad.csv", "date,rhr\n2026-11-03,50\n2026-11-04,400\n");
    let o = import(&s, &[&good, &bad]);
    assert_eq!(o.status.code(), Some(65));
    assert!(err(&o).contains("b-bad.csv:3: rhr: 400 is outside"), "{}", err(&o));
    assert_eq!(sha256(&s.db()), before);
    // And inside a folder, a bad file later in the order.
    s.write("dir/1.csv", MARKERS);
    s.write("dir/2.csv", "date,rhr\n2026-11-05,abc\n");
    let o = import(&s, &[&s.path("dir")]);
    assert_eq!(o.status.code(), Some(65));
    assert!(err(&o).contains("2.csv:2: rhr:"), "{}", err(&o));
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_the_import_then_does() {
    let s = Sandbox::new();
    let before = started(&s);
    let (m, r) = (s.write("m.csv", MARKERS), s.write("r.csv", RUNS));
    let dry = s.cmd().args(["import", "--dry-run"]).arg(&m).arg(&r).output().unwrap();
    assert!(dry.status.success(), "{}", err(&dry));
    assert_eq!(sha256(&s.db()), before, "a dry run changed the database");
    assert!(!s.path("cooldown.db-journal").exists());
    let real = import(&s, &[&m, &r]);
    let (dry, real) = (out(&dry), out(&real));
    assert_eq!(
        dry.lines().next().unwrap().replacen("would import", "imported", 1),
        real.lines().next().unwrap()
    );
    assert!(dry.contains("dry run: nothing was written"), "{dry}");
    // On a database that does not exist yet, nothing is created.
    let fresh = s.path("new.db");
    let o = s.bare().arg("--db").arg(&fresh).args(["import", "--dry-run"]).arg(&m).output().unwrap();
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).starts_with("would import ") && out(&o).contains("m.csv: 2 mornings (2 new"),
        "{}",
        out(&o)
    );
    assert!(!fresh.exists());
}

#[test]
fn ticks_come_back_from_an_export_and_the_streaks_with_them() {
    let s = Sandbox::new();
    s.cmd().args(["seed-demo", "--days", "60"]).assert().success();
    let export = |what: &str, format: &str| -> PathBuf {
        let file = s.path(&format!("{what}.{format}"));
        s.cmd().args(["export", "--what", what, "--format", format, "--out"]).arg(&file).assert().success();
        file
    };
    let (markers, runs, ticks, ticks_json) =
        (export("markers", "csv"), export("runs", "csv"), export("ticks", "csv"), export("ticks", "json"));
    let fresh = s.path("fresh.db");
    let o = s.bare().arg("--db").arg(&fresh).arg("import").args([&markers, &runs, &ticks]).output().unwrap();
    assert!(o.status.success(), "{}", err(&o));
    let n = std::fs::read_to_string(&ticks).unwrap().lines().count() - 1;
    assert!(
        out(&o).contains(&format!("; {n} ticks ({n} new, 0 changed, 0 already the same)")),
        "{}",
        out(&o)
    );
    let streaks = |db: &Path| {
        let store = Store::open_path(db).unwrap();
        let (from, to) = (store.first_day().unwrap().unwrap(), today());
        let shares = history::shares(
            &Routine::builtin().unwrap(),
            from,
            to,
            &store.sessions_between(from, to).unwrap(),
            &store.ticks_between(from, to).unwrap(),
        );
        history::streaks(&shares, to)
    };
    let kept = streaks(&s.db());
    assert!(kept.1 > 0, "the demo has streaks: {kept:?}");
    assert_eq!(streaks(&fresh), kept);
    // Again, as JSON: every tick already there.
    let o = s.bare().arg("--db").arg(&fresh).arg("import").arg(&ticks_json).output().unwrap();
    assert!(out(&o).contains(&format!("{n} ticks (0 new, 0 changed, {n} already the same)")), "{}", out(&o));
}

#[test]
fn a_bad_tick_row_is_refused_an_unknown_item_kept() {
    let s = Sandbox::new();
    let before = started(&s);
    let cases = [
        (
            "date,item_id,set,ticked_at\n2026-11-01,Foam Quads,1,\n",
            ":2: item_id: 'Foam Quads' is not an item id",
        ),
        ("date,item_id,set,ticked_at\n2026-11-01,foam-quads,0,\n", ":2: set: '0' is not a set number"),
        ("date,item_id,set,ticked_at\n2026-12-01,foam-quads,1,\n", ":2: date:"),
        ("date,item_id,set,ticked_at\n2026-11-01,foam-quads,1,yesterday\n", ":2: ticked_at:"),
        (
            "date,item_id,set\n2026-11-01,a,1\n2026-11-01,a,1\n",
            ":3: set: 2026-11-01 a set 1 is already on line 2",
        ),
        ("date,item_id,set,extra\n2026-11-01,a,1,x\n", ":1: unknown column 'extra' in a ticks file"),
    ];
    for (text, needle) in cases {
        let file = s.write("t.csv", text);
        let o = import(&s, &[&file]);
        assert_eq!(o.status.code(), Some(65), "{text}");
        assert!(err(&o).contains(&format!("t.csv{needle}")), "{needle} not in {}", err(&o));
        assert_eq!(sha256(&s.db()), before);
    }
    let file =
        s.write("t.csv", "date,item_id,set,ticked_at\n2026-11-01,an-old-item,3,2026-11-01T18:00:00+00:00\n");
    let o = import(&s, &[&file]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("1 tick (1 new"), "{}", out(&o));
}

#[test]
fn a_broken_fit_and_an_unknown_xml_are_refused_with_one_clear_line() {
    let s = Sandbox::new();
    let before = started(&s);
    let mut fit = vec![14u8, 0x10, 0, 8, 0, 0, 0, 0];
    fit.extend_from_slice(b".FIT\0\0");
    let f = s.write("ride.bin", &fit);
    let o = import(&s, &[&f]);
    assert_eq!(o.status.code(), Some(65));
    assert_eq!(err(&o).lines().count(), 1);
    assert!(err(&o).contains("ride.bin: not a FIT file ("), "{}", err(&o));
    let x = s.write("page.xml", "<?xml version=\"1.0\"?><html></html>");
    let o = import(&s, &[&x]);
    assert_eq!(o.status.code(), Some(65));
    assert!(err(&o).contains("page.xml: XML whose root element is <html>"), "{}", err(&o));
    assert_eq!(sha256(&s.db()), before);
}

#[cfg(unix)]
#[test]
fn a_fifo_inside_a_folder_is_refused_never_waited_on() {
    let s = Sandbox::new();
    let before = started(&s);
    s.write("in/a.csv", MARKERS);
    assert!(std::process::Command::new("mkfifo").arg(s.path("in/b.q")).status().unwrap().success());
    let o = import(&s, &[&s.path("in")]);
    assert_eq!(o.status.code(), Some(65));
    assert!(err(&o).contains("b.q: this is a FIFO (named pipe), not a regular file"), "{}", err(&o));
    assert_eq!(sha256(&s.db()), before);
}
