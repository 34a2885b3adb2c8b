//! The built-in PostgreSQL provider against a real server: `initdb` in a temp dir and
//! `pg_ctl` on a private Unix socket (and TLS on 127.0.0.1, with a certificate from a test
//! CA), with password (SCRAM) authentication, so the password travels as a provider secret
//! and must never be seen again.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::common::{Repo, Run, clearance};

/// The test server's password: it must appear in no output, evidence or git history.
const PASSWORD: &str = "pw-7f3a9c-never-shown";
const SUPERUSER: &str = "clearance_test";

struct Server {
    socket: PathBuf,
    port: u16,
    /// The CA that signed the server's certificate (for `localhost` only).
    ca: PathBuf,
    /// Another CA, which signed nothing the server has.
    stranger: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl").args(args).current_dir(dir).output().expect("openssl (see scripts/test)");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A test CA, and a server certificate it signs for `localhost` (not for 127.0.0.1).
fn certificates(dir: &Path) {
    let days = ["-days", "2"];
    for ca in ["ca", "stranger"] {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &format!("{ca}.key"),
                "-out",
                &format!("{ca}.crt"),
                "-subj",
                &format!("/CN=clearance test {ca}"),
                days[0],
                days[1],
            ],
        );
    }
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=localhost",
        ],
    );
    std::fs::write(dir.join("ext"), "subjectAltName=DNS:localhost\n").unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-extfile",
            "ext",
            days[0],
            days[1],
        ],
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.join("server.key"), std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// Where the PostgreSQL binaries are: `pg_config --bindir`, Debian's versioned directory,
/// or PATH.
fn bindir() -> PathBuf {
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
        && out.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return dir;
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path().join("bin")).filter(|p| p.join("initdb").exists()).collect())
        .unwrap_or_default();
    versions.sort();
    versions.pop().unwrap_or_else(|| PathBuf::from(""))
}

/// Run a PostgreSQL program: as the `postgres` user when the tests run as root (initdb
/// refuses root), else as ourselves.
fn pg(program: &str, args: &[&str]) -> std::process::Output {
    let path = bindir().join(program);
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(&path);
        c
    } else {
        Command::new(&path)
    };
    cmd.args(args).output().unwrap_or_else(|e| panic!("cannot run {}: {e}", path.display()))
}

