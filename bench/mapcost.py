"""Map cost: what one GET /v1/reports?bbox=... reads, through the real handler."""
import dataclasses
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from chalicelib import states
from chalicelib.geo import cells

from .data import CITY_CENTRE, YORK_BBOX, in_bbox, metres_to_degrees

PLACES = {"dense": CITY_CENTRE, "sparse": (-1.20, 54.03)}  # centre; farmland NW of Rufforth
SIZES = (("street", 300), ("neighbourhood", 1000), ("district", 3000))
ITEMS_PER_FEATURE = 1.5  # target: items <= 1.5 x features + a small constant (map.READ_SLACK)


@dataclass(frozen=True)
class Case:
    name: str
    place: str
    bbox: tuple
    extra: dict = field(default_factory=dict)
    in_target: bool = True  # extras (filters) are reported, not part of the target


def viewport(lon, lat, size_m):
    dlat, dlon = metres_to_degrees(size_m / 2, lat)
    return tuple(round(v, 6) for v in (lon - dlon, lat - dlat, lon + dlon, lat + dlat))


def cases():
    out = []
    for name, size in SIZES:
        for place, (lon, lat) in PLACES.items():
            out.append(Case(f"{name} (~{size} m)", place, viewport(lon, lat, size)))
    out.append(Case("city-wide", "whole bbox", YORK_BBOX))
    centre = viewport(*CITY_CENTRE, 3000)
    out.append(Case("district, status=all", "dense", centre, {"status": "all"}, False))
    out.append(Case("district, service_code=graffiti", "dense", centre, {"service_code": "graffiti"}, False))
    out.append(Case("street, service_code=graffiti", "dense", viewport(*CITY_CENTRE, 300),
                    {"service_code": "graffiti"}, False))
    return out


class RecordingStore:
    """The real ReportStore, remembering which items map_range returned."""

    def __init__(self, store):
        self._store = store
        self.read = []
        self.limits = []
        self.plans = []

    def map_range(self, partition, lo, hi, limit, start=None):
        items, resume = self._store.map_range(partition, lo, hi, limit, start)
        self.read.extend(items)
        self.limits.append(limit)
        self.plans.append((partition.split("#")[0], lo, hi))
        return items, resume

    def category_map_range(self, partition, lo, hi, limit, start=None):
        items, resume = self._store.category_map_range(partition, lo, hi, limit, start)
        self.read.extend(items)
        self.limits.append(limit)
        self.plans.append((partition.split("#")[1], lo, hi))
        return items, resume

    def __getattr__(self, name):
        return getattr(self._store, name)


def _wanted(case):
    return states.states_for_filter(case.extra.get("status"))


def _cover(bbox):
    from chalicelib.geo.map_plan import FINE_CELLS
    cover = cells.cover_bbox(*bbox, max_cells=FINE_CELLS)
    w, s, e, n = bbox
    cover_area = sum((c[2] - c[0]) * (c[3] - c[1]) for c in map(cells.cell_bounds, cover))
    return cover, cover_area / max((e - w) * (n - s), 1e-12)


def ground_truth(case, pins, cover):
    """(pins a complete answer holds, pins a complete read of the cover reads)."""
    wanted = _wanted(case)
    buckets = {states.bucket(s) for s in wanted}
    code = case.extra.get("service_code")
    prefixes = set(cover)
    size = len(cover[0])
    answer = read = 0
    for p in pins:
        if p.geohash[:size] in prefixes and states.bucket(p.state) in buckets:
            read += 1
            if p.state in wanted and in_bbox(p.lon, p.lat, case.bbox) and (not code or p.service_code == code):
                answer += 1
    return answer, read


def _nearest_ok(case, pins, fc):
    """A truncated answer holds the pins nearest the view's centre: none left
    out is nearer than the farthest shown (ties aside)."""
    from chalicelib.geo.distance import haversine_m
    if not fc["truncated"] or not fc["features"]:
        return None
    w, s, e, n = case.bbox
    cx, cy = (w + e) / 2, (s + n) / 2
    wanted, code = _wanted(case), case.extra.get("service_code")
    shown = {f["id"] for f in fc["features"]}
    farthest = max(haversine_m(cx, cy, *f["geometry"]["coordinates"]) for f in fc["features"])
    nearer_left_out = sum(1 for p in pins if p.id not in shown and p.state in wanted
                          and in_bbox(p.lon, p.lat, case.bbox) and (not code or p.service_code == code)
                          and haversine_m(cx, cy, p.lon, p.lat) < farthest - 0.01)
    return nearer_left_out


