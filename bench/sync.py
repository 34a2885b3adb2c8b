#!/usr/bin/env python3
"""Benchmark: syncing a change repository through a real git server on 127.0.0.1.

A bare copy of a fresh change repo is served by `git daemon --enable=receive-pack` on a free
loopback port. Measures:
  - `clearance propose` local, `propose --push`, and plain `git commit && git push` of one
    small file from a clone (what any git round trip costs), median of R runs each;
  - contention: 4 clones x 10 `propose --push` started at once, wall time for all 40;
  - catching up: a clone with N local proposals syncs onto a remote that gained N others
    (`clearance sync`: fetch, replay N commits re-signed, push).

Usage: python3 bench/sync.py [--runs R] [--catch-up N] [--bin PATH]
"""
import argparse, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

from common import ROOT, release_binary

INTENT = """apiVersion: clearance/v1
kind: Intent
metadata: {{agent: bench-bot, run: r{n}}}
spec:
  action: k8s.restart
  environment: staging
  targets: [search]
  reason: bench {n}
"""


def sh(*args, cwd=None, env=None, stdin=None, ok=(0,)):
    r = subprocess.run(args, cwd=cwd, env=env, input=stdin, capture_output=True)
    if r.returncode not in ok:
        sys.exit(f"{args} exited {r.returncode}: {r.stderr.decode()}")
    return r


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--catch-up", type=int, default=100)
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = release_binary(args.bin)
    tmp = tempfile.mkdtemp(prefix="clearance-sync-bench-")
    env = dict(os.environ, NO_COLOR="1")
    try:
        origin = os.path.join(tmp, "origin")
        admin = os.path.join(tmp, "admin.key")
        sh(binary, "key", "new", "admin", "--file", admin)
        sh(binary, "init", origin, "--key-file", admin)
        key = os.path.join(tmp, "bench-bot.key")
        sh(binary, "key", "new", "bench-bot", "--file", key)
        sh(binary, "trust", "add", "bench-bot", "--role", "agent", "--key", key + ".pub", "--sponsor", "sam",
           "--allow-action", "k8s.*", "--allow-env", "staging", "--signer-file", admin, cwd=origin)
        env["CLEARANCE_KEY_FILE"] = key
        srv = os.path.join(tmp, "srv")
        os.makedirs(srv)
        sh("git", "clone", "-q", "--bare", origin, os.path.join(srv, "changes.git"))
        port = free_port()
        exec_path = sh("git", "--exec-path").stdout.decode().strip()
        daemon = subprocess.Popen([os.path.join(exec_path, "git-daemon"), "--reuseaddr", "--listen=127.0.0.1",
                                   f"--port={port}", "--export-all", "--enable=receive-pack", f"--base-path={srv}", srv],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                    break
                except OSError:
                    time.sleep(0.02)
            url = f"git://127.0.0.1:{port}/changes.git"

            def clone(name):
                path = os.path.join(tmp, name)
                sh("git", "clone", "-q", url, path)
                return path

            a = clone("a")
            counter = [0]

            def propose(path, *extra):
                counter[0] += 1
                sh(binary, "propose", "-f", "-", *extra, cwd=path, env=env,
                   stdin=INTENT.format(n=counter[0]).encode(), ok=(0, 3))

            def git_push(path):
                counter[0] += 1
                with open(os.path.join(path, "notes.txt"), "a") as f:
                    f.write(f"{counter[0]}\n")
                sh("git", "add", "notes.txt", cwd=path)
                sh("git", "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "note", cwd=path)
                sh("git", "push", "-q", "origin", "main", cwd=path)

            def timed(fn):
                samples = []
                for _ in range(args.runs):
                    t = time.perf_counter()
                    fn()
                    samples.append((time.perf_counter() - t) * 1000)
                return statistics.median(samples)

            local = timed(lambda: propose(a))
            sh(binary, "sync", cwd=a, env=env)
            pushed = timed(lambda: propose(a, "--push"))
            plain = timed(lambda: git_push(a))
            print(f"propose (local)            median {local:7.1f} ms")
            print(f"propose --push             median {pushed:7.1f} ms")
            print(f"git commit && git push     median {plain:7.1f} ms   (push overhead of clearance: {pushed - local:.1f} ms vs git's {plain:.1f} ms round trip)")

            clones = [clone(f"c{i}") for i in range(4)]
            threads = []
            t = time.perf_counter()
            for n in range(40):
                th = threading.Thread(target=propose, args=(clones[n % 4], "--push"))
                th.start()
                threads.append(th)
            for th in threads:
                th.join()
            wall = time.perf_counter() - t
            fresh = clone("fresh-contention")
            count = len(sh(binary, "list", "--format", "json", cwd=fresh).stdout.decode().split('"id"')) - 1
            print(f"4 clones x 10 propose --push at once: {wall * 1000:7.0f} ms wall for 40; a fresh clone sees {count} proposals")

            behind, ahead = clone("behind"), clone("ahead")
            for _ in range(args.catch_up):
                propose(behind)
            for _ in range(args.catch_up):
                propose(ahead)
            sh(binary, "sync", cwd=ahead, env=env)
            t = time.perf_counter()
            out = sh(binary, "sync", "--format", "json", cwd=behind, env=env).stdout.decode()
            took = (time.perf_counter() - t) * 1000
            print(f"sync after {args.catch_up} local + {args.catch_up} remote proposals: {took:7.0f} ms  {out.strip()}")
        finally:
            daemon.kill()
            daemon.wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
