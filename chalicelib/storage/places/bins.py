"""Bin collection rounds, keyed by round id.

An address names its rounds (Address.bin_rounds, stream -> round id), so
a property's bin days cost one GetItem for the address and one BatchGetItem
for its few rounds. Loaded by `doorstep import bin-rounds` and the demo seed;
the schedule arithmetic lives in chalicelib/bindays.py.
"""
from datetime import datetime, timezone

from pynamodb.attributes import MapAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, batch_save, bind, get_or_none, model_of, record_of, table
from ..council_key import CouncilKey
from ..records import BinRound
from ..data_map import NONE


class BinRoundModel(Stored):
    class Meta:
        table_name = table("bin-rounds")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    id = CouncilKey(hash_key=True)
    stream = UnicodeAttribute()
    weekday = NumberAttribute()  # 0 Monday .. 6 Sunday
    every_weeks = NumberAttribute()
    start = UnicodeAttribute()  # "YYYY-MM-DD", the first collection
    end = UnicodeAttribute(null=True)
    # scheduled "YYYY-MM-DD" -> moved-to "YYYY-MM-DD" or "cancelled"
    exceptions = MapAttribute(default=dict)
    updated_at = UTCDateTimeAttribute()


def round_record(round_, now=None):
    """A BinRound record from a bindays.Round."""
    from ...bindays import CANCELLED
    return BinRound(
        id=round_.id, stream=round_.stream, weekday=round_.weekday, every_weeks=round_.every_weeks,
        start=round_.start.isoformat(), end=round_.end.isoformat() if round_.end else None,
        exceptions={k.isoformat(): (v.isoformat() if v else CANCELLED) for k, v in round_.exceptions.items()},
        updated_at=now or datetime.now(timezone.utc).replace(microsecond=0))


class BinRoundStore:
    BATCH = 100  # BatchGetItem's limit

    def __init__(self):
        bind()

    def get(self, round_id):
        return record_of(BinRound, get_or_none(BinRoundModel, round_id))

    def get_many(self, round_ids):
        """{id: BinRound} for the ids that exist (one BatchGetItem for an address's few)."""
        ids = list(dict.fromkeys(i for i in round_ids if i))
        found = {}
        for at in range(0, len(ids), self.BATCH):
            found.update((m.id, record_of(BinRound, m)) for m in BinRoundModel.batch_get(ids[at:at + self.BATCH]))
        return found

    def put_many(self, rows):
        """Upsert BinRound records; returns how many."""
        return batch_save(BinRoundModel, (model_of(BinRoundModel, r) for r in rows))
