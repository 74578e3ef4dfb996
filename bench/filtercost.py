"""Filtered reads: what an Open311 listing filtered by category and status,
the map's category filter and the list of facility types read, now and by
the read path each replaced (the month index or the map partitions, filtered
after the read; a Scan of the types table), on the same data.

`python -m bench.run filters` measures and rewrites only this section.
"""
import time

from chalicelib import states

from . import data, env, report
from .mapcost import steady_categories, viewport

START, END = "<!-- filters:start -->", "<!-- filters:end -->"
N = 20_000


def open311_rows(deps):
    from chalicelib.handlers.open311.requests import list_requests
    from chalicelib.storage.metering import metered
    rows = []
    for query in ({"service_code": "graffiti", "status": "open"}, {"service_code": "graffiti"},
                  {"status": "closed"}, {"service_code": "graffiti,fly_tipping", "status": "closed"}):
        with metered() as meter:
            listed = list_requests(deps, query)
        with metered() as before:
            found_before = _month_index_read(deps, query)
        rows.append((f"GET /open311/v2/requests.json?{'&'.join(f'{k}={v}' for k, v in query.items())}",
                     len(listed), before.items, before.queries, meter.items, meter.queries, found_before))
    return rows


def _month_index_read(deps, query):
    """The replaced read: the month index newest first over the default
    90-day window, filtered after the read, until a page (1,000) is full."""
    from chalicelib.handlers.open311.limits import DEFAULT_LIMIT, MAX_RANGE
    from chalicelib.handlers.open311.requests import MAX_READ
    codes = set(query.get("service_code", "").split(",")) - {""}
    wanted = {"open": states.OPEN_STATES, "closed": states.CLOSED_STATES}.get(query.get("status"), states.LABELS)
    end = deps.clock()
    found = 0
    for read, r in enumerate(deps.reports.created_between(end - MAX_RANGE, end, page_size=DEFAULT_LIMIT), 1):
        if (not codes or r.service_code in codes) and r.state in wanted:
            found += 1
            if found == DEFAULT_LIMIT:
                break
        if read >= MAX_READ:
            break
    return found


def map_rows(deps):
    from chalicelib.geo import cells
    from chalicelib.handlers.reports.capped_read import read_capped
    from chalicelib.handlers.reports.feeds import MAX_COVER_CELLS
    from chalicelib.handlers.reports.map import map_reports
    from chalicelib.storage.metering import metered
    rows = []
    for name, size in (("street", 300), ("district", 3000)):
        bbox = viewport(*data.CITY_CENTRE, size)
        params = {"bbox": ",".join(repr(v) for v in bbox), "service_code": "graffiti"}
        with metered() as meter:
            fc = map_reports(deps, params)
        cover = cells.cover_bbox(*bbox, max_cells=MAX_COVER_CELLS)
        plans = [(f"{p}#o", lo, hi) for p, lo, hi in cells.cell_ranges(cover)]
        w, s, e, n = bbox
        with metered() as before:
            found_before, _ = read_capped(deps.reports.map_range, plans, deps.settings.map_feature_cap,
                                          lambda r: r.service_code == "graffiti" and r.state in states.OPEN_STATES
                                          and w <= float(r.lon) <= e and s <= float(r.lat) <= n)
        rows.append((f"GET /v1/reports?bbox=<{name}, ~{size} m>&service_code=graffiti", len(fc["features"]),
                     before.items, before.queries, meter.items, meter.queries, len(found_before)))
    return rows


def facility_rows(deps):
    from chalicelib.handlers.places.facilities import facility_types
    from chalicelib.storage.places.facilities import ALL_TYPES, FacilityTypeModel
    from chalicelib.storage.metering import metered
    from doorstep_cli import seed
    seed.demo_facilities(deps)
    facility_types(deps)  # the first call after an upgrade makes the list item
    with metered() as meter:
        answer = facility_types(deps)["facility_types"]
    with metered() as before:
        sorted((t.type, int(t.count)) for t in FacilityTypeModel.scan() if t.type != ALL_TYPES)
    return [("GET /v1/facility-types", len(answer), before.items, before.queries, meter.items, meter.queries,
             len(answer))]


def run(progress):
    from moto import mock_aws
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        started = time.perf_counter()
        pins = data.load(data.Generator(), N, progress)
        progress(f"  {N:,} reports written in {time.perf_counter() - started:.0f} s")
        with steady_categories(deps):
            rows = open311_rows(deps) + map_rows(deps) + facility_rows(deps)
    for row in rows:
        progress(f"  {row[0]}: items {row[2]} -> {row[4]}, returned {row[6]} -> {row[1]}")
    return rows, len(pins)


def section(rows, n):
    lines = [START, "## Filtered reads (category, status, facility types)", "",
             f"{n:,} synthetic reports (bench/data.py: 10 categories, created over 180 days, 70% open), "
             "the demo council's facilities. *Before* is the read each path replaced, run on the same "
             "data: the Open311 listing read the month index over its 90-day window and filtered after "
             "the read (until a page of 1,000 was full); the map read the open partitions of its cover "
             "and dropped other categories (its read ceiling is 2 x the cap); facility types were a Scan "
             "of their table. *After*: one category index partition per category, open/closed and month "
             "(Open311), per category and map partition (the map); one GetItem (types).", "",
             "| Read | Returned before | Items read before | Queries before | Returned after | Items read after | "
             "Queries after | Items read / returned after |", "|---|---|---|---|---|---|---|---|"]
    for name, returned, before, before_q, after, after_q, returned_before in rows:
        ratio = f"{after / returned:.2f}" if returned else "-"
        lines.append(f"| `{name}` | {returned_before} | {before:,} | {before_q} | {returned} | {after:,} | "
                     f"{after_q} | {ratio} |")
    lines += ["", "Before, a filtered Open311 listing stopped after reading 10,000 items, so a window holding more "
              "reports than that lost the matches beyond it (returned before < after); the map stopped at its "
              "read ceiling (2 x cap) and showed fewer pins than the view held."]
    lines += ["", END, ""]
    return "\n".join(lines)


def main(path, progress=print):
    """`python -m bench.run filters`: only this section, in place."""
    rows, n = run(progress)
    report.replace_section(path, START, END, section(rows, N))
    progress(f"wrote the filtered reads section of {path}")
    return 0
