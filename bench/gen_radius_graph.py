#!/usr/bin/env python3
"""Generate a package-ecosystem-like service graph, where low-level services have huge radii.

Services are in dependency order: each depends on a few (2 to 8, about 5 on average)
services earlier in the order, with a strong preference for the earliest (foundational
libraries, shared databases), as in a real package ecosystem. So a low-level service is
reached from most of the graph: its blast radius is a large share of all services. One
edge in ten is async; one in two hundred points later in the order (small cycles).

Prints the target: the service whose radius is closest to SHARE of all services.

Usage: python3 bench/gen_radius_graph.py SERVICES EDGES SHARE OUT.json OUT.yaml
"""
import random, sys
from collections import deque

from gen_graph import write_json, write_yaml


SYLLABLES = ["core", "util", "http", "json", "auth", "log", "data", "net", "io", "fmt", "cli", "sql",
             "cache", "queue", "crypt", "time", "path", "test", "mock", "sync", "api", "web", "db", "kit"]


def name(i, rng):
    """A package-like id, as long as real ones: `scope.word/word-123`."""
    return "%s.%s/%s-%d" % (rng.choice(SYLLABLES), rng.choice(SYLLABLES), rng.choice(SYLLABLES), i)


def generate(n, m, seed=7):
    rng = random.Random(seed)
    ids = [name(i, rng) for i in range(n)]
    per = m / n
    services = []
    for i in range(n):
        k = 0 if i == 0 else min(i, max(1, int(rng.gauss(per, 1.5))))
        deps, seen = [], set()
        while len(deps) < k:
            if rng.random() < 0.005 and i + 1 < n:
                to = rng.randrange(i + 1, min(n, i + 50))  # against the order: a small cycle
            else:
                to = int(i * rng.random() ** 3)  # mostly the foundations
            if to == i or to in seen:
                continue
            seen.add(to)
            deps.append((to, rng.random() < 0.1))
        services.append({
            "id": ids[i],
            "tier": rng.choice((0, 1, 1, 2, 2, 2, 3, 3)),
            "owners": ["team-%d" % (i % 400)],
            "data": ["pii"] if i % 17 == 0 else [],
            "depends_on": [(ids[to], a) for to, a in deps],
        })
    return services, ids


def radius(dependents, start):
    seen = {start}
    queue = deque([start])
    while queue:
        for d in dependents[queue.popleft()]:
            if d not in seen:
                seen.add(d)
                queue.append(d)
    return len(seen)


if __name__ == "__main__":
    n, m, share = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    services, ids = generate(n, m)
    index = {sid: i for i, sid in enumerate(ids)}
    dependents = [[] for _ in range(n)]
    for i, s in enumerate(services):
        for d, _ in s["depends_on"]:
            dependents[index[d]].append(i)
    # Radii shrink (roughly) along the order: bisect for the wanted share.
    lo, hi, want = 0, n - 1, share * n
    best = (n, 0)
    for _ in range(20):
        mid = (lo + hi) // 2
        r = radius(dependents, mid)
        if abs(r - want) < abs(best[0] - want):
            best = (r, mid)
        if r > want:
            lo = mid + 1
        else:
            hi = mid - 1
        if lo > hi:
            break
    write_json(services, sys.argv[4])
    write_yaml(services, sys.argv[5])
    print(ids[best[1]], best[0])
