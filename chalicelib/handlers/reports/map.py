"""The map: reads through the geo index only.

A bbox is covered by fine geohash cells, merged into at most a few sort-key
ranges per open/closed partition (geo/map_plan.py), each range one Query.
Ranges are read nearest the view's centre first, a dense one in finer
pieces; a view holding more pins than the cap answers with the cap's worth
nearest its centre and says `truncated: true`, so the client can ask the
resident to zoom in. Reads stop at 1.5 x the cap plus READ_SLACK whatever
the filters.
"""
import heapq
import itertools
import re
from datetime import datetime, timezone

from ... import states, tenancy, validation, visibility
from ...councils.areas import meeting
from ...errors import Unacceptable
from ...geo import cells, map_plan
from ...geo.distance import haversine_m
from ...storage import metering
from ...geo.geojson import feature_collection
from . import across, views
from .limits import DATE_PATTERN, MAP_MAX_SERVICE_CODES
from .wording import (AREA_TOO_LARGE, BBOX_INSIDE_OUT, BBOX_NOT_FOUR_NUMBERS, MAP_STATUS, NOT_A_CATEGORY,
                      SERVICE_CODES_AT_MOST, SINCE_NOT_A_DATE, SINCE_NO_SUCH_DAY, TOO_LARGE)

# Queries one map request may make, whatever its filters: ranges x open/closed x
# categories multiply, and an anonymous request must not cost a thousand reads.
QUERY_BUDGET = 64
MAX_PARTITIONS = 64  # bbox wider than this many ~4.9 km cells: zoom in
RANGES = 12  # key ranges per partition kind (open or closed, a category's): queries on an empty map
READ_SLACK = 32  # reads may pass 1.5 x the cap by this many
PAGE_MIN = 8  # the smallest page: a full one splits the rest of its range into pieces


