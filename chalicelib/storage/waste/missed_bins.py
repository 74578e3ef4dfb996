"""Missed bins: one item per property, container and collection day, naming the
report made for it. The first to report claims it with a conditional put;
everyone after is merged into that report rather than making another."""
from pynamodb.attributes import UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute

from ..binding import Stored, bind, get_or_none, table, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists
from ..data_map import Holds, Retention


class MissedBinModel(Stored):
    class Meta:
        table_name = table("missed-bins")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"collection": "address", "reporters": "identifier"}, whose="resident", part="missed_bin",
        basis="public_task", purpose="Who reported one missed collection, so it makes one report", copy_of="reports",
        retention=Retention(after="created", months=12, source="project", note="a year of collections"))

    collection = CouncilKey(hash_key=True)  # "{uprn}#{stream}#{YYYY-MM-DD}"
    report_id = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    reporters = UnicodeSetAttribute(null=True)  # accounts that reported it, the first included


class MissedBinStore:
    def __init__(self):
        bind()

    def report_for(self, collection):
        """(report id, reporters' account ids, when it was claimed), or (None, [], None)."""
        found = get_or_none(MissedBinModel, collection, consistent_read=True)
        return (found.report_id, sorted(found.reporters or ()), found.created_at) if found else (None, [], None)

    def claim(self, collection, report_id, user_id, now):
        """True when this call claimed the collection for `report_id`; False when someone had."""
        try:
            with writes(["missed"], exists={"missed"}):
                MissedBinModel(collection=collection, report_id=report_id, created_at=now,
                               reporters={user_id}).save(condition=MissedBinModel.collection.does_not_exist())
        except AlreadyExists:
            return False
        return True

    def merge(self, collection, user_id):
        """Count another resident as reporting it (a set: once each)."""
        MissedBinModel(collection).update(actions=[MissedBinModel.reporters.add({user_id})])
