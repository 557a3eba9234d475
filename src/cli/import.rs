//! `cooldown import PATH… [--dry-run]`: files and folders (`-` is standard input), each
//! file's format found from its content (`exchange::dispatch`), everything stored in ONE
//! transaction — all or nothing — and a summary per kind. `--dry-run` runs the very same
//! storing and rolls it back, so its summary is exactly what the import would say.

use super::Context;
use super::output::say;
use super::progress::{Progress, Tracked};
use crate::error::{Error, Result};
use crate::exchange::dispatch::Reading;
use crate::exchange::gather::{self, Source};
use crate::exchange::import::{self, Imported, Part};
use crate::exchange::{unpack, wellness};
use crate::store::{Store, Summary, Tally};
use crate::text;
use std::process::ExitCode;

pub fn run(ctx: &Context, paths: &[String], dry_run: bool) -> Result<ExitCode> {
    if paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err(Error::bad_input("'-' is given twice", "import", "standard input can be read once"));
    }
    let mut gathered = Vec::with_capacity(paths.len());
    for arg in paths {
        gathered.push((arg, gather::gather(arg)?));
    }
    let total: usize = gathered.iter().map(|(_, g)| g.sources.len()).sum();
    if total > unpack::MAX_FILES {
        return Err(unpack::refuse(
            "import",
            format!("more than {} files in one import", unpack::MAX_FILES),
            "import the folders one at a time",
        ));
    }
    let mut progress = Progress::new(&ctx.clock, total);
    let mut reading = Reading::new(ctx.today);
    for (arg, got) in gathered {
        let (mut found, skipped_before) = (0, reading.skipped.len());
        for source in got.sources {
            found += read_source(&mut reading, source, &mut progress)?;
        }
        reading.skipped.extend(got.skipped);
        if found == 0 && arg != "-" && std::path::Path::new(arg).is_dir() {
            let skipped = &reading.skipped[skipped_before..];
            let what = match skipped.len() {
                0 => "this folder holds no file".to_string(),
                _ => {
                    format!("no file in this folder is one cooldown can import ({})", skipped_files(skipped))
                }
            };
            return Err(unpack::refuse(
                &text::clean(arg),
                what,
                "give the folder of an export, or the files themselves",
            ));
        }
    }
    progress.storing();
    let summary = store(ctx, &reading.files, dry_run)?;
    progress.clear();
    report(&reading, &summary, dry_run)?;
    Ok(ExitCode::SUCCESS)
}

fn read_source(reading: &mut Reading, source: Source, progress: &mut Progress) -> Result<usize> {
    let found = match source {
        Source::Stdin => reading.read(&mut std::io::stdin().lock(), "stdin", true)?,
        Source::File { path, name, named } => {
            let (file, len) = gather::open_file(&path, &name)?;
            progress.file_start(len);
            let found = reading.read_file(Tracked::new(file, progress), len, &name, named)?;
            if named && found == 0 {
                return Err(unpack::refuse(
                    &name,
                    "holds no file cooldown can import".into(),
                    "give the archive of an export, or the files themselves",
                ));
            }
            found
        }
        Source::GarminFolder { path, name } => {
            let got = wellness::read_garmin_folder(&path, reading.today)?;
            reading.keep(got, &name)
        }
    };
    progress.file_done();
    Ok(found)
}

/// Stores it all; a dry run on a database that does not exist yet uses a temporary one, so
/// it creates nothing.
fn store(ctx: &Context, files: &[Imported], dry_run: bool) -> Result<Summary> {
    let now = ctx.clock.now();
    if dry_run && !ctx.db.path.exists() {
        let dir = tempfile::Builder::new().prefix("cooldown-dry-run-").tempdir().map_err(|e| {
            Error::io(format!("cannot create a temporary folder: {e}"), "--dry-run", "check $TMPDIR")
        })?;
        let mut store = Store::open_path(&dir.path().join("dry-run.db"))?;
        return import::store_all(&mut store, files, now, false);
    }
    let mut store = ctx.open_store()?;
    import::store_all(&mut store, files, now, !dry_run)
}

