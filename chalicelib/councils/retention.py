"""A council's retention schedule as domain code reads it (docs/decisions/retention.md): its settings'
`retention` (schema_retention.py), and for whatever they leave out the data map's default, declared
beside the model that holds the kind (storage/data_map.py). Always read from the council the work is
for: York and North Lanarkshire keep different schedules on one deployment."""
from dataclasses import dataclass

# The table whose declaration holds each kind's default; accounts' is the person's row's.
TABLES = {"reports": "reports", "chats": "conversations", "payments": "payments", "repairs": "repairs"}
# Records the sweep removes or changes in the same act as their kind's own (a chat's messages and the links staff
# found it by: handlers/retention/chats.py; a block's communal repair row and its "me too"s: retention/repairs.py),
# by table: kept as long as the kind, so the record of processing says the kind's period for them too.
WITH_KIND = {"conversation-messages": "conversations", "conversation-links": "conversations",
             "repair-communal": "repairs"}
ACCOUNTS_TABLE = "users"
DEFAULT_WARN_DAYS = 30  # a month's warning, as FixMyStreet gives
DEFAULT_BACKUP_DAYS = 35  # point-in-time recovery's 35 days


@dataclass(frozen=True)
class Period:
    """A kind kept `months` after its event `after`, then `then`; `source` is "council" where the council's
    settings say so, else where the data map's default comes from ("project", "lga")."""
    after: str
    months: int
    then: str
    source: str


@dataclass(frozen=True)
class Schedule:
    kinds: dict  # kind -> Period
    unused_account_months: int
    warn_days: int
    backup_days: int
    accounts_source: str  # "council", or the data map's source of the accounts' default


def declared_retention(table):
    """The data map's default Retention of `table` (its model's declaration), or None."""
    found = _declarations().get(table)
    return getattr(found, "retention", None)


def _declarations():
    if not _made:
        from ..storage.declarations import every_declaration
        _made.update(every_declaration())
    return _made


_made = {}


def default_unused_months():
    return declared_retention(ACCOUNTS_TABLE).months


def schedule_of(council):
    """The council's Schedule: each kind as its settings set it, else at the data map's default."""
    section = (council.document or {}).get("retention") or {}
    set_kinds = section.get("kinds") or {}
    kinds = {}
    for kind, table in TABLES.items():
        own = set_kinds.get(kind)
        if own:
            kinds[kind] = Period(own["after"], int(own["months"]), own["then"], "council")
        else:
            default = declared_retention(table)
            kinds[kind] = Period(default.after, default.months, default.then, default.source)
    accounts = declared_retention(ACCOUNTS_TABLE)
    months = section.get("unused_account_months")
    return Schedule(kinds=kinds, unused_account_months=int(months or accounts.months),
                    warn_days=int(section.get("warn_days") or DEFAULT_WARN_DAYS),
                    backup_days=int(section.get("backup_days") or DEFAULT_BACKUP_DAYS),
                    accounts_source="council" if months else accounts.source)


def retention_of_table(council, table, default):
    """The Retention `table` is kept under at this council (the record of processing's and the notice's):
    its kind's period where the council's schedule sets one, else `default` (the data map's)."""
    section = (council.document or {}).get("retention") or {}
    from ..storage.data_map import Retention
    table = WITH_KIND.get(table, table)
    for kind, kind_table in TABLES.items():
        own = (section.get("kinds") or {}).get(kind)
        if own and kind_table == table:
            return Retention(after=own["after"], months=int(own["months"]), then=own["then"], source="council",
                             note=default.note if default is not None else "")
    if table == ACCOUNTS_TABLE and section.get("unused_account_months"):
        return Retention(after=default.after, months=int(section["unused_account_months"]), then=default.then,
                         source="council", note=default.note)
    return default
