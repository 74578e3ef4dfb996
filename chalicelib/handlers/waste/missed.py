"""Missed bins, tied to the property's collections: a container can be
reported missed only after its collection day and until 2 working days
after it (the council's working days: deps.calendar); the first report for a property, container and collection day makes
a report (category missed_bin, through reports' own create), and every later
one is merged into it, not duplicated."""
from datetime import timedelta

from ... import bindays, ids, validation
from ...errors import Unacceptable
from ...stamps import london_today
from ..places.bins import LABELS, address_or_404, rounds_for
from ..reports.create import create_report
from .wording import (CONTAINER_NOT_DELIVERED, CONTAINER_NOT_HERE, MISSED_CONTAINER, MISSED_DESCRIPTION,
                      NOT_AN_ORDERED_CONTAINER, NOT_A_MISSED_BIN_FIELD, NOT_REPORTABLE_NOW, ONE_OF,
                      STREAM_NOT_REPORTABLE, for_people)

SERVICE = "missed_bin"
WORKING_DAYS = 2
NOTES_MAX = 500
ABANDONED = timedelta(minutes=1)  # a claim whose report was never made, by then, is made by the next reporter


def _window(deps, round_model):
    """(collection day, last day to report) of the round's collection that may
    be reported today, or None."""
    today = london_today(deps.clock())
    recent = bindays.collections(round_model.to_round(), today - timedelta(days=14), until=today)
    if not recent:
        return None
    day = recent[-1].date  # the latest collection before today
    last = deps.calendar.add_working_days(day, WORKING_DAYS)
    return (day, last) if day < today <= last else None


def offered(deps, uprn):
    """GET /v1/places/{uprn}/missed-bins: the containers that can be reported missed now."""
    address = address_or_404(deps, uprn)
    out, delivered = [], None
    for stream, round_model in rounds_for(deps, address):
        window = _window(deps, round_model)
        if window:
            if delivered is None:  # what was ordered for a property is for its residents, not passers-by
                delivered = _delivered(deps, address.uprn) if deps.principal is not None else []
            report_id, _, _ = deps.missed_bins.report_for(_collection(uprn, stream, window[0]))
            out.append({"stream": stream, "label": LABELS[stream], "collection_date": window[0].isoformat(),
                        "report_until": window[1].isoformat(), "reported": report_id,
                        "ordered": _ordered(delivered, stream, window[0])})
    return {"uprn": uprn, "containers": out}


def _delivered(deps, uprn):
    """The property's containers the crew delivered (ordered: containers/), one Query of its requests."""
    return [r for r in deps.containers.of_property(uprn) if r.status == "delivered" and r.delivered_on]


def _ordered(delivered, stream, day):
    """Those of `stream` collected at `day`'s collection: delivered before that day. One delivered on a
    collection's own day is not counted at it (the crew may have come first), only from the next."""
    first = {}
    for r in sorted(delivered, key=lambda r: r.delivered_on):
        if r.stream == stream and r.delivered_on < day.isoformat():
            first.setdefault(r.container, {"container": r.container, "name": r.name, "delivered_on": r.delivered_on})
    return list(first.values())


def _collection(uprn, stream, day):
    return f"{uprn}#{stream}#{day.isoformat()}"


def report(deps, uprn, body):
    """POST /v1/places/{uprn}/missed-bins {stream, notes}: (answer, made)."""
    problems = validation.Problems()
    for key in body:
        if key not in ("stream", "container", "notes"):
            problems.add(key, NOT_A_MISSED_BIN_FIELD)
    container = body.get("container")
    if container is not None and not isinstance(container, str):
        problems.add("container", NOT_AN_ORDERED_CONTAINER)
    stream = body.get("stream")
    if stream not in bindays.STREAMS:
        problems.add("stream", ONE_OF.format(choices=", ".join(bindays.STREAMS)))
    notes = validation.text(body.get("notes"), "notes", problems, 0, NOTES_MAX) or ""
    problems.raise_if_any()
    address = address_or_404(deps, uprn)
    round_model = dict(rounds_for(deps, address)).get(stream)
    window = _window(deps, round_model) if round_model else None
    if window is None:
        raise Unacceptable(NOT_REPORTABLE_NOW.format(stream=LABELS[stream].lower(), working_days=WORKING_DAYS),
                           code="not_reportable",
                           fields=[{"field": "stream", "message": STREAM_NOT_REPORTABLE}])
    ordered = None
    if container is not None:
        ordered = next((c for c in _ordered(_delivered(deps, address.uprn), stream, window[0])
                        if c["container"] == container), None)
        if ordered is None:
            raise Unacceptable(CONTAINER_NOT_DELIVERED.format(container=container, collection=for_people(window[0])),
                               code="not_reportable", fields=[{"field": "container", "message": CONTAINER_NOT_HERE}])
    collection = _collection(uprn, stream, window[0])
    user_id = deps.principal.user_id
    report_id, _, claimed_at = deps.missed_bins.report_for(collection)
    made = False
    if report_id is None:
        report_id = deps.new_report_id()
        made = deps.missed_bins.claim(collection, report_id, user_id, deps.clock())
        if not made:
            report_id, _, claimed_at = deps.missed_bins.report_for(collection)
    if made or (claimed_at < deps.clock() - ABANDONED and deps.reports.get(report_id) is None):
        # Ours to make, or its maker stopped half-way a while ago: the same id
        # and key every time, so doing it again makes nothing twice.
        _make(deps, report_id, collection, address, stream, window[0], notes, ordered)
    if not made:
        deps.missed_bins.merge(collection, user_id)
    return {"report_id": report_id, "merged": not made, "stream": stream,
            "container": ordered["container"] if ordered else None,
            "collection_date": window[0].isoformat(), "url": f"{deps.base_url}/v1/reports/{report_id}"}, made


def _make(deps, report_id, collection, address, stream, day, notes, ordered=None):
    from ...errors import ServiceUnavailable
    from ...storage.errors import AlreadyExists
    what = MISSED_CONTAINER.format(stream=LABELS[stream], container=ordered["name"],
                                   delivered=for_people(ordered["delivered_on"])) if ordered else LABELS[stream]
    body = {"service_code": SERVICE, "lat": address.lat, "lon": address.lon, "uprn": address.uprn,
            "description": (MISSED_DESCRIPTION.format(what=what, day=for_people(day)) + notes).strip(),
            "fields": {"stream": stream, "collection_date": day.isoformat(), "address": address.text}}
    fixed = deps.replace(new_report_id=lambda: report_id)
    try:
        create_report(fixed, body, idempotency_key="missed-bin-" + ids.digest(collection)[:40])
    except (AlreadyExists, ServiceUnavailable):
        pass  # its id is taken: made meanwhile by another who found it half-made
