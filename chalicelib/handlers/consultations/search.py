"""Finding consultations: our own list, and Delib Citizen Space's public API
(v2, `api/2.4/...`), so a council's website or an aggregator that lists
Citizen Space consultations lists ours with no new code.

Every search reads the search rows (storage/forms/consultations.py) of one or two
area partitions ("any"; or, for a postcode, its ward's and "council"), in one
range of the closing or opening index: what it returns, plus the few
forthcoming ones an "open" search passes over. Words (`tx`) are matched in
the rows the range read. At most LIMIT a search."""
import re
from datetime import date, datetime, time, timedelta, timezone

from ...errors import NotFound, ValidationFailed
from . import wording
from .definition import COUNCIL
from .timing import ONE_SECOND, local, status

LIMIT = 100
STATUSES = ("forthcoming", "open", "closed")
DATE = re.compile(r"^\d{4}/\d{2}/\d{2}$")
POSTCODE_SHAPE = re.compile(r"^[A-Za-z0-9 ]{2,10}$")  # as /openapi.json declares pc
TIERS = ("basic", "extended", "all")
WORDS_MAX = 200  # tx, as /openapi.json declares it


def _floor(now):
    return now.replace(microsecond=0)


def ranged(deps, partitions, wanted, kind, start, end):
    """The search rows in `partitions` with status `wanted` (or any), opening
    (kind "op") or closing ("cl") between the London dates start and end
    (inclusive); soonest closing first (closed: latest first), each consultation once."""
    now = deps.clock()
    found = {}
    for area in partitions:
        for row in _rows(deps, area, wanted, kind, start, end, now):
            if wanted is None or status(row, now) == wanted:
                found.setdefault(row.id, row)
    # closed ones latest first (those the range read), the rest soonest closing first
    return sorted(found.values(), key=lambda r: (r.closes_at, r.id), reverse=wanted == "closed")[:LIMIT]


def _rows(deps, area, wanted, kind, start, end, now):
    store = deps.consultations
    if kind is not None:
        after, before = _midnight(start) if start else None, _midnight(end + timedelta(days=1)) if end else None
        read = store.opening if kind == "op" else store.closing
        return read(area, after, before, LIMIT)
    if wanted == "forthcoming":  # opens after now
        return store.opening(area, _floor(now) + ONE_SECOND, None, LIMIT)
    if wanted == "closed":  # its last second has passed
        return store.closing(area, None, _floor(now), LIMIT, newest_first=True)
    if wanted == "open":  # its last second is now or later (forthcoming ones are passed over)
        return store.closing(area, _floor(now), None, LIMIT)
    return store.closing(area, None, None, LIMIT)


def _midnight(day):
    from .timing import _zone
    return datetime.combine(day, time(0), tzinfo=_zone()).astimezone(timezone.utc)


def search_results(deps, query):
    """GET /api/2.4/json_search_results: a JSON array, each consultation in the tier asked for.
    A value the document's schema refuses is a 400; one it allows that names nothing real (31 February,
    a postcode that is not one, dates without dk) a 422."""
    problems, rules = [], []  # parameters it does not know are left alone, as Citizen Space leaves them
    wanted = query.get("st") or None
    if wanted is not None and wanted not in STATUSES:
        problems.append(("st", wording.SEARCH_STATUS))
    kind = query.get("dk") or None
    if kind is not None and kind not in ("op", "cl"):
        problems.append(("dk", wording.DATE_KIND))
    start, end = _date(query, "fd", problems, rules), _date(query, "td", problems, rules)
    if (query.get("fd") or query.get("td")) and kind is None:
        rules.append(("dk", wording.DATES_WITHOUT_KIND))
    tier = query.get("fields") or "basic"
    if tier not in TIERS:
        problems.append(("fields", wording.TIER))
    partitions = ["any"]
    if query.get("pc"):
        from ..places.postcodes import postcode_or_none
        postcode = postcode_or_none(query["pc"])
        if not POSTCODE_SHAPE.match(query["pc"]):
            problems.append(("pc", wording.NOT_A_POSTCODE))
        elif postcode is None:
            rules.append(("pc", wording.NOT_A_POSTCODE))
        else:
            ward = _ward(deps, postcode)
            partitions = [COUNCIL, *([ward] if ward else [])]
    if problems:
        raise ValidationFailed(problems)
    if rules:
        from ...validation import broken_rules
        raise broken_rules(rules)
    rows = ranged(deps, partitions, wanted, kind, start, end)
    words = [w.lower() for w in (query.get("tx") or "").split() if w]
    if words:
        rows = [r for r in rows if all(w in _text(r) for w in words)]
    return [citizen_space(deps, row.doc, row, tier) for row in rows]


