"""Report categories ("services"), stored as data so a council edits them
without a deploy; `doorstep seed` loads the defaults.

Every map and report request needs the category list, so each process keeps
each council's for a minute: an edit shows within CACHE_SECONDS everywhere. The
list is one Query of an index whose one partition holds every category, never a Scan
(a stage from before the index gets it, and its categories the key, from
`doorstep tables`; until then the list falls back to a Scan).
"""
import time

from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ... import tenancy
from ..binding import bind, Stored, table
from ..council_key import CouncilKey
from ..data_map import NONE

CACHE_SECONDS = 60
_cache = {}  # (table name, council) -> (fetched at, [service dicts])


def clear_cache():
    _cache.clear()


EVERY = "all"  # the one partition of the catalogue index


class CatalogueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "catalogue"
        projection = AllProjection()

    catalogue = CouncilKey(hash_key=True)
    sort = NumberAttribute(range_key=True)


class ServiceModel(Stored):
    class Meta:
        table_name = table("services")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    service_code = CouncilKey(hash_key=True)
    active = BooleanAttribute(default=True)
    sort = NumberAttribute(default=0)
    definition = JSONAttribute()  # name, group, description, keywords, fields...
    catalogue = CouncilKey(null=True)  # EVERY: listed by catalogue_index
    catalogue_index = CatalogueIndex()


class ServiceStore:
    def __init__(self):
        bind()

    def all(self):
        """Every service, in display order. The table holds tens of items."""
        kept = (ServiceModel.Meta.table_name, tenancy.current())  # each council's its own
        cached = _cache.get(kept)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
        # The council's own partition alone: a Scan (of a stage from before the index, whose rows
        # `doorstep tables` gives the key) would read every council's categories for one with none.
        rows = list(ServiceModel.catalogue_index.query(EVERY))
        rows.sort(key=lambda r: (r.sort, r.service_code))
        services = [self._to_dict(r) for r in rows]
        _cache[kept] = (time.monotonic(), services)
        return services

    def describe(self):
        """The table's description: raises when storage cannot be reached."""
        return ServiceModel.describe_table()

    def by_code(self):
        """{service_code: service} for every category, active or not."""
        return {s["service_code"]: s for s in self.all()}

    def get(self, code):
        return next((s for s in self.all() if s["service_code"] == code), None)

    def put(self, service, sort=0):
        ServiceModel(
            service_code=service["service_code"],
            active=service.get("active", True),
            sort=sort,
            definition={k: v for k, v in service.items() if k not in ("service_code", "active")},
            catalogue=EVERY,
        ).save()
        clear_cache()

    def add_missing_keys(self):
        """Give categories stored before the catalogue index its key; returns
        how many (CLI only: `doorstep tables`, when it adds the index)."""
        changed = 0
        for row in ServiceModel.scan(consistent_read=True):
            if row.catalogue != EVERY:
                row.update(actions=[ServiceModel.catalogue.set(EVERY)])
                changed += 1
        clear_cache()
        return changed

    @staticmethod
    def _to_dict(row):
        return {"service_code": row.service_code, "active": row.active, **row.definition}
