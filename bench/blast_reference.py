#!/usr/bin/env python3
"""The straightforward Python baseline: json.load the graph, reverse the edges, BFS over all
edges (depth) and over sync edges only (what breaks rather than degrades).

Usage: python3 bench/blast_reference.py GRAPH.json TARGET   (prints: COUNT SYNC ASYNC)
"""
import json, sys
from collections import deque

graph = json.load(open(sys.argv[1]))
dependents = {}
for s in graph["services"]:
    for d in s.get("depends_on", []):
        to, sync = (d, True) if isinstance(d, str) else (d["service"], d.get("kind", "sync") == "sync")
        dependents.setdefault(to, []).append((s["id"], sync))


def bfs(start, sync_only):
    seen = {start: 0}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for d, sync in dependents.get(v, ()):
            if d not in seen and (sync or not sync_only):
                seen[d] = seen[v] + 1
                queue.append(d)
    return seen


everything, broken = bfs(sys.argv[2], False), bfs(sys.argv[2], True)
print(len(everything), len(broken) - 1, len(everything) - len(broken))