def measure(deps, case, pins):
    from chalicelib.handlers.reports.map import map_reports
    from chalicelib.storage.metering import metered
    recorder = RecordingStore(deps.reports)
    run_deps = dataclasses.replace(deps, reports=recorder)
    params = {"bbox": ",".join(repr(v) for v in case.bbox), **case.extra}
    started = time.perf_counter()
    with metered() as meter:
        fc = map_reports(run_deps, params)
    seconds = time.perf_counter() - started
    cover, area_ratio = _cover(case.bbox)
    answer, cover_read = ground_truth(case, pins, cover)
    features = len(fc["features"])
    outside = sum(1 for r in recorder.read if not in_bbox(float(r.lon), float(r.lat), case.bbox))
    from chalicelib.handlers.reports.map import READ_SLACK
    allowed = ITEMS_PER_FEATURE * features + READ_SLACK
    return {
        "case": case, "n": len(pins), "features": features, "items": meter.items,
        "queries": meter.queries, "calls": meter.calls, "ops": sorted(set(meter.operations)),
        "truncated": bool(fc["truncated"]), "outside": outside, "answer": answer,
        "cover_read": cover_read, "precision": len(cover[0]), "cells": len(cover),
        "ranges": len({(key, lo) for key, lo, *_ in recorder.plans}),
        "nearest": _nearest_ok(case, pins, fc),
        "tiny": sum(1 for x in recorder.limits if x <= 2), "area_ratio": area_ratio,
        "ratio": meter.items / features if features else None,
        "target_ok": meter.items <= allowed, "seconds": seconds,
        "dynamo_seconds": meter.seconds,
    }


@contextmanager
def steady_categories(deps):
    """Warm the category cache and hold it: moto is slow enough that its 60 s
    could expire mid-request and add a services Scan to a map's count."""
    from chalicelib.storage.reports import services
    kept, services.CACHE_SECONDS = services.CACHE_SECONDS, 10**9
    try:
        deps.services.all()
        yield
    finally:
        services.CACHE_SECONDS = kept


def run(deps, pins, progress):
    """Every case once (inside steady_categories)."""
    rows = []
    for case in cases():
        rows.append(measure(deps, case, pins))
        _say(progress, rows[-1])
    return rows


def _say(progress, row):
    case = row["case"]
    progress(f"  {case.name:<34} {case.place:<10} features={row['features']:<4} "
             f"items={row['items']:<4} queries={row['queries']:<3} truncated={row['truncated']} "
             f"({row['seconds']:.1f}s)")


def via_http(bbox):
    """One map request through Chalice's test client; (status, Server-Timing, features)."""
    from chalice.test import Client

    from app import app
    from .env import ROOT
    query = ",".join(repr(v) for v in bbox)
    with Client(app, project_dir=str(ROOT)) as client:
        r = client.http.get(f"/v1/reports?bbox={query}")
    import json
    return r.status_code, r.headers.get("Server-Timing", ""), len(json.loads(r.body)["features"])


NEARBY = ((None, None), ("pothole", None), (None, 500))  # (service_code, radius_m): default, category, max


def nearby_rows(deps, pins, progress):
    """Informational: the duplicate-suggestion query (`nearby.nearby`) at the city centre."""
    from chalicelib.geo import distance
    from chalicelib.handlers.reports.nearby import nearby
    from chalicelib.storage.metering import metered
    lon, lat = CITY_CENTRE
    rows = []
    for code, radius in NEARBY:
        params = {"lat": lat, "lon": lon, **({"service_code": code} if code else {}),
                  **({"radius_m": radius} if radius else {})}
        with metered() as meter:
            fc = nearby(deps, params)
        r = fc["radius_m"]
        within = sum(1 for p in pins if p.state in states.OPEN_STATES and (not code or p.service_code == code)
                     and distance.haversine_m(lon, lat, p.lon, p.lat) <= r)
        rows.append({"n": len(pins), "code": code or "any", "radius": r, "queries": meter.queries,
                     "items": meter.items, "features": len(fc["features"]), "within": within})
        progress(f"  nearby {code or 'any'} r={r} m: features={len(fc['features'])} "
                 f"items={meter.items} queries={meter.queries}")
    return rows
