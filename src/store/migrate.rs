//! Schema migrations: `migrations/NNNN_name.sql`, applied in order, one `user_version`
//! step each, inside the caller's `BEGIN IMMEDIATE` transaction.

use rusqlite::Connection;

/// Our `PRAGMA application_id`: "CDWN". Anything else is a foreign file.
pub const APPLICATION_ID: i32 = 0x4344_574E;

/// Every migration, in order; migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: [&str; 7] = [
    include_str!("../../migrations/0001_core.sql"),
    include_str!("../../migrations/0002_timers.sql"),
    include_str!("../../migrations/0003_run_ids.sql"),
    include_str!("../../migrations/0004_hrv_source.sql"),
    include_str!("../../migrations/0005_pain_sites.sql"),
    include_str!("../../migrations/0006_run_ids_never_reused.sql"),
    include_str!("../../migrations/0007_run_source_ids.sql"),
];

/// The schema version this build writes and understands.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations after `from` and stamps the file as ours. The caller holds the
/// write lock and commits; a failure leaves the old schema whole.
pub(super) fn migrate(conn: &Connection, from: i64) -> rusqlite::Result<()> {
    let start = usize::try_from(from).unwrap_or(MIGRATIONS.len());
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(start) {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)
}

/// `(application_id, user_version, number of schema objects)`.
pub(super) fn identity(conn: &Connection) -> rusqlite::Result<(i32, i64, i64)> {
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok((app, version, objects))
}
