"""What an alert listens to, checked, and the index keys that find it.

Pure apart from the look-ups passed in (deps.reports, deps.services,
deps.area): the subscription API and the matcher share these key builders,
so a key written at subscription time is exactly a key an event reads.
"""
import re

from ... import ids, validation, visibility
from ...errors import NotFound, OutsideServiceArea, ValidationFailed
from ...geo import cells
from .wording import (CIRCLE_NOT_AN_OBJECT, CREW_MEMBERS_ONLY, MEETINGS_FOLLOW_ONE, NEAR_ONLY_FOR_JOBS, NO_SUCH_REPORT,
                      NO_SUCH_WARD, NOT_A_COMMITTEE_ID, NOT_A_TOPIC, NOT_A_WARD_ID, NOT_FOLLOWABLE, ONE_OF,
                      PETITIONS_ONLY_FOR_PLACES, PLACE, PLANNING_ONLY_FOR_AREA, PLANNING_TYPES_LIST, REPORT_ID_REQUIRED, REQUIRED_FOR_KIND, SERVICE_CODE_REQUIRED,
                      TOPICS_LIST, TOPICS_REQUIRED, TRUE_OR_FALSE, UPDATES_ONLY_FOR_AREA)
from .limits import (KINDS, MEETING_FOLLOWS, MEETING_TOPIC_PATTERN, PLANNING_TYPES, RADIUS_DOCUMENT_M, RADIUS_MAX_M,
                     RADIUS_MIN_M, TOPICS, WARD_PATTERN)

MIN_RADIUS_M, MAX_RADIUS_M = RADIUS_MIN_M, RADIUS_MAX_M
# A circle is indexed at the finest geohash precision (5..8) whose cover
# needs at most this many cells. Measured over York (radii 250 m - 2 km): 32
# cells read 4 rows per match, 64 cells 1.6 (21 rows per alert), 100 only
# 1.5; events outnumber subscriptions, so reads win. Broadcast circles use
# precision 5 (see broadcast_cells).
MAX_CELLS = 64
MATCH_PRECISIONS = range(cells.PARTITION_PRECISION, 9)
# An area alert that also hears of updates, or of new petitions, has another
# set of rows for each ("area_updates#<cell>", "petitions#area#<cell>"), at the
# finest precision needing at most these many: the alert and all its rows are
# written in one transaction of at most 100 items (1 + 64 + 20 + 15 = 100).
MAX_UPDATE_CELLS = 20
MAX_PETITION_CELLS = 15
UPDATE_EVENTS = ("report_state_changed", "report_updated")  # a new status, or the council's public words
WARD = re.compile(WARD_PATTERN)
MEETING_TOPIC = re.compile(MEETING_TOPIC_PATTERN)


def check_target(deps, kind, body):
    """(target dict, [(key, lat, lon, radius_m)]) for a subscription body."""
    problems = validation.Problems()
    if kind not in KINDS:
        raise ValidationFailed([("kind", ONE_OF.format(choices=", ".join(KINDS)))])
    updates = body.get("include_updates")
    if updates is not None and not isinstance(updates, bool):
        raise ValidationFailed([("include_updates", TRUE_OR_FALSE)])
    if updates and kind != "area":
        raise validation.broken_rules([("include_updates", UPDATES_ONLY_FOR_AREA)])
    planning = _planning_filters(kind, body)
    if kind == "jobs":
        return _jobs(deps, body, problems)
    if body.get("urgent_near_only") is not None:
        raise validation.broken_rules([("urgent_near_only", NEAR_ONLY_FOR_JOBS)])
    petitions = _petitions(kind, body)
    if kind == "report":
        return _report(deps, body.get("report_id"))
    if kind == "area":
        circle = {**_circle(deps, body, problems, ""), **planning}
        keys = circle_keys("area", circle)
        if body.get("include_updates"):  # only when asked for: an alert made before keeps its identity
            circle, keys = {**circle, "include_updates": True}, keys + circle_keys(
                "area_updates", circle, MAX_UPDATE_CELLS)
        if petitions:
            circle, keys = {**circle, "petitions": True}, keys + circle_keys(
                PETITIONS_AREA, circle, MAX_PETITION_CELLS)
        return circle, keys
    if kind == "ward":
        ward = _ward(deps, body.get("ward"), "ward", problems)
        keys = [(ward_key("ward", ward.id), None, None, None)]
        if petitions:
            return ({"ward": ward.id, "ward_name": ward.name, "petitions": True},
                    keys + [(ward_key(PETITIONS_WARD, ward.id), None, None, None)])
        return {"ward": ward.id, "ward_name": ward.name}, keys
    if kind == "category":
        return _category(deps, body, problems)
    if kind == "meetings":
        return _meetings(deps, body, problems)
    if kind == "planning":
        from .planning_follows import planning_target
        return planning_target(deps, body.get("application_id"))
    return _broadcast(deps, body, problems)


