"""Starting a petition, reading one, and listing them.

A signed-in resident drafts a petition (state pending) and is given a link
for sponsors; once enough sponsors have confirmed (config.petitions()
["sponsors"]) it waits for moderation (sponsored). A published petition is
open until its closing moment and then closed: by the hourly job, or by the
first read that finds it past that moment, whichever comes first."""
import base64
import json
import re

from ... import validation
from ...config import petitions as petition_settings
from ...errors import NotFound, Unacceptable, ValidationFailed
from ...stamps import stamp
from ...storage.errors import AlreadyExists
from ...storage.democracy.petitions import NO_WARD, Petition
from ..shared import idempotency
from .limits import ACTION_MAX, BACKGROUND_MAX, DETAILS_MAX, PETITION_ID_PATTERN, REJECTIONS
from .wording import (CURSOR_NOT_OURS, LIMIT, NOT_A_CURSOR, NOT_A_PETITION_FIELD, NO_SUCH_PETITION, PETITION,
                      PLACE_INCOMPLETE, PUBLIC_STATE, REQUIRED)

IDEMPOTENCY_HOURS = 24
HIDDEN_REJECTIONS = ("offensive", "personal")  # rejected for these, the text is not shown to anyone but staff


def view(deps, petition, private=False):
    """The public view (no one's name or e-mail, ever); `private` adds the
    sponsors' link for the petition's creator and staff."""
    rules = petition_settings()
    out = {"id": petition.id, "state": petition.state, "action": petition.action,
           "background": petition.background, "details": petition.details or "",
           "place": {"lat": float(petition.lat), "lon": float(petition.lon)} if petition.lat is not None else None,
           "ward": petition.ward, "signature_count": int(petition.signatures or 0),
           "sponsor_count": int(petition.sponsors or 0), "sponsors_needed": rules["sponsors"],
           "response_threshold": rules["response_at"], "debate_threshold": rules["debate_at"],
           "created_at": stamp(petition.created_at), "opened_at": stamp(petition.opened_at),
           "closes_at": stamp(petition.closes_at), "closed_at": stamp(petition.closed_at),
           "response": _shown(petition.response, ("text",)), "debate": _debate(deps, petition.debate),
           "rejection": None, "version": int(petition.version or 0),
           "links": {"self": f"{deps.base_url}/v1/petitions/{petition.id}",
                     "page": f"{deps.base_url}/petitions/{petition.id}",
                     "wards_csv": f"{deps.base_url}/v1/petitions/{petition.id}/wards.csv"}}
    if petition.state == "rejected":
        reason = (petition.moderation or {}).get("reason")
        out["rejection"] = {"reason": reason, "reason_text": REJECTIONS.get(reason, ""),
                            "note": (petition.moderation or {}).get("note", "")}
        if reason in HIDDEN_REJECTIONS and not private:
            out.update(background="", details="", action="(hidden)")
    if private:
        out["sponsor_link"] = f"{deps.base_url}/petitions/{petition.id}/sponsor?token={petition.sponsor_token}"
        out["moderation"] = petition.moderation or {}
    return out


MEETING_KEYS = ("meeting_id", "item_id", "time", "committee", "item_title")


def _debate(deps, debate):
    """Its date and note; at a council meeting, the meeting and item, and once
    the meeting's decisions are out, what was decided (one GetItem of our copy)."""
    shown = _shown(debate, ("date", "note"))
    if not shown or not debate.get("meeting_id"):
        return shown
    shown.update({k: debate.get(k) or None for k in MEETING_KEYS},
                 meeting_url=f"{deps.base_url}/meetings/{debate['meeting_id']}#item-{debate.get('item_id')}",
                 decision=None)
    meeting = deps.democracy.meeting(debate["meeting_id"]) if deps.democracy is not None else None
    if meeting and meeting.get("decisions_published"):
        item = next((i for i in meeting.get("items") or [] if i["id"] == debate.get("item_id")), {})
        shown["decision"] = item.get("decision") or None
    return shown


def _shown(part, keys):
    if not part:
        return None
    return {**{k: part.get(k) for k in keys}, "at": part.get("at")}


