//! Wall-clock time. Nothing outside the process moves the clock of a release build: who
//! could set an environment variable could move every expiry, rate limit and budget.
//! Debug builds (the test suite's) read `CLEARANCE_NOW` (RFC 3339); programs that embed the
//! library (the benchmarks) pin it with [`pin`].

use std::sync::Mutex;

use jiff::Timestamp;

static PINNED: Mutex<Option<Timestamp>> = Mutex::new(None);

/// Pin this process's clock (`None` releases it).
pub fn pin(at: Option<Timestamp>) {
    *PINNED.lock().unwrap_or_else(|e| e.into_inner()) = at;
}

pub fn now() -> Timestamp {
    if let Some(at) = *PINNED.lock().unwrap_or_else(|e| e.into_inner()) {
        return at;
    }
    #[cfg(debug_assertions)]
    if let Some(at) = std::env::var("CLEARANCE_NOW").ok().and_then(|s| s.parse().ok()) {
        return at;
    }
    Timestamp::now()
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

/// A duration written as `<n><unit>` with unit `ms`, `s`, `m`, `h` or `d` (`10m`, `24h`).
pub fn parse_duration(text: &str) -> Option<std::time::Duration> {
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = text.split_at(split);
    let n: u64 = n.parse().ok()?;
    let secs = match unit {
        "ms" => return Some(std::time::Duration::from_millis(n)),
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86400,
        _ => return None,
    };
    Some(std::time::Duration::from_secs(secs))
}
