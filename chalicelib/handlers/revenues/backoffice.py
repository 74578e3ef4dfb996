"""The back office a request talks to, and how its failures reach a resident:
a 503 with Retry-After in the one error shape, never a 500."""
import logging
from datetime import datetime, time
from zoneinfo import ZoneInfo

from ...errors import ApiError
from . import wording

log = logging.getLogger("doorstep.revenues")
RETRY_AFTER_S = 300  # Civica's nightly window and restarts last minutes, not seconds
LONDON = ZoneInfo("Europe/London")


def configured(deps):
    """deps.revenues, else the one the council's settings name (councils/backoffices.py; the
    adapter imported only then, so the app's import pays nothing for it); 503 when it has none."""
    found = deps.revenues
    if found is None:
        from ...councils.backoffices import adapter
        found = adapter(deps, "revenues", _civica)
    if found is None:
        raise ApiError(wording.NOT_CONFIGURED, status=503, code="revenues_not_configured",
                       headers={"Retry-After": str(RETRY_AFTER_S)})
    return found


def _civica(options):
    from .civica.adapter import from_options
    return from_options(options)


def unavailable(now=None, words=wording, failure=None):
    """The 503 a resident gets with no copy kept; in the nightly window it says when the back office is back.
    `words` holds UNAVAILABLE and closed_for_the_night(back): a landlord reads of housing benefit, not council
    tax (landlords/wording.py). `failure` (a BackOfficeError) is logged for the operator, whose first question
    is whether it timed out, refused or sent nonsense: an unreachable one with its words (an HTTP status or an
    error's type), any other by its kind and Civica's code only, since a malformed answer's words quote the
    value it could not read (an account's balance, a claim's amount)."""
    if failure is not None:
        log.warning("back office away, answered 503: %s", failure if failure.kind == "unreachable" else
                    f"{failure.kind} (code {failure.code or 'none'})")
    back = back_at(now) if now is not None else None
    if back is None:
        return ApiError(words.UNAVAILABLE, status=503, code="back_office_unavailable",
                        headers={"Retry-After": str(RETRY_AFTER_S)})
    return ApiError(words.closed_for_the_night(back), status=503, code="back_office_unavailable",
                    headers={"Retry-After": str(max(60, int((back - now).total_seconds())))})


def back_at(now):
    """When the council's back office's nightly window (its settings' `nightly`, "01:30-04:15"; the
    default council's DOORSTEP_REVENUES_NIGHTLY) ends, if `now` is in it."""
    from ...councils.backoffices import of_current
    options = of_current("revenues") or {}
    try:
        start, end = (time.fromisoformat(part.strip()) for part in (options.get("nightly") or "01:30-04:15").split("-"))
    except ValueError:
        return None  # a council's typo: no window said, the plain words stand
    local = now.astimezone(LONDON)
    return datetime.combine(local.date(), end, LONDON) if start <= local.time() < end else None


def financial_year(now):
    """The council's year (April to March) holding `now`, by its start."""
    today = now.astimezone(LONDON).date()
    return today.year if today.month >= 4 else today.year - 1
