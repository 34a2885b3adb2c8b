#!/usr/bin/env python3
"""Benchmark: blast radius when the radius is huge (a low-level service of a package-like
graph, reached from ~60% of it), side by side with a Python json.load + BFS peer.

Measures CPU time (user + system), wall time and peak RSS of each process:
  - `clearance blast TARGET --format json` cold (no graph cache) on JSON and YAML, the JSON
    graph both as a loose object (committed here) and in a pack (as fetched), and warm;
  - the human output (summary and the most critical rows) warm;
  - `clearance check -f INTENT` and `clearance propose --dry-run` on an intent targeting it;
  - bench/blast_reference.py on the same JSON file.
Checks that clearance's counts (all, sync, async) equal the peer's.

Usage: python3 bench/radius.py [--services N] [--edges M] [--share S] [--runs R] [--bin PATH]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

from common import ROOT, graph_repo, release_binary


def spawn_run(argv, cwd=None, stdin=None, before=None):
    """CPU ms, wall ms and peak RSS (MiB) of one process, and a short summary of its output.

    CPU (user + system) and wall time come from running the command alone (`wait4`); peak
    RSS from running it again under GNU time, which forks it from a small process (a child
    forked from this Python process would count this process's pages as its own). Its
    stdout goes to a file that this process never reads whole; a JSON output's summary is
    read in a child of its own. `before` runs before each of the two (a cold run removes
    the cache)."""
    out_path = os.path.join(tempfile.gettempdir(), "clearance-radius-bench.out")
    timed = os.path.join(tempfile.gettempdir(), "clearance-radius-bench.time")

    def once(full):
        if before:
            before()
        with open(out_path, "wb") as out_file:
            t = time.perf_counter()
            p = subprocess.Popen(full, cwd=cwd, stdin=subprocess.PIPE, stdout=out_file, stderr=subprocess.PIPE)
            if stdin:
                p.stdin.write(stdin)
            p.stdin.close()
            err = p.stderr.read()
            _, status, usage = os.wait4(p.pid, 0)
            wall = (time.perf_counter() - t) * 1000
        code = os.waitstatus_to_exitcode(status)
        if code != 0 and not (argv[1:2] == ["check"] and code in (3, 4)):
            sys.exit(f"{argv} failed ({code}): {err.decode()}")
        return (usage.ru_utime + usage.ru_stime) * 1000, wall

    if os.path.exists("/usr/bin/time"):
        once(["/usr/bin/time", "-f", "%M", "-o", timed] + argv)
        rss = int(open(timed).read().split()[-1]) / 1024
    else:
        rss = float("nan")
    cpu, wall = once(argv)
    if argv[-2:] == ["--format", "json"]:
        summary = subprocess.run([sys.executable, "-c", "import json, sys; print(json.dumps(json.load(open(sys.argv[1]))['summary']))", out_path],
                                 check=True, capture_output=True).stdout
    else:
        with open(out_path, "rb") as f:
            summary = f.read(200)
    return cpu, wall, rss, summary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--services", type=int, default=63_000)
    ap.add_argument("--edges", type=int, default=310_000)
    ap.add_argument("--share", type=float, default=0.57)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = release_binary(args.bin)

    tmp = tempfile.mkdtemp(prefix="clearance-radius-bench-")
    files = {fmt: os.path.join(tmp, "services." + fmt) for fmt in ("json", "yaml")}
    out = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_radius_graph.py"), str(args.services),
                          str(args.edges), str(args.share), files["json"], files["yaml"]],
                         check=True, capture_output=True, text=True, cwd=os.path.join(ROOT, "bench")).stdout
    target, expected = out.split()
    repos = {fmt: graph_repo(binary, tmp, fmt, files[fmt]) for fmt in ("yaml", "json")}

    intent = ("apiVersion: clearance/v1\nkind: Intent\nmetadata: {agent: deploy-bot}\nspec:\n"
              f"  action: k8s.restart\n  environment: prod\n  targets: [\"{target}\"]\n  reason: bench\n").encode()
    rows = []
    json_repo = repos["json"][0]
    def cold_runs(repo):
        cache = os.path.join(repo, ".git", "clearance", "graph.bin")
        drop = lambda: os.path.exists(cache) and os.remove(cache)
        return [spawn_run([binary, "blast", target, "--format", "json"], cwd=repo, before=drop)
                for _ in range(args.runs)]

    # A graph committed here is a loose object (clearance inflates it as it reads); one
    # fetched from elsewhere lies in a pack (git reads it whole): both are measured.
    for fmt in ("json", "yaml"):
        repo, _, size = repos[fmt]
        rows.append((f"blast --format json, {fmt} ({size / 2**20:.1f} MiB), cold", cold_runs(repo)))
    json_size = repos["json"][2]
    subprocess.run(["git", "-C", json_repo, "gc", "--quiet"], check=True)
    packed = cold_runs(json_repo)
    rows.append(("blast --format json, json in a pack, cold", packed))
    warm = [spawn_run([binary, "blast", target, "--format", "json"], cwd=json_repo) for _ in range(args.runs)]
    rows.append(("blast --format json, warm", warm))
    human = [spawn_run([binary, "blast", target], cwd=json_repo) for _ in range(args.runs)]
    rows.append(("blast (human: summary + top rows), warm", human))
    check = [spawn_run([binary, "check", "-f", "-"], cwd=json_repo, stdin=intent) for _ in range(args.runs)]
    rows.append(("check -f INTENT, warm", check))
    dry = [spawn_run([binary, "propose", "--dry-run", "-f", "-"], cwd=json_repo, stdin=intent) for _ in range(args.runs)]
    rows.append(("propose --dry-run -f INTENT, warm", dry))
    ref = [spawn_run([sys.executable, os.path.join(ROOT, "bench", "blast_reference.py"), repos["json"][1], target])
           for _ in range(args.runs)]
    rows.append(("python3 json.load + 2 BFS (same JSON)", ref))

    got = json.loads(warm[-1][3])
    peer = [int(x) for x in ref[-1][3].split()]
    med = lambda xs, i: statistics.median(x[i] for x in xs)
    print(f"\n{args.services} services, {args.edges} edges; target {target}: {got['count']} impacted "
          f"({100 * got['count'] / args.services:.0f}%), {got['sync_count']} sync, {got['async_count']} async; "
          f"{args.runs} runs\n")
    print(f"| {'measurement':<44} | CPU ms | wall ms | peak RSS MiB |")
    print(f"|{'-' * 46}|--------|---------|--------------|")
    for name, xs in rows:
        print(f"| {name:<44} | {med(xs, 0):6.1f} | {med(xs, 1):7.1f} | {max(x[2] for x in xs):12.1f} |")
    py = med(ref, 0)
    print(f"\nwarm JSON: {py / med(warm, 0):.0f}x the peer's CPU (goal >= 40x, <= 30 ms); "
          f"cold JSON: {med(rows[0][1], 0) / py:.2f} of the peer's (goal <= 0.33); "
          f"cold YAML: {med(rows[1][1], 0) / med(rows[0][1], 0):.1f}x cold JSON (goal <= 2.5x)")
    print(f"peak RSS, cold JSON: {max(x[2] for x in rows[0][1]):.1f} MiB = "
          f"{max(x[2] for x in rows[0][1]) * 2**20 / json_size:.2f}x the file (goal <= 2x); "
          f"warm: {max(x[2] for x in warm):.1f} MiB (goal <= 64)")
    if [got["count"], got["sync_count"], got["async_count"]] != [peer[0], peer[1], peer[2]]:
        sys.exit(f"counts differ: clearance {got['count']}/{got['sync_count']}/{got['async_count']}, peer {peer}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
