"""Facilities (libraries, recycling centres, toilets...): "where's my nearest".

Each facility is one item keyed by its id. The `nearby` index partitions by
type and precision-5 cell ("library#gcwy8"), sorted by geohash9#id, so a
nearest query reads one type only. Facility types and their counts live in a
tiny table of their own, kept by put_many, so listing types never scans
facilities.
"""
from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from ..geo import cells
from .binding import bind, register

OPTIONAL = ("address", "opening_hours", "phone", "url", "accessibility")


class NearbyIndex(GlobalSecondaryIndex):
    """Geo index per type: partition = "{type}#{cell5}", sort = "{geohash9}#{id}"."""
    class Meta:
        index_name = "nearby"
        projection = AllProjection()  # facilities are small; results need every field

    nearby_pk = UnicodeAttribute(hash_key=True)
    nearby_sk = UnicodeAttribute(range_key=True)


@register("facilities")
class FacilityModel(Model):
    class Meta:
        table_name = "facilities"
        billing_mode = "PAY_PER_REQUEST"

    id = UnicodeAttribute(hash_key=True)
    type = UnicodeAttribute()
    name = UnicodeAttribute()
    address = UnicodeAttribute(null=True)
    opening_hours = UnicodeAttribute(null=True)
    phone = UnicodeAttribute(null=True)
    url = UnicodeAttribute(null=True)
    accessibility = UnicodeAttribute(null=True)
    lon = NumberAttribute()
    lat = NumberAttribute()
    geohash = UnicodeAttribute()
    nearby_pk = UnicodeAttribute()
    nearby_sk = UnicodeAttribute()

    nearby_index = NearbyIndex()


@register("facility-types")
class FacilityTypeModel(Model):
    """How many facilities of each type there are (kept by FacilityStore.put_many)."""
    class Meta:
        table_name = "facility-types"
        billing_mode = "PAY_PER_REQUEST"

    type = UnicodeAttribute(hash_key=True)
    count = NumberAttribute(default=0)


def facility(id, type, name, lon, lat, **optional):
    """A FacilityModel with its geohash and index keys filled in."""
    geohash = cells.encode(lon, lat, cells.POINT_PRECISION)
    fields = {k: optional.get(k) or None for k in OPTIONAL}
    return FacilityModel(id=str(id), type=type, name=name, lon=lon, lat=lat, geohash=geohash,
                         nearby_pk=f"{type}#{geohash[:cells.PARTITION_PRECISION]}",
                         nearby_sk=f"{geohash}#{id}", **fields)


class FacilityStore:
    BATCH = 100  # BatchGetItem's limit

    def __init__(self):
        bind()

    def get(self, facility_id):
        try:
            return FacilityModel.get(facility_id)
        except FacilityModel.DoesNotExist:
            return None

    def put_many(self, rows):
        """Upsert FacilityModels in batches; the type counts follow (a facility
        whose type changed moves from one count to the other). Returns how many."""
        count, chunk = 0, []
        for row in rows:
            chunk.append(row)
            if len(chunk) == self.BATCH:
                count += self._put_chunk(chunk)
                chunk = []
        if chunk:
            count += self._put_chunk(chunk)
        return count

    def _put_chunk(self, chunk):
        latest = {row.id: row for row in chunk}  # a repeated id: the last one wins
        before = self.types_of(latest)
        deltas = {}
        for fid, row in latest.items():
            old = before.get(fid)
            if old != row.type:
                deltas[row.type] = deltas.get(row.type, 0) + 1
                if old is not None:
                    deltas[old] = deltas.get(old, 0) - 1
        with FacilityModel.batch_write() as batch:
            for row in latest.values():
                batch.save(row)
        self._count(deltas)
        return len(latest)

    def types_of(self, ids):
        """{id: type} for the ids that exist (BatchGetItem, 100 at a time)."""
        ids, found = list(dict.fromkeys(ids)), {}
        for start in range(0, len(ids), self.BATCH):
            found.update((f.id, f.type) for f in FacilityModel.batch_get(
                ids[start:start + self.BATCH], attributes_to_get=["id", "type"]))
        return found

    def delete_many(self, ids):
        """Delete facilities by id (unknown ids are ignored); the type counts
        follow. Returns how many were deleted."""
        existing = self.types_of(ids)
        with FacilityModel.batch_write() as batch:
            for fid in existing:
                batch.delete(FacilityModel(fid))
        deltas = {}
        for type_ in existing.values():
            deltas[type_] = deltas.get(type_, 0) - 1
        self._count(deltas)
        return len(existing)

    def _count(self, deltas):
        for type_, delta in deltas.items():
            if delta:
                FacilityTypeModel(type_).update(actions=[FacilityTypeModel.count.add(delta)])

    def types(self):
        """[(type, count)] for types with facilities, by type."""
        return sorted((t.type, int(t.count)) for t in FacilityTypeModel.scan() if t.count and t.count > 0)

    def type_count(self, type_):
        """How many facilities of this type (one GetItem on the types table)."""
        try:
            return int(FacilityTypeModel.get(type_).count or 0)
        except FacilityTypeModel.DoesNotExist:
            return 0

    def query_range(self, type_, partition, lo, hi, limit, start=None):
        """Facilities of one type in one geohash range of one precision-5 cell.
        Returns (items, resume key or None when the range is exhausted)."""
        results = FacilityModel.nearby_index.query(
            f"{type_}#{partition}", FacilityModel.nearby_sk.between(lo, hi + "~"),
            limit=limit, page_size=limit, last_evaluated_key=start)
        items = list(results)
        return items, results.last_evaluated_key
