"""RSS feeds: new reports in an area, and one report's timeline.

An area is what to read (geohash cells covering it) plus what counts as in it
(a point test), so a circle and a ward's boundary are read the same way:
the geo index over the cover, then the exact test, never a scan. Only
open reports are listed: "new problems near me" is what a feed subscriber
wants, and the open partitions hold the council's backlog, not its history,
so the cost of a feed does not grow with the years.

Every item is built from the public view (views.public_view), which lists
what may be shown: contact details cannot reach a feed.
"""
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

from . import rss
from ... import states, validation, visibility
from ...errors import NotFound, OutsideServiceArea
from ...geo import cells, distance
from ...storage import metering
from . import views
from .limits import FEED_MAX_ITEMS as MAX_ITEMS, FEED_RADIUS_DEFAULT_M as RADIUS_DEFAULT_M, \
    FEED_RADIUS_MAX_M as RADIUS_MAX_M, FEED_RADIUS_MIN_M as RADIUS_MIN_M
from .capped_read import read_capped
from .wording import (AREA_FEED_DESCRIPTION, AREA_FEED_TITLE, AREA_FEED_TRUNCATED, FEED_IN_WARD, FEED_WITHIN,
                      ITEM_REPORTED, ITEM_STATUS, ITEM_UPDATE, ITEM_WHERE, KILOMETRES, LAT_LON_OR_REPORT_OR_WARD,
                      METRES, NO_SUCH_WARD, ONE_PLACE_ONLY, THE_COUNCIL, TIMELINE_DESCRIPTION)
MAX_COVER_CELLS = 96
# Finding the newest needs every open report in the area (the index is in
# geohash order, not time order): read up to this many, shared fairly between
# the cover's ranges (capped_read.read_capped), and say so when an area holds more.
AREA_READ_CAP = 1500
TTL_MINUTES = 15  # how often a reader should poll
MAX_AGE_SECONDS = 300  # what a cache may serve without asking again
CONTENT_TYPE = "application/rss+xml; charset=utf-8"
FEED_PATH = "/v1/feeds/reports.rss"


@dataclass
class FeedArea:
    """Where a feed looks: its name, the cells to read, and the exact test."""
    title: str
    cover: list
    contains: Callable


def reports_feed(deps, params):
    """The feed the query asks for, as an RSS 2.0 string."""
    metering.expose()
    if params.get("report") is not None:
        if any(params.get(k) is not None for k in ("lat", "lon", "radius_m", "ward")):
            raise validation.broken_rules([("report", ONE_PLACE_ONLY)])
        return timeline_feed(deps, params["report"])
    if params.get("ward") is not None:
        if any(params.get(k) is not None for k in ("lat", "lon", "radius_m")):
            raise validation.broken_rules([("ward", ONE_PLACE_ONLY)])
        area, query = ward_area(deps, params["ward"])
    else:
        area, query = circle(deps, params)
    return area_feed(deps, area, query)


def ward_area(deps, ward_id):
    """A ward read as its bounding box's cells, then its boundary as the exact test."""
    ward = deps.wards.get(ward_id) if isinstance(ward_id, str) and 0 < len(ward_id) <= 64 else None
    if ward is None:
        raise NotFound(NO_SUCH_WARD.format(ward=str(ward_id)[:64]), code="ward_not_found")
    area = FeedArea(title=FEED_IN_WARD.format(ward=ward.name),
                    cover=cells.cover_bbox(*ward.bbox, max_cells=MAX_COVER_CELLS),
                    contains=ward.contains)
    return area, {"ward": ward.id}


def circle(deps, params):
    """The circle of radius_m around lat/lon, checked like other point routes."""
    problems = validation.Problems()
    for name in ("lat", "lon"):
        if params.get(name) in (None, ""):
            problems.rule(name, LAT_LON_OR_REPORT_OR_WARD)
    lat = validation.number(params["lat"], "lat", problems, -90, 90) if params.get("lat") else None
    lon = validation.number(params["lon"], "lon", problems, -180, 180) if params.get("lon") else None
    radius = validation.number(params.get("radius_m", RADIUS_DEFAULT_M), "radius_m", problems,
                               RADIUS_MIN_M, RADIUS_MAX_M)
    problems.raise_if_any()
    if not deps.area.contains(lon, lat):
        raise OutsideServiceArea(deps.area.name)
    radius = int(radius)
    area = FeedArea(
        title=FEED_WITHIN.format(distance=_distance_words(radius), lat=lat, lon=lon),
        cover=cells.cover_circle(lon, lat, radius, max_cells=MAX_COVER_CELLS),
        contains=lambda x, y: distance.haversine_m(lon, lat, x, y) <= radius)
    return area, {"lat": f"{lat:.6f}", "lon": f"{lon:.6f}", "radius_m": radius}


