"""Doorstep's services and reports as Open311 GeoReport v2 objects.

Requests are built from `views.public_view` and nothing else: whatever a
private category or a private field hides there is absent here too, and
contact details can never appear because the public view never has them.
"""
from ... import visibility
from ..reports import views
from .wording import CONTACT, KEY_SERVICE, SEE_WEBSITE

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-21T00:00:00Z"  # when this interface last changed
DATATYPES = {"number": "number", "date": "datetime", "single_choice": "singlevaluelist",
             "multi_choice": "multivaluelist"}
LONG_TEXT = 200  # text fields longer than this are `text` (a text area), else `string`


def discovery(base_url, council):
    """The Service Discovery document of one council: its endpoint at its own address.
    The spec has no place to name a jurisdiction beside an endpoint, so it lists one
    council's, the jurisdiction the request is for (docs/decisions/open311.md)."""
    branding = council.document.get("branding") or {}
    reach = branding.get("email") or branding.get("phone") or SEE_WEBSITE
    return {
        "changeset": CHANGESET,
        "contact": CONTACT.format(council=council.name, reach=reach),
        "key_service": KEY_SERVICE.format(council=council.name),
        "endpoints": [{
            "specification": SPECIFICATION,
            "url": f"{base_url}/open311/v2",
            "changeset": CHANGESET,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    }


def service(s):
    keywords = list(s.get("keywords", []))
    if s.get("private"):
        keywords.append("private")  # mySociety: clients keep these reports off public maps
    if not s.get("active", True):
        keywords.append("inactive")  # mySociety: shown for old reports, closed to new ones
    if s.get("staff_only"):
        keywords.append("staff")  # mySociety: only staff may report in it
    return {
        "service_code": s["service_code"],
        "service_name": s["name"],
        "description": s.get("description", ""),
        "metadata": bool(s.get("fields")),
        "type": "realtime",
        "keywords": ",".join(keywords),
        "group": s.get("group") or "",
    }


def definition(s):
    return {"service_code": s["service_code"],
            "attributes": [_attribute(f, order) for order, f in enumerate(s.get("fields", []), 1)]}


def _attribute(field, order):
    kind = field["type"]
    datatype = DATATYPES.get(kind)
    if datatype is None:
        datatype = "text" if field.get("max_length", 500) > LONG_TEXT else "string"
    attribute = {
        "variable": True,
        "code": field["code"],
        "datatype": datatype,
        "required": bool(field.get("required")),
        "datatype_description": _datatype_description(field),
        "order": order,
        "description": field.get("label", field["code"]),
    }
    if kind in ("single_choice", "multi_choice"):
        attribute["values"] = [{"key": o["key"], "name": o.get("label", o["key"])}
                               for o in field.get("options", [])]
    return attribute


def _datatype_description(field):
    kind = field["type"]
    if kind == "text":
        return f"Up to {field.get('max_length', 500)} characters."
    if kind == "number":
        low, high = field.get("min"), field.get("max")
        return f"A number from {low} to {high}." if low is not None and high is not None else "A number."
    if kind == "date":
        return "A date (YYYY-MM-DD; the date of a date-time is kept)."
    if kind == "multi_choice":
        return "One or more keys from values (attribute[code][]=key, repeated)."
    return "One key from values."


def request(deps, report, s):
    view = views.public_view(deps, report, s)
    location = view.get("location") or {}
    # A cleaned photo first; else the first link the partner sent (never fetched).
    media = (view.get("photos") or []) + (view.get("media_urls") or [])
    return {
        "service_request_id": view["id"],
        "status": "open" if view["open"] else "closed",
        # Timeline text is public, but a private category shows no more than its status.
        "status_notes": (report.status_notes or "") if visibility.details_are_public(report, s) else "",
        "service_name": view["service_name"],
        "service_code": view["service_code"],
        "description": view.get("description", ""),
        "requested_datetime": view["created_at"],
        "updated_datetime": view["updated_at"],
        "address": view.get("address") or "",  # the problem's street address, never the reporter's
        "lat": location.get("lat"),
        "long": location.get("lon"),
        "media_url": media[0] if media else "",
        "extended_attributes": {"status": view["status"]},  # Doorstep's own state, e.g. in_progress
    }