def _planning_filters(kind, body):
    """An area alert's planning applications by type and only while comments are open (planning/notices.py
    applies them): {} when neither is asked for, so an alert made before keeps its identity."""
    types, open_only = body.get("planning_types"), body.get("planning_open_only")
    if types is None and open_only in (None, False):
        return {}
    if kind != "area":
        raise validation.broken_rules([("planning_types" if types is not None else "planning_open_only",
                                        PLANNING_ONLY_FOR_AREA)])
    if open_only is not None and not isinstance(open_only, bool):
        raise ValidationFailed([("planning_open_only", TRUE_OR_FALSE)])
    if types is not None and (not isinstance(types, list) or not types or len(set(map(str, types))) != len(types)
                              or not all(isinstance(t, str) and t in PLANNING_TYPES for t in types)):
        raise ValidationFailed([("planning_types", PLANNING_TYPES_LIST.format(choices=", ".join(PLANNING_TYPES)))])
    return {**({"planning_types": sorted(types)} if types else {}), **({"planning_open_only": True} if open_only else {})}


# An area or ward alert that opts in to new petitions there (petitions/new_petitions.py
# reads these): its own keys, so a petition reads only the alerts that asked.
PETITIONS_AREA, PETITIONS_WARD = "petitions#area", "petitions#ward"


def _petitions(kind, body):
    """Whether an area or ward alert also hears of new petitions there."""
    value = body.get("petitions")
    if value is None or value is False:
        return False
    if value is not True:
        raise ValidationFailed([("petitions", TRUE_OR_FALSE)])
    if kind not in ("area", "ward"):
        raise validation.broken_rules([("petitions", PETITIONS_ONLY_FOR_PLACES)])
    return True


def petition_keys(lon, lat, ward_id):
    """The keys a new petition reads: area alerts' cells holding its place, and its ward's."""
    keys = point_keys(PETITIONS_AREA, lon, lat) if lon is not None else []
    return keys + ([ward_key(PETITIONS_WARD, ward_id)] if ward_id else [])


def team_key(team):
    """The index key of a team's job alerts (job_notices.py reads it)."""
    return f"team#{team}"


def _jobs(deps, body, problems):
    """A crew member's phone, told of their team's jobs (job_notices.py),
    and where they are, if they say (crew_points.py)."""
    from ...auth.policy import Forbidden
    from .crew_points import read_point
    p = deps.principal
    if p is None or p.role != "crew" or not p.team:
        raise Forbidden(CREW_MEMBERS_ONLY)
    point = read_point(body, deps.clock(), problems)
    problems.raise_if_any()
    return {"team": p.team, **point}, [(team_key(p.team), point.get("lat"), point.get("lon"), point.get("radius_m"))]


def _report(deps, value):
    rid = ids.normalise_report_id(value) if isinstance(value, str) and value.strip() else ""
    report = deps.reports.get(rid) if ids.is_report_id(rid) else None
    if not rid:
        raise validation.broken_rules([("report_id", REPORT_ID_REQUIRED)])
    if report is None or not visibility.report_is_public(report, deps.services.by_code()):
        from ...auth.policy import can_see_private
        if report is None or not can_see_private(deps.principal, report):
            raise NotFound(NO_SUCH_REPORT.format(report_id=value), code="report_not_found")
    return {"report_id": report.id}, [(f"report#{report.id}", None, None, None)] + interest_keys(report)


