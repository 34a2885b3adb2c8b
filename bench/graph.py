#!/usr/bin/env python3
"""Benchmark: `clearance blast` on a 100,000-service / 1,000,000-edge graph.

Measures, side by side in one run, `clearance blast TARGET --format json`:
  - cold (graph cache deleted before each run) and warm, on YAML and on JSON,
  - against bench/blast_reference.py (json.load + BFS) on the same JSON file,
and the peak resident memory of each. TARGET is a typical service (popularity rank at
1%); the hub (depended on by everything, so its radius is the whole graph and the JSON
output alone is ~100 bytes a service) is measured warm as the worst case.

Usage: python3 bench/graph.py [--services N] [--edges M] [--runs R] [--bin PATH]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

from common import ROOT, graph_repo, release_binary


def run(argv, cwd=None):
    """Wall time (ms) and peak RSS (MiB) of one process, with its stdout.

    The peak RSS comes from GNU time, which forks the command from a small process: a child
    forked from this Python process would count this process's pages as its own."""
    timed = os.path.join(tempfile.gettempdir(), "clearance-graph-bench.time")
    wrapped = ["/usr/bin/time", "-f", "%M", "-o", timed] + argv if os.path.exists("/usr/bin/time") else argv
    t = time.perf_counter()
    p = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.stdout.read(), p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    ms = (time.perf_counter() - t) * 1000
    if status != 0:
        sys.exit(f"{argv} failed: {err.decode()}")
    rss = int(open(timed).read().split()[-1]) / 1024 if wrapped is not argv else usage.ru_maxrss / 1024
    return ms, rss, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--services", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = release_binary(args.bin)

    tmp = tempfile.mkdtemp(prefix="clearance-graph-bench-")
    # Generated in a child process: a forked child's peak RSS counts the parent's memory
    # at fork time, so this process must stay small for the measurements to be honest.
    files = {fmt: os.path.join(tmp, "services." + fmt) for fmt in ("json", "yaml")}
    out = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_graph.py"), str(args.services), str(args.edges), files["json"], files["yaml"]],
                         check=True, capture_output=True, text=True).stdout
    hub, target = out.split()
    repos = {fmt: graph_repo(binary, tmp, fmt, files[fmt]) for fmt in ("yaml", "json")}

    rows = []
    count = None
    for fmt in ("yaml", "json"):
        repo, _, size = repos[fmt]
        cache = os.path.join(repo, ".git", "clearance", "graph.bin")
        cold, warm = [], []
        for _ in range(args.runs):
            if os.path.exists(cache):
                os.remove(cache)
            cold.append(run([binary, "blast", target, "--format", "json"], cwd=repo))
        for _ in range(args.runs):
            warm.append(run([binary, "blast", target, "--format", "json"], cwd=repo))
        count = json.loads(warm[-1][2])["summary"]["count"]
        rows.append((f"clearance blast, {fmt} ({size / 2**20:.0f} MiB), cold", cold))
        rows.append((f"clearance blast, {fmt}, warm (cached)", warm))
    json_file = repos["json"][1]
    ref = [run([sys.executable, os.path.join(ROOT, "bench", "blast_reference.py"), json_file, target]) for _ in range(args.runs)]
    ref_count = int(ref[-1][2].split()[0])
    rows.append(("python3 json.load + BFS (same JSON)", ref))
    hub_rows = [
        (f"clearance blast HUB, json, warm", [run([binary, "blast", hub, "--format", "json"], cwd=repos["json"][0]) for _ in range(args.runs)]),
        (f"python3 json.load + BFS, HUB", [run([sys.executable, os.path.join(ROOT, "bench", "blast_reference.py"), json_file, hub]) for _ in range(args.runs)]),
    ]
    hub_count = json.loads(hub_rows[0][1][-1][2])["summary"]["count"]

    med = lambda xs: statistics.median(x[0] for x in xs)
    peak = lambda xs: max(x[1] for x in xs)
    print(f"\n{args.services} services, {args.edges} edges, target {target} ({count} impacted; python: {ref_count}), {args.runs} runs\n")
    print(f"| {'measurement':<40} | median ms | peak RSS MiB |")
    print(f"|{'-' * 42}|-----------|--------------|")
    for name, xs in rows + hub_rows:
        print(f"| {name:<40} | {med(xs):9.1f} | {peak(xs):12.1f} |")
    print(f"\nHUB is {hub} ({hub_count} impacted)")
    py = med(ref)
    cold_json, warm_json = med(rows[2][1]), med(rows[3][1])
    print(f"\ncold JSON is {py / cold_json:.1f}x faster than Python (goal >= 3x); warm is {py / warm_json:.1f}x (goal >= 40x)")
    print(f"cold YAML costs {med(rows[0][1]) / cold_json:.1f}x cold JSON")
    if count != ref_count:
        sys.exit(f"impacted counts differ: clearance {count}, python {ref_count}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
