#!/usr/bin/env python3
"""The straightforward Python baseline: json.load the graph, reverse the edges, BFS.

Usage: python3 bench/blast_reference.py GRAPH.json TARGET   (prints the impacted count)
"""
import json, sys
from collections import deque

graph = json.load(open(sys.argv[1]))
dependents = {}
for s in graph["services"]:
    for d in s.get("depends_on", []):
        to = d if isinstance(d, str) else d["service"]
        dependents.setdefault(to, []).append(s["id"])
seen = {sys.argv[2]: 0}
queue = deque([sys.argv[2]])
while queue:
    v = queue.popleft()
    for d in dependents.get(v, ()):
        if d not in seen:
            seen[d] = seen[v] + 1
            queue.append(d)
print(len(seen))