def may_see_privately(deps, petition):
    """Its creator, or the petitions desk's officers (on a route holding petitions, or at their desk)."""
    from ...auth.policy import who_opens
    from ...auth.rules import PETITION
    return who_opens(deps.principal, PETITION, petition.creator_id) is not None


def petition_or_404(deps, petition_id, sponsor_token=None):
    """The petition as the caller may see it (pending and sponsored ones: its
    creator, staff, or a sponsor holding the link), closed first if its time is up."""
    found = deps.petitions.get(petition_id) if re.fullmatch(PETITION_ID_PATTERN, petition_id or "") else None
    if found is None:
        raise NotFound(NO_SUCH_PETITION, code="petition_not_found")
    if found.state in ("pending", "sponsored") and not may_see_privately(deps, found) and not (
            sponsor_token and validation_equal(sponsor_token, found.sponsor_token)):
        raise NotFound(NO_SUCH_PETITION, code="petition_not_found")
    return close_if_due(deps, found)


def validation_equal(a, b):
    from ...ids import constant_time_equal
    return isinstance(a, str) and bool(b) and constant_time_equal(a, b)


def close_if_due(deps, petition):
    """A petition open past its closing moment is closed now (once: the
    conditional move decides), with the event that tells its signers."""
    now = deps.clock()
    if petition.state != "open" or petition.closes_at is None or now < petition.closes_at:
        return petition
    petition.state, petition.closed_at = "closed", petition.closes_at
    from .notices import notice_event
    deps.petitions.move(petition.id, "open", petition, notice_event(deps, petition, "closed", now))
    return deps.petitions.get(petition.id)


def read(deps, petition_id, sponsor_token=None):
    petition = petition_or_404(deps, petition_id, sponsor_token)
    out = view(deps, petition, private=may_see_privately(deps, petition))
    out["by_ward"] = by_ward(deps, petition) if petition.state in ("open", "closed") else []
    return out


def create(deps, body, idempotency_key):
    """POST /v1/petitions: a draft, gathering sponsors. Returns (view, created)."""
    problems = validation.Problems(PETITION)
    for key in body:
        if key not in ("action", "background", "details", "lat", "lon", "ward"):
            problems.add(key, NOT_A_PETITION_FIELD)
    action = validation.text(body.get("action"), "action", problems, 10, ACTION_MAX, required=True)
    background = validation.text(body.get("background"), "background", problems, 10, BACKGROUND_MAX, required=True)
    details = validation.text(body.get("details"), "details", problems, 0, DETAILS_MAX) or ""
    lat = lon = None
    if body.get("lat") is not None and body.get("lon") is not None:
        lat = validation.number(body.get("lat"), "lat", problems, -90, 90, text_ok=False)
        lon = validation.number(body.get("lon"), "lon", problems, -180, 180, text_ok=False)
    ward = validation.text(body.get("ward"), "ward", problems, 0, 100)
    problems.raise_if_any()
    if (body.get("lat") is None) != (body.get("lon") is None):
        raise Unacceptable(PLACE_INCOMPLETE, code="place_incomplete",
                           fields=[{"field": "lat" if body.get("lat") is None else "lon", "message": REQUIRED}])
    if lat is not None and lon is not None:
        from ...errors import OutsideServiceArea
        if not deps.area.contains(lon, lat):
            raise OutsideServiceArea(deps.area.name)
        if ward is None and deps.wards is not None:
            found = deps.wards.at_point(lon, lat)
            ward = found.name if found else None
    user_id = deps.principal.user_id
    claim = idempotency.Claim(deps, idempotency_key, f"{user_id}#petition", body, _answer(deps), "another petition")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    now = deps.clock()
    petition = Petition(id="PT-" + deps.new_report_id()[-6:], state="pending", action=action,
                        background=background, details=details, creator_id=user_id,
                        sponsor_token=deps.new_token(), lat=lat, lon=lon, ward=ward, created_at=now)
    try:
        deps.petitions.create(petition, claim.record(petition.id, now, IDEMPOTENCY_HOURS))
    except AlreadyExists:
        return claim.twin(), False
    return view(deps, petition, private=True), True


