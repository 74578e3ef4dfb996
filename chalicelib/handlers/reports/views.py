"""How a report looks to the public and to the people allowed to see more.

The public view is built by listing what may be shown, never by removing what
may not: a new private attribute cannot leak by being forgotten here.
"""
from ... import states, visibility
from ...auth.rules import REPORTS_DESK
from ...stamps import stamp
from ..shared import placement, targets
from .wording import LOCAL_MOMENT, MODERATED_BY_COUNCIL, SENT_AT, SENT_WORDS

PHOTO_ROUTE = "/v1/photos/"


def public_view(deps, report, service, sends=None):
    """sends: the report's Sends (storage/bodies/sends.py), when the caller read them:
    who it went to, shown to everyone ("Sent to North Yorkshire Council at 10:04")."""
    public = visibility.details_are_public(report, service)
    service = service or {}
    view = {
        "id": report.id,
        "service_code": report.service_code,
        "service_name": service.get("name", report.service_code),
        "group": service.get("group"),
        "status": report.state,
        "status_label": states.LABELS.get(report.state, report.state),
        "open": states.is_open(report.state),
        "created_at": stamp(report.created_at),
        "updated_at": stamp(report.updated_at),
        "url": f"{deps.base_url}/v1/reports/{report.id}",
        "view": "public",
        "supporters": int(getattr(report, "supporters", 0) or 0),  # residents who said "me too": a count, never who
    }
    if public:
        view.update(_details(deps, report, visibility.public_fields(service)))
    if getattr(report, "moderation", None):  # what the public is told of it: who and when, never why
        view["moderated"] = {"by": "council", "label": MODERATED_BY_COUNCIL, "at": report.moderation.get("at")}
    went_to = [s.body_name for s in sends or () if s.state != "withdrawn" and s.body_name]
    view.update(targets.against_target(deps, report, service, went_to))  # whose target, and "overdue" when it is
    if sends is not None:
        view["sent_to"] = [sent_view(s) for s in sends if s.state != "withdrawn"]  # staff see those too
    return view


def private_view(deps, report, service, tracking_token=None, sends=None):
    view = public_view(deps, report, service, sends)
    view.update(_details(deps, report, None, signed=True))
    view.update({"view": "private", "contact": dict(report.contact or {})})
    if tracking_token:
        view["tracking_token"] = tracking_token
        view["tracking_url"] = f"{view['url']}?token={tracking_token}"
    return view


def _details(deps, report, shown_fields, signed=None):
    """What the problem is and where; `shown_fields` None means every field;
    signed: the photos' links carry their permission (a private view's)."""
    details = {
        "description": report.description,
        "fields": {k: v for k, v in (report.fields or {}).items()
                   if shown_fields is None or k in shown_fields},
        "photos": [photo_url(deps, p, signed) for p in report.photos or []],
    }
    if getattr(report, "media_urls", None):  # a partner's links (Open311), public as sent
        details["media_urls"] = list(report.media_urls)
    if report.lon is not None:
        details["location"] = {"lat": float(report.lat), "lon": float(report.lon)}
    if getattr(report, "address", None):  # the problem's street address, as placed
        details["address"] = report.address
    if getattr(report, "near", None):  # else the nearest address in words, stamped when it was placed
        details["near"] = report.near
    words = placement.place_text(report)
    if words:  # what to show for "Where": the words first, the point second
        details["place_text"] = words
    return details


def map_feature(report, service_names):
    from ...geo.geojson import point_feature
    return point_feature(report.id, float(report.lon), float(report.lat), {
        "id": report.id,
        "service_code": report.service_code,
        "service_name": service_names.get(report.service_code, report.service_code),
        "status": report.state,
        "open": states.is_open(report.state),
        "summary": report.summary,
        "created_at": stamp(report.created_at),
        "updated_at": stamp(report.updated_at),
    })


def update_view(update, deps=None, details=True, signed=None):
    """deps: to link the entry's photos (a crew's after photo), where it has any;
    details False: the entry of a report whose details the caller may not see,
    its status change alone (no words, no photos); signed: as photo_url's."""
    view = {
        "seq": int(update.seq),
        "kind": update.kind,
        "status": update.state,
        "status_label": states.LABELS.get(update.state, update.state),
        "previous_status": update.previous_state,
        "text": update.text if details else None,
        "author": update.author,
        "created_at": stamp(update.created_at),
    }
    if details and getattr(update, "photos", None) and deps is not None:
        view["photos"] = [photo_url(deps, p, signed) for p in update.photos]
    return view


def sent_view(send):
    """Where a report went, as the resident reads it: the body's name, how far
    it got, the body's own reference, and who is responsible when a body
    said it is not theirs. Never the error a body gave (staff see that)."""
    if send.state == "sent":
        summary = SENT_AT.format(name=send.body_name, at=local_time(send.sent_at))
    else:
        summary = SENT_WORDS.get(send.state, "{name}").format(name=send.body_name)
    view = {"body_id": send.body_id, "body": send.body_name, "state": send.state, "summary": summary,
            "sent_at": stamp(send.sent_at) if send.sent_at else None, "reference": send.reference}
    if send.state == "refused":
        view["not_theirs"] = {"reason": send.refused_reason, "responsible": send.responsible}
    return view


def local_time(moment):
    """"10:04 on 3 March 2027", in the council's own time."""
    from zoneinfo import ZoneInfo
    from ...stamps import TIMEZONE
    local = moment.astimezone(ZoneInfo(TIMEZONE))
    return LOCAL_MOMENT.format(at=local, day=local.day)


def photo_url(deps, photo, signed=None, valid_s=None, of=None):
    """The photo's link. Signed (photo_access.py) for those who may see a
    private report's photos, whose <img> sends no token: staff and crews by
    default, and any view that says so; plain for everyone else, opened only
    while the report is one the caller may see. of: photo_access.CHAT for a
    chat's photo (always signed)."""
    url = f"{deps.base_url}{PHOTO_ROUTE}{photo['name']}"
    caller = getattr(deps, "principal", None)
    if signed is None:
        signed = caller is not None and (caller.role == "crew" or caller.opens(REPORTS_DESK))
    if signed:
        from .photo_access import VIEW_LINK_S, signed_query
        url += "?" + signed_query(deps, photo["name"], valid_s or VIEW_LINK_S, of)
    return url
