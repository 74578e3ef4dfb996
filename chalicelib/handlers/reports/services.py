"""Report categories as residents and partner systems see them."""
from ... import validation
from ...auth.rules import REPORTS_DESK
from ...errors import NotFound
from ..shared import targets
from .wording import AND, LAT_LON_TOGETHER, NO_SUCH_SERVICE, WILL_BE_SENT_TO


def list_services(deps, params=None):
    """Every category the caller may report in; with lat and lon, those on
    offer at that point, each saying which body it will be sent to, so the
    app can say so before Send."""
    staff = bool(deps.principal and deps.principal.opens(REPORTS_DESK))  # the desk that takes callers' reports
    services = [s for s in deps.services.all() if s.get("active", True) and (staff or not s.get("staff_only"))]
    point = _point(params or {})
    if point is None:
        return {"services": [_public(s, deps) for s in services]}
    from ..bodies.routing import services_at
    offered = services_at(deps, services, *point)
    return {"services": [{**_public(s, deps, [b.name for b in offered[code]]),
                          "bodies": [{"id": b.id, "name": b.name} for b in offered[code]],
                          "sent_to_text": WILL_BE_SENT_TO.format(bodies=AND.join(b.name for b in offered[code]))}
                         for s in services if (code := s["service_code"]) in offered]}


def _point(params):
    if params.get("lat") is None and params.get("lon") is None:
        return None
    problems = validation.Problems()
    for name in ("lat", "lon"):
        if params.get(name) in (None, ""):
            problems.rule(name, LAT_LON_TOGETHER)  # the document cannot say so: a 422
    lat = validation.number(params["lat"], "lat", problems, -90, 90) if params.get("lat") else None
    lon = validation.number(params["lon"], "lon", problems, -180, 180) if params.get("lon") else None
    problems.raise_if_any()
    return lon, lat


def get_service(deps, code):
    service = deps.services.get(code)
    if service is None or not service.get("active", True):
        raise NotFound(NO_SUCH_SERVICE.format(code=code), code="service_not_found")
    return _public(service, deps)


def _public(service, deps, bodies=None):
    aim = targets.target(deps, service, bodies)
    return {
        "service_code": service["service_code"],
        "name": service["name"],
        "group": service.get("group"),
        "description": service.get("description", ""),
        "keywords": service.get("keywords", []),
        "location": service.get("location", "required"),
        "private": bool(service.get("private")),
        "kind": service.get("kind", "report"),
        "contact": service.get("contact", "optional"),
        "notice": service.get("notice"),
        "nearby_radius_m": service.get("nearby_radius_m"),
        "fields": service.get("fields", []),
        **({"target": aim} if aim else {}),
    }
