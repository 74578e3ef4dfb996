"""Staff inbox cost: what one page of GET /v1/staff/reports reads, through the
real handler, with 10,000 and then 100,000 reports' inbox rows in the table.

For each view: the Queries, the items they read (DynamoDB's ScannedCount)
and the read capacity DynamoDB would bill (per Query, 0.5 RCU for each 4 KB
started of the items it read, eventually consistent; at least 0.5), worked
out from the items each Query returned, since moto's ConsumedCapacity is a
constant. The target: a page reads what it returns plus at most a chunk per
partition it merges, at every table size.

    python -m bench.inboxcost      (also part of `make bench`; BENCH_SIZES=2000,5000 for a quick run)
"""
import dataclasses
import math
import time

from chalicelib.storage.staff.inbox_store import WORD_READ_BUDGET

from .report import replace_section

BEGIN, END = "<!-- inbox: written by bench.inboxcost -->", "<!-- /inbox -->"
LIMIT = 25
SCOPED = {"categories": ["pothole", "street_light", "blocked_drain"], "wards": ["guildhall", "micklegate"]}
CASES = [  # (view, query parameters, staff scope)
    ("open, newest first (the default)", {}, None),
    ("the same, second page", {"page": 2}, None),
    ("every state", {"status": "all"}, None),
    ("one state", {"status": "in_progress"}, None),
    ("two states, oldest first", {"status": "investigating,fixed", "sort": "oldest"}, None),
    ("a category", {"service_code": "pothole"}, None),
    ("a ward", {"ward": "guildhall"}, None),
    ("officer scoped to 3 categories x 2 wards", {}, SCOPED),
    ("the same officer, team north, urgent first", {"team": "north", "sort": "priority"}, SCOPED),
    ("team north", {"team": "north"}, None),
    ("assigned to any team", {"assigned": "yes"}, None),
    ("unassigned", {"assigned": "no"}, None),
    ("urgent and high", {"priority": "urgent,high"}, None),
    ("priority order", {"sort": "priority"}, None),
    ("overdue, most overdue first", {"overdue": "yes"}, None),
    ("due order, urgent only", {"sort": "due", "priority": "urgent"}, None),
    ("created in the last 30 days", {"since": "@30"}, None),
    ("FOI requests, overdue", {"service_code": "foi_request", "overdue": "yes"}, None),
    ("words: a rare word", {"q": "mattress"}, None),
    ("words: two common words", {"q": "pothole cyclists"}, None),
    ("a reference", {"q": "@id", "status": "all"}, None),
]
WORD_CASES = {"words: a rare word", "words: two common words"}


def item_bytes(item):
    """An item's size as DynamoDB counts it (names plus values)."""
    def size(value):
        (kind, v), = value.items()
        if kind == "S":
            return len(v.encode())
        if kind == "N":
            return math.ceil(len(v.lstrip("-").replace(".", "").lstrip("0") or "0") / 2) + 1
        if kind in ("BOOL", "NULL"):
            return 1
        if kind == "L":
            return 3 + sum(1 + size(e) for e in v)
        if kind == "M":
            return 3 + sum(1 + len(k.encode()) + size(e) for k, e in v.items())
        return len(str(v))
    return sum(len(name.encode()) + size(value) for name, value in item.items())


class Capacity:
    """Read capacity of the Queries made inside it, as DynamoDB bills them."""

    def __enter__(self):
        from pynamodb.connection.base import Connection
        self.units, self.original = 0.0, Connection._make_api_call
        outer = self

        def counted(connection, operation, kwargs):
            result = outer.original(connection, operation, kwargs)
            if operation in ("Query", "GetItem"):
                items = result.get("Items") or ([result["Item"]] if result.get("Item") else [])
                outer.units += max(1, math.ceil(sum(map(item_bytes, items)) / 4096)) * 0.5
            return result
        Connection._make_api_call = counted
        return self

    def __exit__(self, *exc):
        from pynamodb.connection.base import Connection
        Connection._make_api_call = self.original


