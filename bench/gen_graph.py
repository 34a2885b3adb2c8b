#!/usr/bin/env python3
"""Generate a synthetic service graph with power-law fan-in.

Services are ranked by popularity. Each depends on `edges/services` others on average,
picked with a Zipf-like preference for popular ones (a few databases and platform services
are depended on by almost everything, most by few), and mostly on services more popular
than itself, as real architectures layer frontends over services over stores; one edge in
a hundred points the other way, to a near neighbour, so there are small cycles. One edge in ten is async.

Prints two targets: the hub (the most depended-on service) and a typical service (the
popularity rank at 1% of the services).

Usage: python3 bench/gen_graph.py SERVICES EDGES OUT.json OUT.yaml   (prints: HUB TYPICAL)
"""
import bisect, itertools, json, random, sys


def generate(n, m, seed=1):
    rng = random.Random(seed)
    order = list(range(n))
    rng.shuffle(order)  # popularity rank -> service
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(n)]
    cum = list(itertools.accumulate(weights))
    total = cum[-1]
    per = m // n
    extra = m - per * n
    rank_of = [0] * n
    for rank, service in enumerate(order):
        rank_of[service] = rank
    services = []
    for i in range(n):
        k = per + (1 if i < extra else 0)
        deps, seen = [], set()
        my_rank = rank_of[i]
        while len(deps) < k:
            if my_rank <= 2 * k:
                to = order[rng.randrange(min(n, 4 * k + 1))]  # the platform core calls itself
            elif rng.random() < 0.01:
                # The occasional edge against the layering, to a near neighbour: small cycles.
                to = order[min(n - 1, my_rank + rng.randrange(1, 10))]
            else:
                # Zipf over the services more popular than this one.
                to = order[bisect.bisect_left(cum, rng.random() * cum[my_rank - 1], 0, my_rank)]
            if to == i or to in seen:
                continue
            seen.add(to)
            deps.append(("s%d" % to, rng.random() < 0.1))
        services.append({
            "id": "s%d" % i,
            "tier": rng.choice((0, 1, 1, 2, 2, 2, 3, 3)),
            "owners": ["team-%d" % (i % 400)],
            "data": ["pii"] if i % 17 == 0 else [],
            "depends_on": deps,
        })
    return services, "s%d" % order[0], "s%d" % order[max(1, n // 100)]


def write_json(services, path):
    doc = {"apiVersion": "clearance/v1", "kind": "ServiceGraph", "services": [
        {"id": s["id"], "tier": s["tier"], "owners": s["owners"], "data": s["data"],
         "depends_on": [{"service": d, "kind": "async"} if a else d for d, a in s["depends_on"]]}
        for s in services]}
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))


def write_yaml(services, path):
    with open(path, "w") as f:
        f.write("apiVersion: clearance/v1\nkind: ServiceGraph\nservices:\n")
        for s in services:
            deps = ", ".join("{service: %s, kind: async}" % d if a else d for d, a in s["depends_on"])
            data = "[%s]" % ", ".join(s["data"])
            f.write("  - id: %s\n    tier: %d\n    owners: [%s]\n    data: %s\n    depends_on: [%s]\n"
                    % (s["id"], s["tier"], ", ".join(s["owners"]), data, deps))


if __name__ == "__main__":
    n, m = int(sys.argv[1]), int(sys.argv[2])
    services, hub, typical = generate(n, m)
    write_json(services, sys.argv[3])
    write_yaml(services, sys.argv[4])
    print(hub, typical)
