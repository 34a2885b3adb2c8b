#!/usr/bin/env python3
"""Benchmark: `clearance check -f intent.yaml` end to end on a repo of 10,000 proposals.

Usage: python3 bench/check.py [--proposals N] [--runs R] [--bin PATH]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

from common import ROOT, release_binary
from propose import build_repo

INTENT = open(os.path.join(ROOT, "templates", "demo", "intent.yaml"), "rb").read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proposals", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=31)
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = release_binary(args.bin)
    tmp = tempfile.mkdtemp(prefix="clearance-check-bench-")
    repo = os.path.join(tmp, "changes")
    build_repo(binary, repo, args.proposals)
    samples = []
    for i in range(args.runs + 1):
        t = time.perf_counter()
        p = subprocess.run([binary, "check", "-f", "-"], cwd=repo, input=INTENT, capture_output=True)
        ms = (time.perf_counter() - t) * 1000
        if p.returncode not in (0, 3, 4):
            sys.exit(p.stderr.decode())
        if i:  # the first run builds the caches
            samples.append(ms)
    print(f"clearance check -f on {args.proposals} proposals: median {statistics.median(samples):.1f} ms, "
          f"min {min(samples):.1f}, max {max(samples):.1f} ({args.runs} runs; goal <= 20 ms)")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