def map_reports(deps, params):
    metering.expose()
    problems = validation.Problems()
    w, s, e, n = _bbox(params.get("bbox"), problems)
    wanted = states.states_for_filter(params.get("status"))
    if wanted is None:
        problems.add("status", MAP_STATUS)
    codes = _codes(params.get("service_code"))
    services = deps.services.by_code()
    if len(codes) > MAP_MAX_SERVICE_CODES:
        problems.add("service_code", SERVICE_CODES_AT_MOST.format(most=MAP_MAX_SERVICE_CODES))
    elif codes - set(services):
        problems.rule("service_code", NOT_A_CATEGORY.format(codes=", ".join(sorted(codes - set(services)))[:200]))
    since = _since(params.get("since"), problems)
    cap = deps.settings.map_feature_cap
    limit = validation.page_limit(params, problems, cap)
    limit = min(limit, cap) if limit is not None else None  # "at most this many (capped)"
    problems.raise_if_any()

    if cells.cover_count(w, s, e, n, cells.PARTITION_PRECISION) > MAX_PARTITIONS:
        raise Unacceptable(AREA_TOO_LARGE, code="bbox_too_large",
                           fields=[{"field": "bbox", "message": TOO_LARGE}])
    buckets = sorted({states.bucket(x) for x in wanted})
    # Each category's own partitions while the budget allows a few ranges for each.
    per_category = bool(codes) and len(codes) * len(buckets) <= QUERY_BUDGET // 2
    kinds = len(buckets) * (len(codes) if per_category else 1)
    ranges = map_plan.plan(w, s, e, n, max_ranges=max(1, min(RANGES, QUERY_BUDGET // kinds)))
    plans = [(f"{r.partition}#{b}", r) for r in ranges for b in buckets]
    if per_category:
        # Each category's own partitions: the pins it shows, not all pins filtered.
        # More categories than the budget allows read the shared partitions, filtered.
        plans = [(f"{code}#{key}", r) for key, r in plans for code in sorted(codes)]

    def shown(services):
        def it(r):
            lon, lat = float(r.lon), float(r.lat)
            return (w <= lon <= e and s <= lat <= n and r.state in wanted
                    and (not codes or r.service_code in codes) and (not since or r.updated_at >= since)
                    and visibility.report_is_public(r, services))
        return it

    # This council's pins, and the other councils' whose area meets the box (a county's roads through a
    # district): theirs are read in their own partitions, as they would show them, and link to their owner.
    here = tenancy.current()
    councils = [here] + [c for c in meeting(w, s, e, n) if c != here]
    metering.note("councils", " ".join(councils))
    pins, truncated = [], False
    for council in councils:
        with across.working_for(deps, council) as there:
            theirs = services if council == here else there.services.by_code()
            read_range = there.reports.category_map_range if per_category else there.reports.map_range
            items, cut = read_nearest(read_range, plans, int(limit), shown(theirs), (w, s, e, n),
                                      budget=max(1, QUERY_BUDGET // len(councils)))  # 64 in all, as ever
        names = {c: sv.get("name", c) for c, sv in theirs.items()}
        pins += [(r, _pin(deps, r, names, None if council == here else council)) for r in items]
        truncated = truncated or cut
    if len(councils) > 1:  # the cap nearest the centre, whoever holds them
        pins.sort(key=lambda pin: haversine_m((w + e) / 2, (s + n) / 2, float(pin[0].lon), float(pin[0].lat)))
        truncated, pins = truncated or len(pins) > limit, pins[:int(limit)]
    return feature_collection([feature for _, feature in pins], truncated=truncated, limit=int(limit))


def _pin(deps, report, names, holder):
    """A pin as the map draws it; another council's says whose it is and links to it there."""
    feature = views.map_feature(report, names)
    if holder is not None:
        feature["properties"]["held_by"] = across.council_link(deps, holder, report.id)
    return feature


def read_nearest(read_range, plans, cap, shown, bbox, budget=QUERY_BUDGET):
    """The shown pins nearest the bbox's centre, at most `cap`, and whether any
    were left out.

    `plans` are (partition key, KeyRange): read nearest the centre first, a
    page of at most a quarter of the cap at a time. A page that comes back
    full has found a dense range: the rest of it goes back in finer pieces
    (map_plan.rest_after), each in its place by distance, so a busy centre is
    read in small cells outwards. Once `cap` pins are kept and the next piece
    cannot hold a nearer one, the rest is left unread: the answer is exactly
    the cap nearest. Reads stop at 1.5 x cap + READ_SLACK items (then the
    nearest of those read) and at `budget` queries.
    """
    w, s, e, n = bbox
    cx, cy = (w + e) / 2, (s + n) / 2
    ceiling = cap + cap // 2 + READ_SLACK
    page = max(PAGE_MIN, cap // 4)
    order = itertools.count()
    heap = [(r.near_m, next(order), key, r, None) for key, r in plans]
    heapq.heapify(heap)
    kept, read, queries = [], 0, 0
    nearest = []  # the cap smallest distances kept, negated: a bounded max-heap
    while heap:
        near_m, _, key, piece, start = heap[0]
        if len(nearest) >= cap and near_m >= -nearest[0]:
            break  # what is left may hold pins, none nearer than those kept
        if read >= ceiling or queries >= budget:
            break
        heapq.heappop(heap)
        got, resume = read_range(key, piece.lo, piece.hi, min(page, ceiling - read), start)
        queries += 1
        read += len(got)
        for r in got:
            if shown(r):
                d = haversine_m(cx, cy, float(r.lon), float(r.lat))
                kept.append((d, r))
                _keep_nearest(nearest, d, cap)
        if resume and got:
            last = cells.encode(float(got[-1].lon), float(got[-1].lat))
            for rest, resumes in map_plan.rest_after(piece, last, bbox):
                heapq.heappush(heap, (rest.near_m, next(order), key, rest, resume if resumes else None))
        elif resume:  # an empty page (DynamoDB's 1 MB): go on where it stopped
            heapq.heappush(heap, (near_m, next(order), key, piece, resume))
    kept.sort(key=lambda pair: pair[0])
    return [r for _, r in kept[:cap]], bool(heap) or len(kept) > cap


def _keep_nearest(nearest, d, cap):
    """Keep the `cap` smallest distances seen in `nearest` (negated, so its top
    is the cap-th nearest): O(log cap) a pin instead of re-sorting all kept."""
    if len(nearest) < cap:
        heapq.heappush(nearest, -d)
    elif d < -nearest[0]:
        heapq.heapreplace(nearest, -d)


def _bbox(value, problems):
    parts = (value or "").split(",")
    if len(parts) != 4:
        problems.add("bbox", BBOX_NOT_FOUR_NUMBERS)
        return 0, 0, 0, 0
    w = validation.number(parts[0], "bbox", problems, -180, 180)
    s = validation.number(parts[1], "bbox", problems, -90, 90)
    e = validation.number(parts[2], "bbox", problems, -180, 180)
    n = validation.number(parts[3], "bbox", problems, -90, 90)
    if None in (w, s, e, n):
        return 0, 0, 0, 0
    if w > e or s > n:
        problems.rule("bbox", BBOX_INSIDE_OUT)
    return w, s, e, n


def _codes(value):
    return {c.strip() for c in (value or "").split(",") if c.strip()}


def _since(value, problems):
    if not value:
        return None
    if not re.match(DATE_PATTERN, value):
        problems.add("since", SINCE_NOT_A_DATE)
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:  # well-formed, but no such day (30 February)
        problems.rule("since", SINCE_NO_SUCH_DAY)
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