def _circle(deps, body, problems, prefix):
    lat = validation.number(body.get("lat"), prefix + "lat", problems, -90, 90, text_ok=False) \
        if body.get("lat") is not None else problems.rule(prefix + "lat", REQUIRED_FOR_KIND)
    lon = validation.number(body.get("lon"), prefix + "lon", problems, -180, 180, text_ok=False) \
        if body.get("lon") is not None else problems.rule(prefix + "lon", REQUIRED_FOR_KIND)
    radius = validation.number_in(body.get("radius_m"), prefix + "radius_m", problems,
                                  RADIUS_DOCUMENT_M if not prefix else (MIN_RADIUS_M, MAX_RADIUS_M),
                                  (MIN_RADIUS_M, MAX_RADIUS_M), text_ok=False) \
        if body.get("radius_m") is not None else problems.rule(prefix + "radius_m", REQUIRED_FOR_KIND)
    problems.raise_if_any()
    if not deps.area.contains(lon, lat):
        raise OutsideServiceArea(deps.area.name, prefix + "lat", noun=PLACE)
    return {"lat": round(lat, 6), "lon": round(lon, 6), "radius_m": round(radius)}


def circle_keys(prefix, circle, max_cells=MAX_CELLS):
    """[(key, lat, lon, radius_m)]: one row per cell of the circle's cover."""
    found = cells.cover_circle(circle["lon"], circle["lat"], circle["radius_m"], max_cells=max_cells)
    return [(f"{prefix}#{c}", circle["lat"], circle["lon"], circle["radius_m"]) for c in found]


def _ward(deps, value, field, problems):
    """The stored ward a ward id names (as GET /v1/councillors gives it): an alert on a
    ward that does not exist would never fire, so it is refused."""
    if value is None:
        problems.rule(field, REQUIRED_FOR_KIND)
    elif not isinstance(value, str) or not WARD.match(value.strip()):
        problems.add(field, NOT_A_WARD_ID)
    problems.raise_if_any()
    ward = deps.wards.get(value.strip()) if deps.wards is not None else None
    if ward is None:
        raise NotFound(NO_SUCH_WARD.format(ward=value.strip()), code="ward_not_found")
    return ward


def ward_key(prefix, ward_id):
    """The index key of a ward (ids are exact: not folded)."""
    return f"{prefix}#{ward_id}"


def meeting_key(follows, value):
    """The index key of a meetings follow: a committee (its id), a ward (its
    name, as agenda items are tagged) or a topic. democracy/notices.py reads
    the keys of a published agenda's committee and its items' tags."""
    return f"meetings#{follows}#{value}"


def interest_key(cell, service_code):
    """A resident's interest in one category's reports in one precision-5
    cell: written beside their follow of a report (as its reporter, a
    supporter or a follower), read when an agenda is published for the
    cells of each item's wards and the categories of its topics
    (democracy/notices.py), the row's point then tested against the ward."""
    return f"meetings#interest#{cell}#{service_code}"


def interest_keys(report):
    """[(key, lat, lon, None)]: the report's place and category, none without a place."""
    if report.lon is None or report.lat is None:
        return []
    lon, lat = float(report.lon), float(report.lat)
    cell = cells.encode(lon, lat)[:cells.PARTITION_PRECISION]
    return [(interest_key(cell, report.service_code), lat, lon, None)]


def _meetings(deps, body, problems):
    """Exactly one of committee, ward or topic: each is its own alert, so a
    one-tap stop ends that follow alone."""
    named = [f for f in MEETING_FOLLOWS if body.get(f) is not None]
    if len(named) != 1:
        raise validation.broken_rules([("committee", MEETINGS_FOLLOW_ONE)])
    follows, value = named[0], body[named[0]]
    if follows == "ward":
        ward = _ward(deps, value, "ward", problems)
        return {"ward": ward.id, "ward_name": ward.name}, [(meeting_key("ward", ward.name), None, None, None)]
    if follows == "committee" and not (isinstance(value, str) and value.isdigit() and len(value) <= 12):
        problems.add("committee", NOT_A_COMMITTEE_ID)
    if follows == "topic" and not (isinstance(value, str) and MEETING_TOPIC.match(value)):
        problems.add("topic", NOT_A_TOPIC)
    problems.raise_if_any()
    return {follows: value}, [(meeting_key(follows, value), None, None, None)]


