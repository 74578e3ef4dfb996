"""`make bench-councils` (issues 70 and 78): what a request reads with 4, 40 and 400 councils
loaded (every UK council is about 380), what a schedule's turn over every council reads, and
whether the cold start grows with them.

Each council is what `doorstep councils add` makes of a document (settings.write: its
settings, addresses and extent in one transaction), its area a box beside the last, its
own address and the demo's categories; the middle council and its two neighbours also have
200 reports made by create_report, and the middle one a staff officer signed in at its
address (a council's reports are in its own partitions: the others' would be read by
nothing measured here, and 400 councils' 80,000 reports took most of an hour to make). For the council in the middle, through the app (Chalice's test
client, its Host header), warm: a report page, the staff inbox's first page, the map
around its reports and its own page, each request's calls as Server-Timing says them;
finding the council from the address on a warm process; and a request after the
registry forgot what it keeps. The cold start is bench/councilcold.py's.

    python -m bench.councilcost      (make bench-councils; BENCH_COUNCILS=4,40,400)
"""
import os
import re
import sys
import time
from contextlib import contextmanager

from . import env

BEGIN, END = "<!-- councils: written by bench.councilcost -->", "<!-- /councils -->"
REPORTS = 200
WIDTH = 0.2  # degrees of longitude a council's box spans, side by side, 52.0-52.2°N
SOUTH, NORTH, MIDDLE = 52.0, 52.2, -1.2  # the middle council's west edge, whatever their number
TIMING = re.compile(r'queries=(\d+) items=(\d+)')


def council_id(i, n):
    """Each size's councils are others (the process keeps each council's area by its id and version)."""
    return f"bench{n}-{i:02d}"


def host(i, n):
    return f"{council_id(i, n)}.bench.localhost"


def west(i, n):
    """Council i's west edge: the middle one's reports are at the same places at every n (a map's
    cover depends on where its box falls among the geohash cells)."""
    return MIDDLE + (i - middle(n)) * WIDTH


def document(i, n):
    """A council's settings, as `doorstep councils add --file` takes them."""
    w = west(i, n)
    return {"id": council_id(i, n), "name": f"Bench Council {i}", "short_name": f"Bench {i}", "hosts": [host(i, n)],
            "jurisdiction": "england", "area": {"type": "Polygon", "coordinates": [[
                [w, SOUTH], [w + WIDTH, SOUTH], [w + WIDTH, NORTH], [w, NORTH], [w, SOUTH]]]}}


def middle(n):
    return n // 2


