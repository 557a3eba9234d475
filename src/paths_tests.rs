use super::*;

fn dir_with_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    std::fs::write(&db, "db").unwrap();
    (dir, db)
}

fn refused(given: &Path, db: &Path) -> Error {
    let err = out_target(given, db, "--out").unwrap_err();
    assert_eq!(err.exit_code(), 65, "{err}");
    err
}

#[test]
fn a_dash_is_standard_output_and_a_new_name_is_fine() {
    let (dir, db) = dir_with_db();
    assert_eq!(out_target(Path::new("-"), &db, "--out").unwrap(), Target::Stdout);
    let new = dir.path().join("out.csv");
    assert_eq!(out_target(&new, &db, "--out").unwrap(), Target::File(resolved(&new)));
    std::fs::write(&new, "old").unwrap();
    assert_eq!(out_target(&new, &db, "--out").unwrap(), Target::File(new.canonicalize().unwrap()));
    let err = out_target(&dir.path().join("missing/out.csv"), &db, "--out").unwrap_err();
    assert_eq!(err.exit_code(), 74, "{err}");
}

#[test]
fn the_database_and_its_journals_are_refused_by_name() {
    let (dir, db) = dir_with_db();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        // Whether the file exists or not: a `-wal` written now would be read as a log later.
        let target = with_suffix(&db, suffix);
        let err = refused(&target, &db);
        assert!(err.what.contains("the database"), "{err}");
        std::fs::write(&target, "x").unwrap();
        refused(&target, &db);
    }
    // The same file through `..` and a relative spelling of its folder.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    refused(&sub.join("../c.db"), &db);
}

#[cfg(unix)]
#[test]
fn links_to_the_database_are_refused_by_identity() {
    let (dir, db) = dir_with_db();
    let soft = dir.path().join("soft.csv");
    std::os::unix::fs::symlink(&db, &soft).unwrap();
    assert!(refused(&soft, &db).what.contains("the database in use"));
    let hard = dir.path().join("hard.csv");
    std::fs::hard_link(&db, &hard).unwrap();
    assert!(refused(&hard, &db).what.contains("the database in use"));
    // The database reached through a link to its folder.
    let alias = dir.path().join("alias");
    std::os::unix::fs::symlink(dir.path(), &alias).unwrap();
    refused(&alias.join("c.db-wal"), &db);
    refused(&dir.path().join("c.db"), &alias.join("c.db"));
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink(dir.path().join("nothing"), &dangling).unwrap();
    assert!(refused(&dangling, &db).what.contains("missing file"));
    // A link to another regular file is written through: the link stays.
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "x").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&other, &link).unwrap();
    assert_eq!(out_target(&link, &db, "--out").unwrap(), Target::File(other.canonicalize().unwrap()));
}

#[cfg(unix)]
#[test]
fn folders_and_devices_are_refused() {
    let (dir, db) = dir_with_db();
    assert!(refused(dir.path(), &db).what.contains("a folder"));
    assert!(refused(Path::new("/dev/null"), &db).what.contains("a character device"));
    let fifo = dir.path().join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    assert!(refused(&fifo, &db).what.contains("FIFO"));
}
