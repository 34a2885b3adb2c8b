//! The PostgreSQL provider, built in: `clearance provider postgres OPERATION`.
//!
//! It connects with libpq's environment variables (`PGHOST`, `PGPORT`, `PGDATABASE`,
//! `PGUSER`, `PGPASSWORD` or `PGPASSFILE`, `PGSSLMODE`, `PGSSLROOTCERT`,
//! `PGCONNECT_TIMEOUT`), which the
//! executor supplies through the provider's declared `env` and `secrets`; nothing in the
//! intent can name a server or a credential.
//!
//! - `plan` runs the statements inside a transaction and rolls it back, reporting rows
//!   affected per statement and the tables created, altered and dropped (with the rows and
//!   bytes of what would be dropped or truncated).
//! - `apply` runs them in one transaction under `lock_timeout` and `statement_timeout`, and
//!   records the idempotency key in the table `clearance_applied` in the same transaction,
//!   so a retried or resumed apply never runs twice.
//! - `rollback` runs the migration's `down`; `verify` runs a `postgres.check` query.
//!
//! Actions: `postgres.migrate {sql | file + sha256, down}`, `postgres.drop-table {table}`,
//! `postgres.truncate {table}`, `postgres.delete-rows {table, where}`,
//! `postgres.check {query, expect}`.

use std::collections::BTreeMap;
use std::time::Duration;

use postgres::{Client, NoTls, SimpleQueryMessage};
use serde_json::{Value, json};

use crate::act::provider::Answer;

/// The ledger of applied changes, kept in the target database itself.
const LEDGER: &str = "clearance_applied";

/// Run `operation` for the JSON `request`, reading the environment through `env`.
pub fn run(operation: &str, request: &[u8], env: &dyn Fn(&str) -> Option<String>) -> Answer {
    match serve(operation, request, env) {
        Ok(answer) => answer,
        Err(message) => Answer::error(message),
    }
}

fn serve(operation: &str, request: &[u8], env: &dyn Fn(&str) -> Option<String>) -> Result<Answer, String> {
    let request: Value = serde_json::from_slice(request).map_err(|e| format!("the request is not JSON: {e}"))?;
    let work = Work::from_request(operation, &request)?;
    let mut client = connect(env)?;
    let host = env("PGHOST").unwrap_or_else(|| "localhost".into());
    let port = env("PGPORT").unwrap_or_else(|| "5432".into());
    let host = host.split(',').next().unwrap_or_default().to_owned();
    check_resources(&mut client, &request, (&host, &port))?;
    match (&work.what, operation) {
        (What::Check { query, expect }, _) => check(&mut client, query, expect, &work),
        (What::Statements { .. }, "verify") => {
            Ok(Answer::ok("nothing to verify: give `spec.verify` a `postgres.check`", Vec::new()))
        }
        (What::Statements { down, .. }, "rollback") => {
            let down = down.as_deref().ok_or("this change has no `params.down` to roll back with")?;
            let statements = split(down);
            guard(&statements, work.non_transactional)?;
            let key = format!("{}:rollback", work.key);
            apply(&mut client, &statements, &work, &key).map(|mut a| {
                a.summary = format!("rolled back: {}", a.summary);
                a
            })
        }
        (What::Statements { sql, .. }, "plan") => {
            let statements = split(sql);
            guard(&statements, work.non_transactional)?;
            plan(&mut client, &statements, &work)
        }
        (What::Statements { sql, .. }, "apply") => {
            let statements = split(sql);
            guard(&statements, work.non_transactional)?;
            apply(&mut client, &statements, &work, &work.key)
        }
        (_, other) => Err(format!("unsupported operation `{other}`")),
    }
}

/// What the request asks for, read only from `spec.action` and `spec.params` (and for
/// `verify`, `spec.verify`): no label, comment or reason can steer it.
struct Work {
    proposal: String,
    key: String,
    action: String,
    what: What,
    non_transactional: bool,
    lock_timeout: String,
    statement_timeout: String,
    /// `plan`: runs before any human approved the change, and its answer is committed
    /// where the proposer reads it.
    planning: bool,
}

enum What {
    Statements { sql: String, down: Option<String> },
    Check { query: String, expect: Option<String> },
}

