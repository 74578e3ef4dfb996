"""`make bench-councils` (issue 70): what a request reads with 4 and with 40 councils
loaded, and whether the cold start grows with them.

Each council is what `doorstep councils add` makes of a document (settings.write: its
settings, addresses and extent in one transaction), its area a box beside the last, its
own address, the demo's categories, 200 reports made by create_report and a staff officer
signed in at its address. For the council in the middle, through the app (Chalice's test
client, its Host header), warm: a report page, the staff inbox's first page, the map
around its reports and its own page, each request's calls as Server-Timing says them;
finding the council from the address on a warm process; and a request after the
registry forgot what it keeps. The cold start is bench/councilcold.py's.

    python -m bench.councilcost      (make bench-councils; BENCH_COUNCILS=4,40)
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
    from chalicelib.storage.services import ServiceStore
    from doorstep_cli.seed import load_services
    store, made = CouncilStore(), {}
    for i in range(n):
        settings.write(store, document(i, n), 0, deps.clock(), "bench")
        with tenancy.acting_for(council_id(i, n)):
            load_services(ServiceStore())
            here = deps.for_council()
            ids = [create_report(here, {"service_code": "pothole", "lat": lat, "lon": lon, "fields": {"size": "large"},
                                        "description": f"Pothole {j} in {council_id(i, n)}."})[0]["id"]
                   for j, (lat, lon) in ((j, point(i, j, n)) for j in range(reports))]
            user = users.create_user(deps, f"officer@{council_id(i, n)}.example.org", "staff", name=f"Officer {i}",
                                     roles=role_ids())
            token = auth.start_session(here, user, deps.clock())["access_token"]
        if i == middle(n):
            made = {"reports": ids, "staff": {"Authorization": f"Bearer {token}"}}
        progress(f"  council {i + 1} of {n} added ({reports} reports)")
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
    from chalicelib.storage import due_rules
    from chalicelib.storage.services import clear_cache
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
            with counted() as calls:
                found = [registry.council_for_host(host(i, n)) for i in range(n)]
            assert found == [council_id(i, n) for i in range(n)]
            warm_lookup = sum(calls.values())
            registry.forget()
            from chalicelib.storage.metering import metered
            with metered() as meter:
                registry.council_for_host(at)
            cold_lookup = f"{meter.queries} Query reading {meter.items} items"
            forgotten = []
            for what, path, headers in requests(n, made):
                registry.forget()  # as a function warm for over REFRESH_S, or after this one changed a council
                forgotten.append({"what": what, **ask(client, path, headers, at)})
    return {"n": n, "rows": rows, "warm_lookup": warm_lookup, "cold_lookup": cold_lookup, "forgotten": forgotten,
            "loaded": loaded}



def _cost(row):
    return f"{row['queries']} / {row['gets']} / {row['items']} ({row['rcu']:g} RCU)"


def section(results, cold, load):
    """The section of docs/benchmarks.md, and whether every warm read is the same at every size."""
    small, large = results[0], results[-1]
    same = all((a["queries"], a["gets"], a["items"]) == (b["queries"], b["gets"], b["items"])
               for a, b in zip(small["rows"], large["rows"]))
    ok = same and all(r["warm_lookup"] == 0 for r in results)
    n, m = small["n"], large["n"]
    lines = [BEGIN, "## Many councils: a request's reads with 4 and with 40 councils, and the cold start (issue 70)", "",
             f"`make bench-councils` (`bench/councilcost.py`, `bench/councilcold.py`). On moto in process, {n} and then "
             f"{m} councils, each added by `settings.write` (settings, addresses, extent), its area a box beside the "
             f"last with an address of its own, the demo's categories, {REPORTS} reports made by `create_report` and a "
             "staff officer signed in at its address. The requests are the middle council's, through the app "
             "(Chalice's test client, its `Host` header), each asked twice and the second measured (warm: the process "
             "keeps the categories, the council's settings and the addresses). Queries and items as `Server-Timing` "
             "says them; gets are GetItem and BatchGetItem calls counted at PynamoDB's call site beside it; RCU what "
             "DynamoDB would bill for the Queries and gets (0.5 per started 4 KB, eventually consistent: bench/inboxcost.py).", "",
             f"| request (warm) | queries / gets / items (RCU), {n} councils | the same, {m} councils | other calls "
             f"| `Server-Timing` with {m} |", "|---|---|---|---|---|"]
    for a, b in zip(small["rows"], large["rows"]):
        other = ", ".join(f"{k} {v}" for k, v in sorted(b["calls"].items()) if k not in ("Query", "GetItem",
                                                                                      "BatchGetItem")) or "none"
        timing = re.sub(r"dur=[0-9.]+;", "", b["timing"])
        lines.append(f"| {a['what']} | {_cost(a)} | {_cost(b)} | {other} | `{timing}` |")
    lines += ["", f"Finding the council from the address on a warm process (`council_for_host` for each of the "
                  f"{m} addresses): **{large['warm_lookup']} DynamoDB calls** ({small['warm_lookup']} with {n}). "
                  f"The same reads at both sizes, and no read to find the council: **{'PASS' if ok else 'FAIL'}**.", "",
              "The first request after the registry forgets what it keeps (`registry.forget()`: a function warm past "
              "its 5 minutes, or the one that changed a council):", "",
              f"| request, registry forgotten | queries / gets / items (RCU), {n} councils | the same, {m} councils |",
              "|---|---|---|"]
    lines += [f"| {a['what']} | {_cost(a)} | {_cost(b)} |" for a, b in zip(small["forgotten"], large["forgotten"])]
    lines += ["", f"`council_for_host` alone, forgotten: {small['cold_lookup']} with {n}, {large['cold_lookup']} with "
                  f"{m} (the addresses' partition: a row an address)."]
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


def measure_and_write(progress, counts=(4, 40)):
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
    counts = tuple(int(v) for v in os.environ.get("BENCH_COUNCILS", "4,40").split(","))
    sys.exit(measure_and_write(lambda m: print(f"[{time.perf_counter() - began:6.1f}s] {m}", flush=True), counts))