def _answer(deps):
    def answer(record):
        found = deps.petitions.get(record.resource_id)
        return view(deps, found, private=True) if found else None
    return answer


def listing(deps, params):
    """GET /v1/petitions?state=open|closed|responded&q=&cursor=&limit=: one page,
    reading about what it returns (one Query of one index partition)."""
    state = params.get("state") or "open"
    if state not in ("open", "closed", "responded", "rejected"):
        raise ValidationFailed([("state", PUBLIC_STATE)])
    limit = page_size(params)
    cursor = decode_cursor(params.get("cursor"))
    words = (params.get("q") or "").strip() or None  # at most 100 characters (the edge)
    if state == "responded":
        found, more = deps.petitions.responded(cursor, limit, words)
    elif state == "open":  # still open: closing after now (those past it are being closed)
        found, more = deps.petitions.in_state("open", cursor, limit, after=deps.clock().strftime("%Y-%m-%dT%H:%M:%S"),
                                              words=words)
    else:
        found, more = deps.petitions.in_state(state, cursor, limit, words=words)
    return {"state": state, "petitions": [summary(deps, p) for p in found], "next_cursor": encode_cursor(more)}


def summary(deps, petition):
    full = view(deps, petition)
    return {k: full[k] for k in ("id", "state", "action", "signature_count", "ward", "opened_at", "closes_at",
                                 "closed_at", "links")} | {"responded": petition.response is not None}


def page_size(params):
    """`?limit=` of a list of petitions: 20 unless asked, at most 50."""
    problems = validation.Problems()
    size = validation.page_limit(params, problems, 20, 50, LIMIT)
    problems.raise_if_any()
    return size


def encode_cursor(key):
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode() if key else None


def decode_cursor(value):
    if not value:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(value.encode() + b"=" * (-len(value) % 4)))
        if isinstance(key, dict) and all(isinstance(v, dict) for v in key.values()) and len(key) <= 4:
            return key
    except (ValueError, UnicodeError):
        pass
    raise Unacceptable(NOT_A_CURSOR, code="bad_cursor",
                       fields=[{"field": "cursor", "message": CURSOR_NOT_OURS}])


def wards_csv(deps, petition_id):
    """GET /v1/petitions/{id}/wards.csv: open data, counted signatures by ward."""
    import csv
    import io
    petition = petition_or_404(deps, petition_id)
    if petition.state not in ("open", "closed"):
        raise NotFound(NO_SUCH_PETITION, code="petition_not_found")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["petition_id", "ward", "signatures"])
    for ward, count in sorted(deps.petitions.wards(petition.id).items(), key=lambda kv: (kv[0] == NO_WARD, kv[0])):
        if count > 0:
            writer.writerow([petition.id, ward, count])
    return out.getvalue()


def wards_geojson(deps, petition_id):
    """GET /v1/petitions/{id}/wards.geojson: the council's wards (boundaries
    simplified for a phone's map) with this petition's counted signatures in
    each, and those whose postcode no ward holds as `unplaced`. The wards
    are read with one Scan of tens of items: the answer is cached (60 s)."""
    import json
    from ...geo.simplify import simplify
    petition = petition_or_404(deps, petition_id)
    if petition.state not in ("open", "closed"):
        raise NotFound(NO_SUCH_PETITION, code="petition_not_found")
    counts = deps.petitions.wards(petition.id)
    features = [{"type": "Feature", "geometry": simplify(w.geometry),
                 "properties": {"ward_id": w.id, "ward": w.name, "signatures": max(0, counts.get(w.name, 0))}}
                for w in (deps.wards.all() if deps.wards is not None else [])]
    return json.dumps({"type": "FeatureCollection", "petition_id": petition.id,
                       "signature_count": int(petition.signatures or 0),
                       "unplaced": max(0, counts.get(NO_WARD, 0)), "features": features}, separators=(",", ":"))


def by_ward(deps, petition):
    """[{ward, signatures}] for the petition page, most first."""
    counts = deps.petitions.wards(petition.id)
    return [{"ward": w, "signatures": c} for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c > 0]
