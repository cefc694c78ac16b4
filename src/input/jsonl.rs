//! JSON Lines documents: `{"id": ..., "text": ..., "date": "YYYY-MM-DD"?}`.

use crate::dates::Day;
use serde::Deserialize;

/// One document of a JSON Lines input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonDoc {
    /// Its id (`FILE:LINE` when the line has none).
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its own date.
    pub date: Option<Day>,
}

#[derive(Deserialize)]
struct Raw {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
}

/// Parses one line; `fallback_id` is used when the line has no `id`. The
/// error says what is wrong (the caller adds file and line).
pub fn parse_line(line: &str, fallback_id: impl FnOnce() -> String) -> Result<JsonDoc, String> {
    let raw: Raw = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let text = match raw.text {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return Err("`text` is not a string".into()),
        None => return Err("no `text` field".into()),
    };
    let id = match raw.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback_id(),
        Some(other) => other.to_string(),
    };
    let date = match raw.date {
        Some(serde_json::Value::String(s)) => Some(
            Day::parse(&s).ok_or_else(|| format!("`date` {s:?} is not a valid YYYY-MM-DD date"))?,
        ),
        Some(serde_json::Value::Null) | None => None,
        Some(_) => return Err("`date` is not a string".into()),
    };
    Ok(JsonDoc { id, text, date })
}
