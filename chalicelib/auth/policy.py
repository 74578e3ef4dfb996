"""Who may do what: one table for routes, and the object-level rules.

Every route in app.py must have a row here (a test enforces it); the
middleware applies the row before the view runs, and views apply the object
rules below to the item they load.
"""
from ..errors import ApiError
from .principal import Unauthorized

ANYONE = "anyone"  # anonymous or signed in; views decide what each may see
SIGNED_IN = "signed_in"
STAFF = "staff"  # staff or admin; object rules narrow it to their scope
ADMIN = "admin"

ROUTES = {
    ("GET", "/v1/health"): ANYONE,
    ("GET", "/v1/services"): ANYONE,
    ("GET", "/v1/services/{service_code}"): ANYONE,
    ("POST", "/v1/uploads"): ANYONE,
    ("GET", "/v1/photos/{name}"): ANYONE,
    ("POST", "/v1/reports"): ANYONE,
    ("GET", "/v1/reports"): ANYONE,
    ("GET", "/v1/reports/nearby"): ANYONE,
    ("GET", "/v1/reports/{report_id}"): ANYONE,
    ("GET", "/v1/reports/{report_id}/updates"): ANYONE,
    ("GET", "/v1/places"): ANYONE,
    ("GET", "/v1/facility-types"): ANYONE,
    ("GET", "/v1/nearest"): ANYONE,
    ("POST", "/v1/auth/register"): ANYONE,
    ("POST", "/v1/auth/login"): ANYONE,
    ("POST", "/v1/auth/refresh"): ANYONE,
    ("POST", "/v1/auth/logout"): ANYONE,
    ("POST", "/v1/auth/verify"): ANYONE,
    ("POST", "/v1/auth/verify/resend"): SIGNED_IN,
    ("POST", "/v1/auth/password-reset"): ANYONE,
    ("POST", "/v1/auth/password-reset/confirm"): ANYONE,
    ("POST", "/v1/auth/oidc"): ANYONE,
    ("GET", "/v1/me"): SIGNED_IN,
    ("PATCH", "/v1/me"): SIGNED_IN,
    ("DELETE", "/v1/me"): SIGNED_IN,
    ("GET", "/v1/me/reports"): SIGNED_IN,
    ("GET", "/v1/me/export"): SIGNED_IN,
    ("PATCH", "/v1/staff/reports/{report_id}"): STAFF,
    ("GET", "/openapi.json"): ANYONE,
    # Open311 callers are partner systems: POST checks their api_key itself.
    ("GET", "/open311/v2/{resource}"): ANYONE,
    ("POST", "/open311/v2/{resource}"): ANYONE,
    ("GET", "/open311/v2/services/{code_format}"): ANYONE,
    ("GET", "/open311/v2/service/{code_format}"): ANYONE,
    ("GET", "/open311/v2/requests/{id_format}"): ANYONE,
    ("GET", "/open311/v2/tokens/{token_format}"): ANYONE,
    ("GET", "/v1/feeds/reports.rss"): ANYONE,
    ("GET", "/v1/councillors"): ANYONE,
    ("GET", "/v1/places/{uprn}"): ANYONE,
    ("GET", "/v1/places/{uprn}/bins.ics"): ANYONE,
    ("GET", "/v1/push/vapid-public-key"): ANYONE,
    # Alerts: push subscribers need no account; the handler checks owner or token.
    ("POST", "/v1/alerts"): ANYONE,
    ("GET", "/v1/alerts"): ANYONE,
    ("DELETE", "/v1/alerts/{alert_id}"): ANYONE,
    ("POST", "/v1/alerts/confirm"): ANYONE,
    ("GET", "/v1/alerts/unsubscribe"): ANYONE,
    ("POST", "/v1/alerts/unsubscribe"): ANYONE,
    # Broadcasts are council-wide: any staff member, whatever their category
    # scope (a scope is about reports; see handlers/broadcasts.py).
    ("POST", "/v1/broadcasts"): STAFF,
    ("GET", "/v1/broadcasts"): STAFF,
    ("GET", "/v1/broadcasts/{broadcast_id}"): STAFF,
}


def require_route(principal, method, resource_path):
    rule = ROUTES.get((method, resource_path))
    if rule is None or rule == ANYONE:
        return  # unknown routes fall through to the JSON 404
    if principal is None:
        raise Unauthorized("Sign in to use this.")
    if rule == STAFF and not principal.is_staff:
        raise Forbidden("Only council staff can do this.")
    if rule == ADMIN and principal.role != "admin":
        raise Forbidden("Only administrators can do this.")


class Forbidden(ApiError):
    status = 403
    code = "forbidden"


def owns(principal, report):
    return principal is not None and report.user_id is not None and report.user_id == principal.user_id


def staff_covers(principal, report):
    """Staff see and act on reports in their scope; an empty scope is everything."""
    if principal is None or not principal.is_staff:
        return False
    if principal.role == "admin":
        return True
    categories = principal.scope.get("categories") or []
    return not categories or report.service_code in categories


def can_see_private(principal, report):
    return owns(principal, report) or staff_covers(principal, report)


def require_manage(principal, report):
    if not staff_covers(principal, report):
        raise Forbidden("This report is outside your area of responsibility.")
