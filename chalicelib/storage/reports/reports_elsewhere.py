"""Reports held elsewhere: a report made at one council's address that another
council of the deployment holds (a pothole on the county's road, reported on
the district's site), or one a council passed on to another.

The report itself lives in its holder's partitions, where that council's staff,
crews and every desk read it as their own. Here, the council it was made with
(and one that passed it on) keeps a pointer under the same reference, naming
the holder: its address still finds the report (the resident tracks it where
they made it), and its My Account lists it (the by_user index).

A table of its own rather than a kind of report row: no read of reports can
take a pointer for a report, whatever it forgets to check.
"""
from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, table
from ..council_key import CouncilKey
from ..data_map import KEPT_AS_A_REPORT, Holds


class ByUserIndex(GlobalSecondaryIndex):
    """A resident's reports held elsewhere, newest first (My Account)."""
    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class ElsewhereModel(Stored):
    class Meta:
        table_name = table("reports-elsewhere")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier"}, whose="resident", part="reports", basis="public_task",
        purpose="A report made here that another council holds, so its reporter still finds it here",
        copy_of="reports", retention=KEPT_AS_A_REPORT)

    report_id = CouncilKey(hash_key=True)
    held_by = UnicodeAttribute()  # the council of the deployment that holds the report now
    user_id = CouncilKey(null=True)  # whose report it is (None: made anonymously)
    created_at = UTCDateTimeAttribute()
    by_user = ByUserIndex()


def pointer(report, held_by):
    """The pointer to `report`, held by the council `held_by`, for the council worked for now."""
    return ElsewhereModel(report.id, held_by=held_by, user_id=report.user_id, created_at=report.created_at)


class ElsewhereStore:
    def __init__(self):
        bind()

    def holder(self, report_id):
        """The council holding the report this council's reference names, or None. One GetItem."""
        found = get_or_none(ElsewhereModel, report_id)
        return found.held_by if found is not None else None

    def of_user(self, user_id, limit=200):
        """[(report id, its holder)] of a resident's reports held elsewhere, newest first. One Query."""
        return [(row.report_id, row.held_by)
                for row in ElsewhereModel.by_user.query(user_id, scan_index_forward=False, limit=limit)]
