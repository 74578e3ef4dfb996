"""How a report looks to the public and to the people allowed to see more.

The public view is built by listing what may be shown, never by removing what
may not: a new private attribute cannot leak by being forgotten here.
"""
from ... import states, visibility
from ...stamps import stamp

PHOTO_ROUTE = "/v1/photos/"


def public_view(deps, report, service):
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
    }
    if public:
        view.update(_details(deps, report, visibility.public_fields(service)))
    return view


def private_view(deps, report, service, tracking_token=None):
    view = public_view(deps, report, service)
    view.update(_details(deps, report, None))
    view.update({"view": "private", "contact": dict(report.contact or {})})
    if tracking_token:
        view["tracking_token"] = tracking_token
        view["tracking_url"] = f"{view['url']}?token={tracking_token}"
    return view


def _details(deps, report, shown_fields):
    """What the problem is and where; `shown_fields` None means every field."""
    details = {
        "description": report.description,
        "fields": {k: v for k, v in (report.fields or {}).items()
                   if shown_fields is None or k in shown_fields},
        "photos": [photo_url(deps, p) for p in report.photos or []],
    }
    if getattr(report, "media_urls", None):  # a partner's links (Open311), public as sent
        details["media_urls"] = list(report.media_urls)
    if report.lon is not None:
        details["location"] = {"lat": float(report.lat), "lon": float(report.lon)}
    if getattr(report, "address", None):  # the problem's street address, as placed
        details["address"] = report.address
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


def update_view(update, deps=None, details=True):
    """deps: to link the entry's photos (a crew's after photo), where it has any;
    details False: the entry of a report whose details the caller may not see,
    its status change alone (no words, no photos)."""
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
        view["photos"] = [photo_url(deps, p) for p in update.photos]
    return view


def photo_url(deps, photo):
    return f"{deps.base_url}{PHOTO_ROUTE}{photo['name']}"