impl Work {
    fn from_request(operation: &str, request: &Value) -> Result<Work, String> {
        let text = |v: &Value, pointer: &str| v.pointer(pointer).and_then(Value::as_str).map(str::to_owned);
        let spec = request.pointer("/intent/spec").ok_or("the request has no `intent.spec`")?;
        // `verify` checks with `spec.verify` when there is one (the executor sent it here
        // because its provider is this one).
        let (action, params) = match (operation, text(spec, "/verify/action")) {
            ("verify", Some(a)) => (a, spec.pointer("/verify/params").cloned().unwrap_or(Value::Null)),
            _ => (text(spec, "/action").unwrap_or_default(), spec.get("params").cloned().unwrap_or(Value::Null)),
        };
        // Whatever this provider is called in clearance.yaml (`postgres`, `orders_db`, ...):
        // the operation is what follows the first dot.
        let op = action.split_once('.').map_or("", |(_, op)| op);
        let param = |name: &str| text(&params, &format!("/{name}"));
        let required = |name: &str| {
            param(name).filter(|v| !v.trim().is_empty()).ok_or_else(|| format!("`{action}` needs `params.{name}`"))
        };
        let what = match op {
            "migrate" => {
                let sql = match (param("sql"), param("file")) {
                    (Some(sql), None) => sql,
                    (None, Some(file)) => read_file(&file, param("sha256").as_deref())?,
                    (Some(_), Some(_)) => return Err("give `params.sql` or `params.file`, not both".into()),
                    (None, None) => return Err(format!("`{action}` needs `params.sql` or `params.file`")),
                };
                What::Statements { sql, down: param("down") }
            }
            "drop-table" => What::Statements { sql: format!("DROP TABLE {}", table(&required("table")?)?), down: None },
            "truncate" => {
                What::Statements { sql: format!("TRUNCATE TABLE {}", table(&required("table")?)?), down: None }
            }
            "delete-rows" => What::Statements {
                sql: format!("DELETE FROM {} WHERE {}", table(&required("table")?)?, required("where")?),
                down: None,
            },
            "check" => What::Check {
                query: required("query")?,
                expect: params.get("expect").map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                }),
            },
            _ => {
                return Err(format!(
                    "unsupported action `{action}`: this provider knows NAME.migrate, NAME.drop-table, NAME.truncate, NAME.delete-rows and NAME.check"
                ));
            }
        };
        let limits = spec.get("limits").cloned().unwrap_or(Value::Null);
        let planning = operation == "plan";
        // A plan runs unapproved SQL: it may not hold locks or run for as long as the
        // intent asks (the provider's kill would not end the server's side of it).
        let cap = |d: Duration, most: Duration| if planning { d.min(most) } else { d };
        let parse = |text: &str| -> Result<Duration, String> {
            crate::text::time::parse_duration(text).ok_or_else(|| format!("`{text}` is not a duration"))
        };
        let lock = cap(parse(text(&limits, "/lock_timeout").as_deref().unwrap_or("5s"))?, PLAN_LOCK_TIMEOUT);
        let statement = cap(
            parse(
                text(&limits, "/statement_timeout").or_else(|| text(&limits, "/timeout")).as_deref().unwrap_or("5m"),
            )?,
            PLAN_STATEMENT_TIMEOUT,
        );
        Ok(Work {
            planning,
            proposal: text(request, "/proposal_id").unwrap_or_default(),
            key: text(request, "/idempotency_key").unwrap_or_default(),
            action,
            what,
            non_transactional: spec.pointer("/risk/non_transactional").and_then(Value::as_bool).unwrap_or(false),
            lock_timeout: format!("{}ms", lock.as_millis()),
            statement_timeout: format!("{}ms", statement.as_millis()),
        })
    }
}

/// The most a plan may wait for a lock, and run one statement.
const PLAN_LOCK_TIMEOUT: Duration = Duration::from_secs(5);
const PLAN_STATEMENT_TIMEOUT: Duration = Duration::from_secs(60);

/// A migration file in the provider's working directory (the `providers/` tree in force),
/// bound to the intent by its sha256 so the SQL approved is the SQL run.
fn read_file(file: &str, sha256: Option<&str>) -> Result<String, String> {
    let sha256 =
        sha256.ok_or("`params.file` needs `params.sha256`, the file's digest, so the approved SQL is the SQL run")?;
    let path = std::path::Path::new(file);
    if path.is_absolute() || path.components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
        return Err(format!("refusing file `{file}`: give a path under providers/ in the repository"));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read {file} from the providers/ tree in force: {e}"))?;
    let actual = crate::text::bytes::digest(&bytes);
    if actual.trim_start_matches("sha256:") != sha256.trim_start_matches("sha256:") {
        return Err(format!("{file} has sha256 {actual}, not the {sha256} the intent names"));
    }
    String::from_utf8(bytes).map_err(|_| format!("{file} is not UTF-8"))
}

/// `schema.table` or `table`, each part quoted unless it is a plain lowercase name.
fn table(name: &str) -> Result<String, String> {
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() > 2 || parts.iter().any(|p| p.is_empty() || p.contains('\0')) {
        return Err(format!("`{name}` is not a table name: give `table` or `schema.table`"));
    }
    Ok(parts.iter().map(|p| quote_ident(p)).collect::<Vec<_>>().join("."))
}

fn quote_ident(part: &str) -> String {
    let plain = part.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain { part.to_owned() } else { format!("\"{}\"", part.replace('"', "\"\"")) }
}

fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Connect as libpq would from the same environment, `PGSSLMODE` included: `disable`;
/// `allow` and `prefer` (TLS when the server offers it, unverified); `require` (TLS,
/// unverified); `verify-ca` (TLS, the chain checked against `PGSSLROOTCERT`, default
/// `~/.postgresql/root.crt`, or `system` for the public roots); `verify-full` (that, and
/// the host name).
fn connect(env: &dyn Fn(&str) -> Option<String>) -> Result<Client, String> {
    let mut config = postgres::Config::new();
    let hosts = env("PGHOST").filter(|h| !h.is_empty()).unwrap_or_else(|| {
        if std::path::Path::new("/var/run/postgresql").is_dir() {
            "/var/run/postgresql".into()
        } else {
            "localhost".into()
        }
    });
    for host in hosts.split(',') {
        config.host(host);
    }
    let port = env("PGPORT").filter(|p| !p.is_empty()).unwrap_or_else(|| "5432".into());
    config.port(port.parse().map_err(|_| format!("PGPORT `{port}` is not a port"))?);
    let user = env("PGUSER").filter(|u| !u.is_empty()).or_else(os_user).ok_or("set PGUSER")?;
    let database = env("PGDATABASE").filter(|d| !d.is_empty()).unwrap_or_else(|| user.clone());
    config.user(&user).dbname(&database);
    config.application_name(&env("PGAPPNAME").unwrap_or_else(|| "clearance".into()));
    let timeout = env("PGCONNECT_TIMEOUT").and_then(|t| t.parse::<u64>().ok()).unwrap_or(10);
    config.connect_timeout(Duration::from_secs(timeout.max(1)));
    let mode = env("PGSSLMODE").unwrap_or_else(|| "prefer".into());
    let tls = tls::config(&mode, env)?;
    let password = env("PGPASSWORD").filter(|p| !p.is_empty()).or_else(|| {
        let file = env("PGPASSFILE").or_else(|| env("HOME").map(|h| format!("{h}/.pgpass")))?;
        passfile(&std::fs::read_to_string(file).ok()?, hosts.split(',').next()?, &port, &database, &user)
    });
    if let Some(password) = password {
        config.password(password);
    }
    let where_ = format!("database `{database}` as `{user}` on {hosts}:{port} (PGSSLMODE={mode})");
    let connected = match tls {
        None => config.ssl_mode(postgres::config::SslMode::Disable).connect(NoTls),
        Some((ssl_mode, client)) => {
            config.ssl_mode(ssl_mode).connect(tokio_postgres_rustls::MakeRustlsConnect::new(client))
        }
    };
    connected.map_err(|e| format!("cannot connect to {where_}: {}", describe(&e)))
}

/// TLS as `PGSSLMODE` asks, on rustls.
mod tls {
    use std::sync::Arc;

    use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
    use rustls::crypto::WebPkiSupportedAlgorithms;
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
    use rustls::{CertificateError, DigitallySignedStruct, Error, SignatureScheme};

    /// `None`: no TLS; else how to insist on it and the client configuration.
    pub fn config(
        mode: &str,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Option<(postgres::config::SslMode, rustls::ClientConfig)>, String> {
        use postgres::config::SslMode;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS: {e}"))?;
        let algorithms = provider.signature_verification_algorithms;
        let chain = || -> Result<_, String> {
            rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots(env)?), Arc::clone(&provider))
                .build()
                .map_err(|e| format!("TLS: {e}"))
        };
        let (ssl_mode, verifier): (_, Arc<dyn ServerCertVerifier>) = match mode {
            "disable" => return Ok(None),
            "allow" | "prefer" => (SslMode::Prefer, Arc::new(Lenient { chain: None, algorithms })),
            "require" => (SslMode::Require, Arc::new(Lenient { chain: None, algorithms })),
            "verify-ca" => (SslMode::Require, Arc::new(Lenient { chain: Some(chain()?), algorithms })),
            "verify-full" => (SslMode::Require, chain()?),
            other => {
                return Err(format!(
                    "PGSSLMODE={other} is not a mode: use disable, allow, prefer, require, verify-ca or verify-full"
                ));
            }
        };
        Ok(Some((ssl_mode, builder.dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth())))
    }

    /// The roots `PGSSLROOTCERT` names (a PEM file), `~/.postgresql/root.crt` by default, or
    /// the public ones for `system`.
    fn roots(env: &dyn Fn(&str) -> Option<String>) -> Result<rustls::RootCertStore, String> {
        let mut roots = rustls::RootCertStore::empty();
        let file = env("PGSSLROOTCERT")
            .or_else(|| env("HOME").map(|h| format!("{h}/.postgresql/root.crt")))
            .ok_or("set PGSSLROOTCERT to the CA certificate the server's is signed by")?;
        if file == "system" {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            return Ok(roots);
        }
        let certs = CertificateDer::pem_file_iter(&file)
            .map_err(|e| format!("PGSSLROOTCERT {file}: {e}"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("PGSSLROOTCERT {file}: {e}"))?;
        let (added, _) = roots.add_parsable_certificates(certs);
        if added == 0 {
            return Err(format!("PGSSLROOTCERT {file} holds no certificate"));
        }
        Ok(roots)
    }

    /// The certificate checks libpq's weaker modes make: none (`prefer`, `require`:
    /// encrypted, the certificate unchecked), or the chain without the name (`verify-ca`).
    /// The handshake's signatures are checked either way.
    #[derive(Debug)]
    struct Lenient {
        /// `verify-ca`: the chain must lead to one of these roots.
        chain: Option<Arc<rustls::client::WebPkiServerVerifier>>,
        algorithms: WebPkiSupportedAlgorithms,
    }

    impl ServerCertVerifier for Lenient {
        fn verify_server_cert(
            &self,
            end_entity: &CertificateDer<'_>,
            intermediates: &[CertificateDer<'_>],
            server_name: &ServerName<'_>,
            ocsp_response: &[u8],
            now: UnixTime,
        ) -> Result<ServerCertVerified, Error> {
            let Some(chain) = &self.chain else { return Ok(ServerCertVerified::assertion()) };
            match chain.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
                Err(Error::InvalidCertificate(
                    CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
                )) => Ok(ServerCertVerified::assertion()),
                other => other,
            }
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.algorithms.supported_schemes()
        }
    }
}

