"""Administrators load consultations as data (PUT, checked first), and the
consultations desk changes them until they open; residents and other sites
read them. A consultation is new without If-Match, changed with it; once
anyone has responded its questions are fixed (a response answers the
questions it was given)."""
from ...errors import Conflict, NotFound, PreconditionRequired
from ...stamps import stamp
from . import wording
from .definition import COUNCIL, check, form_of
from .timing import day_words, london_iso, moment_words, status

PUBLIC = ("title", "overview", "department", "type", "why", "what_happens_next", "results_due",
          "supporting_documents", "contact", "topics", "areas")


def load(deps, consultation_id, data, if_match):
    """(view, created): the consultation stored with its search rows."""
    from ...storage.forms.consultations import AlreadyExists, Consultation, EditConflict
    from ..shared.versions import expected_version
    opens, closes = check(deps, data, consultation_id)
    before = deps.consultations.get(consultation_id)
    p = deps.principal
    if before is not None and not if_match:
        raise PreconditionRequired(wording.IF_MATCH_NEEDED)
    expected = expected_version(if_match, "GET /v1/staff/consultations/{id}") if before is not None else None
    if before is not None and expected != before.version:
        raise _stale(deps, consultation_id)
    if not (p and p.role == "admin"):  # the desk changes one until it opens (desk.py), and not to open in the past
        if before is not None and deps.clock() >= before.opens_at:
            raise Conflict(wording.OPEN_NOW, code="consultation_open")
        if opens <= deps.clock():
            from .definition import refused
            raise refused([("$.opens", wording.OPENS_IN_THE_PAST)])
    if before is not None and form_of(before.doc) != form_of(data) and deps.consultations.counts(consultation_id)[1]:
        raise Conflict(wording.FORM_FIXED, code="questions_fixed")
    consultation = Consultation(id=consultation_id, doc=data, opens_at=opens, closes_at=closes,
                                results=before.results if before else None, notices=before.notices if before else None,
                                updated_at=deps.clock(), updated_by=p.user_id if p else None)
    try:
        deps.consultations.put(consultation, areas(data), summary(data, consultation.results), expected,
                               old_areas=areas(before.doc) if before else ())
    except AlreadyExists:
        raise _stale(deps, consultation_id)
    except EditConflict:
        raise _stale(deps, consultation_id)
    return staff_view(deps, consultation), before is None


def _stale(deps, consultation_id):
    from ...errors import Stale
    current = deps.consultations.get(consultation_id)
    view = staff_view(deps, current) if current else None
    return Stale(view, etag(current) if current else None, wording.CHANGED_SINCE_READ)


def areas(data):
    """The search partitions it is filed under: its wards, or "council"."""
    return [COUNCIL] if data.get("areas") == COUNCIL else list(data.get("areas") or [])


def summary(data, results=None):
    """What the search rows carry: the public words and when results were published, never the form."""
    published = {"results_published_at": results["published_at"]} if results else {}
    return {"id": data["id"], **{k: data[k] for k in PUBLIC if k in data}, **published}


def get_or_404(deps, consultation_id):
    found = deps.consultations.get(consultation_id) if isinstance(consultation_id, str) else None
    if found is None:
        raise NotFound(wording.NOT_FOUND, code="consultation_not_found")
    return found


def etag(consultation):
    return f'"{consultation.version}"'


def public_view(deps, consultation, with_form=True):
    """A consultation as residents and other sites see it: its words, its moments in
    UTC and in London, its status now, and, once published, its results."""
    now = deps.clock()
    state = status(consultation, now)
    doc = consultation.doc
    notice = wording.not_open_yet(consultation.opens_at) if state == "forthcoming" else \
        wording.closes(consultation.closes_at) if state == "open" else wording.closed(consultation.closes_at)
    view = {"id": consultation.id, **{k: doc[k] for k in PUBLIC if k in doc}, "status": state,
            "opens_at": stamp(consultation.opens_at), "closes_at": stamp(consultation.closes_at),
            "opens_london": london_iso(consultation.opens_at), "closes_london": london_iso(consultation.closes_at),
            "opens_words": moment_words(consultation.opens_at), "closes_words": moment_words(consultation.closes_at),
            "notice": notice, "url": f"{deps.base_url}/consultations/{consultation.id}",
            "results": public_results(consultation)}
    if "results_due" in doc:
        from datetime import date
        view["results_due_words"] = day_words_of(date.fromisoformat(doc["results_due"]))
    view["results_words"] = results_words(doc, (consultation.results or {}).get("published_at"), now)
    if with_form:  # what a browser needs to show the questions (not the placeholder receiving team)
        view["form"] = {k: v for k, v in form_of(doc).items() if k != "receiving"}
    return view


def public_results(consultation):
    """"We asked, you said, we did" as published (wards under 10 withheld when published), not who
    published it. With any ward withheld the total is withheld too: a total beside every other ward's
    figure would give the withheld one away (21 in all, Acomb 12: Holgate 9)."""
    results = consultation.results
    if not results:
        return None
    shown = {k: v for k, v in results.items() if k != "published_by"}
    if any(w.get("responses") is None for w in results.get("wards") or ()):
        shown.update(total=None, total_withheld=wording.TOTAL_WITHHELD)
    return shown


def results_words(doc, published_at, now):
    """The one sentence saying when results are out: published on (the day they were), due by (a day to come, or
    today), or late (the day has passed without them); None when no day was given and none are out."""
    from datetime import date, datetime
    from .timing import local
    if published_at:  # its London day: published at 00:30 on 2 September in summer is 23:30 UTC on the 1st
        return wording.RESULTS_PUBLISHED_ON.format(day=day_words(datetime.fromisoformat(published_at.replace("Z", "+00:00"))))
    if not doc.get("results_due"):
        return None
    due = date.fromisoformat(doc["results_due"])
    late = due < local(now).date()
    return (wording.RESULTS_LATE if late else wording.RESULTS_DUE_BY).format(day=day_words_of(due))


def day_words_of(day):
    from datetime import datetime, timezone
    return day_words(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc))


def read(deps, consultation_id):
    return public_view(deps, get_or_404(deps, consultation_id))


def staff_view(deps, consultation):
    return {**public_view(deps, consultation), "version": consultation.version, "data": consultation.doc,
            "notices": consultation.notices or {}}


def staff_read(deps, consultation_id):
    return staff_view(deps, get_or_404(deps, consultation_id))


def listing(deps, query):
    """GET /v1/consultations?status=open|forthcoming|closed (default open): soonest closing first."""
    from .search import ranged
    wanted = query.get("status") or "open"
    if wanted not in ("open", "forthcoming", "closed"):
        from ...errors import ValidationFailed
        raise ValidationFailed([("status", wording.STATUS_FILTER)])
    rows = ranged(deps, ["any"], wanted, None, None, None)
    return {"consultations": [_list_item(deps, row) for row in rows]}


def _list_item(deps, row):
    return {"id": row.id, "title": row.doc.get("title"), "overview": row.doc.get("overview"),
            "status": status(row, deps.clock()), "opens_at": stamp(row.opens_at), "closes_at": stamp(row.closes_at),
            "closes_words": moment_words(row.closes_at), "areas": row.doc.get("areas"),
            "topics": row.doc.get("topics", []), "results_published_at": row.doc.get("results_published_at"),
            "results_words": results_words(row.doc, row.doc.get("results_published_at"), deps.clock())}


