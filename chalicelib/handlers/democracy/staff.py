"""Staff's side of meetings: the sync's health (each source's last answer,
how its last failure failed and what the committee system answered then,
failures in a row, list-page rows skipped, the last run's cost and when the
next run asks again), and an item's tags as staff see and correct them.

Tags: an agenda item is placed by the wards and topics its own words name
(tagging.py); an officer replaces an item's with what is right, naming the
version of the meeting's tags they read (If-Match), so two officers never
overwrite each other unseen. A correction stays across the sync's later
copies of the agenda (agendas.corrected) and can be given back to the words
(`from_words`). The meeting row holds the effective tags, so what tells
residents (notices.py) and the listing's ward filter read no more. A
correction that gives a published item a ward or topic writes its event with
it, and those it newly concerns are told (notices.retagged_audience)."""
import hashlib
import re
from datetime import datetime

from ...errors import NotFound, Stale
from ...stamps import stamp
from ...storage.errors import EditConflict
from ...validation import Problems
from ..shared.events import new_event
from . import agendas, backoffice, cadence, queries, wording
from .meetings import freshness
from .tagging import tags
from .topics import current

RETRIES = 3  # a sync's copy landing between our read and write: read again


def _moment(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def _status(detail):
    """The HTTP status of an error page ("HTTP 503"), for the screen's own words."""
    found = re.search(r"\b(\d{3})\b", detail or "")
    return int(found.group(1)) if found else None


def health(deps):
    kept = deps.democracy.document("health")
    body = kept[0] if kept else {}
    now = deps.clock()

    def age(text):
        at = _moment(text)
        return None if at is None else max(0, int((now - at).total_seconds()))

    sources = {name: {"ok_at": entry.get("ok_at"), "age_s": age(entry.get("ok_at")),
                      "failed_at": entry.get("failed_at"), "failure": entry.get("kind"),
                      "answered": entry.get("answered"), "detail": entry.get("detail"),
                      "status": _status(entry.get("detail")) if entry.get("answered") == "http_status" else None,
                      "failures": entry.get("failures") or (1 if entry.get("kind") else 0),
                      "rows_skipped": entry.get("skipped") or 0}
               for name, entry in body.items() if name != "last_run"}
    warnings = sorted(name for name, s in sources.items() if s["failure"] or s["rows_skipped"])
    last_run = body.get("last_run")
    ran = _moment((last_run or {}).get("at"))
    fresh = freshness(deps)
    return {"configured": backoffice.configured(deps) is not None, "last_run": last_run,
            "next_try_by": stamp(ran + cadence.RUN_EVERY) if ran else None,
            "synced_at": fresh["synced_at"], "age_s": age(fresh["synced_at"]), "stale": fresh["stale"],
            "sources": sources, "warnings": warnings}


# -- an item's tags ------------------------------------------------------------
def _read(deps, meeting_id):
    queries.ids(meeting_id=meeting_id)
    found = deps.democracy.meeting(meeting_id, consistent=True)
    if found is None:
        raise NotFound(wording.NO_MEETING, code="meeting_not_found")
    return found


def _ward_names(deps):
    return sorted(w.name for w in deps.wards.all()) if deps.wards is not None else []


def _view(deps, meeting):
    edits = meeting.get("tag_edits") or {}
    version = int(meeting.get("tags_version") or 0)
    items = [{"id": i["id"], "number": i.get("number") or None, "title": i["title"],
              "wards": i.get("wards") or [], "topics": i.get("topics") or [],
              "edited_at": (edits.get(i["id"]) or {}).get("at")}
             for i in meeting.get("items") or [] if not i.get("heading")]
    body = {"meeting": {"id": meeting["id"], "committee_title": meeting["committee_title"], "date": meeting["date"],
                        "time": meeting.get("time") or None, "cancelled": bool(meeting.get("cancelled"))},
            "items": items, "wards": _ward_names(deps), "topics": sorted(current(deps.democracy)[0]),
            "version": version}
    return body, f'"{version}"'


def view(deps, meeting_id):
    return _view(deps, _read(deps, meeting_id))


def _checked(deps, body):
    """{"wards", "topics"} as asked, each a known name; or None: back to the item's own words."""
    problems = Problems()
    if not isinstance(body, dict):
        problems.add("wards", wording.TAGS_SHAPE)
        problems.raise_if_any()
    if body.get("from_words") is True and set(body) <= {"from_words"}:
        return None
    asked = {}
    for field in ("wards", "topics"):
        value = body.get(field)
        if not isinstance(value, list) or len(value) > 50 or not all(isinstance(v, str) for v in value):
            problems.add(field, wording.TAGS_SHAPE)
        else:
            asked[field] = sorted(set(value))
    problems.raise_if_any()
    known = {"wards": set(_ward_names(deps)), "topics": set(current(deps.democracy)[0])}
    for field, words in (("wards", wording.TAGS_WARD), ("topics", wording.TAGS_TOPIC)):
        unknown = [v for v in asked[field] if v not in known[field]]
        if unknown:
            problems.rule(field, words.format(name=unknown[0][:60]))
    problems.raise_if_any()
    return asked


def change(deps, meeting_id, item_id, body, version):
    """The item's tags as staff set them (or its words' again); the view as it now is."""
    queries.ids(meeting_id=meeting_id, item_id=item_id)
    asked = _checked(deps, body)
    for _ in range(RETRIES):
        meeting = _read(deps, meeting_id)
        if int(meeting.get("tags_version") or 0) != version:
            raise Stale(*_view(deps, meeting))
        items = [dict(i) for i in meeting.get("items") or []]
        item = next((i for i in items if i["id"] == item_id and not i.get("heading")), None)
        if item is None:
            raise NotFound(wording.NO_ITEM, code="agenda_item_not_found")
        edits, before = dict(meeting.get("tag_edits") or {}), (list(item.get("wards") or ()),
                                                                list(item.get("topics") or ()))
        if asked is None:
            edits.pop(item_id, None)
            words = " ".join([item["title"], item.get("text") or "", *(p["title"] for p in item.get("papers") or ())])
            item.update(tags(words, _ward_names(deps), current(deps.democracy)[0]))
        else:
            edits[item_id] = {**asked, "at": stamp(deps.clock())}
            item.update(wards=asked["wards"], topics=asked["topics"])
        wards = sorted({w for i in items for w in i.get("wards") or ()})
        try:
            deps.democracy.retag(meeting, items, wards, edits or None, _newly_concerned(deps, meeting, item, before))
        except EditConflict:
            continue  # another edit (the version check above tells) or a sync's copy: read again
        return view(deps, meeting_id)
    raise Stale(*view(deps, meeting_id))


def _newly_concerned(deps, meeting, item, before):
    """The event that tells the residents a correction newly concerns: only
    for an agenda already published (its residents told then, by the tags
    it had) of a meeting still to come, and only when the item gained a ward
    or a topic; who hears is notices.py's (those the item now concerns and
    did not before). Its id is the meeting, the item and what it gained, so
    taking a ward off and putting it back writes the same event again, which
    the stream does not hand on twice (an INSERT only): nobody told twice."""
    wards, topics = before
    gained = sorted(f"ward:{w}" for w in set(item.get("wards") or ()) - set(wards)) + \
        sorted(f"topic:{t}" for t in set(item.get("topics") or ()) - set(topics))
    if not gained or not meeting.get("agenda_published") or meeting.get("cancelled") \
            or meeting.get("decisions_published") or meeting["date"] < queries.today(deps).isoformat():
        return []
    digest = hashlib.sha256("|".join(gained).encode()).hexdigest()[:16]
    return [new_event(deps, agendas.ITEM_RETAGGED, deps.clock(),
                      event_id=f"{agendas.ITEM_RETAGGED}-{meeting['id']}-{item['id']}-{digest}",
                      meeting_id=meeting["id"], committee_id=meeting["committee_id"], date=meeting["date"],
                      item_id=item["id"], wards_before=wards, topics_before=topics)]