/// The user this process runs as, libpq's default `PGUSER`.
fn os_user() -> Option<String> {
    // SAFETY: getpwuid returns a pointer into static storage or null; it is read at once,
    // in this single-threaded process, before any other call could overwrite it.
    unsafe {
        let pw = libc::getpwuid(libc::geteuid());
        if pw.is_null() {
            return None;
        }
        std::ffi::CStr::from_ptr((*pw).pw_name).to_str().ok().map(str::to_owned)
    }
}

/// The password of the first matching `host:port:database:user:password` line.
fn passfile(text: &str, host: &str, port: &str, database: &str, user: &str) -> Option<String> {
    let host = if host.starts_with('/') { "localhost" } else { host };
    text.lines().filter(|l| !l.starts_with('#')).find_map(|line| {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => field.extend(chars.next()),
                ':' if fields.len() < 4 => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        let [h, p, d, u, password] = fields.as_slice() else { return None };
        let matches = |pattern: &str, value: &str| pattern == "*" || pattern == value;
        (matches(h, host) && matches(p, port) && matches(d, database) && matches(u, user)).then(|| password.clone())
    })
}

/// The server's own words for an error, with its detail and hint.
fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut s = format!("{}: {} ({})", db.severity(), db.message(), db.code().code());
            if let Some(detail) = db.detail() {
                s.push_str(&format!("; detail: {detail}"));
            }
            if let Some(hint) = db.hint() {
                s.push_str(&format!("; hint: {hint}"));
            }
            s
        }
        // The causes too: "error performing TLS handshake: invalid peer certificate: ...".
        None => {
            let mut s = e.to_string();
            let mut cause = std::error::Error::source(e);
            while let Some(c) = cause {
                s.push_str(&format!(": {c}"));
                cause = c.source();
            }
            s
        }
    }
}

/// When a target of the intent names a `postgres://` resource in the graph, this database
/// must be one of them: an intent that targets one service cannot reach another's data.
fn check_resources(client: &mut Client, request: &Value, connected: (&str, &str)) -> Result<(), String> {
    let named: Vec<&str> = request
        .get("targets")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| t.pointer("/annotations/resource").and_then(Value::as_str))
        .filter(|r| r.starts_with("postgres://") || r.starts_with("postgresql://"))
        .collect();
    if named.is_empty() {
        return Ok(());
    }
    let current = first_value(client, "SELECT current_database()")?.unwrap_or_default();
    if named.iter().any(|r| same_database(r, &current, connected)) {
        return Ok(());
    }
    Err(format!(
        "connected to database `{current}` on {}:{}, but the intent's targets are {}: refusing to touch a database the blast radius does not cover",
        connected.0,
        connected.1,
        named.join(", ")
    ))
}

/// Whether `postgres://[user@]host[:port]/database` names the database `current` on the
/// `(host, port)` connected to. A Unix socket counts as `localhost`; a resource without a
/// host or port does not constrain them.
fn same_database(resource: &str, current: &str, connected: (&str, &str)) -> bool {
    let rest = resource.split_once("://").map_or(resource, |(_, rest)| rest);
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let database = path.split('?').next().unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => (host, port),
        _ => (authority, ""),
    };
    let connected_host = if connected.0.starts_with('/') { "localhost" } else { connected.0 };
    database == current
        && (host.is_empty() || host.eq_ignore_ascii_case(connected_host))
        && (port.is_empty() || port == connected.1)
}

fn first_value(client: &mut impl postgres::GenericClient, query: &str) -> Result<Option<String>, String> {
    let messages = client.simple_query(query).map_err(|e| describe(&e))?;
    Ok(messages
        .iter()
        .find_map(|m| match m {
            SimpleQueryMessage::Row(row) => Some(row.get(0).map(str::to_owned)),
            _ => None,
        })
        .flatten())
}

/// Run a check query: one statement, in a read-only transaction. A plan only prepares it:
/// its answer would be committed where the proposer reads it, before anyone approved it.
fn check(client: &mut Client, query: &str, expect: &Option<String>, work: &Work) -> Result<Answer, String> {
    let mut tx = client.build_transaction().read_only(true).start().map_err(|e| describe(&e))?;
    tx.batch_execute(&settings(work)).map_err(|e| describe(&e))?;
    // The extended protocol takes one statement: `SELECT 1; COMMIT; DROP ...` is refused.
    let prepared = tx.prepare(query).map_err(|e| format!("check failed: {}", reported(&e, work)))?;
    if work.planning {
        return Ok(Answer::ok(
            format!("would run the check (one statement, {} column(s)), read-only", prepared.columns().len()),
            Vec::new(),
        ));
    }
    let got = first_value(&mut tx, query).map_err(|e| format!("check failed: {e}"))?;
    drop(tx);
    let shown = got.clone().unwrap_or_else(|| "no row".into());
    let outputs = json!({ "value": got });
    match expect {
        Some(want) if got.as_deref() != Some(want.as_str()) => {
            Ok(Answer::error(format!("check failed: expected {want}, got {shown}")).with_outputs(outputs))
        }
        _ => Ok(Answer::ok(format!("check passed: {shown}"), Vec::new()).with_outputs(outputs)),
    }
}

