"""Bin collection rounds, keyed by round id.

An address names its rounds (AddressModel.bin_rounds, stream -> round id), so
a property's bin days cost one GetItem for the address and one BatchGetItem
for its few rounds. Loaded by `doorstep import bin-rounds` and the demo seed;
the schedule arithmetic lives in chalicelib/bindays.py.
"""
from datetime import datetime, timezone

from pynamodb.attributes import MapAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.models import Model

from .binding import batch_save, bind, register


@register("bin-rounds")
class BinRoundModel(Model):
    class Meta:
        table_name = "bin-rounds"
        billing_mode = "PAY_PER_REQUEST"

    id = UnicodeAttribute(hash_key=True)
    stream = UnicodeAttribute()
    weekday = NumberAttribute()  # 0 Monday .. 6 Sunday
    every_weeks = NumberAttribute()
    start = UnicodeAttribute()  # "YYYY-MM-DD", the first collection
    end = UnicodeAttribute(null=True)
    # scheduled "YYYY-MM-DD" -> moved-to "YYYY-MM-DD" or "cancelled"
    exceptions = MapAttribute(default=dict)
    updated_at = UTCDateTimeAttribute()

    def to_round(self):
        from ..bindays import CANCELLED, Round, parse_date
        raw = self.exceptions.as_dict() if isinstance(self.exceptions, MapAttribute) else dict(self.exceptions or {})
        exceptions = {parse_date(k): (None if v == CANCELLED else parse_date(v)) for k, v in raw.items()}
        return Round(self.id, self.stream, int(self.weekday), int(self.every_weeks), parse_date(self.start),
                     exceptions, parse_date(self.end) if self.end else None)


def round_model(round_, now=None):
    """A BinRoundModel from a bindays.Round."""
    from ..bindays import CANCELLED
    return BinRoundModel(
        id=round_.id, stream=round_.stream, weekday=round_.weekday, every_weeks=round_.every_weeks,
        start=round_.start.isoformat(), end=round_.end.isoformat() if round_.end else None,
        exceptions={k.isoformat(): (v.isoformat() if v else CANCELLED) for k, v in round_.exceptions.items()},
        updated_at=now or datetime.now(timezone.utc).replace(microsecond=0))


class BinRoundStore:
    BATCH = 100  # BatchGetItem's limit

    def __init__(self):
        bind()

    def get(self, round_id):
        try:
            return BinRoundModel.get(round_id)
        except BinRoundModel.DoesNotExist:
            return None

    def get_many(self, round_ids):
        """{id: BinRoundModel} for the ids that exist (one BatchGetItem for an address's few)."""
        ids = list(dict.fromkeys(i for i in round_ids if i))
        found = {}
        for at in range(0, len(ids), self.BATCH):
            found.update((m.id, m) for m in BinRoundModel.batch_get(ids[at:at + self.BATCH]))
        return found

    def put_many(self, rows):
        """Upsert BinRoundModels; returns how many."""
        return batch_save(BinRoundModel, rows)
