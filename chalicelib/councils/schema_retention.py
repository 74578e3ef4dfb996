"""The JSON Schema of a council's retention schedule (its settings' `retention`;
docs/decisions/retention.md): for each kind of record the sweep acts on, how many months after its
named event it is kept and what happens then; how long an account unused at the council is kept and
how many days before it goes its person is warned; how long the deployment's backups keep what was
deleted. Whatever it leaves out is the data map's default (councils/retention.py); what a schema
cannot say is checked in councils/checks_retention.py."""

# Each kind the sweep acts on: the event its period runs from (one the code records and indexes when
# it happens) and what may become of the record then. A report is anonymised, never deleted: its
# category, point, state, dates and public words are the public record and the figures. A live chat is
# deleted whole from its closure (nothing is written to a closed chat): it is the person's words alone.
# A payment is anonymised from when it finished, never deleted: the money figures and the ledger stay.
# A repair to a council home is anonymised from when it closed (done or cancelled), never deleted: it is
# the home's history (later tenants read it) and the repairs' figures; only its tenant goes.
KINDS = {
    "reports": {"after": ("closed",), "then": ("anonymise",)},
    "chats": {"after": ("closed",), "then": ("delete",)},
    "payments": {"after": ("paid",), "then": ("anonymise",)},
    "repairs": {"after": ("closed",), "then": ("anonymise",)},
}
MOST_MONTHS = 1200  # a century: longer is "for ever", which is no schedule
MOST_WARN_DAYS = 365
# How long a deleted file's old versions stay in the bucket, 1 to 35 days: the bucket has one expiry
# rule for each (docs/decisions/offboarding.md, Backups). The tables' point-in-time recovery keeps its
# 35 days whatever the council says, and the deletion's report gives both dates.
LEAST_BACKUP_DAYS, MOST_BACKUP_DAYS = 1, 35


def _months():
    return {"type": "integer", "minimum": 1, "maximum": MOST_MONTHS}


def _kind(spec):
    return {"type": "object", "additionalProperties": False, "required": ["after", "months", "then"],
            "properties": {"after": {"enum": list(spec["after"])}, "months": _months(),
                           "then": {"enum": list(spec["then"])}}}


RETENTION = {"type": "object", "additionalProperties": False, "properties": {
    "kinds": {"type": "object", "additionalProperties": False,
              "properties": {name: _kind(spec) for name, spec in KINDS.items()}},
    "unused_account_months": _months(),
    "warn_days": {"type": "integer", "minimum": 1, "maximum": MOST_WARN_DAYS},
    "backup_days": {"type": "integer", "minimum": LEAST_BACKUP_DAYS, "maximum": MOST_BACKUP_DAYS},
}}