/// One statement of a script, with its text and its shape outside strings and comments.
struct Statement {
    text: String,
    /// Upper-case words outside strings, comments and quoted identifiers.
    words: Vec<String>,
}

impl Statement {
    fn command(&self) -> String {
        let two = matches!(self.words.first().map(String::as_str), Some("CREATE" | "DROP" | "ALTER"));
        self.words.iter().take(if two { 2 } else { 1 }).cloned().collect::<Vec<_>>().join(" ")
    }

    fn has(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }

    fn starts(&self, first: &[&str]) -> bool {
        self.words.len() >= first.len() && self.words.iter().zip(first).all(|(w, f)| w == f)
    }

    /// Statements PostgreSQL refuses inside a transaction block.
    fn non_transactional(&self) -> bool {
        self.starts(&["VACUUM"])
            || self.starts(&["CREATE", "DATABASE"])
            || self.starts(&["DROP", "DATABASE"])
            || self.starts(&["CREATE", "TABLESPACE"])
            || self.starts(&["DROP", "TABLESPACE"])
            || self.starts(&["ALTER", "SYSTEM"])
            || (self.has("CONCURRENTLY") && (self.has("INDEX") || self.has("REINDEX") || self.has("DETACH")))
    }

    /// Transaction control is this provider's job: a script's own BEGIN or COMMIT would
    /// end the transaction that keeps it atomic and its ledger entry with it.
    fn transaction_control(&self) -> bool {
        matches!(
            self.words.first().map(String::as_str),
            Some("BEGIN" | "COMMIT" | "ROLLBACK" | "END" | "START" | "SAVEPOINT" | "RELEASE" | "ABORT" | "PREPARE")
        )
    }
}

/// Split a script into statements at semicolons outside strings, quoted identifiers,
/// dollar quotes and comments.
fn split(sql: &str) -> Vec<Statement> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let (mut text, mut shape) = (String::new(), String::new());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = at(i);
        if c == '-' && at(i + 1) == '-' {
            while i < chars.len() && at(i) != '\n' {
                text.push(at(i));
                i += 1;
            }
            shape.push(' ');
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    text.push_str("/*");
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    text.push_str("*/");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    text.push(at(i));
                    i += 1;
                }
            }
            shape.push(' ');
        } else if c == '\'' || c == '"' {
            let escapes = c == '\'' && matches!(text.chars().last(), Some('E' | 'e'));
            text.push(c);
            i += 1;
            while i < chars.len() {
                let d = at(i);
                text.push(d);
                i += 1;
                if escapes && d == '\\' {
                    text.extend(chars.get(i));
                    i += 1;
                } else if d == c && at(i) == c {
                    text.push(c);
                    i += 1;
                } else if d == c {
                    break;
                }
            }
            shape.push(' ');
        } else if c == '$' && !at(i.wrapping_sub(1)).is_alphanumeric() && dollar_tag(&chars, i).is_some() {
            let tag = dollar_tag(&chars, i).unwrap_or_default();
            let tag_chars: Vec<char> = tag.chars().collect();
            text.push_str(&tag);
            i += tag_chars.len();
            while i < chars.len() && !chars[i..].starts_with(&tag_chars) {
                text.push(at(i));
                i += 1;
            }
            if i < chars.len() {
                text.push_str(&tag);
                i += tag_chars.len();
            }
            shape.push(' ');
        } else if c == ';' {
            push_statement(&mut out, &mut text, &mut shape);
            i += 1;
        } else {
            text.push(c);
            shape.push(c);
            i += 1;
        }
    }
    push_statement(&mut out, &mut text, &mut shape);
    out
}

/// `$tag$` starting at `i`, if one does.
fn dollar_tag(chars: &[char], i: usize) -> Option<String> {
    let rest = chars.get(i + 1..)?;
    let end = rest.iter().position(|&c| c == '$')?;
    let tag = &rest[..end];
    let valid = tag.iter().all(|c| c.is_alphanumeric() || *c == '_') && !tag.first().is_some_and(char::is_ascii_digit);
    valid.then(|| format!("${}$", tag.iter().collect::<String>()))
}

fn push_statement(out: &mut Vec<Statement>, text: &mut String, shape: &mut String) {
    let words: Vec<String> = shape
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    let statement = std::mem::take(text).trim().to_owned();
    shape.clear();
    if !words.is_empty() {
        out.push(Statement { text: statement, words });
    }
}

