"""`make bench`: map cost, report creation, cold import, nearest-k, the staff inbox, crews' jobs near me, alert
matching, alert fan-out in pages, the public figures and open data export, live chat and live questions to 2,000
screens, the local engine under load, and the local
stack's map reads through a burst of creations; writes docs/benchmarks.md.

Set BENCH_SIZES=2000,5000 (two sizes) for a quick trial; the default is 10,000 and 100,000.
`python -m bench.run nearest filters` measures and rewrites only those sections (names in SECTIONS);
each section is written when it finishes, so a run cut short keeps what it measured and every
section it did not reach.
"""
import contextlib
import os
import platform
import sys
import time
from datetime import datetime, timezone
from importlib import metadata

from . import env

env.apply()  # before anything creates a botocore client

from . import (alertcost, coldimport, creation, data, engine, fanoutcost, fanoutlatency, filtercost,  # noqa: E402
               firstrequest, inboxcost, jobs, mapcost, motofast, nearest, report)
from . import chatcost, exportcost, livequestions, meetingcost, offboardcost, statscost, writeload  # noqa: E402

DOC = env.ROOT / "docs" / "benchmarks.md"


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("moto", "pynamodb", "chalice", "botocore"))
    return (f"nproc {usable} ({cpu}), Python {platform.python_version()} on "
            f"{platform.system()} {platform.release()}; {versions}")


def sizes():
    raw = os.environ.get("BENCH_SIZES", "10000,100000")
    values = sorted(int(v) for v in raw.split(","))
    if len(values) != 2:
        raise SystemExit("BENCH_SIZES needs two sizes, e.g. 10000,100000")
    return values


def speedups():
    if os.environ.get("BENCH_PLAIN_MOTO") == "1":
        return contextlib.nullcontext()
    return motofast.faster_moto()


def check_moto(n=20_000):
    """Every map case with and without bench.motofast: the counts must be identical."""
    from moto import mock_aws
    keys = ("features", "items", "queries", "truncated", "outside", "ops")
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        pins = data.load(data.Generator(), n)
        results = {}
        for label, ctx in (("patched", motofast.faster_moto), ("plain", contextlib.nullcontext)):
            started = time.perf_counter()
            with ctx(), mapcost.steady_categories(deps):
                results[label] = [{k: r[k] for k in keys} for r in mapcost.run(deps, pins, print)]
            print(f"{label}: {time.perf_counter() - started:.1f} s")
    same = results["patched"] == results["plain"]
    print("identical counts" if same else "MISMATCH")
    return 0 if same else 1


def _map(progress):
    from moto import mock_aws
    measured = {"map": {}}
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        generator, pins, loads = data.Generator(), [], []
        for n in sizes():
            progress(f"loading reports up to {n:,} with ReportModel.batch_write()")
            started, before = time.perf_counter(), len(pins)
            pins += data.load(generator, n - before, progress)
            loads.append(f"{n - before:,} written in {time.perf_counter() - started:.0f} s")
            progress(f"map queries at N={n:,}")
            with speedups(), mapcost.steady_categories(deps):
                measured["map"][n] = mapcost.run(deps, pins, progress)
                measured.setdefault("nearby", []).extend(mapcost.nearby_rows(deps, pins, progress))
                if n == sizes()[0]:
                    status, timing, features = mapcost.via_http(data.YORK_BBOX)
                    city = next(r for r in measured["map"][n] if r["case"].name == "city-wide")
                    measured["http"] = {"n": n, "status": status, "timing": timing, "features": features,
                                        "handler_items": city["items"], "handler_queries": city["queries"]}
                    progress(f"  HTTP cross-check: {status} Server-Timing {timing}")
    opened = sum(1 for p in pins if p.state in data.states.OPEN_STATES)
    measured["data_note"] = (
        f"Data: {len(pins):,} synthetic reports in the City of York bbox {data.YORK_BBOX} "
        f"(w, s, e, n), written with `ReportModel.batch_write()` in the store's own form (`report_model`) "
        f"(so geo_pk/geo_sk are the app's): {int(data.MIX[0][0] * 100)}% Gaussian around the city "
        f"centre {data.CITY_CENTRE} (sigma {data.CENTRE_SIGMA_M:.0f} m), {int(data.MIX[1][0] * 100)}% "
        f"around the 20 suburbs and villages of the demo seed (sigma {data.VILLAGE_SIGMA_M:.0f} m), "
        f"{int(data.MIX[2][0] * 100)}% uniform; {100 * opened / len(pins):.1f}% open states, "
        f"the rest closed; 10 located categories. The first {sizes()[0]:,} are measured, then "
        f"more are added up to {sizes()[1]:,} and the same views measured again "
        f"(moto batch writes: {'; then '.join(loads)}). Dense = city centre {data.CITY_CENTRE}; sparse = "
        f"{mapcost.PLACES['sparse']} (farmland, uniform points only).")
    text, verdicts = report.map_section(measured)
    report.write(DOC, "map", text)
    return not all(verdicts.values())


def _imports(progress):
    progress(f"cold import ({coldimport.RUNS} runs per stack)")
    text, ok = report.imports_section(coldimport.run(progress), coldimport.has_jwt())
    report.write(DOC, "imports", text)
    return not ok


def _creation(progress):
    from moto import mock_aws
    with mock_aws(), motofast.isolated_transactions():
        env.fresh_storage()
        rows = creation.run(env.deps(), progress)
    report.write(DOC, "creation", report.creation_section(rows))
    return False


def _nearest(progress):
    return nearest.main(DOC, progress)


def _filters(progress):
    return filtercost.main(DOC, progress)


def _first_request(progress):
    return firstrequest.measure_and_write(progress, DOC)


# In the order `make bench` runs them (quick ones first); each writes its own
# section of docs/benchmarks.md when it finishes and answers whether it failed.
SECTIONS = {
    "imports": _imports,
    "creation": _creation,
    "first-request": _first_request,
    "nearest": _nearest,
    "map": _map,
    "filters": _filters,
    "inbox": lambda progress: inboxcost.measure_and_write(progress),
    "jobs": lambda progress: jobs.measure_and_write(progress),
    "alerts": lambda progress: alertcost.measure_and_write(progress),
    "fanout": lambda progress: fanoutcost.measure_and_write(progress),
    "fanout-latency": lambda progress: fanoutlatency.measure_and_write(progress),
    "meetings": lambda progress: meetingcost.measure_and_write(progress),
    "stats": lambda progress: statscost.measure_and_write(progress),
    "export": lambda progress: exportcost.measure_and_write(progress),
    "offboarding": lambda progress: offboardcost.measure_and_write(progress),
    "chat": lambda progress: chatcost.measure_and_write(progress),
    "live-questions": lambda progress: livequestions.measure_and_write(progress),
    "engine": lambda progress: engine.measure_and_write(progress),
    "writeload": lambda progress: writeload.measure_and_write(progress),
}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if "--check-moto" in argv:
        return check_moto()
    chosen = argv or list(SECTIONS)
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        raise SystemExit(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    t0 = time.perf_counter()

    def progress(message):
        print(f"[{time.perf_counter() - t0:6.1f}s] {message}", flush=True)

    date, where = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), machine()
    DOC.parent.mkdir(exist_ok=True)
    report.write(DOC, "head", report.head(date, where))
    failed = False
    for name in chosen:
        progress(f"{name}")
        failed = bool(SECTIONS[name](progress)) or failed
        progress(f"{name} done")
    report.write(DOC, "head", report.head(date, where, time.perf_counter() - t0, chosen))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
