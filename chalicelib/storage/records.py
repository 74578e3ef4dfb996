"""The plain values the stores take and return: what domain code works with.

Each mirrors a stored item without what only the storage needs (index keys,
partition names): stores add those on the way in and drop them on the way
out, so no handler builds a model or knows an index. `version` is the
item's version for optimistic locking: a store refuses to save a record
whose version is not the stored one (EditConflict).

Each kind lives with its neighbours in a records_*.py module and is made
when first named (PEP 562): its module is loaded and the class, marked
`@when_named` there, becomes a record (storage/record_class.py). A route's
cold start pays for the values it uses, not for every class of their modules
(making one costs about a third of a millisecond). Name them through this
module only: the classes in records_*.py are not records until named here.
"""
import threading
from importlib import import_module

from .record_class import record

_HOMES = {
    **dict.fromkeys(["Report", "TimelineEntry", "Event", "Upload", "IdempotencyRecord", "Supporter"],
                    "reports.records_reports"),
    **dict.fromkeys(["User", "Grant", "Session", "RefreshToken", "OneTimeToken", "OutboxMessage"], "accounts.records_accounts"),
    **dict.fromkeys(["Alert", "AlertIndexRow", "Broadcast"], "alerts.records_alerts"),
    **dict.fromkeys(["Address", "BinRound", "Facility"], "places.records_places"),
    **dict.fromkeys(["Open311Key", "Team", "AuditEntry", "ResponseTemplate", "DueRule", "ReportWrite"], "staff.records_staff"),
    **dict.fromkeys(["InboxRow", "InboxQuery"], "staff.records_inbox"),
    **dict.fromkeys(["JOB_OPEN", "Job", "Questionnaire"], "crews.records_crews"),
    **dict.fromkeys(["Payment", "BulkyBooking", "GardenSubscription"], "waste.records_waste"),
    **dict.fromkeys(["ContainerRequest"], "waste.records_containers"),
    **dict.fromkeys(["HireBooking"], "hire.records_hire"),
    **dict.fromkeys(["LicenceCase", "Representation"], "licensing.records_licensing"),
    **dict.fromkeys(["Repair", "CommunalRepair"], "repairs.records_repairs"),
    **dict.fromkeys(["Conversation", "ChatMessage"], "conversations.records_chat"),
    **dict.fromkeys(["RevenueLink"], "revenues.records_revenues"),
    **dict.fromkeys(["ScimUser", "ScimGroup", "DirectoryChange"], "directory.records_directory"),
}
__all__ = sorted(_HOMES)


_making = threading.Lock()  # two threads naming one kind get one class


def __getattr__(name):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(f"{__package__}.{home}")
    with _making:
        value = getattr(module, name)
        if isinstance(value, type) and value.__dict__.get("__record_when_named__"):
            value = record(value)
            del value.__record_when_named__
            setattr(module, name, value)
        globals()[name] = value  # made once; later lookups do not come here
    return value


def __dir__():
    return __all__