def params_for(case_params, reports, now):
    params = {k: v for k, v in case_params.items() if k != "page"}
    if params.get("since") == "@30":
        params["since"] = (now - __import__("datetime").timedelta(days=30)).strftime("%Y-%m-%d")
    if params.get("q") == "@id":
        params["q"] = reports[len(reports) // 2].id
    return {**params, "limit": str(LIMIT)}


def measure(deps, reports, progress):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.staff.inbox import list_inbox
    from chalicelib.storage.metering import metered
    rows = []
    for view, case_params, scope in CASES:
        role = "staff" if scope else "admin"
        run = dataclasses.replace(deps, principal=Principal(user_id="u_bench", role=role, scope=scope or {}))
        params = params_for(case_params, reports, deps.clock())
        if case_params.get("page"):
            params["cursor"] = list_inbox(run, params)["next_cursor"]
        started = time.perf_counter()
        with metered() as meter, Capacity() as capacity:
            page = list_inbox(run, params)
        rows.append({"view": view, "returned": len(page["reports"]), "queries": meter.queries, "gets": sum(
            1 for o in meter.operations if o == "GetItem"), "items": meter.items, "rcu": capacity.units,
            "more": page["next_cursor"] is not None, "seconds": time.perf_counter() - started})
        progress(f"  {view}: {rows[-1]['returned']} returned, {meter.items} items, {capacity.units} RCU")
    return rows


def run(progress, sizes):
    from moto import mock_aws
    from . import env, inboxload
    from .mapcost import steady_categories
    from .motofast import faster_moto
    from chalicelib.storage.staff.inbox import InboxModel
    results, loads = {}, []
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        from doorstep_cli import demo_staff, seed
        seed.demo_wards(deps)  # the filters name stored wards and teams
        demo_staff.demo_staff(deps)
        source, loader, made = inboxload.Reports(), inboxload.Loader(InboxModel), []
        for n in sizes:
            started = time.perf_counter()
            made += inboxload.load(loader, source, n - len(made), progress)
            loads.append(f"{n:,} reports: {loader.rows:,} rows ({time.perf_counter() - started:.0f} s to add)")
            from chalicelib.storage.reports.report_store import report_model
            report_model(made[len(made) // 2]).save()  # the report a search by reference reads
            progress(f"inbox views at {n:,} reports ({loader.rows:,} rows)")
            with faster_moto(), steady_categories(deps):
                results[n] = measure(deps, made, progress)
    return results, loads


def section(results, loads):
    small, large = sorted(results)
    lines = [BEGIN, "## Staff inbox cost (GET /v1/staff/reports)", "",
             f"One page of {LIMIT} through the real handler (`list_inbox`), first with {small:,} reports' inbox "
             f"rows in the table, then {large:,}. Each report has the rows its transaction writes "
             "(`storage/staff/inbox.py`: 16 partitions for a report with a ward, 8 without, and one per word of its "
             f"description); synthetic York reports over two years, 70% open, 40% assigned to one of three teams, "
             "3% complaints and FOI requests with no place; put straight into moto's table ("
             + "; ".join(loads) + "). *Items* are what the Queries read (ScannedCount): there is no Scan and "
             "no filter, so every item read is a row of the answer or the one past the page that proves there "
             "is more; *RCU* is what DynamoDB would bill (0.5 per started 4 KB per Query, eventually "
             "consistent); a search by reference is one GetItem of the report. Word searches read one word's rows "
             f"and check the other filters on them, at most {WORD_READ_BUDGET} per page.", "",
             "| view | returned | queries | items read | RCU | items read | RCU | grew |",
             f"|---|---|---|---|---|---|---|---|",
             f"| | | | at {small:,} | at {small:,} | at {large:,} | at {large:,} | |"]
    for a, b in zip(results[small], results[large]):
        grew = f"{b['items'] / a['items']:.2f}×" if a["items"] else "–"
        lines.append(f"| {a['view']} | {a['returned']} → {b['returned']} | {a['queries']} → {b['queries']} | "
                     f"{a['items']} | {a['rcu']:g} | {b['items']} | {b['rcu']:g} | {grew} |")
    ok = all(r["items"] <= (WORD_READ_BUDGET if r["view"] in WORD_CASES else 2 * LIMIT + 2 * r["queries"])
             for n in results for r in results[n])
    lines += ["", f"Target, the same at both sizes: a page of {LIMIT} reads at most twice the page plus two rows "
                  "per Query (a merge reads each partition a few rows ahead of what it returns), a word search at "
                  f"most its budget: **{'PASS' if ok else 'FAIL'}**.", END]
    return "\n".join(lines), ok


def measure_and_write(progress, doc=None):
    import os
    from .env import ROOT
    doc = doc or ROOT / "docs" / "benchmarks.md"
    raw = os.environ.get("BENCH_SIZES", "10000,100000")
    sizes = sorted(int(v) for v in raw.split(","))
    results, loads = run(progress, sizes)
    text, ok = section(results, loads)
    replace_section(doc, BEGIN, END, text)
    progress(f"wrote the inbox section of {doc.relative_to(ROOT)}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    import sys
    from . import env
    env.apply()
    started = time.perf_counter()
    sys.exit(measure_and_write(lambda m: print(f"[{time.perf_counter() - started:6.1f}s] {m}", flush=True)))