def area_feed(deps, area, query):
    services = deps.services.by_code()
    found, truncated = _newest_open_in(deps.reports, area, services)
    reports = deps.reports.get_many([r.id for r in found])
    items = [_report_item(r, views.public_view(deps, r, services.get(r.service_code))) for r in reports]
    council = deps.area.name or THE_COUNCIL
    return rss.render({
        "title": AREA_FEED_TITLE.format(council=council, area=area.title),
        "link": f"{deps.base_url}/",
        "description": AREA_FEED_DESCRIPTION.format(council=council, area=area.title)
                       + (AREA_FEED_TRUNCATED.format(cap=AREA_READ_CAP) if truncated else ""),
        "self_url": f"{deps.base_url}{FEED_PATH}?{urlencode(query)}",
        "last_build": max((r.updated_at for r in reports), default=None) or _quiet_since(deps.clock()),
        "ttl": TTL_MINUTES,
    }, items)


def _newest_open_in(store, area, services):
    """The MAX_ITEMS newest open reports in the area, public categories only,
    and whether the area held more than one feed reads."""
    def shown(r):
        return visibility.report_is_public(r, services) and area.contains(float(r.lon), float(r.lat))

    plans = [(f"{p}#{states.bucket(states.INITIAL)}", lo, hi) for p, lo, hi in cells.cell_ranges(area.cover)]
    found, truncated = read_capped(store.map_range, plans, AREA_READ_CAP, shown)
    found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
    return found[:MAX_ITEMS], truncated


def _report_item(report, view):
    return {
        "title": _title(report, view),
        "link": view["url"],
        "guid": view["id"],
        "pub_date": report.created_at,
        "description": rss.html_paragraphs(view.get("description"),
                                           ITEM_WHERE.format(place=view["place_text"]) if view.get("place_text")
                                           else None,
                                           ITEM_STATUS.format(status=view["status_label"])),
        "category": view["service_name"],
        "point": _point(view),
    }


def timeline_feed(deps, report_id):
    from .tracking import find_report
    report = find_report(deps, report_id)
    service = deps.services.get(report.service_code)
    view = views.public_view(deps, report, service)
    details = visibility.details_are_public(report, service)  # else: its status changes alone
    updates = sorted(deps.reports.updates(report.id), key=lambda u: int(u.seq), reverse=True)
    items = [_update_item(view, u, details) for u in updates[:MAX_ITEMS]]
    return rss.render({
        "title": f"{view['id']} {_title(report, view)}",
        "link": view["url"],
        "description": TIMELINE_DESCRIPTION.format(report_id=view["id"]),
        "self_url": f"{deps.base_url}{FEED_PATH}?{urlencode({'report': view['id']})}",
        "last_build": max((u.created_at for u in updates), default=report.updated_at),
        "ttl": TTL_MINUTES,
    }, items)


def _update_item(view, entry, details):
    update = views.update_view(entry, details=details)
    if update["kind"] == "created":
        title = ITEM_REPORTED.format(category=view["service_name"])
    elif update["kind"] == "state_changed":
        title = ITEM_STATUS.format(status=update["status_label"])
    else:
        title = ITEM_UPDATE
    return {
        "title": title,
        "link": view["url"],
        "guid": f"{view['id']}-{update['seq']}",
        "pub_date": entry.created_at,
        "description": rss.html_paragraphs(update["text"], ITEM_STATUS.format(status=update["status_label"])),
        "category": view["service_name"],
        "point": _point(view),
    }


def _quiet_since(now):
    """An empty feed's lastBuildDate: the start of the current TTL window, so
    its ETag holds while a reader's polls fall in one window."""
    return now.replace(minute=now.minute - now.minute % TTL_MINUTES, second=0, microsecond=0)


def _title(report, view):
    """"Pothole: Deep pothole outside..."; the category alone where its
    reports' details are private (the public view then has no description)."""
    if view.get("description") and report.summary:
        return f"{view['service_name']}: {report.summary}"
    return view["service_name"]


def _point(view):
    location = view.get("location")
    return (location["lat"], location["lon"]) if location else None


def _distance_words(metres):
    return KILOMETRES.format(km=metres / 1000) if metres >= 1000 else METRES.format(metres=metres)
