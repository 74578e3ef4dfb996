"""What residents read of meetings: our copy only, never the committee
system, so a read costs the same and answers the same while it is down.

A meeting page is one GetItem and one BatchGetItem whatever the agenda's
size (the meeting with its whole agenda; the sync's health for the copy's
age and the petitions its items debate), and a Planning Committee's naming
applications one more BatchGetItem of them (planning_refs.py); a listing is
one Query of an index's summaries (one per year spanned without a
committee), plus the health; a paper is the meeting's GetItem and the PDF
from S3. Every answer says when the committee system last answered
(`checked_at`, `age_s`) and `stale` once it has not for STALE_AFTER_S."""
from datetime import datetime

from ...errors import ApiError, NotFound
from ...stamps import stamp
from . import limits, queries, wording
from .agendas import paper_key


def _age(deps, checked_at):
    if checked_at is None:
        return None
    return max(0, int((deps.clock() - checked_at).total_seconds()))


def freshness(deps, health=False):
    """{synced_at, stale}: when the sync last heard from the committee system
    (`health`: its document's body, already read; False: read it now)."""
    if health is False:
        kept = deps.democracy.document("health")
        health = kept[0] if kept else None
    last = None
    for source in ("agendas", "meetings", "committees"):
        ok = ((health or {}).get(source) or {}).get("ok_at")
        last = max(last, ok) if last and ok else (last or ok)
    at = datetime.fromisoformat(last.replace("Z", "+00:00")) if last else None
    age = _age(deps, at)
    return {"synced_at": last, "stale": age is None or age > limits.STALE_AFTER_S}


def summary(deps, m):
    return {"id": m["id"], "committee_id": m["committee_id"], "committee_title": m["committee_title"],
            "date": m["date"], "time": m.get("time") or None, "cancelled": bool(m.get("cancelled")),
            "location": m.get("location") or None, "agenda_published": bool(m.get("agenda_published")),
            "decisions_published": bool(m.get("decisions_published")),
            "minutes_published": bool(m.get("minutes_published")), "wards": m.get("wards") or [],
            "checked_at": stamp(m.get("checked_at")), "url": f"{deps.base_url}/meetings/{m['id']}"}


def listing(deps, params):
    asked = queries.listing(deps, params)
    past = asked["when"] == "past"
    reads = limits.WARD_READS if asked["ward"] else asked["limit"]
    found = deps.democracy.between(asked["from"], asked["to"], committee_id=asked["committee"],
                                   newest_first=past, limit=reads)
    if asked["ward"]:
        ward = asked["ward"].lower()
        found = [m for m in found if ward in (w.lower() for w in m.get("wards") or [])]
    return {"meetings": [summary(deps, m) for m in found[:asked["limit"]]], **{k: asked[k] for k in (
        "when", "from", "to", "committee", "ward")}, **freshness(deps)}


def one(deps, meeting_id):
    from .petition_links import DOC, shown
    queries.ids(meeting_id=meeting_id)
    found = deps.democracy.meeting(meeting_id)
    if found is None:
        raise NotFound(wording.NO_MEETING, code="meeting_not_found")
    # The sync's health and the petitions its items debate: one BatchGetItem.
    docs = deps.democracy.documents(["health", DOC + meeting_id])
    petitions = shown(docs.get(DOC + meeting_id))
    view = summary(deps, found)
    applications = _applications(deps, found)
    view["items"] = [_item(deps, found, item, petitions.get(item["id"], []), applications)
                     for item in found.get("items") or []]
    return {**view, "age_s": _age(deps, found.get("checked_at")), **freshness(deps, docs.get("health"))}


def _applications(deps, meeting):
    """{application id: what the item shows of it} for the planning applications its items name that our
    copy of the register holds: one BatchGetItem, and none for an agenda naming none (planning_refs.py)."""
    from ...ids import planning_id
    named = [planning_id(r) for i in meeting.get("items") or [] for r in i.get("planning_refs") or []]
    if not named or deps.planning is None:
        return {}
    return {a["id"]: {"id": a["id"], "reference": a["reference"], "proposal": a["proposal"],
                      "address": a["address"] or None, "url": f"{deps.base_url}/planning/{a['id']}"}
            for a in deps.planning.many(named).values()}


def _item(deps, meeting, item, petitions=(), applications=None):
    """An item as the copy holds it: decision and minutes only once published
    (the copy holds nothing else, but say so), papers with their size."""
    return {"id": item["id"], "number": item.get("number") or None, "title": item["title"],
            "text": item.get("text") or "", "heading": bool(item.get("heading")),
            "public_can_speak": bool(item.get("public_can_speak")), "is_decision": bool(item.get("is_decision")),
            "wards": item.get("wards") or [], "topics": item.get("topics") or [],
            "decision": (item.get("decision") or None) if meeting.get("decisions_published") else None,
            "minutes": (item.get("minutes") or None) if meeting.get("minutes_published") else None,
            "papers": [{"id": p["id"], "title": p["title"], "published": p.get("published") or None,
                        "size": p.get("size"), "available": p.get("size") is not None,
                        "url": f"{deps.base_url}/v1/meetings/{meeting['id']}/papers/{p['id']}"}
                       for p in item.get("papers") or []],
            "petitions": [{"id": p["id"], "action": p["action"], "url": f"{deps.base_url}/petitions/{p['id']}"}
                          for p in petitions],
            "applications": [found for found in (_named(applications, r) for r in item.get("planning_refs") or [])
                             if found is not None]}


def _named(applications, reference):
    from ...ids import planning_id
    return (applications or {}).get(planning_id(reference))


def paper(deps, meeting_id, paper_id):
    """A paper's PDF from our copy: only one listed on the meeting's agenda
    in our copy (a restricted paper never is, whatever id is asked)."""
    queries.ids(meeting_id=meeting_id, paper_id=paper_id)
    found = deps.democracy.meeting(meeting_id)
    if found is None:
        raise NotFound(wording.NO_MEETING, code="meeting_not_found")
    listed = {p["id"]: p for i in found.get("items") or [] for p in i.get("papers") or []}
    if paper_id not in listed:
        raise NotFound(wording.NO_PAPER, code="paper_not_found")
    if listed[paper_id].get("size") is None:
        raise ApiError(wording.PAPER_NOT_YET, status=503, code="paper_not_yet_available",
                       headers={"Retry-After": "900"})
    from ...storage.blobs import BlobMissing
    try:
        return deps.blobs.read(paper_key(paper_id)), listed[paper_id]["title"]
    except BlobMissing:
        raise ApiError(wording.PAPER_NOT_YET, status=503, code="paper_not_yet_available",
                       headers={"Retry-After": "900"}) from None