fn give_to_postgres(path: &Path) {
    if unsafe { libc::geteuid() } == 0 {
        let out = Command::new("chown").args(["-R", "postgres:postgres"]).arg(path).output().unwrap();
        assert!(out.status.success(), "chown: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// One server for the whole test binary, stopped when it exits.
fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let base = std::env::temp_dir().join(format!("clearance-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&base).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o755)).unwrap();
        let (data, socket, pwfile) = (base.join("data"), base.join("sock"), base.join("pw"));
        std::fs::create_dir_all(&socket).unwrap();
        std::fs::write(&pwfile, PASSWORD).unwrap();
        let tls = base.join("tls");
        std::fs::create_dir_all(&tls).unwrap();
        certificates(&tls);
        give_to_postgres(&base);
        let s = |p: &Path| p.to_str().unwrap().to_owned();
        let out = pg(
            "initdb",
            &[
                "-D",
                &s(&data),
                "-U",
                SUPERUSER,
                "--auth=scram-sha-256",
                "--pwfile",
                &s(&pwfile),
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        assert!(out.status.success(), "initdb: {}", String::from_utf8_lossy(&out.stderr));
        std::fs::remove_file(&pwfile).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let options = format!(
            "-k {} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50 -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
            s(&socket),
            s(&tls.join("server.crt")),
            s(&tls.join("server.key"))
        );
        let log = base.join("log");
        let out = pg("pg_ctl", &["-D", &s(&data), "-o", &options, "-l", &s(&log), "-w", "start"]);
        assert!(
            out.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        DATA.set(data).unwrap();
        // SAFETY: registers a plain extern "C" function with no captured state.
        unsafe { libc::atexit(stop) };
        Server { socket, port, ca: tls.join("ca.crt"), stranger: tls.join("stranger.crt") }
    })
}

static DATA: OnceLock<PathBuf> = OnceLock::new();

extern "C" fn stop() {
    if let Some(data) = DATA.get() {
        let _ = pg("pg_ctl", &["-D", data.to_str().unwrap(), "-m", "immediate", "stop"]);
        if let Some(base) = data.parent() {
            let _ = std::fs::remove_dir_all(base);
        }
    }
}

/// `psql` against database `db`, returning its unaligned output.
fn psql(db: &str, sql: &str) -> String {
    let out = Command::new(bindir().join("psql"))
        .env("PGPASSWORD", PASSWORD)
        .env("PGPORT", server().port.to_string())
        .args([
            "-h",
            server().socket.to_str().unwrap(),
            "-U",
            SUPERUSER,
            "-d",
            db,
            "-XAtq",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            sql,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "psql {sql}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A repository whose `postgres` provider points at a fresh database `db` of the test
/// server, whose graph has `shop-db` naming it as its resource, and whose `deploy-bot`
/// may run `postgres.*`.
struct Shop {
    repo: Repo,
    db: String,
}

impl Shop {
    fn new(db: &str) -> Shop {
        let server = server();
        psql("postgres", &format!("DROP DATABASE IF EXISTS {db}"));
        psql("postgres", &format!("CREATE DATABASE {db}"));
        psql(
            db,
            "CREATE TABLE orders (id int PRIMARY KEY, status text); INSERT INTO orders SELECT g, CASE WHEN g % 4 = 0 THEN 'stale' ELSE 'open' END FROM generate_series(1, 100) g",
        );
        let repo = Repo::new();
        let config = std::fs::read_to_string(repo.file("clearance.yaml")).unwrap();
        let start = config.find("  postgres:\n").expect("init declares the postgres provider");
        let declared = format!(
            "  postgres:\n    command: [clearance, provider, postgres]\n    timeout: 60s\n    env: {{PGHOST: {}, PGPORT: \"{}\", PGDATABASE: {db}, PGUSER: {SUPERUSER}}}\n    secrets: {{PGPASSWORD: {{env: SHOP_DB_PASSWORD}}}}\n",
            server.socket.display(),
            server.port
        );
        // The template's postgres block is the last in the file: replace it.
        std::fs::write(repo.file("clearance.yaml"), format!("{}{declared}", &config[..start])).unwrap();
        let graph = std::fs::read_to_string(repo.file("graph/services.yaml")).unwrap();
        std::fs::write(
            repo.file("graph/services.yaml"),
            format!("{graph}  - id: shop-db\n    tier: 2\n    owners: [team-platform]\n    annotations: {{resource: \"postgres://localhost/{db}\"}}\n  - id: other-db\n    tier: 2\n    owners: [team-platform]\n    annotations: {{resource: \"postgres://localhost/elsewhere\"}}\n"),
        )
        .unwrap();
        let trust = std::fs::read_to_string(repo.file("trust/identities.yaml")).unwrap();
        std::fs::write(
            repo.file("trust/identities.yaml"),
            trust.replace("actions: [k8s.*, file.*, spy.*]", "actions: [k8s.*, file.*, spy.*, postgres.*]"),
        )
        .unwrap();
        repo.commit_rules("the shop database");
        Shop { repo, db: db.to_owned() }
    }

    fn intent(&self, action: &str, params: &str, extra: &str) -> String {
        format!(
            "apiVersion: clearance/v1\nkind: Intent\nmetadata: {{agent: deploy-bot}}\nspec:\n  action: {action}\n  environment: prod\n  targets: [shop-db]\n  params: {params}\n  reason: test\n  risk: {{write: true, reversible: true}}\n{extra}"
        )
    }

    /// Propose, plan and approve (olive, team-platform): ready to apply.
    fn cleared(&self, intent: &str) -> String {
        let id = self.repo.propose(intent);
        let r = self.as_runner(&["plan", &id]);
        assert_eq!(r.code, 0, "plan: {r}");
        crate::execute::approve(&self.repo, &id, "olive");
        id
    }

    fn as_runner(&self, args: &[&str]) -> Run {
        self.runner_cmd(args).output().unwrap().into()
    }

    fn runner_cmd(&self, args: &[&str]) -> Command {
        let mut cmd = clearance(self.repo.path());
        let key = self.repo.key("runner");
        cmd.env("SHOP_DB_PASSWORD", PASSWORD).args(args).args(["--key-file", key.to_str().unwrap()]);
        cmd
    }

    fn show(&self, id: &str) -> serde_json::Value {
        let r = self.repo.run(&["show", id, "--format", "json"]);
        serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{r}"))
    }

    fn count(&self, sql: &str) -> i64 {
        psql(&self.db, sql).parse().unwrap()
    }

    fn plan_text(&self, id: &str) -> String {
        let dir = crate::common::git(self.repo.path(), &["ls-files", "proposals"]);
        let path = dir.lines().find(|l| l.contains(id) && l.ends_with("plan.json")).expect("a plan.json");
        std::fs::read_to_string(self.repo.file(path)).unwrap()
    }
}

#[test]
fn plan_of_a_delete_reports_the_exact_row_count_and_changes_nothing() {
    let shop = Shop::new("shop_plan");
    let id =
        shop.repo.propose(&shop.intent("postgres.delete-rows", "{table: orders, where: \"status = 'stale'\"}", ""));
    let r = shop.as_runner(&["plan", &id, "--format", "json"]);
    assert_eq!(r.code, 0, "{r}");
    let plan = shop.plan_text(&id);
    assert!(plan.contains("would delete 25 rows"), "{plan}");
    assert!(plan.contains("\"rows\": 25"), "{plan}");
    assert_eq!(shop.count("SELECT count(*) FROM orders"), 100, "the plan rolled back");
    // A migration that drops a table and creates another: sizes of what would go.
    let id = shop.repo.propose(&shop.intent(
        "postgres.migrate",
        "{sql: \"CREATE TABLE archive (id int); DROP TABLE orders\", down: \"DROP TABLE archive\"}",
        "",
    ));
    assert_eq!(shop.as_runner(&["plan", &id]).code, 0);
    let plan = shop.plan_text(&id);
    assert!(plan.contains("drop table public.orders (100 rows,"), "{plan}");
    assert!(plan.contains("create table public.archive"), "{plan}");
    assert_eq!(shop.count("SELECT count(*) FROM orders"), 100);
    assert_eq!(shop.count("SELECT count(*) FROM pg_tables WHERE tablename = 'archive'"), 0);
    // Emptied and renamed tables are named as such.
    let id = shop.repo.propose(&shop.intent(
        "postgres.migrate",
        "{sql: \"TRUNCATE orders; ALTER TABLE orders RENAME TO old_orders\", down: \"SELECT 1\"}",
        "",
    ));
    assert_eq!(shop.as_runner(&["plan", &id]).code, 0);
    let plan = shop.plan_text(&id);
    assert!(plan.contains("empty public.orders (100 rows,"), "{plan}");
    assert!(plan.contains("rename public.orders to public.old_orders"), "{plan}");
    assert_eq!(shop.count("SELECT count(*) FROM orders"), 100);
}

#[test]
fn statements_that_cannot_run_in_a_transaction_are_refused_unless_the_intent_says_so() {
    let shop = Shop::new("shop_concurrently");
    let sql =
        "{sql: \"CREATE INDEX CONCURRENTLY orders_status ON orders (status)\", down: \"DROP INDEX orders_status\"}";
    let id = shop.repo.propose(&shop.intent("postgres.migrate", sql, ""));
    let r = shop.as_runner(&["plan", &id]);
    assert_eq!(r.code, 6, "{r}");
    assert!(r.stderr.contains("cannot run inside a transaction") && r.stderr.contains("non_transactional"), "{r}");
    let intent = shop
        .intent("postgres.migrate", sql, "")
        .replace("reversible: true}", "reversible: true, non_transactional: true}");
    let id = shop.cleared(&intent);
    assert!(shop.plan_text(&id).contains("not simulated"));
    let r = shop.as_runner(&["apply", &id]);
    assert_eq!(r.code, 0, "{r}");
    assert_eq!(shop.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'"), 1);
}

#[test]
fn a_target_naming_another_database_is_refused() {
    let shop = Shop::new("shop_resource");
    let intent =
        shop.intent("postgres.delete-rows", "{table: orders, where: \"true\"}", "").replace("[shop-db]", "[other-db]");
    let id = shop.repo.propose(&intent);
    let r = shop.as_runner(&["plan", &id]);
    assert_eq!(r.code, 6, "{r}");
    assert!(r.stderr.contains("connected to database `shop_resource`") && r.stderr.contains("elsewhere"), "{r}");
    assert_eq!(shop.count("SELECT count(*) FROM orders"), 100);
}

#[test]
fn a_failing_statement_exits_6_with_the_server_s_words_and_applies_nothing() {
    let shop = Shop::new("shop_error");
    // The first statement would work; the second fails: neither may land.
    let sql =
        "{sql: \"UPDATE orders SET status = 'closed'; INSERT INTO orders VALUES (1, 'dup')\", down: \"SELECT 1\"}";
    // Planned while it worked (no row 1 yet), then the row appears before apply.
    psql(&shop.db, "DELETE FROM orders WHERE id = 1");
    let id = shop.cleared(&shop.intent("postgres.migrate", sql, ""));
    psql(&shop.db, "INSERT INTO orders VALUES (1, 'open')");
    let r = shop.as_runner(&["apply", &id]);
    assert_eq!(r.code, 6, "{r}");
    assert!(r.stderr.contains("duplicate key value violates unique constraint"), "{r}");
    assert_eq!(shop.count("SELECT count(*) FROM orders WHERE status = 'closed'"), 0, "nothing half-applied");
    assert_eq!(shop.count("SELECT count(*) FROM clearance_applied"), 0, "the ledger rolled back with it");
    assert_eq!(shop.show(&id)["state"], "failed");
}

#[test]
fn apply_lands_once_even_when_clearance_is_killed_and_resumed() {
    let shop = Shop::new("shop_once");
    psql(&shop.db, "CREATE TABLE events (n int)");
    // The statement sleeps, so clearance can be killed while the provider runs.
    let sql = "{sql: \"INSERT INTO events SELECT 1 FROM pg_sleep(2)\", down: \"DELETE FROM events\"}";
    let id = shop.cleared(&shop.intent("postgres.migrate", sql, ""));
    let mut child = shop.runner_cmd(&["apply", &id]).spawn().unwrap();
    // Wait until the provider's statement is running, then kill -9 clearance itself.
    let mut running = false;
    for _ in 0..200 {
        if shop.count("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO events%'") > 0 {
            running = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(running, "the provider never ran its statement");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(shop.show(&id)["state"], "applying");
    // The orphaned provider finishes its transaction; the resumed apply finds its key.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let r = shop.as_runner(&["apply", &id, "--resume"]);
    assert_eq!(r.code, 0, "{r}");
    assert!(r.stdout.contains("already applied") || r.stderr.contains("already applied"), "{r}");
    assert_eq!(shop.count("SELECT count(*) FROM events"), 1);
    assert_eq!(shop.count("SELECT count(*) FROM clearance_applied"), 1);
    // Killed before the provider ran at all: resume runs it, once.
    let id = shop.cleared(&shop.intent(
        "postgres.migrate",
        "{sql: \"INSERT INTO events VALUES (2)\", down: \"SELECT 1\"}",
        "",
    ));
    let r: Run = shop.runner_cmd(&["apply", &id]).env("CLEARANCE_CRASH_AT", "apply-started").output().unwrap().into();
    assert_ne!(r.code, 0);
    assert_eq!(shop.count("SELECT count(*) FROM events WHERE n = 2"), 0);
    assert_eq!(shop.as_runner(&["apply", &id, "--resume"]).code, 0);
    assert_eq!(shop.as_runner(&["apply", &id, "--resume"]).code, 1, "a finished change does not resume");
    assert_eq!(shop.count("SELECT count(*) FROM events WHERE n = 2"), 1);
    assert_eq!(shop.count("SELECT count(*) FROM clearance_applied"), 2);
}

#[test]
fn the_whole_lifecycle_against_a_real_server_keeps_the_password_out_of_everything() {
    let shop = Shop::new("shop_lifecycle");
    let r = shop.repo.run(&[
        "new",
        "postgres-migration",
        "--set",
        "agent=deploy-bot",
        "--set",
        "environment=prod",
        "--set",
        "target=shop-db",
        "--set",
        "sql=ALTER TABLE orders ADD COLUMN note text; UPDATE orders SET note = 'migrated'",
        "--set",
        "down=ALTER TABLE orders DROP COLUMN note",
        "--set",
        "check=SELECT count(*) FROM orders WHERE note = 'migrated'",
        "--set",
        "expect=100",
    ]);
    assert_eq!(r.code, 0, "{r}");
    let mut outputs = Vec::new();
    let id = shop.cleared(&r.stdout);
    let plan = shop.plan_text(&id);
    assert!(plan.contains("alter public.orders") && plan.contains("update 100 rows"), "{plan}");
    let r = shop.as_runner(&["apply", &id]);
    assert_eq!(r.code, 0, "{r}");
    outputs.push(r.to_string());
    assert_eq!(shop.count("SELECT count(*) FROM orders WHERE note = 'migrated'"), 100);
    let shown = shop.show(&id);
    assert_eq!(shown["state"], "applied", "{shown}");
    let evidence = shown.to_string();
    assert!(evidence.contains("verified") && evidence.contains("check passed: 100"), "{evidence}");
    // The rollback is a proposal of its own, governed like any other.
    let key = shop.repo.key("deploy-bot");
    let r = shop.repo.run(&["rollback", &id, "--key-file", key.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{r}");
    let back = r.stdout.trim().to_owned();
    let r = shop.as_runner(&["plan", &back]);
    assert_eq!(r.code, 0, "{r}");
    crate::execute::approve(&shop.repo, &back, "olive");
    let r = shop.as_runner(&["apply", &back]);
    assert_eq!(r.code, 0, "{r}");
    outputs.push(r.to_string());
    assert_eq!(
        shop.count(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'"
        ),
        0
    );
    let verify = shop.repo.run(&["verify"]);
    assert_eq!(verify.code, 0, "{verify}");
    outputs.push(verify.to_string());
    // The password: in no output, no file of the repository, no commit.
    let history = crate::common::git(shop.repo.path(), &["log", "-p", "--all"]);
    assert!(history.contains("postgres.migrate"), "the history holds the change");
    for text in outputs.iter().chain([&history, &evidence]) {
        assert!(!text.contains(PASSWORD), "the password leaked: {text}");
    }
}

/// The provider speaks TLS as PGSSLMODE asks, checking what libpq checks: `require`
/// encrypts, `verify-ca` checks the chain, `verify-full` the name too; a certificate from
/// another CA, or for another name, is refused. The server says whether the session is
/// encrypted (`pg_stat_ssl`).
#[test]
fn tls_is_what_pgsslmode_asks_for() {
    let server = server();
    psql("postgres", "SELECT 1");
    let encrypted = |mode: &str, host: &str, root: &Path| -> Result<String, String> {
        let request = serde_json::json!({
            "api_version": "clearance/v1", "operation": "verify", "proposal_id": "p", "idempotency_key": "k",
            "intent": {"spec": {"action": "postgres.check", "params": {
                "query": "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()"}}}
        });
        let mut cmd = clearance(Path::new("/"));
        cmd.args(["provider", "postgres", "verify"])
            .env("PGHOST", host)
            .env("PGPORT", server.port.to_string())
            .env("PGUSER", SUPERUSER)
            .env("PGDATABASE", "postgres")
            .env("PGPASSWORD", PASSWORD)
            .env("PGSSLMODE", mode)
            .env("PGSSLROOTCERT", root);
        let r = crate::common::feed(cmd, request.to_string().as_bytes());
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{r}"));
        assert!(!r.stdout.contains(PASSWORD) && !r.stderr.contains(PASSWORD));
        match v["status"].as_str() {
            Some("ok") => Ok(v["outputs"]["value"].as_str().unwrap_or_default().to_owned()),
            _ => Err(v["summary"].as_str().unwrap_or_default().to_owned()),
        }
    };
    let (ca, stranger) = (&server.ca, &server.stranger);
    assert_eq!(encrypted("disable", "127.0.0.1", ca), Ok("false".into()));
    assert_eq!(encrypted("prefer", "127.0.0.1", ca), Ok("true".into()));
    assert_eq!(encrypted("require", "127.0.0.1", stranger), Ok("true".into()), "require checks no certificate");
    assert_eq!(encrypted("verify-full", "localhost", ca), Ok("true".into()));
    assert_eq!(encrypted("verify-ca", "127.0.0.1", ca), Ok("true".into()), "verify-ca checks no name");
    let wrong_name = encrypted("verify-full", "127.0.0.1", ca).unwrap_err();
    assert!(wrong_name.contains("cannot connect"), "{wrong_name}");
    let wrong_ca = encrypted("verify-ca", "localhost", stranger).unwrap_err();
    assert!(wrong_ca.contains("cannot connect") && wrong_ca.to_lowercase().contains("certificate"), "{wrong_ca}");
    let nonsense = encrypted("verify-everything", "localhost", ca).unwrap_err();
    assert!(nonsense.contains("is not a mode"), "{nonsense}");
}

/// The attacker is the proposing agent: its SQL runs at `plan`, before any human approved it,
/// and the plan is committed where it can read it. It may neither commit through the plan
/// (statements the splitter could be fooled into taking for one are refused by the server),
/// nor read data back through a check's answer or a server error, nor touch the ledger, nor
/// write from a check.
#[test]
fn an_agent_cannot_make_a_plan_commit_or_reveal_what_was_not_approved() {
    let shop = Shop::new("shop_attack");
    let plan = |action: &str, params: &str| -> (Run, String) {
        let id = shop.repo.propose(&shop.intent(action, params, ""));
        let r = shop.as_runner(&["plan", &id]);
        let text = crate::common::git(shop.repo.path(), &["log", "-p", "--all"]);
        (r, text)
    };
    // A dollar quote after `_` and an escape after a name: the guard sees one statement.
    for sql in [
        "SELECT 1 AS a_$q$; COMMIT; DROP TABLE orders; SELECT 1 AS b_$q$",
        "SELECT name'\\\\'; COMMIT; DROP TABLE orders; SELECT name'\\\\'",
    ] {
        let (r, _) = plan("postgres.migrate", &format!("{{sql: \"{sql}\", down: \"SELECT 1\"}}"));
        assert_eq!(r.code, 6, "{r}");
        assert_eq!(shop.count("SELECT count(*) FROM orders"), 100, "the plan committed: {sql}");
    }
    // Data read back through a check or through an error message stays out of the plan.
    let (r, log) = plan("postgres.check", "{query: \"SELECT string_agg(status, ',') FROM orders\"}");
    assert_eq!(r.code, 0, "{r}");
    assert!(!log.contains("open,open") && !log.contains("stale"), "a check's answer reached the plan");
    let (r, log) = plan(
        "postgres.migrate",
        "{sql: \"SELECT CAST((SELECT string_agg(status, ',') FROM orders) AS int)\", down: \"SELECT 1\"}",
    );
    assert_eq!(r.code, 6, "{r}");
    assert!(r.stderr.contains("SQLSTATE 22P02") && !log.contains("open,open"), "{r}");
    // The ledger of what ran is nobody's to change.
    let (r, _) = plan("postgres.migrate", "{sql: \"DELETE FROM \\\"clearance_applied\\\"\", down: \"SELECT 1\"}");
    assert_eq!(r.code, 6, "{r}");
    assert!(r.stderr.contains("ledger"), "{r}");
    // A check writes nothing, even approved: one statement, read-only.
    let id = shop.cleared(&shop.intent(
        "postgres.migrate",
        "{sql: \"SELECT 1\", down: \"SELECT 1\"}",
        "  verify: {action: postgres.check, params: {query: \"DELETE FROM orders RETURNING 1\"}}\n",
    ));
    let r = shop.as_runner(&["apply", &id]);
    assert_eq!(shop.count("SELECT count(*) FROM orders"), 100, "{r}");
    assert!(shop.show(&id).to_string().contains("read-only"), "{r}");
}
