"""Missed bins, tied to the property's collections: a container can be
reported missed only after its collection day and until 2 working days
after it; the first report for a property, container and collection day makes
a report (category missed_bin, through reports' own create), and every later
one is merged into it, not duplicated."""
from datetime import timedelta

from ... import bindays, ids, validation
from ...errors import Unacceptable
from ...stamps import london_today
from ..places.bins import LABELS, address_or_404, rounds_for
from ..reports.create import create_report
from .wording import for_people

SERVICE = "missed_bin"
WORKING_DAYS = 2
NOTES_MAX = 500
ABANDONED = timedelta(minutes=1)  # a claim whose report was never made, by then, is made by the next reporter


def _window(deps, round_model):
    """(collection day, last day to report) of the round's collection that may
    be reported today, or None."""
    from ...workdays import add_working_days
    today = london_today(deps.clock())
    recent = bindays.collections(round_model.to_round(), today - timedelta(days=14), until=today)
    if not recent:
        return None
    day = recent[-1].date  # the latest collection before today
    last = add_working_days(day, WORKING_DAYS)
    return (day, last) if day < today <= last else None


def offered(deps, uprn):
    """GET /v1/places/{uprn}/missed-bins: the containers that can be reported missed now."""
    address = address_or_404(deps, uprn)
    out = []
    for stream, round_model in rounds_for(deps, address):
        window = _window(deps, round_model)
        if window:
            report_id, _, _ = deps.missed_bins.report_for(_collection(uprn, stream, window[0]))
            out.append({"stream": stream, "label": LABELS[stream], "collection_date": window[0].isoformat(),
                        "report_until": window[1].isoformat(), "reported": report_id})
    return {"uprn": uprn, "containers": out}


def _collection(uprn, stream, day):
    return f"{uprn}#{stream}#{day.isoformat()}"


def report(deps, uprn, body):
    """POST /v1/places/{uprn}/missed-bins {stream, notes}: (answer, made)."""
    problems = validation.Problems()
    for key in body:
        if key not in ("stream", "notes"):
            problems.add(key, "Is not a missed bin field.")
    stream = body.get("stream")
    if stream not in bindays.STREAMS:
        problems.add("stream", f"Must be one of {', '.join(bindays.STREAMS)}.")
    notes = validation.text(body.get("notes"), "notes", problems, 0, NOTES_MAX) or ""
    problems.raise_if_any()
    address = address_or_404(deps, uprn)
    round_model = dict(rounds_for(deps, address)).get(stream)
    window = _window(deps, round_model) if round_model else None
    if window is None:
        raise Unacceptable(f"The {LABELS[stream].lower()} cannot be reported missed now: from the day after "
                           f"its collection until {WORKING_DAYS} working days after it "
                           "(GET /v1/places/{uprn}/missed-bins).", code="not_reportable",
                           fields=[{"field": "stream", "message": "Not reportable now."}])
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
        _make(deps, report_id, collection, address, stream, window[0], notes)
    if not made:
        deps.missed_bins.merge(collection, user_id)
    return {"report_id": report_id, "merged": not made, "stream": stream,
            "collection_date": window[0].isoformat(), "url": f"{deps.base_url}/v1/reports/{report_id}"}, made


def _make(deps, report_id, collection, address, stream, day, notes):
    from ...errors import ServiceUnavailable
    from ...storage.errors import AlreadyExists
    body = {"service_code": SERVICE, "lat": address.lat, "lon": address.lon, "uprn": address.uprn,
            "description": (f"{LABELS[stream]} not collected on {for_people(day)}. " + notes).strip(),
            "fields": {"stream": stream, "collection_date": day.isoformat(), "address": address.text}}
    fixed = deps.replace(new_report_id=lambda: report_id)
    try:
        create_report(fixed, body, idempotency_key="missed-bin-" + ids.digest(collection)[:40])
    except (AlreadyExists, ServiceUnavailable):
        pass  # its id is taken: made meanwhile by another who found it half-made
