"""Who may do what: the rule each route declares, and the object-level rules.

Every route states its rule where it is declared (api/registry.py); the
middleware applies it before the view runs, and a (method, path) without a
declared rule is refused. Views apply the object rules below to the item
they load.
"""
from .. import wording as base_words
from ..errors import ApiError, NotFound
from . import wording as words
from .principal import Unauthorized
from .rules import ADMIN, ANYONE, CREW, STAFF, desk_of, is_desk


REPORTS_DESK = "reports"  # the desk whose officers see reports' private views (auth/desks.py)


def require_route(principal, method, path, rule):
    """Apply a route's declared rule; `rule` None (nobody declared the route) refuses."""
    if rule is None:
        raise NotFound(base_words.NO_ROUTE.format(method=method, path=path))
    if rule == ANYONE:
        return
    if principal is None:
        raise Unauthorized(words.SIGN_IN)
    if (rule == STAFF or is_desk(rule)) and not principal.is_staff:
        raise Forbidden(words.STAFF_ONLY)
    if is_desk(rule) and not principal.opens(desk_of(rule)):
        from .desks import desk_name
        raise Forbidden(words.NOT_YOUR_DESK.format(desk=desk_name(desk_of(rule))))
    if rule == ADMIN and principal.role != "admin":
        raise Forbidden(words.ADMIN_ONLY)
    if rule == CREW and (principal.role != "crew" or not principal.team):
        raise Forbidden(words.CREW_ONLY)


class Forbidden(ApiError):
    status = 403
    code = "forbidden"


def owns(principal, report):
    return principal is not None and report.user_id is not None and report.user_id == principal.user_id


def staff_covers(principal, report):
    """Staff whose roles open the reports desk see and act on reports in their
    scope: its categories and its wards, each empty for all. A ward scope
    covers only reports with a point in one of its wards (complaints and FOI
    requests have none). An officer of another desk (halls, say) sees only
    what the public sees."""
    if principal is None or not principal.is_staff:
        return False
    if principal.role == "admin":
        return True
    if not principal.opens(REPORTS_DESK):
        return False
    categories = principal.scope.get("categories") or []
    wards = principal.scope.get("wards") or []
    return (not categories or report.service_code in categories) and (not wards or report.ward in wards)


def can_see_private(principal, report):
    return owns(principal, report) or staff_covers(principal, report)


def require_manage(principal, report):
    if not staff_covers(principal, report):
        raise Forbidden(words.OUTSIDE_YOUR_AREA)
