"""The back office a request talks to, and how its failures reach a resident:
a 503 with Retry-After in the one error shape, never a 500."""
from zoneinfo import ZoneInfo

from ...errors import ApiError
from . import wording

RETRY_AFTER_S = 300  # Civica's nightly window and restarts last minutes, not seconds
LONDON = ZoneInfo("Europe/London")


def configured(deps):
    """deps.revenues, else the one configuration names (imported only here,
    so the app's import pays nothing for it)."""
    if deps.revenues is None:
        from .civica.adapter import from_configuration
        deps.revenues = from_configuration()
    if deps.revenues is None:
        raise ApiError(wording.NOT_CONFIGURED, status=503, code="revenues_not_configured",
                       headers={"Retry-After": str(RETRY_AFTER_S)})
    return deps.revenues


def unavailable():
    return ApiError(wording.UNAVAILABLE, status=503, code="back_office_unavailable",
                    headers={"Retry-After": str(RETRY_AFTER_S)})


def financial_year(now):
    """The council's year (April to March) holding `now`, by its start."""
    today = now.astimezone(LONDON).date()
    return today.year if today.month >= 4 else today.year - 1
