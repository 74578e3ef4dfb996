"""The plain values the stores take and return: what domain code works with.

Each mirrors a stored item without what only the storage needs (index keys,
partition names): stores add those on the way in and drop them on the way
out, so no handler builds a model or knows an index. `version` is the
item's version for optimistic locking: a store refuses to save a record
whose version is not the stored one (EditConflict).

Each kind lives with its neighbours in a records_*.py module and is loaded
when first named (PEP 562): a route's cold start pays for the values it uses,
not for all of them (creating a dataclass costs most of a millisecond).
"""
from importlib import import_module

_HOMES = {
    **dict.fromkeys(["Report", "TimelineEntry", "Event", "Upload", "IdempotencyRecord", "Supporter"],
                    "records_reports"),
    **dict.fromkeys(["User", "Session", "RefreshToken", "OneTimeToken", "OutboxMessage"], "records_accounts"),
    **dict.fromkeys(["Alert", "AlertIndexRow", "Broadcast"], "records_alerts"),
    **dict.fromkeys(["Address", "BinRound", "Facility"], "records_places"),
    **dict.fromkeys(["Open311Key", "Team", "AuditEntry", "ResponseTemplate", "DueRule", "ReportWrite"], "records_staff"),
    **dict.fromkeys(["InboxRow", "InboxQuery"], "records_inbox"),
    **dict.fromkeys(["JOB_OPEN", "Job", "Questionnaire"], "records_crews"),
    **dict.fromkeys(["Payment", "BulkyBooking", "GardenSubscription"], "records_waste"),
    **dict.fromkeys(["Conversation", "ChatMessage"], "records_chat"),
}
__all__ = sorted(_HOMES)


def __getattr__(name):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__package__}.{home}"), name)
    globals()[name] = value  # found once; later lookups do not come here
    return value


def __dir__():
    return __all__
