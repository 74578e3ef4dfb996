"""The business rates part: the premises asked of the revenues back office,
the business made its ratepayer from the start day, and the relief the
premises may have, computed from the jurisdiction's rule (relief.py)."""
import logging

log = logging.getLogger("doorstep.business")


def attempt(deps, start):
    """(state, data) of the part now: sent, not_rated, waiting, no_back_office."""
    from ..revenues.port import BackOfficeError
    revenues = _revenues(deps)
    if revenues is None:
        return "no_back_office", {}
    try:
        premises = revenues.premises(start["uprn"])
        if premises is None:
            return "not_rated", {}
        reference = revenues.start_occupation({
            "place_ref": premises.place_ref, "starts": start["starts"], "ratepayer": start["ratepayer"],
            "trading_name": start.get("trading_name")}, start["id"])
    except BackOfficeError as e:
        log.warning("business rates waiting: %s (code %s)", e.kind, e.code or "none")
        return "waiting", {"tried_at": deps.clock().isoformat()}
    return "sent", {"reference": reference, "place_ref": premises.place_ref,
                    "rateable_value": premises.rateable_value, "description": premises.description}


def _revenues(deps):
    from ...errors import ApiError
    from ..revenues.backoffice import configured
    try:
        return configured(deps)
    except ApiError:
        return None  # the council has no revenues back office here


def brought_up_to_date(deps, start, parts):
    """A waiting part tried again when its last try is RETRY_AFTER_S old (the
    page read): the request key is the business's id, so a resend is the same."""
    from datetime import datetime
    from .limits import RETRY_AFTER_S
    for part in parts:
        if part["name"] != "business_rates" or part["state"] != "waiting":
            continue
        tried = datetime.fromisoformat(part.get("tried_at") or "1970-01-01T00:00:00+00:00")
        if (deps.clock() - tried).total_seconds() < RETRY_AFTER_S:
            continue
        state, data = attempt(deps, start)
        if deps.businesses.settle_part(start["user_id"], start["id"], "business_rates", ("waiting",), state, data,
                                       deps.clock()):
            part.update(state=state, **data)
    return parts


def estimate(start, part):
    """The year's rates and relief for the part's rateable value (relief.yearly), or None."""
    if part.get("rateable_value") is None:
        return None
    from .planning_rule import rhl
    from .relief import yearly
    return yearly(start["jurisdiction"], start["starts"], int(part["rateable_value"]), rhl(start["activity"]),
                  start.get("other_premises_rv") or ())
