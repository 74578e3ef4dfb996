"""The map: reads through the geo index only.

A bbox is covered by geohash cells, consecutive cells are merged into sort-key
ranges, and each range of each open/closed partition is one Query. Reads are
capped: a city-wide view shares the cap between ranges so pins are spread
over the whole view, and says `truncated: true` so the client can ask the
resident to zoom in.
"""
import re
from datetime import datetime, timezone

from ... import states, validation, visibility
from ...errors import Unacceptable
from ...geo import cells
from ...storage import metering
from ...geo.geojson import feature_collection
from . import views
from .limits import DATE_PATTERN, MAP_MAX_SERVICE_CODES

MAX_COVER_CELLS = 96  # finest cover the query plan may use
# Queries one map request may make, whatever its filters: ranges x open/closed x
# categories multiply, and an anonymous request must not cost a thousand reads.
QUERY_BUDGET = 64
MAX_PARTITIONS = 64  # bbox wider than this many ~4.9 km cells: zoom in
MAX_ROUNDS = 6
MIN_LATER_SHARE = 25  # after the first round, no Query asks for fewer pins
READ_CEILING = 2  # read at most this many times the cap, however selective the filters


def map_reports(deps, params):
    metering.expose()
    problems = validation.Problems()
    w, s, e, n = _bbox(params.get("bbox"), problems)
    wanted = states.states_for_filter(params.get("status"))
    if wanted is None:
        problems.add("status", "Must be open, closed, all or a comma list of states.")
    codes = _codes(params.get("service_code"))
    services = deps.services.by_code()
    if len(codes) > MAP_MAX_SERVICE_CODES:
        problems.add("service_code", f"At most {MAP_MAX_SERVICE_CODES} service codes.")
    elif codes - set(services):
        problems.rule("service_code", f"Not a category: {', '.join(sorted(codes - set(services)))[:200]} "
                                      "(GET /v1/services lists them).")
    since = _since(params.get("since"), problems)
    cap = deps.settings.map_feature_cap
    limit = validation.number(params.get("limit", cap), "limit", problems, 1, None)
    limit = min(limit, cap) if limit is not None else None  # "at most this many (capped)"
    problems.raise_if_any()

    if cells.cover_count(w, s, e, n, cells.PARTITION_PRECISION) > MAX_PARTITIONS:
        raise Unacceptable("That area is too large for one map query; zoom in.", code="bbox_too_large",
                           fields=[{"field": "bbox", "message": "Too large."}])
    buckets = sorted({states.bucket(x) for x in wanted})
    # A coarser cover when open and closed are both asked for: one plan per range and bucket.
    cover = cells.cover_bbox(w, s, e, n, max_cells=min(MAX_COVER_CELLS, QUERY_BUDGET // len(buckets)))
    plans = [(f"{p}#{b}", lo, hi) for p, lo, hi in cells.cell_ranges(cover) for b in buckets]
    read_range = deps.reports.map_range
    if codes and len(codes) * len(plans) <= QUERY_BUDGET:
        # Each category's own partitions: the pins it shows, not all pins filtered.
        # More categories than the budget allows read the shared partitions, filtered.
        plans = [(f"{code}#{partition}", lo, hi) for code in sorted(codes) for partition, lo, hi in plans]
        read_range = deps.reports.category_map_range

    def shown(r):
        lon, lat = float(r.lon), float(r.lat)
        return (w <= lon <= e and s <= lat <= n and r.state in wanted
                and (not codes or r.service_code in codes) and (not since or r.updated_at >= since)
                and visibility.report_is_public(r, services))

    items, truncated = read_capped(read_range, plans, int(limit), shown)
    names = {c: sv.get("name", c) for c, sv in services.items()}
    return feature_collection([views.map_feature(r, names) for r in items], truncated=truncated,
                              limit=int(limit))


def read_capped(read_range, plans, cap, shown, budget=QUERY_BUDGET):
    """Read until `cap` pins are shown, shared fairly between the query ranges.

    Only pins that will be shown count against the cap, so a cover cell that
    straddles the edge does not crowd out pins in view; reads stop at
    READ_CEILING x cap whatever the filters, so cost stays bounded. The first
    round gives every range an equal share (pins spread over the whole view);
    later rounds give ranges with more a larger share, with few small queries.
    At most `budget` queries in all: what is left unread makes it truncated.
    """
    pending = [(plan, None) for plan in plans]
    kept, read, rounds, queries = [], 0, 0, 0
    ceiling = READ_CEILING * cap
    while pending and len(kept) < cap and read < ceiling and rounds < MAX_ROUNDS and queries < budget:
        want = cap - len(kept)
        share = -(-want // len(pending))
        if rounds:
            share = max(share, MIN_LATER_SHARE)
        rounds += 1
        still = []
        for plan, start in pending:
            room = min(share, ceiling - read)
            if room <= 0 or len(kept) >= cap or queries >= budget:
                still.append((plan, start))
                continue
            got, resume = read_range(*plan, room, start)
            queries += 1
            read += len(got)
            kept.extend(r for r in got if shown(r))
            if resume:
                still.append((plan, resume))
        pending = still
    return kept[:cap], bool(pending) or len(kept) > cap


def _bbox(value, problems):
    parts = (value or "").split(",")
    if len(parts) != 4:
        problems.add("bbox", "Must be w,s,e,n (four numbers, longitude first).")
        return 0, 0, 0, 0
    w = validation.number(parts[0], "bbox", problems, -180, 180)
    s = validation.number(parts[1], "bbox", problems, -90, 90)
    e = validation.number(parts[2], "bbox", problems, -180, 180)
    n = validation.number(parts[3], "bbox", problems, -90, 90)
    if None in (w, s, e, n):
        return 0, 0, 0, 0
    if w > e or s > n:
        problems.rule("bbox", "West must not exceed east, nor south north.")
    return w, s, e, n


def _codes(value):
    return {c.strip() for c in (value or "").split(",") if c.strip()}


def _since(value, problems):
    if not value:
        return None
    if not re.match(DATE_PATTERN, value):
        problems.add("since", "Must be an ISO 8601 date or date-time.")
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:  # well-formed, but no such day (30 February)
        problems.rule("since", "Must be a date that exists.")
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
