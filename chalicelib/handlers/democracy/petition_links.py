"""Petitions on an agenda: staff link a published petition to the agenda
item that debates it (`PUT /v1/staff/meetings/{id}/items/{item}/petitions/{petition}`).

The petition keeps where it is debated (its `debate`: the meeting, the item,
its date and committee), so its page says so, and its signers and followers
are told the date (the petition's own debate notice, written in the
petition's change); the meeting keeps which of its items debate which
petitions in one document (`petitions#<meeting id>`), so its page shows
them with no read per item, the agenda's publication tells their signers of
the item, and the decision's tells them what was decided (notices.py).

The petition is changed first (If-Match on its version, audited), then the
meeting's document (a versioned document, retried on a concurrent edit). A
crash between the two leaves the petition saying where it is debated and
the meeting not yet listing it: the same request again (with the petition's
new version) writes the document and tells nobody twice."""
from ...errors import Conflict, NotFound
from ...storage.errors import EditConflict
from . import wording

DOC = "petitions#"
ATTEMPTS = 5  # concurrent links to one meeting: each retried on the other's edit


def of_meeting(deps, meeting_id):
    """{petition id: item id} of the petitions the meeting debates: one GetItem."""
    return {pid: p["item_id"] for pid, p in (_doc(deps, meeting_id)[0] or {}).items()}


def shown(doc):
    """{item id: [{id, action}]} for the meeting's page, from the document's body."""
    out = {}
    for pid, p in sorted((doc or {}).items()):
        out.setdefault(p["item_id"], []).append({"id": pid, "action": p.get("action", "")})
    return out


def _doc(deps, meeting_id):
    return deps.democracy.versioned(DOC + meeting_id)


def link(deps, meeting_id, item_id, petition_id, version):
    """The petition debated at this item; the petition's staff view."""
    from . import queries
    from ..petitions.moderation import debate_at_meeting
    queries.ids(meeting_id=meeting_id, item_id=item_id)
    meeting = deps.democracy.meeting(meeting_id)
    if meeting is None:
        raise NotFound(wording.NO_MEETING, code="meeting_not_found")
    item = next((i for i in meeting.get("items") or [] if i["id"] == item_id and not i.get("heading")), None)
    if item is None:
        raise NotFound(wording.NO_ITEM, code="item_not_found")
    if meeting.get("cancelled"):
        raise Conflict(wording.LINK_CANCELLED, code="meeting_cancelled")
    place = {"meeting_id": meeting_id, "item_id": item_id, "date": meeting["date"], "time": meeting.get("time") or "",
             "committee": meeting["committee_title"], "item_title": item["title"]}
    before = deps.petitions.get(petition_id)
    earlier = ((before.debate or {}).get("meeting_id") if before is not None else None)
    view = debate_at_meeting(deps, petition_id, place, version)
    if earlier and earlier != meeting_id:
        _edit(deps, earlier, lambda body: {k: v for k, v in body.items() if k != petition_id})
    _edit(deps, meeting_id, lambda body: {**body, petition_id: {"item_id": item_id, "action": view["action"]}})
    return view


def _edit(deps, meeting_id, change):
    for _ in range(ATTEMPTS):
        body, version = _doc(deps, meeting_id)
        try:
            deps.democracy.replace_versioned(DOC + meeting_id, change(body or {}), version, deps.clock())
            return
        except EditConflict:
            continue
    raise Conflict(wording.LINK_BUSY, code="edit_conflict")
