"""`python -m bench.schools`: the school places allocation run for 10,000 applications over 100
schools (issue 82: "finishes within minutes, reading each application once").

The schools (100 primaries on a 10 x 10 grid over York's area, 90 reception places each, so 9,000
places for 10,000 children: some schools full, some children allocated the nearest with room) and the
applications (three preferences each, drawn from the five schools nearest the home, a sibling on
one in ten and a looked after child in two hundred) are written in the store's own form, then the
admissions desk's run (handlers/schools/allocating.run) is timed under the meter: one paged Query of
the round's index, the allocation, and the run's rows written 25 to a batch. The same run again with the
first one's draw must offer the same schools."""
import random
import time
from datetime import datetime, timezone
from types import SimpleNamespace

from . import report

APPLICATIONS, SCHOOLS, PLACES = 10_000, 100, 90
W, S, E, N = -1.20, 53.90, -0.98, 54.03  # inside York's demo boundary
BEGIN, END = "<!-- schools: written by bench.schools -->", "<!-- /schools -->"


def world(deps, rng):
    from chalicelib.storage.binding import batch_save
    from chalicelib.storage.schools.applications import _row
    criteria = ["looked_after", "catchment_sibling", "catchment", "sibling", "distance"]
    schools = []
    for i in range(SCHOOLS):
        lon, lat = W + (E - W) * ((i % 10) + 0.5) / 10, S + (N - S) * ((i // 10) + 0.5) / 10
        d = 0.011
        schools.append({"id": f"school-{i:03d}", "name": f"School {i}", "phase": "primary", "lat": lat, "lon": lon,
                        "places": {"reception": PLACES}, "criteria": criteria,
                        "area": {"type": "Polygon", "coordinates": [[[lon - d, lat - d], [lon + d, lat - d],
                                                                     [lon + d, lat + d], [lon - d, lat + d],
                                                                     [lon - d, lat - d]]]}})
    deps.schools.put_all(schools, {"max_preferences": 3})
    now = datetime(2027, 1, 10, 12, tzinfo=timezone.utc)
    rows = []
    for n in range(APPLICATIONS):
        lon, lat = rng.uniform(W, E), rng.uniform(S, N)
        near = sorted(schools, key=lambda s: (s["lon"] - lon) ** 2 + (s["lat"] - lat) ** 2)[:5]
        chosen = rng.sample(near, 3)
        prefs = [{"rank": r, "school_id": s["id"], **({"sibling": {"name": "A sibling", "year_group": "year_2"}}
                                                       if rng.random() < 0.1 else {})}
                 for r, s in enumerate(chosen, 1)]
        rows.append(_row({"id": f"SA-{n:010d}", "user_id": f"u_{n:08d}", "round": "2027-primary", "version": 1,
                          "child": {"name": f"Child {n}", "date_of_birth": "2022-11-03"},
                          "home": {"uprn": str(990000000000 + n), "address": "", "lat": lat, "lon": lon},
                          "looked_after": {"authority": "A council"} if rng.random() < 0.005 else None,
                          "preferences": prefs, "created_at": now}))
    batch_save(type(rows[0]), rows)


def measure(deps):
    from chalicelib.handlers.schools.allocating import run
    from chalicelib.storage import metering
    started = time.perf_counter()
    with metering.metered() as meter:
        first = run(deps, "2027-primary", {})
    seconds = time.perf_counter() - started
    again = run(deps, "2027-primary", {"seed_of": first["id"]})
    offers = [dict(deps.allocations.offers("2027-primary", r["id"])) for r in (first, again)]
    same = {a: o["school_id"] for a, o in offers[0].items()} == {a: o["school_id"] for a, o in offers[1].items()}
    return {"seconds": seconds, "dynamodb": meter.seconds, "queries": meter.queries, "items": meter.items,
            "operations": {op: meter.operations.count(op) for op in set(meter.operations)},
            "counts": first["counts"], "same": same, "rows": len(offers[0])}


def section(r, elapsed):
    c = r["counts"]
    ok = r["seconds"] < 300 and r["same"] and r["queries"] <= APPLICATIONS // 500 + 10
    ops = ", ".join(f"{op} {n}" for op, n in sorted(r["operations"].items()))
    return "\n".join([
        BEGIN, "## School places: the allocation run (issue 82)", "",
        f"{APPLICATIONS:,} applications of three preferences over {SCHOOLS} primary schools of {PLACES} places "
        "(York's area, a 10 x 10 grid; preferences among the five schools nearest each home; a sibling on one in "
        "ten, a looked after child in two hundred), written in the store's own form; then the admissions desk's "
        "run under the meter: the round's index read page by page (each application once), the allocation "
        "(equal preference, criteria, geodesic distance, the draw) and its rows written. Then the same run with "
        f"the first one's draw. In moto, in-process. Ran in {elapsed:.0f} s.", "",
        report.table(["Applications", "Run s", "s in moto's DynamoDB", "Queries", "Items read", "Calls",
                      "First preference", "Other preference", "Allocated", "None", "Same offers again"],
                     [[f"{APPLICATIONS:,}", f"{r['seconds']:.1f}", f"{r['dynamodb']:.1f}", r["queries"],
                       f"{r['items']:,}", ops, f"{c['first']:,}", f"{c['other_preference']:,}",
                       f"{c['allocated']:,}", c["none"], "yes" if r["same"] else "NO"]]), "",
        f"Target: within minutes, each application read once, the same draw giving the same offers: "
        f"{report.verdict(ok)}. Items read include the {SCHOOLS} schools and their settings row.", END, ""])


def measure_and_write(progress=print):
    from moto import mock_aws
    from chalicelib import tenancy
    from . import env, motofast
    started = time.perf_counter()
    with mock_aws(), tenancy.acting_for("york"):
        env.fresh_storage()
        deps = env.deps()
        deps.principal = SimpleNamespace(email="bench@example.org", user_id="bench")
        world(deps, random.Random(82))
        with motofast.faster_moto():
            result = measure(deps)
    progress(f"  allocation of {APPLICATIONS:,}: {result['seconds']:.1f} s, {result['items']:,} items read")
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(result, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    from . import env as _env
    _env.apply()
    raise SystemExit(measure_and_write())