/// Refuse what cannot be run safely: nothing at all, transaction control, and statements
/// that cannot run in a transaction unless the intent says so.
fn guard(statements: &[Statement], non_transactional: bool) -> Result<(), String> {
    if statements.is_empty() {
        return Err("the SQL holds no statement".into());
    }
    if let Some(s) = statements.iter().find(|s| s.text.to_lowercase().contains(LEDGER)) {
        return Err(format!(
            "`{}` names {LEDGER}, this provider's ledger of what ran: no change may touch it",
            s.command()
        ));
    }
    if let Some(s) = statements.iter().find(|s| s.transaction_control()) {
        return Err(format!("`{}` controls the transaction, which is this provider's job: remove it", s.command()));
    }
    let outside: Vec<String> = statements.iter().filter(|s| s.non_transactional()).map(Statement::command).collect();
    if !outside.is_empty() && !non_transactional {
        return Err(format!(
            "{} cannot run inside a transaction, so it can be neither planned nor applied atomically; say `risk.non_transactional: true` in the intent to run it without one",
            outside.join(", ")
        ));
    }
    if !outside.is_empty() && outside.len() != statements.len() {
        return Err("mix no statement that must run outside a transaction with others: propose them separately".into());
    }
    Ok(())
}

/// A table as the catalog describes it.
#[derive(Clone, PartialEq)]
struct Relation {
    name: String,
    kind: String,
    columns: String,
    filenode: String,
}

/// Every user relation by oid.
fn catalog(client: &mut impl postgres::GenericClient) -> Result<BTreeMap<String, Relation>, String> {
    let query = "SELECT c.oid::text, format('%I.%I', n.nspname, c.relname), c.relkind::text, \
        coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) \
          || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum) \
          FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), ''), \
        c.relfilenode::text \
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') \
        AND n.nspname NOT LIKE 'pg_toast%' AND c.relname <> 'clearance_applied'";
    let mut out = BTreeMap::new();
    for m in client.simple_query(query).map_err(|e| describe(&e))? {
        if let SimpleQueryMessage::Row(row) = m {
            let get = |i| row.get(i).unwrap_or_default().to_owned();
            out.insert(get(0), Relation { name: get(1), kind: get(2), columns: get(3), filenode: get(4) });
        }
    }
    Ok(out)
}

fn kind_name(kind: &str) -> &'static str {
    match kind {
        "v" => "view",
        "m" => "materialized view",
        _ => "table",
    }
}

/// Run each statement, keeping the rows it affected.
/// Run each statement, keeping the rows it affected. Each goes through the extended
/// protocol, which takes exactly one statement: text the splitter took for one statement
/// but that holds several (`a_$q$; COMMIT; ...`) is refused by the server, never run.
fn execute(
    client: &mut impl postgres::GenericClient,
    statements: &[Statement],
    work: &Work,
) -> Result<Vec<(String, u64)>, String> {
    let mut done = Vec::with_capacity(statements.len());
    for (n, s) in statements.iter().enumerate() {
        let rows = client.execute(s.text.as_str(), &[]).map_err(|e| {
            format!("statement {} of {} (`{}`) failed: {}", n + 1, statements.len(), s.command(), reported(&e, work))
        })?;
        done.push((s.command(), rows));
    }
    Ok(done)
}

/// A server error as a plan may report it: its SQLSTATE, not its message, which can quote
/// data (`CAST((SELECT ...) AS int)` fails with the value in it) and would be committed
/// where the proposer reads it before anyone approved anything. Apply reports it whole.
fn reported(e: &postgres::Error, work: &Work) -> String {
    match (e.as_db_error(), work.planning) {
        (Some(db), true) => format!(
            "SQLSTATE {} ({}); the server's message is withheld from a plan, which the proposer can read",
            db.code().code(),
            db.severity()
        ),
        _ => describe(e),
    }
}

fn settings(work: &Work) -> String {
    format!(
        "SET LOCAL lock_timeout = {}; SET LOCAL statement_timeout = {}",
        quote_literal(&work.lock_timeout),
        quote_literal(&work.statement_timeout)
    )
}

