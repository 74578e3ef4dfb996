"""Who may do what: the rule each route declares, and the object-level rules.

Every route states its rule where it is declared (api/registry.py); the
middleware applies it before the view runs, and a (method, path) without a
declared rule is refused. Views apply the object rules below to the item
they load: `who_opens` for a resident's thing, whose route says what it holds.
"""
import contextvars
from contextlib import contextmanager

from .. import wording as base_words
from ..errors import ApiError, NotFound
from . import wording as words
from .principal import Unauthorized
from .rules import ADMIN, ANYONE, CREW, DESK_OF_KIND, OPERATOR, REPORT, REPORTS_DESK, STAFF, desk_of, is_desk

RESIDENT, OFFICER = "resident", "officer"
_serving = contextvars.ContextVar("doorstep_route_served", default=None)  # (its desk, the kind it holds, method)


def require_route(principal, method, path, rule):
    """Apply a route's declared rule; `rule` None (nobody declared the route) refuses."""
    if rule is None:
        raise NotFound(base_words.NO_ROUTE.format(method=method, path=path))
    if rule == OPERATOR:
        _require_operator(principal)
        return
    refuse_operator_here(principal)
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


def refuse_operator_here(principal):
    """The operator's token opens the operator's routes; at a council that granted them nothing it opens
    nothing of its residents' (public answers and sockets included: they may tell a signed-in caller more)."""
    if principal is not None and principal.operator and principal.council is None:
        raise Forbidden(words.OPERATOR_HOLDS_NOTHING_HERE, code="operator_only")


def _require_operator(principal):
    if principal is None:
        raise Unauthorized(words.SIGN_IN)
    if not principal.operator:
        raise Forbidden(words.OPERATOR_ONLY)


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
    """Its owner, or an officer of the reports desk in scope (who_opens's rule for a report, and its scope)."""
    return owns(principal, report) or (who_opens(principal, REPORT, None) == OFFICER
                                       and staff_covers(principal, report))


def require_manage(principal, report):
    if not staff_covers(principal, report):
        raise Forbidden(words.OUTSIDE_YOUR_AREA)


@contextmanager
def serving(access, holds=None, method="GET"):
    """The route being served (api/edge.py): the kind it holds, or the desk it is, for `who_opens`."""
    token = _serving.set((desk_of(access), holds, method))
    try:
        yield
    finally:
        _serving.reset(token)


def serving_a_read():
    """Whether a route that reads (GET) is being served: what it answers an officer is a reading. A change's
    own audit names the officer who made it; a job or a command reads for no officer."""
    served = _serving.get()
    return served is not None and served[2] == "GET"


def who_opens(principal, kind, owner_id):
    """Who opens a resident's thing of `kind` (auth/rules.py DESK_OF_KIND), `owner_id` theirs: RESIDENT, its
    own; OFFICER, an officer whose roles open the kind's desk, where the route being served holds that kind
    or is that desk's own route (a job or a command, serving none, goes by the kind alone); None for anyone
    else, officers of other desks included, and everyone but its resident on a route not holding it."""
    if principal is None:
        return None
    if owner_id is not None and owner_id == principal.user_id:
        return RESIDENT
    desk, served = DESK_OF_KIND[kind], _serving.get()
    if served is not None and kind != served[1] and desk != served[0]:
        return None
    return OFFICER if principal.opens(desk) else None