def _text(row):
    return " ".join(str(row.doc.get(k) or "") for k in ("title", "overview", "department", "why")).lower()


def _ward(deps, postcode):
    """The ward the gazetteer gives most of the postcode's addresses (one Query), or None."""
    wards = [a.ward for a in deps.addresses.by_postcode(postcode) if a.ward]
    return max(set(wards), key=wards.count) if wards else None


def _date(query, name, problems, rules):
    value = query.get(name)
    if not value:
        return None
    if not DATE.match(value):
        problems.append((name, wording.SEARCH_DATE))
        return None
    try:
        return date(*map(int, value.split("/")))
    except ValueError:
        rules.append((name, wording.NOT_A_REAL_DATE))
        return None


def details(deps, query):
    """GET /api/2.4/json_consultation_details?dept=&id=: one consultation, every field."""
    problems = [(k, "Is required") for k in ("dept", "id") if not query.get(k)]
    if problems:
        raise ValidationFailed(problems)
    from .definition import ID
    found = deps.consultations.get(query["id"]) if ID.match(query["id"]) else None  # never a key DynamoDB refuses
    if found is None or dept(found.doc) != query["dept"]:
        raise NotFound(wording.NOT_FOUND, code="consultation_not_found")
    return citizen_space(deps, found.doc, found, "all")


def dept(doc):
    """The department as Citizen Space puts it in addresses: "Transport and Highways" -> "transport-and-highways"."""
    return re.sub(r"[^a-z0-9]+", "-", (doc.get("department") or "").lower()).strip("-")


def citizen_space(deps, doc, row, tier):
    """One consultation in Citizen Space's fields, to the tier asked for (never a count or a person)."""
    state = status(row, deps.clock())
    url = f"{deps.base_url}/consultations/{row.id}"
    out = {"id": row.id, "title": doc.get("title"), "url": url, "status": state, "overview": doc.get("overview"),
           "startdate": f"{local(row.opens_at):%Y-%m-%d}", "enddate": f"{local(row.closes_at):%Y-%m-%d}"}
    if tier in ("extended", "all"):
        out.update(department=doc.get("department"), dept=dept(doc), type=(doc.get("type") or "consultation").lower(),
                   type_string=doc.get("type") or "Consultation", participation_url=f"{url}/respond",
                   progress=state.title(), visibility="public")
    if tier == "all":
        contact = doc.get("contact") or {}
        out.update(why=doc.get("why"), what_happens_next=doc.get("what_happens_next"),
                   feedbackdate=_feedback_date(row), resultsdate=(doc.get("results_due") or "").replace("-", "/")
                   or None, **{f"contact_{k}": contact.get(k) for k in ("name", "email", "phone", "address")},
                   related_links=[{"title": "We asked, you said, we did", "url": f"{url}/results"}]
                   if _feedback_date(row) else [],
                   supporting_documents=doc.get("supporting_documents", []), audiences=["Residents"],
                   areas=["Whole council"] if doc.get("areas") == COUNCIL else list(doc.get("areas") or []),
                   interests=list(doc.get("topics") or []))
    return out


def _feedback_date(row):
    published = (row.results or {}).get("published_at") or row.doc.get("results_published_at")
    return published[:10].replace("-", "/") if published else None