/// Up to this many files, the summary names them.
const NAMED_FILES: usize = 5;

const PARTS: [(Part, &str, &str); 4] = [
    (Part::Markers, "morning", "mornings"),
    (Part::Runs, "run", "runs"),
    (Part::Activities, "activity", "activities"),
    (Part::Ticks, "tick", "ticks"),
];

fn tally_of(s: &Summary, part: Part) -> Tally {
    match part {
        Part::Markers => s.markers,
        Part::Runs => s.runs,
        Part::Activities => s.activities,
        Part::Ticks => s.ticks,
    }
}

fn report(reading: &Reading, summary: &Summary, dry_run: bool) -> Result<()> {
    let files = reading.files.as_slice();
    let what = match files {
        [one] => one.file.clone(),
        _ if files.len() <= NAMED_FILES => {
            let names: Vec<&str> = files.iter().map(|f| f.file.as_str()).collect();
            format!("{} files ({})", files.len(), names.join(", "))
        }
        _ => format!("{} files", files.len()),
    };
    let parts: Vec<String> = PARTS
        .iter()
        .filter_map(|(part, one, many)| {
            let skipped = skipped_of(files, *part);
            tally(tally_of(summary, *part), &skipped, one, many)
        })
        .collect();
    say(&format!(
        "{} {what}: {}",
        if dry_run { "would import" } else { "imported" },
        if parts.is_empty() { "no rows".to_string() } else { parts.join("; ") }
    ))?;
    let several = files.len() > 1;
    for got in files {
        let from = if several { format!(" ({})", got.file) } else { String::new() };
        for c in &got.converted {
            say(&format!("converted {c}{from}"))?;
        }
        if !got.ignored.is_empty() {
            let ignored = text::names(&got.ignored, 40, 30);
            say(&format!("ignored columns (no place for them in cooldown): {ignored}{from}"))?;
        }
    }
    if !reading.skipped.is_empty() {
        say(&skipped_files(&reading.skipped))?;
    }
    if dry_run {
        say("dry run: nothing was written; run it again without --dry-run to import")?;
    }
    Ok(())
}

/// Per reason, how many records of `part` the readers left out, in first-seen order.
fn skipped_of(files: &[Imported], part: Part) -> Vec<(usize, String)> {
    let mut reasons: Vec<(usize, String)> = Vec::new();
    for s in files.iter().flat_map(|f| &f.skipped).filter(|s| s.part == part) {
        match reasons.iter_mut().find(|(_, why)| *why == s.why) {
            Some((n, _)) => *n += 1,
            None => reasons.push((1, s.why.clone())),
        }
    }
    reasons
}

/// "3 mornings (2 new, 1 changed, 0 already the same)", with ", 4 skipped: dates after
/// today" for each reason records were left out.
fn tally(t: Tally, skipped: &[(usize, String)], one: &str, many: &str) -> Option<String> {
    let total = t.total();
    if total == 0 && skipped.is_empty() {
        return None;
    }
    let noun = if total == 1 { one } else { many };
    let mut counts = format!("{} new, {} changed, {} already the same", t.new, t.changed, t.same);
    if total == 0 {
        counts.clear();
    }
    for (n, why) in skipped {
        let sep = if counts.is_empty() { "" } else { ", " };
        counts.push_str(&format!("{sep}{n} skipped: {}", text::quote(why, 80)));
    }
    Some(format!("{total} {noun} ({counts})"))
}

/// "skipped 2 files (not a format cooldown reads): a.txt (not UTF-8 text), b.json (…)".
fn skipped_files(skipped: &[(String, String)]) -> String {
    let listed: Vec<String> = skipped.iter().map(|(name, why)| format!("{name} ({why})")).collect();
    let noun = if skipped.len() == 1 { "file" } else { "files" };
    format!("skipped {} {noun}: {}", skipped.len(), text::names(&listed, 160, 10))
}