fn plan(client: &mut Client, statements: &[Statement], work: &Work) -> Result<Answer, String> {
    if statements.iter().all(Statement::non_transactional) {
        let commands: Vec<String> = statements.iter().map(Statement::command).collect();
        return Ok(Answer::ok(
            format!("would run {} outside a transaction: not simulated", commands.join(", ")),
            commands.iter().map(|c| json!({"statement": c, "rows": null, "simulated": false})).collect(),
        ));
    }
    let mut tx = client.transaction().map_err(|e| describe(&e))?;
    tx.batch_execute(&settings(work)).map_err(|e| describe(&e))?;
    let before = catalog(&mut tx)?;
    let done = execute(&mut tx, statements, work)?;
    let after = catalog(&mut tx)?;
    // A table whose storage was replaced but whose columns were not: emptied (TRUNCATE)
    // when it holds no row now, else rewritten (CLUSTER, VACUUM FULL, a type change).
    let mut emptied = std::collections::BTreeSet::new();
    for (oid, r) in &before {
        if let Some(a) = after.get(oid).filter(|a| a.filenode != r.filenode && a.columns == r.columns && r.kind != "v")
        {
            let empty = first_value(&mut tx, &format!("SELECT (NOT EXISTS (SELECT 1 FROM {}))::text", a.name))?;
            if empty.as_deref() == Some("true") {
                emptied.insert(oid.clone());
            }
        }
    }
    tx.rollback().map_err(|e| describe(&e))?;
    let mut changes: Vec<Value> =
        done.iter().map(|(command, rows)| json!({"statement": command, "rows": rows})).collect();
    let mut words = Vec::new();
    for (oid, r) in &before {
        match after.get(oid) {
            None => {
                let (rows, bytes) = size(client, r)?;
                words.push(format!("drop {} {} ({rows} rows, {bytes} bytes)", kind_name(&r.kind), r.name));
                changes.push(json!({"dropped": r.name, "kind": kind_name(&r.kind), "rows": rows, "bytes": bytes}));
            }
            Some(a) => {
                if a.name != r.name {
                    words.push(format!("rename {} to {}", r.name, a.name));
                    changes.push(json!({"renamed": r.name, "to": a.name}));
                }
                if a.columns != r.columns {
                    words.push(format!("alter {}", a.name));
                    changes.push(json!({"altered": a.name, "columns_before": r.columns, "columns_after": a.columns}));
                } else if emptied.contains(oid) {
                    let (rows, bytes) = size(client, r)?;
                    words.push(format!("empty {} ({rows} rows, {bytes} bytes)", r.name));
                    changes.push(json!({"truncated": r.name, "rows": rows, "bytes": bytes}));
                } else if a.filenode != r.filenode {
                    words.push(format!("rewrite {}", a.name));
                    changes.push(json!({"rewritten": a.name}));
                }
            }
        }
    }
    for (oid, r) in &after {
        if !before.contains_key(oid) {
            words.push(format!("create {} {}", kind_name(&r.kind), r.name));
            changes.push(json!({"created": r.name, "kind": kind_name(&r.kind), "columns": r.columns}));
        }
    }
    for (command, rows) in &done {
        if matches!(command.as_str(), "DELETE" | "UPDATE" | "INSERT" | "MERGE") {
            words.push(format!("{} {rows} rows", command.to_lowercase()));
        }
    }
    let said = if words.is_empty() {
        format!("would run {} statements", done.len())
    } else {
        format!("would {}", words.join("; "))
    };
    Ok(Answer::ok(format!("{said} (simulated in a transaction that was rolled back)"), changes))
}

/// Rows and bytes of a relation as it stands.
fn size(client: &mut Client, r: &Relation) -> Result<(u64, u64), String> {
    if r.kind == "v" {
        return Ok((0, 0));
    }
    // Counted exactly within a few seconds, else the planner's estimate.
    let exact =
        format!("SELECT count(*)::text, pg_total_relation_size({})::text FROM {}", quote_literal(&r.name), r.name);
    let estimate = format!(
        "SELECT greatest(reltuples, 0)::bigint::text, pg_total_relation_size(oid)::text FROM pg_class WHERE oid = {}::regclass",
        quote_literal(&r.name)
    );
    client.batch_execute("SET statement_timeout = '5s'").map_err(|e| describe(&e))?;
    let messages = client.simple_query(&exact).or_else(|_| client.simple_query(&estimate)).map_err(|e| describe(&e))?;
    for m in messages {
        if let SimpleQueryMessage::Row(row) = m {
            let n = |i| row.get(i).and_then(|v| v.parse().ok()).unwrap_or(0);
            return Ok((n(0), n(1)));
        }
    }
    Ok((0, 0))
}

fn ensure_ledger(client: &mut Client) -> Result<(), String> {
    let create = format!(
        "CREATE TABLE IF NOT EXISTS {LEDGER} (idempotency_key text PRIMARY KEY, proposal_id text NOT NULL, \
         action text NOT NULL, state text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
    );
    match client.batch_execute(&create) {
        Ok(()) => Ok(()),
        // Two first applies at once: the other one created it.
        Err(e) if e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) => Ok(()),
        Err(e) => Err(format!("cannot create the ledger table {LEDGER}: {}", describe(&e))),
    }
}

