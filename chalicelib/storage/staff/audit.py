"""The staff audit of each report: every change staff made, who, when, and
each field before and after. An entry's key is the report's version after
the change, and it is written in that change's transaction with a condition
that the key is new: no entry is ever overwritten, and no API edits one.
Staff's readings of a person's data are lines here too, under the id of what
was read (a report, a repair, a booking...), each with its reason. The one change
ever made to an entry is the retention sweep's: the words of a private note
replaced when its report's period ends (forget_words), who and when kept."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, bind, model_of, record_of, table, writes
from ..council_key import CouncilKey
from ..records import AuditEntry
from ..data_map import KEPT_AS_A_REPORT, Holds


class AuditModel(Stored):
    class Meta:
        table_name = table("report-audit")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"by_email": "contact", "by_user_id": "identifier", "changes": "free_text", "reason": "free_text"},
        whose="officer", part="staff", basis="public_task",
        purpose="Every change staff made to a report, and each reading of a person's data, with its reason",
        retention=KEPT_AS_A_REPORT)

    report_id = CouncilKey(hash_key=True)
    seq = NumberAttribute(range_key=True)  # the report's version after the change
    action = UnicodeAttribute()
    by_user_id = UnicodeAttribute()
    by_email = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    changes = JSONAttribute(default=dict)
    reason = UnicodeAttribute(null=True)  # a reading's, as the officer gave it
    council = UnicodeAttribute(null=True)  # the council it was done for
    granted_by = UnicodeAttribute(null=True)  # the council whose grant its maker held, when another


def audit_model(entry):
    return model_of(AuditModel, entry)


class AuditStore:
    def __init__(self):
        bind()

    def add_reading(self, entry):
        """An audit line of something staff read rather than changed (a form's file opened): it is
        numbered with a fraction after the report's version (12.001, 12.002...), so it sorts after
        the change it followed, never takes a change's number, and is never overwritten
        (AlreadyExists: the caller takes the next fraction)."""
        with writes(["audit"], exists={"audit"}):
            audit_model(entry).save(condition=AuditModel.seq.does_not_exist())

    def entries(self, report_id):
        """A report's audit, oldest first (a report has tens of entries)."""
        return [record_of(AuditEntry, e) for e in AuditModel.query(report_id, consistent_read=True)]

    def forget_words(self, report_id, field, replacement):
        """Each of a report's entries that changed `field` (an internal note) keeps the change, its
        words replaced by `replacement`: one Query, one UpdateItem per entry still holding words; how many."""
        changed = 0
        for entry in AuditModel.query(report_id, consistent_read=True):
            said = (entry.changes or {}).get(field)
            if isinstance(said, dict) and said.get("after") not in (None, replacement):
                entry.update(actions=[AuditModel.changes.set(
                    {**entry.changes, field: {**said, "before": None, "after": replacement}})])
                changed += 1
        return changed
