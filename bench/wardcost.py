"""`python -m bench.wardcost`: what a ward lookup reads, over the demo wards.

Not part of `make bench` (it is quick and counts only, no timings): it loads
the demo council's 21 wards into moto and asks WardStore.at_point at every
point of a 40 x 40 grid over York's bbox, then prints the distribution of
items read (index rows of the point's cell + wards fetched by key).
"""
from collections import Counter

from . import env

env.apply()


def measure(steps=40):
    from moto import mock_aws
    from chalicelib.storage import metering
    from doorstep_cli.seed import demo_wards
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        demo_wards(deps)
        w, s, e, n = deps.area.bbox
        items, queries, outside = Counter(), Counter(), 0
        for i in range(steps):
            for j in range(steps):
                lon, lat = w + (e - w) * (i + 0.5) / steps, s + (n - s) * (j + 0.5) / steps
                if not deps.area.contains(lon, lat):
                    outside += 1
                    continue
                with metering.metered() as meter:
                    assert deps.wards.at_point(lon, lat) is not None, (lon, lat)
                items[meter.items] += 1
                queries[meter.queries] += 1
        return items, queries, outside


def main():
    items, queries, outside = measure()
    total = sum(items.values())
    values = sorted(k for k, c in items.items() for _ in range(c))
    print(f"{total} points inside York ({outside} outside skipped); queries per lookup: {dict(queries)}")
    print(f"items read: min {values[0]}, median {values[total // 2]}, p95 {values[int(total * 0.95)]}, "
          f"max {values[-1]}")
    for k in sorted(items):
        print(f"  {k:3d} items: {items[k]} points")


if __name__ == "__main__":
    main()