def point(i, j, n):
    """The j-th report's place in council i: a grid over the middle of its box."""
    w = west(i, n)
    return SOUTH + 0.02 + (j // 20) * 0.016, w + 0.02 + (j % 20) * 0.008  # lat, lon


def add_councils(deps, n, progress, reports=REPORTS):
    """n councils through the real code paths; the middle one's report ids and officer's header."""
    from chalicelib import tenancy
    from chalicelib.auth.desks import role_ids
    from chalicelib.councils import settings
    from chalicelib.handlers.accounts import auth, users
    from chalicelib.handlers.reports.create import create_report
    from chalicelib.storage.councils import CouncilStore
    from chalicelib.storage.reports.services import ServiceStore
    from doorstep_cli.seed import load_services
    store, made = CouncilStore(), {}
    for i in range(n):
        settings.write(store, document(i, n), 0, deps.clock(), "bench")
        near = abs(i - middle(n)) <= 1
        with tenancy.acting_for(council_id(i, n)):
            load_services(ServiceStore())
            here = deps.for_council()
            ids = [create_report(here, {"service_code": "pothole", "lat": lat, "lon": lon, "fields": {"size": "large"},
                                        "description": f"Pothole {j} in {council_id(i, n)}."})[0]["id"]
                   for j, (lat, lon) in ((j, point(i, j, n)) for j in range(reports if near else 0))]
            if i == middle(n):
                user = users.create_user(deps, f"officer@{council_id(i, n)}.example.org", "staff",
                                         name=f"Officer {i}", roles=role_ids())
                token = auth.start_session(here, user, deps.clock())["access_token"]
                made = {"reports": ids, "staff": {"Authorization": f"Bearer {token}"}}
        if near or (i + 1) % 50 == 0 or i + 1 == n:
            progress(f"  council {i + 1} of {n} added ({len(ids)} reports)")
    return made


def requests(n, made):
    """(what, path, headers) for the middle council: what a resident and an officer open."""
    i = middle(n)
    lat, lon = point(i, 45, n)
    box = f"{lon - 0.02:.4f},{lat - 0.01:.4f},{lon + 0.02:.4f},{lat + 0.01:.4f}"
    return [("report page", f"/v1/reports/{made['reports'][REPORTS // 2]}", {}),
            ("staff inbox, first page", "/v1/staff/reports", made["staff"]),
            ("map around its reports", f"/v1/reports?bbox={box}", {}),
            ("its council page", "/v1/council", {})]


@contextmanager
def counted():
    """DynamoDB calls by operation, under whatever meter the middleware keeps."""
    from pynamodb.connection.base import Connection
    from chalicelib.storage import metering
    metering.install()
    calls, original = {}, Connection._make_api_call

    def counting(self, operation, kwargs):
        calls[operation] = calls.get(operation, 0) + 1
        return original(self, operation, kwargs)
    Connection._make_api_call = counting
    try:
        yield calls
    finally:
        Connection._make_api_call = original


def ask(client, path, headers, at):
    from .inboxcost import Capacity
    with counted() as calls, Capacity() as capacity:
        answer = client.http.get(path, headers={"Host": at, **headers})
    assert answer.status_code == 200, (path, answer.status_code, answer.body[:300])
    timing = answer.headers["Server-Timing"]
    queries, items = map(int, TIMING.search(timing).groups())
    return {"queries": queries, "gets": calls.get("GetItem", 0) + calls.get("BatchGetItem", 0), "items": items,
            "timing": timing, "calls": dict(calls),
            "rcu": capacity.units}


def measure(n, progress):
    from moto import mock_aws
    from chalice.test import Client
    from chalicelib.councils import registry
    from chalicelib.storage.staff import due_rules
    from chalicelib.storage.reports.services import clear_cache
    from .motocalls import lean_calls
    from .motodirect import direct_calls
    from .motoexpressions import quick_expressions
    from .motofast import faster_moto, isolated_transactions, quick_responses
    with mock_aws(), isolated_transactions(), faster_moto(remember_sizes=False), quick_responses(), lean_calls(), \
            quick_expressions(), direct_calls():
        from chalicelib.storage.blobs import BlobStore
        from chalicelib.storage.tables import ensure_tables
        ensure_tables(wait=False)
        BlobStore().ensure_bucket()
        registry.forget()
        clear_cache()
        due_rules.clear_cache()
        started = time.perf_counter()
        made = add_councils(env.deps(), n, progress)
        loaded = time.perf_counter() - started
        from app import app
        at = host(middle(n), n)
        with Client(app, stage_name="bench") as client:
            rows = []
            for what, path, headers in requests(n, made):
                ask(client, path, headers, at)  # the first: the process keeps categories, settings, addresses
                rows.append({"what": what, **ask(client, path, headers, at)})
                progress(f"  {n} councils, {what}: {rows[-1]['timing']}")
            for i in range(n):  # each address served once: a warm function keeps the ones it has served
                registry.council_for_host(host(i, n))
            with counted() as calls:
                found = [registry.council_for_host(host(i, n)) for i in range(n)]
            assert found == [council_id(i, n) for i in range(n)]
            warm_lookup = sum(calls.values())
            registry.forget()
            from chalicelib.storage.metering import metered
            with metered() as meter:
                registry.council_for_host(at)
            cold_lookup = f"{meter.calls} call ({meter.queries} Query) reading {meter.items} item"
            forgotten = []
            for what, path, headers in requests(n, made):
                registry.forget()  # as a function warm for over REFRESH_S, or after this one changed a council
                forgotten.append({"what": what, **ask(client, path, headers, at)})
            turn = {"warm": turn_cost(registry, n), "forgotten": turn_cost(registry, n, forget=True),
                    "documents": documents_cost(n)}
            from chalicelib.storage.councils import CouncilStore
            from .inboxcost import Capacity
            with counted() as calls, Capacity() as capacity:
                CouncilStore().generation()
            turn["generation"] = (sum(calls.values()), capacity.units)
    return {"n": n, "rows": rows, "warm_lookup": warm_lookup, "cold_lookup": cold_lookup, "forgotten": forgotten,
            "loaded": loaded, "turn": turn}


def turn_cost(registry, n, forget=False):
    """(calls, items, RCU) of a schedule's turn finding every council (registry.councils), warm or forgotten."""
    from .inboxcost import Capacity
    from chalicelib.storage.metering import metered
    registry.forget() if forget else registry.councils()  # warm: the turn before kept the addresses
    with counted() as calls, Capacity() as capacity, metered() as meter:
        found = registry.councils()
    assert len(found) == n + (0 if "york" in found[1:] else 1), len(found)
    return sum(calls.values()), meter.items, capacity.units


def documents_cost(n):
    """(items, RCU) of the Query a turn made before issue 78 (CouncilStore.ids: every council's settings
    document; a projection is billed for the whole items, so they are read whole here to weigh them)."""
    from .inboxcost import Capacity
    from chalicelib.storage.councils import CouncilStore
    with Capacity() as capacity:
        items = len(CouncilStore().documents())
    return items, capacity.units



def _cost(row):
    return f"{row['queries']} / {row['gets']} / {row['items']} ({row['rcu']:g} RCU)"


def section(results, cold, load):
    """The section of docs/benchmarks.md, and whether every warm read is the same at every size."""
    small, large = results[0], results[-1]
    sizes = [r["n"] for r in results]
    same = all((a["queries"], a["gets"], a["items"]) == (b["queries"], b["gets"], b["items"])
               for r in results[1:] for a, b in zip(small["rows"], r["rows"]))
    turns_flat = all(r["turn"]["warm"][0] == 0 for r in results)
    ok = same and turns_flat and all(r["warm_lookup"] == 0 for r in results)
    n, m = small["n"], large["n"]
    named = " and ".join(map(str, sizes))
    lines = [BEGIN, f"## Many councils: a request's reads with {named} councils, a schedule's turn over them, "
                    "and the cold start (issues 70 and 78)", "",
             f"`make bench-councils` (`bench/councilcost.py`, `bench/councilcold.py`). On moto in process, {named} "
             "councils in turn (every UK council is about 380), each added by `settings.write` (settings, addresses, "
             "extent), its area a box beside the last with an address of its own and the demo's categories; the "
             f"middle council and its two neighbours also have {REPORTS} reports made by `create_report`, and the "
             "middle one a staff officer signed in at its address (a council's reports are in its own partitions, "
             "read by nothing measured here). The requests are the middle council's, through the app "
             "(Chalice's test client, its `Host` header), each asked twice and the second measured (warm: the process "
             "keeps the categories, the council's settings and the addresses). Queries and items as `Server-Timing` "
             "says them; gets are GetItem and BatchGetItem calls counted at PynamoDB's call site beside it; RCU what "
             "DynamoDB would bill for the Queries and gets (0.5 per started 4 KB, eventually consistent: bench/inboxcost.py).", "",
             "| request (warm) | " + " | ".join(f"queries / gets / items (RCU), {k} councils" for k in sizes)
             + " | other calls | `Server-Timing` with " + str(m) + " |", "|---" * (len(sizes) + 3) + "|"]
    for i, a in enumerate(small["rows"]):
        b = large["rows"][i]
        other = ", ".join(f"{k} {v}" for k, v in sorted(b["calls"].items()) if k not in ("Query", "GetItem",
                                                                                      "BatchGetItem")) or "none"
        timing = re.sub(r"dur=[0-9.]+;", "", b["timing"])
        lines.append(f"| {a['what']} | " + " | ".join(_cost(r["rows"][i]) for r in results) + f" | {other} | `{timing}` |")
    lines += ["", f"Finding the council from the address on a warm process (`council_for_host` for each of the "
                  f"{m} addresses, each served once before): **{large['warm_lookup']} DynamoDB calls** "
                  + ", ".join(f"({r['warm_lookup']} with {r['n']})" for r in results[:-1]) + ". "
                  f"The same reads at every size, no read to find the council, and none for a schedule's turn on a "
                  f"warm process: **{'PASS' if ok else 'FAIL'}**.", "",
              "The first request after the registry forgets what it keeps (`registry.forget()`: a function warm past "
              "its 5 minutes, one that changed a council, or one that read a new generation):", "",
              "| request, registry forgotten | " + " | ".join(f"queries / gets / items (RCU), {k} councils"
                                                           for k in sizes) + " |", "|---" * (len(sizes) + 1) + "|"]
    lines += [f"| {a['what']} | " + " | ".join(_cost(r["forgotten"][i]) for r in results) + " |"
              for i, a in enumerate(small["forgotten"])]
    lines += ["", f"`council_for_host` alone, forgotten: " + ", ".join(f"{r['cold_lookup']} with {r['n']}"
                                                                        for r in results)
              + " (the address's own row: a warm function keeps each address it has served).", "",
              "A schedule's turn over every council (`registry.councils()`, what each of the 17 schedules does every "
              "minute or hour): calls / items / RCU, on a warm process and after the registry forgot; beside it, the "
              "Query each turn made before issue 78 (every council's settings document, billed whole although only "
              "the ids were projected; these documents' areas are 5-point boxes: a council's real boundary weighs "
              "kilobytes to hundreds of kilobytes).", "",
              "| councils | turn, warm | turn, forgotten | before: the documents' Query (items, RCU) | the councils' "
              "generation, read every 5 s (calls, RCU) |", "|---|---|---|---|---|"]
    lines += [f"| {r['n']} | {'{} / {} / {:g}'.format(*r['turn']['warm'])} | "
              f"{'{} / {} / {:g}'.format(*r['turn']['forgotten'])} | "
              f"{r['turn']['documents'][0]}, {r['turn']['documents'][1]:g} | "
              f"{r['turn']['generation'][0]}, {r['turn']['generation'][1]:g} |" for r in results]
    lines += ["", *cold_lines(cold, n, m, load), END]
    return "\n".join(lines), ok


def cold_lines(cold, n, m, load):
    from .councilcold import BEFORE, REPORTS as COLD_REPORTS, RUNS
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    return [f"Cold start (`bench/councilcold.py`): medians of {RUNS} fresh processes each, interleaved round by round. "
            f"*Before* is `import app` at main's {BEFORE} (before the councils work), in a temporary git worktree; "
            f"with {n} and {m} councils stored ({COLD_REPORTS} reports each) on a moto server over HTTP, a process "
            "imports `app` and asks for the middle council's report page at its address twice. Load average "
            f"{load[0]:.1f} when the run began and {load[1]:.1f} when it ended, on a 2-core machine shared with other "
            "work (a full test run among it): milliseconds move from run to run, and only their differences within "
            "one run mean much.", "",
            "| | import app | botocore.session, then import app | first request | the three | second request "
            "| modules loaded |", "|---|---|---|---|---|---|---|",
            f"| before ({BEFORE}) | {ms(cold['before']['import'])} | – | – | – | – | {cold['before']['modules']:.0f} |",
            f"| after | {ms(cold['after']['import'])} | – | – | – | – | {cold['after']['modules']:.0f} |",
            *[f"| after, {k} councils stored, report page | – | {ms(cold[k]['counter'])} + {ms(cold[k]['import'])} "
              f"| {ms(cold[k]['first'])} | {ms(cold[k]['cold'])} | {ms(cold[k]['second'])} | {cold[k]['modules']:.0f} |"
              for k in (n, m)], "",
            "The report page's process imports botocore.session first (bench/firstrequest.py's child counts the "
            "clients it makes), so its `import app` is the rest; *the three* is the median of each process's sum."]


def measure_and_write(progress, counts=(4, 40, 400)):
    from . import councilcold, report
    load = [os.getloadavg()[0]]
    results = [measure(n, progress) for n in counts]
    cold = councilcold.measure(progress, (counts[0], counts[-1]))
    load.append(os.getloadavg()[0])
    text, ok = section(results, cold, load)
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, text)
    progress(f"wrote the councils section of {doc.relative_to(env.ROOT)}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    env.apply()
    began = time.perf_counter()
    counts = tuple(int(v) for v in os.environ.get("BENCH_COUNCILS", "4,40,400").split(","))
    sys.exit(measure_and_write(lambda m: print(f"[{time.perf_counter() - began:6.1f}s] {m}", flush=True), counts))