fn apply(client: &mut Client, statements: &[Statement], work: &Work, key: &str) -> Result<Answer, String> {
    if key.is_empty() {
        return Err("the request has no idempotency key".into());
    }
    ensure_ledger(client)?;
    let insert = format!(
        "INSERT INTO {LEDGER} (idempotency_key, proposal_id, action, state) VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING"
    );
    let already = |client: &mut Client| -> Result<Answer, String> {
        let state = client
            .query_opt(&format!("SELECT state, applied_at::text FROM {LEDGER} WHERE idempotency_key = $1"), &[&key])
            .map_err(|e| describe(&e))?;
        match state {
            Some(row) if row.get::<_, String>(0) == "done" => Ok(Answer::ok(
                format!("already applied at {} (idempotency key in {LEDGER})", row.get::<_, String>(1)),
                Vec::new(),
            )),
            _ => Err(format!(
                "an earlier attempt with this idempotency key started statements outside a transaction and did not finish: check the database by hand, then delete its row from {LEDGER}"
            )),
        }
    };
    if statements.iter().all(Statement::non_transactional) {
        // Each statement commits on its own: the ledger says `started` first, so a retry
        // after a crash stops for a human instead of running anything twice.
        let inserted =
            client.execute(&insert, &[&key, &work.proposal, &work.action, &"started"]).map_err(|e| describe(&e))?;
        if inserted == 0 {
            return already(client);
        }
        client
            .batch_execute(&format!("SET lock_timeout = {}", quote_literal(&work.lock_timeout)))
            .map_err(|e| describe(&e))?;
        let done = execute(client, statements, work)?;
        client
            .execute(&format!("UPDATE {LEDGER} SET state = 'done' WHERE idempotency_key = $1"), &[&key])
            .map_err(|e| describe(&e))?;
        return Ok(applied(&done, "outside a transaction"));
    }
    let mut tx = client.transaction().map_err(|e| describe(&e))?;
    tx.batch_execute(&settings(work)).map_err(|e| describe(&e))?;
    // The ledger row first: a concurrent apply with the same key waits on it, then finds it.
    let inserted = tx.execute(&insert, &[&key, &work.proposal, &work.action, &"done"]).map_err(|e| describe(&e))?;
    if inserted == 0 {
        drop(tx);
        return already(client);
    }
    let done = execute(&mut tx, statements, work)?;
    tx.commit().map_err(|e| format!("commit failed: {}", describe(&e)))?;
    Ok(applied(&done, "in one transaction"))
}

fn applied(done: &[(String, u64)], how: &str) -> Answer {
    let rows: u64 = done.iter().map(|(_, r)| r).sum();
    Answer::ok(
        format!("applied {} statements {how} ({rows} rows affected)", done.len()),
        done.iter().map(|(command, rows)| json!({"statement": command, "rows": rows})).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_split_outside_strings_comments_and_dollar_quotes() {
        let sql = "CREATE TABLE a (x text DEFAULT ';'); -- a comment; still a comment\n\
                   /* block; /* nested; */ */ INSERT INTO \"we;ird\" VALUES (E'it\\'s; fine');\n\
                   CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;;  \n";
        let s = split(sql);
        assert_eq!(s.len(), 3, "{:?}", s.iter().map(|s| &s.text).collect::<Vec<_>>());
        assert_eq!(s[0].command(), "CREATE TABLE");
        assert_eq!(s[1].command(), "INSERT");
        assert!(s[1].text.contains("it\\'s; fine"));
        assert!(s[2].text.ends_with("LANGUAGE sql"));
    }

    #[test]
    fn statements_that_cannot_run_in_a_transaction_are_named() {
        let refused = guard(&split("CREATE INDEX CONCURRENTLY i ON t (x)"), false).unwrap_err();
        assert!(refused.contains("CREATE INDEX") && refused.contains("non_transactional"), "{refused}");
        assert!(guard(&split("vacuum t"), true).is_ok());
        assert!(guard(&split("VACUUM t; DELETE FROM t"), true).is_err());
        // The word inside a string is not a statement.
        assert!(guard(&split("INSERT INTO t VALUES ('VACUUM CONCURRENTLY INDEX')"), false).is_ok());
        assert!(guard(&split("DELETE FROM t; COMMIT; DROP TABLE u"), false).unwrap_err().contains("COMMIT"));
    }

    #[test]
    fn table_names_are_quoted_unless_plain() {
        assert_eq!(table("orders").unwrap(), "orders");
        assert_eq!(table("public.Orders").unwrap(), "public.\"Orders\"");
        assert_eq!(table("x\"; DROP TABLE y; --").unwrap(), "\"x\"\"; DROP TABLE y; --\"");
        assert!(table("a.b.c").is_err());
    }

    #[test]
    fn any_provider_name_serves_the_operations() {
        let request = |action: &str| json!({"intent": {"spec": {"action": action, "params": {"table": "t"}}}});
        assert!(Work::from_request("plan", &request("orders_db.drop-table")).is_ok());
        assert!(Work::from_request("plan", &request("postgres.truncate")).is_ok());
        assert!(Work::from_request("plan", &request("orders_db.vacuum")).is_err());
    }

    #[test]
    fn a_resource_names_a_database_on_a_host_and_port() {
        let on = |r: &str, host: &str, port: &str| same_database(r, "shop", (host, port));
        assert!(on("postgres://db.internal/shop", "db.internal", "5432"));
        assert!(on("postgres://app@db.internal:6432/shop?sslmode=require", "db.internal", "6432"));
        assert!(!on("postgres://db.internal:6432/shop", "db.internal", "5432"));
        assert!(!on("postgres://other.internal/shop", "db.internal", "5432"));
        assert!(!on("postgres://db.internal/orders", "db.internal", "5432"));
        assert!(on("postgres://localhost/shop", "/var/run/postgresql", "5432"));
        assert!(on("postgresql:///shop", "db.internal", "5432"));
    }

    #[test]
    fn passfile_lines_match_like_libpq() {
        let text = "# comment\nother:5432:*:app:nope\n*:5433:shop:app:s3cr\\:et\n";
        assert_eq!(passfile(text, "/tmp/sock", "5433", "shop", "app").as_deref(), Some("s3cr:et"));
        assert_eq!(passfile(text, "db", "5432", "shop", "app"), None);
    }
}
