//! A record's table of fields (`domain::fields`) as SQL: the column list, the values to
//! bind, and a row read back into the record. The columns of `markers` and `runs` are the
//! tables' columns, so a field added to a table needs only its migration here.

use crate::domain::fields::{Kind, Spec, Value};
use crate::domain::session::Session;
use chrono::NaiveTime;
use rusqlite::types::{FromSqlError, Type, Value as Sql, ValueRef};

/// `rhr, hrv, …` in table order.
pub(super) fn columns<R>(table: &[Spec<R>]) -> String {
    table.iter().map(|s| s.column).collect::<Vec<_>>().join(", ")
}

/// `?first, ?first+1, …`, one per field.
pub(super) fn placeholders<R>(table: &[Spec<R>], first: usize) -> String {
    (first..first + table.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
}

/// The field's value as SQLite stores it (yes/no as 1/0, times as `HH:MM`).
pub(super) fn bind<R>(spec: &Spec<R>, record: &R) -> Sql {
    match (spec.get)(record) {
        None => Sql::Null,
        Some(Value::Int(v)) => Sql::Integer(v),
        Some(Value::Real(v)) => Sql::Real(v),
        Some(Value::Flag(v)) => Sql::Integer(i64::from(v)),
        Some(Value::Text(v)) => Sql::Text(v),
        Some(Value::RunType(v)) => Sql::Text(v.name().to_string()),
        Some(Value::Time(v)) => Sql::Text(v.format("%H:%M").to_string()),
    }
}

/// Every field of `table` bound, in order.
pub(super) fn bind_all<R>(table: &[Spec<R>], record: &R) -> Vec<Sql> {
    table.iter().map(|s| bind(s, record)).collect()
}

fn bad(index: usize, ty: Type, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, ty, what.to_string().into())
}

fn value(kind: Kind, cell: ValueRef, index: usize) -> rusqlite::Result<Option<Value>> {
    let text = |t: &[u8]| {
        std::str::from_utf8(t).map(str::to_string).map_err(|e| bad(index, Type::Text, &e.to_string()))
    };
    Ok(Some(match (kind, cell) {
        (_, ValueRef::Null) => return Ok(None),
        (Kind::Int(_), ValueRef::Integer(v)) => Value::Int(v),
        (Kind::Real(_), ValueRef::Real(v)) => Value::Real(v),
        (Kind::Real(_), ValueRef::Integer(v)) => Value::Real(v as f64),
        (Kind::YesNo, ValueRef::Integer(v)) => Value::Flag(v != 0),
        (Kind::Text | Kind::Choice(_), ValueRef::Text(t)) => Value::Text(text(t)?),
        (Kind::RunType, ValueRef::Text(t)) => {
            Value::RunType(Session::parse_run(&text(t)?).ok_or_else(|| bad(index, Type::Text, "run type"))?)
        }
        (Kind::Time, ValueRef::Text(t)) => Value::Time(
            NaiveTime::parse_from_str(&text(t)?, "%H:%M").map_err(|_| bad(index, Type::Text, "run time"))?,
        ),
        (_, other) => {
            return Err(rusqlite::Error::FromSqlConversionFailure(
                index,
                other.data_type(),
                Box::new(FromSqlError::InvalidType),
            ));
        }
    }))
}

/// Sets every field of `record` from the row's columns `first…`, in table order.
pub(super) fn read<R>(
    table: &[Spec<R>],
    row: &rusqlite::Row,
    first: usize,
    record: &mut R,
) -> rusqlite::Result<()> {
    for (i, spec) in table.iter().enumerate() {
        let index = first + i;
        (spec.set)(record, value(spec.kind, row.get_ref(index)?, index)?);
    }
    Ok(())
}