def _category(deps, body, problems):
    code = body.get("service_code")
    service = deps.services.get(code) if isinstance(code, str) and code else None
    if not isinstance(code, str) or not code:
        problems.rule("service_code", SERVICE_CODE_REQUIRED)
    elif not visibility.followable(service):
        problems.rule("service_code", NOT_FOLLOWABLE)
    area = body.get("area")
    if area is not None and not isinstance(area, dict):
        problems.add("area", CIRCLE_NOT_AN_OBJECT)
    problems.raise_if_any()
    if area is None:
        return {"service_code": code}, [(f"category#{code}", None, None, None)]
    circle = _circle(deps, area, problems, "area.")
    return {"service_code": code, "area": circle}, circle_keys(f"category#{code}", circle)


def _broadcast(deps, body, problems):
    topics = body.get("topics")
    if topics is None:
        problems.rule("topics", TOPICS_REQUIRED)
    elif not isinstance(topics, list) or not topics or not all(t in TOPICS for t in topics) \
            or len(set(topics)) != len(topics):
        problems.add("topics", TOPICS_LIST.format(topics=", ".join(TOPICS)))
    if body.get("ward") is not None:
        ward = _ward(deps, body.get("ward"), "ward", problems)
        return ({"topics": sorted(topics), "ward": ward.id, "ward_name": ward.name},
                [(ward_key(f"topic#{t}#ward", ward.id), None, None, None) for t in sorted(topics)])
    problems.raise_if_any()
    circle = _circle(deps, body, problems, "")
    return ({"topics": sorted(topics), **circle},
            [(f"topic#{t}#{c}", circle["lat"], circle["lon"], circle["radius_m"])
             for t in sorted(topics) for c in broadcast_cells(circle["lon"], circle["lat"], circle["radius_m"])])


def broadcast_cells(lon, lat, radius_m):
    """Broadcast circles are indexed at precision 5 only (cells of about
    3 x 5 km, a few per circle): a broadcast targets a region, and reads
    the precision-5 cells of its bbox; a finer or mixed precision would need
    thousands of reads per region."""
    from ...geo.distance import circle_bboxes, distance_to_bbox_m
    found = {c for box in circle_bboxes(lon, lat, radius_m)
             for c in cells.bbox_cells(*box, cells.PARTITION_PRECISION)}
    return sorted(c for c in found if distance_to_bbox_m(lon, lat, cells.cell_bounds(c)) <= radius_m)


def point_keys(prefix, lon, lat):
    """The keys, one per indexed precision, whose cells hold the point."""
    geohash = cells.encode(lon, lat)
    return [f"{prefix}#{geohash[:p]}" for p in MATCH_PRECISIONS]


def event_keys(report, event_kind, ward_id=None):
    """The index keys an event about `report` reads (area rows then need
    the distance check). ward_id: the ward holding the report, if any.

    A new report reaches area, ward and category subscribers; later changes
    reach the report's followers, and the area subscribers who asked for
    updates too (include_updates): most neighbours do not want every status."""
    keys = [f"report#{report.id}"]
    if event_kind in UPDATE_EVENTS and report.lon is not None:
        return keys + point_keys("area_updates", float(report.lon), float(report.lat))
    if event_kind != "report_created":
        return keys
    keys.append(f"category#{report.service_code}")
    if ward_id:
        keys.append(ward_key("ward", ward_id))
    if report.lon is not None:
        lon, lat = float(report.lon), float(report.lat)
        keys += point_keys("area", lon, lat) + point_keys(f"category#{report.service_code}", lon, lat)
    return keys
