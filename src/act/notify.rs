//! Webhook notifications: after a write lands, tell the configured endpoints. Delivery is
//! best effort by design: a slow or failing endpoint is retried a bounded number of times,
//! then reported as a warning; it never blocks, fails or undoes the operation.

use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::model::config::{Event, Format, Webhook};

/// What happened, as sent.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub event: Event,
    pub repo: String,
    pub proposal: String,
    pub agent: String,
    pub action: String,
    pub environment: String,
    pub targets: Vec<String>,
    pub state: String,
    pub actor: String,
    pub at: String,
    /// One human sentence.
    pub summary: String,
}

impl Webhook {
    fn wants(&self, event: Event) -> bool {
        self.events.is_empty() || self.events.contains(&event)
    }

    /// The HMAC secret: from where this machine's configuration says for this URL, else
    /// from the source the repository names.
    fn secret(&self) -> Result<Option<Vec<u8>>, String> {
        let local = crate::trust::local::load().map_err(|e| e.to_string())?;
        match local.webhooks.get(&self.url).or(self.secret.as_ref()) {
            None => Ok(None),
            Some(source) => source.read().map(|v| Some(v.into_bytes())).map_err(|e| format!("webhook secret: {e}")),
        }
    }

    fn body(&self, notice: &Notice) -> Vec<u8> {
        let value = match self.format {
            Format::Json => serde_json::to_value(notice).unwrap_or_default(),
            Format::Slack => serde_json::json!({ "text": notice.summary }),
        };
        serde_json::to_vec(&value).unwrap_or_default()
    }

    /// Deliver one notice, retrying with backoff; the error says what the last attempt saw.
    fn deliver(&self, client: &reqwest::blocking::Client, notice: &Notice) -> Result<(), String> {
        let body = self.body(notice);
        let signature = match self.secret()? {
            Some(key) => {
                let mut mac = Hmac::<Sha256>::new_from_slice(&key).map_err(|e| e.to_string())?;
                mac.update(&body);
                Some(format!("sha256={}", crate::text::bytes::hex(&mac.finalize().into_bytes())))
            }
            None => None,
        };
        let timeout = crate::text::time::parse_duration(&self.timeout).unwrap_or(Duration::from_secs(5));
        let mut last = String::new();
        for attempt in 0..=self.retries {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(200 << attempt.min(4)));
            }
            let mut request = client
                .post(&self.url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header(
                    "x-clearance-event",
                    serde_json::to_value(notice.event).unwrap_or_default().as_str().unwrap_or_default(),
                )
                .body(body.clone());
            if let Some(sig) = &signature {
                request = request.header("x-clearance-signature", sig);
            }
            match request.send() {
                Ok(response) if response.status().is_success() => return Ok(()),
                Ok(response) => last = format!("HTTP {}", response.status()),
                Err(e) => last = e.to_string(),
            }
        }
        Err(format!("{} attempt(s): {last}", u32::from(self.retries) + 1))
    }
}

/// Send `notices` to every webhook that wants them. Failures come back as warnings.
pub fn send(hooks: &[Webhook], notices: &[Notice]) -> Vec<String> {
    let mut warnings = Vec::new();
    let wanted: Vec<(&Webhook, &Notice)> =
        hooks.iter().flat_map(|h| notices.iter().filter(|n| h.wants(n.event)).map(move |n| (h, n))).collect();
    if wanted.is_empty() {
        return warnings;
    }
    let client =
        match reqwest::blocking::Client::builder().user_agent(concat!("clearance/", env!("CARGO_PKG_VERSION"))).build()
        {
            Ok(c) => c,
            Err(e) => return vec![format!("notifications not sent: {e}")],
        };
    for (hook, notice) in wanted {
        if let Err(e) = hook.deliver(&client, notice) {
            let event = serde_json::to_value(notice.event).unwrap_or_default();
            warnings.push(format!(
                "webhook {} did not take `{}` for {}: {e}; nothing else is affected",
                hook.url,
                event.as_str().unwrap_or("?"),
                notice.proposal
            ));
        }
    }
    warnings
}

/// Tell the repository's webhooks that `events` happened to proposal `id`, now in `state`.
/// Never fails: problems come back as warnings.
pub fn notify(
    repo: &crate::store::repo::ChangeRepo,
    id: &str,
    events: &[Event],
    state: crate::model::proposal::State,
    actor: &str,
) -> Vec<String> {
    let result = (|| -> crate::error::Result<Vec<String>> {
        let snapshot = repo.snapshot()?;
        let config = crate::model::config::Config::load(&snapshot)?;
        if config.notifications.is_empty() {
            return Ok(Vec::new());
        }
        let detail = crate::model::proposal::load(&snapshot, id)?;
        let at = crate::text::time::rfc3339(crate::text::time::now());
        let notices: Vec<Notice> = events
            .iter()
            .map(|&event| {
                let what = serde_json::to_value(event).unwrap_or_default();
                Notice {
                    event,
                    repo: config.repo_id.clone(),
                    proposal: id.to_owned(),
                    agent: detail.agent.clone(),
                    action: detail.action.clone(),
                    environment: detail.environment.clone(),
                    targets: detail.targets.clone(),
                    state: state.to_string(),
                    actor: actor.to_owned(),
                    at: at.clone(),
                    summary: format!(
                        "clearance: {} {} on {} ({}) by {}: {}",
                        id,
                        detail.action,
                        detail.targets.join(", "),
                        detail.environment,
                        detail.agent,
                        what.as_str().unwrap_or_default()
                    ),
                }
            })
            .collect();
        Ok(send(&config.notifications, &notices))
    })();
    result.unwrap_or_else(|e| vec![format!("notifications not sent: {e}")])
}
