"""Report categories as residents and partner systems see them."""
from ...errors import NotFound


def list_services(deps):
    staff = bool(deps.principal and deps.principal.is_staff)
    return {"services": [_public(s) for s in deps.services.all()
                         if s.get("active", True) and (staff or not s.get("staff_only"))]}


def get_service(deps, code):
    service = deps.services.get(code)
    if service is None or not service.get("active", True):
        raise NotFound(f"No service {code!s:.40}.", code="service_not_found")
    return _public(service)


def _public(service):
    return {
        "service_code": service["service_code"],
        "name": service["name"],
        "group": service.get("group"),
        "description": service.get("description", ""),
        "keywords": service.get("keywords", []),
        "location": service.get("location", "required"),
        "private": bool(service.get("private")),
        "notice": service.get("notice"),
        "nearby_radius_m": service.get("nearby_radius_m"),
        "fields": service.get("fields", []),
    }
