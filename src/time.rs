//! Wall-clock time. `CLEARANCE_NOW` (RFC 3339) pins the clock, for tests and for replaying
//! a decision as it was made at a given moment.

use jiff::Timestamp;

pub fn now() -> Timestamp {
    std::env::var("CLEARANCE_NOW").ok().and_then(|s| s.parse().ok()).unwrap_or_else(Timestamp::now)
}

/// RFC 3339 in UTC, to the second: `2026-05-14T09:30:00Z`.
pub fn rfc3339(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Short human form for tables: `2026-05-14 09:30`.
pub fn short(rfc3339: &str) -> String {
    match rfc3339.parse::<Timestamp>() {
        Ok(t) => t.strftime("%Y-%m-%d %H:%M").to_string(),
        Err(_) => rfc3339.to_owned(),
    }
}
