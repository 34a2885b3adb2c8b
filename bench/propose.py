#!/usr/bin/env python3
"""Benchmark: propose and list on a change repository holding 100,000 proposals.

Measures, side by side in one run:
  - `clearance propose` median wall time vs `git add && git commit` of one small file
    in the same repository (goal: propose <= 2x git);
  - `clearance list --agent X` (goal: <= 300 ms), cold (no cache) and warm;
  - `clearance stats` warm (goal: <= 300 ms).

Usage: python3 bench/propose.py [--proposals N] [--runs R] [--bin PATH]
Builds the release binary first unless --bin is given.
"""
import argparse, os, random, shutil, statistics, subprocess, sys, tempfile, time

from common import ROOT, release_binary
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
AGENTS = [f"agent-{i:02d}" for i in range(50)]
TARGETS = ["web", "checkout", "orders-db-old", "search", "catalog", "analytics", "feature-flags"]

INTENT = """apiVersion: clearance/v1
kind: Intent
metadata:
  agent: {agent}
  labels: {{ticket: CHG-{n}}}
spec:
  action: k8s.restart
  environment: {env}
  targets: [{target}]
  reason: Routine restart {n}
"""


def sh(*args, cwd=None, env=None, stdin=None, ok=(0,)):
    r = subprocess.run(args, cwd=cwd, env=env, input=stdin, capture_output=True)
    if r.returncode not in ok:
        sys.exit(f"{args} exited {r.returncode}: {r.stderr.decode()}")
    return r


def build_repo(binary, path, count):
    """A change repo with `count` proposals, written with one `git fast-import`."""
    # Releases with governance sign the genesis and every trust change with an admin key;
    # earlier ones had neither (kept working so the two can be measured side by side).
    governed = b"--admin-threshold" in sh(binary, "init", "--help").stdout
    admin = path + "-admin"
    signer = []
    if governed:
        sh(binary, "key", "new", "admin", "--file", admin, "--force")
        sh(binary, "init", path, "--key-file", admin)
        signer = ["--signer-file", admin]
    else:
        sh(binary, "init", path)
    rng = random.Random(7)
    ids = set()
    chunks = []
    mark = 0
    for n in range(count):
        while True:
            pid = "".join(rng.choice(ALPHABET) for _ in range(10))
            if pid not in ids:
                ids.add(pid)
                break
        agent = AGENTS[n % len(AGENTS)]
        intent = INTENT.format(agent=agent, n=n, env=("prod", "staging")[n % 2], target=TARGETS[n % len(TARGETS)]).encode()
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1_700_000_000 + n * 60))
        evidence = ('{"seq":1,"prev":null,"kind":"proposed","at":"%s","actor":"%s","payload":{"id":"%s"}}\n' % (at, agent, pid)).encode()
        for name, data in (("intent.yaml", intent), ("evidence.jsonl", evidence)):
            mark += 1
            chunks.append(b"blob\nmark :%d\ndata %d\n%s\n" % (mark, len(data), data))
    head = sh("git", "rev-parse", "HEAD", cwd=path).stdout.strip().decode()
    commit = [b"commit refs/heads/main\ncommitter bench <bench@clearance> 1700000000 +0000\ndata 5\nbulk\nfrom %s\n" % head.encode()]
    mark = 0
    for pid in sorted(ids):
        for name in ("intent.yaml", "evidence.jsonl"):
            mark += 1
            commit.append(b"M 100644 :%d proposals/%s/%s/%s\n" % (mark, pid[:2].encode(), pid.encode(), name.encode()))
    stream = b"".join(chunks) + b"".join(commit) + b"\n"
    sh("git", "fast-import", "--quiet", cwd=path, stdin=stream)
    sh("git", "reset", "--quiet", "--hard", "HEAD", cwd=path)
    sh("git", "gc", "--quiet", cwd=path)
    # agent-00 proposes in the benchmark: it needs a key, trusted for k8s actions.
    key = path + "-agent-00"
    sh(binary, "key", "new", "agent-00", "--file", key, "--force")
    sh(binary, "trust", "add", "agent-00", "--role", "agent", "--key", key + ".pub", "--sponsor", "sam",
       "--allow-action", "k8s.*", "--allow-env", "prod", "--allow-env", "staging", *signer, cwd=path)
    return key


def timed(fn, runs):
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proposals", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = release_binary(args.bin)

    tmp = tempfile.mkdtemp(prefix="clearance-bench-")
    repo = os.path.join(tmp, "changes")
    t = time.perf_counter()
    key = build_repo(binary, repo, args.proposals)
    print(f"built a repo with {args.proposals} proposals in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@b", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@b")
    signing = dict(os.environ, CLEARANCE_KEY_FILE=key)
    intent = INTENT.format(agent="agent-00", n=0, env="prod", target="web").encode()
    counter = iter(range(10**9))

    def propose():
        # Past the hourly rate limit a proposal is denied (exit 3): committed all the same.
        sh(binary, "propose", "-q", "-f", "-", cwd=repo, stdin=intent, env=signing, ok=(0, 3))

    def git_commit():
        n = next(counter)
        name = f"notes/note-{n}.txt"
        os.makedirs(os.path.join(repo, "notes"), exist_ok=True)
        with open(os.path.join(repo, name), "w") as f:
            f.write(f"note {n}\n")
        sh("git", "add", name, cwd=repo, env=env)
        sh("git", "commit", "-q", "-m", f"note {n}", cwd=repo, env=env)

    def list_agent():
        sh(binary, "list", "--agent", "agent-07", cwd=repo)

    def stats():
        sh(binary, "stats", "--format", "json", cwd=repo)

    # Alternate so both see the same repo state and cache temperature.
    p, g = [], []
    for _ in range(args.runs):
        p += timed(propose, 1)
        g += timed(git_commit, 1)
    shutil.rmtree(os.path.join(repo, ".git", "clearance"), ignore_errors=True)
    cold = timed(list_agent, 1)
    warm = timed(list_agent, args.runs)
    stats_warm = timed(stats, args.runs)

    med = statistics.median
    rows = [
        ("clearance propose", med(p), min(p), max(p)),
        ("git add && git commit (one small file)", med(g), min(g), max(g)),
        ("clearance list --agent X (cold, no cache)", cold[0], cold[0], cold[0]),
        ("clearance list --agent X (warm)", med(warm), min(warm), max(warm)),
        ("clearance stats (warm)", med(stats_warm), min(stats_warm), max(stats_warm)),
    ]
    print(f"\n{args.proposals} proposals, {args.runs} runs each, {os.cpu_count()} cores\n")
    print(f"| {'measurement':<42} | median ms | min ms | max ms |")
    print(f"|{'-' * 44}|-----------|--------|--------|")
    for name, m, lo, hi in rows:
        print(f"| {name:<42} | {m:9.1f} | {lo:6.1f} | {hi:6.1f} |")
    print(f"\npropose / git commit = {med(p) / med(g):.2f}x (goal <= 2x); list warm = {med(warm):.0f} ms (goal <= 300 ms); stats warm = {med(stats_warm):.0f} ms (goal <= 300 ms)")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
