"""Facilities (libraries, recycling centres, toilets...): "where's my nearest".

Each facility is one item keyed by its id. The `nearby` index partitions by
type and precision-5 cell ("library#gcwy8"), sorted by geohash9#id, so a
nearest query reads one type only. Facility types and their counts live in a
tiny table of their own, kept by put_many, so listing types never scans
facilities; one more item there ("#all") holds every type's count, so listing
types is one GetItem. Each type's item also holds how many of its facilities
lie in each precision-5 cell (`cells`): one GetItem tells a nearest search
which partitions are empty (never queried) and how dense the others are.
"""
from pynamodb.attributes import MapAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError, UpdateError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ...geo import cells
from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table
from ..council_key import CouncilKey
from ..errors import CONDITION_FAILED
from ..records import Facility
from ..data_map import NONE, holds_nothing

OPTIONAL = ("address", "opening_hours", "phone", "url", "accessibility")


class NearbyIndex(GlobalSecondaryIndex):
    """Geo index per type: partition = "{type}#{cell5}", sort = "{geohash9}#{id}"."""
    class Meta:
        index_name = "nearby"
        projection = AllProjection()  # facilities are small; results need every field

    nearby_pk = CouncilKey(hash_key=True)
    nearby_sk = UnicodeAttribute(range_key=True)


class FacilityModel(Stored):
    class Meta:
        table_name = table("facilities")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(
        name="a library's or a recycling centre's public name", address="its public address",
        phone="its public phone number", lat="where it stands", lon="where it stands")

    id = CouncilKey(hash_key=True)
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
    nearby_pk = CouncilKey()
    nearby_sk = UnicodeAttribute()

    nearby_index = NearbyIndex()


class FacilityTypeModel(Stored):
    """How many facilities of each type there are (kept by FacilityStore.put_many)."""
    class Meta:
        table_name = table("facility-types")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    type = CouncilKey(hash_key=True)
    count = NumberAttribute(default=0)
    # {cell5: facilities of this type in it}; a council has a few dozen cells,
    # so the item stays small (400 KB would hold tens of thousands).
    cells = MapAttribute(null=True)
    counts = MapAttribute(null=True)  # the ALL_TYPES item only: {type: count}


ALL_TYPES = "#all"  # no facility type starts with "#"


def facility(id, type, name, lon, lat, **optional):
    """A Facility record with its geohash filled in."""
    fields = {k: optional.get(k) or None for k in OPTIONAL}
    return Facility(id=str(id), type=type, name=name, lon=lon, lat=lat,
                    geohash=cells.encode(lon, lat, cells.POINT_PRECISION), **fields)


def _nearby_pk(row):
    return f"{row.type}#{row.geohash[:cells.PARTITION_PRECISION]}"


def _model(row):
    return model_of(FacilityModel, row, nearby_pk=_nearby_pk(row), nearby_sk=f"{row.geohash}#{row.id}")


class FacilityStore:
    BATCH = 100  # BatchGetItem's limit
    GROUP = 2000  # rows per count update: fewer, larger updates of the types item

    def __init__(self):
        bind()

    def get(self, facility_id):
        return record_of(Facility, get_or_none(FacilityModel, facility_id))

    def put_many(self, rows):
        """Upsert Facility records (see `facility`) in groups; the type and cell counts follow (a
        facility that moved or changed type leaves its old count). Returns how many."""
        count, group = 0, []
        for row in rows:
            group.append(row)
            if len(group) == self.GROUP:
                count += self._put_group(group)
                group = []
        if group:
            count += self._put_group(group)
        return count

    def _put_group(self, group):
        latest = {row.id: row for row in group}  # a repeated id: the last one wins
        before = self._index_keys_of(latest)
        deltas = {}  # type -> {cell5: change}
        for fid, row in latest.items():
            old = before.get(fid)
            if old != _nearby_pk(row):
                _count(deltas, _nearby_pk(row), 1)
                if old is not None:
                    _count(deltas, old, -1)
        # Counts first: a nearest search never queries a cell its count says is
        # empty, so a crash between the two must leave counts high, not low.
        for type_, by_cell in deltas.items():
            self._add_counts(type_, {cell: n for cell, n in by_cell.items() if n})
        with FacilityModel.batch_write() as batch:
            for row in latest.values():
                batch.save(_model(row))
        return len(latest)

    def _index_keys_of(self, ids):
        """{id: nearby_pk ("type#cell5")} for the ids that exist (BatchGetItem, 100 at a time)."""
        ids, found = list(dict.fromkeys(ids)), {}
        for start in range(0, len(ids), self.BATCH):
            found.update((f.id, f.nearby_pk) for f in FacilityModel.batch_get(
                ids[start:start + self.BATCH], attributes_to_get=["id", "nearby_pk"]))
        return found

    def types_of(self, ids):
        """{id: type} for the ids that exist."""
        return {fid: pk.split("#", 1)[0] for fid, pk in self._index_keys_of(ids).items()}

    def delete_many(self, ids):
        """Delete facilities by id (unknown ids are ignored); the type and cell
        counts follow. Returns how many were deleted."""
        existing = self._index_keys_of(ids)
        with FacilityModel.batch_write() as batch:
            for fid in existing:
                batch.delete(FacilityModel(fid))
        # Counts after the rows: a crash between the two leaves counts high
        # (a search reads an empty cell), never low (a search skips a facility).
        deltas = {}
        for pk in existing.values():
            _count(deltas, pk, -1)
        for type_, by_cell in deltas.items():
            self._add_counts(type_, by_cell)
        return len(existing)

    @staticmethod
    def _add_counts(type_, by_cell):
        if not by_cell:
            return
        # Two updates: DynamoDB refuses a SET of `cells` and of `cells.x` in one.
        FacilityTypeModel(type_).update(actions=[
            FacilityTypeModel.count.add(sum(by_cell.values())),
            FacilityTypeModel.cells.set(FacilityTypeModel.cells | {})])
        FacilityTypeModel(type_).update(actions=[
            FacilityTypeModel.cells[cell].set((FacilityTypeModel.cells[cell] | 0) + n)
            for cell, n in sorted(by_cell.items())])
        # The list of types follows, once it exists: types() makes it from the
        # types' own items, so one written here alone could miss the others.
        try:
            FacilityTypeModel(ALL_TYPES).update(actions=[
                FacilityTypeModel.counts[type_].set((FacilityTypeModel.counts[type_] | 0) + sum(by_cell.values()))],
                condition=FacilityTypeModel.type.exists())
        except UpdateError as e:
            if not _condition_failed(e):
                raise

    def types(self):
        """[(type, count)] for types with facilities, by type: one GetItem."""
        summary = get_or_none(FacilityTypeModel, ALL_TYPES)
        counts = summary.counts.as_dict() if summary is not None and summary.counts else None
        if counts is None:
            counts = self._list_types()
        return sorted((t, int(n)) for t, n in counts.items() if int(n) > 0)

    @staticmethod
    def _list_types():
        """Make the ALL_TYPES item from the types' items (once: a stage from
        before it existed, or an empty one)."""
        counts = {t.type: int(t.count or 0) for t in FacilityTypeModel.scan() if t.type != ALL_TYPES}
        try:
            FacilityTypeModel(ALL_TYPES, counts=counts).save(condition=FacilityTypeModel.type.does_not_exist())
        except PutError as e:
            if not _condition_failed(e):
                raise
        return counts

    def type_cells(self, type_):
        """(count, {cell5: count}, or None where the cell counts do not add up
        to the count); one GetItem on the types table."""
        item = get_or_none(FacilityTypeModel, type_)
        if item is None:
            return 0, {}
        count = int(item.count or 0)
        by_cell = {c: int(n) for c, n in item.cells.as_dict().items() if int(n) > 0} if item.cells else None
        # Facilities stored before cell counts existed are in `count` but in no
        # cell: then the counts cannot say where the empty cells are.
        return count, by_cell if by_cell is not None and sum(by_cell.values()) == count else None

    def query_range(self, type_, partition, lo, hi, limit, start=None):
        """Facilities of one type in one geohash range of one precision-5 cell.
        Returns (items, resume key or None when the range is exhausted)."""
        results = FacilityModel.nearby_index.query(
            f"{type_}#{partition}", FacilityModel.nearby_sk.between(lo, hi + "~"),
            limit=limit, page_size=limit, last_evaluated_key=start_key(FacilityModel, start))
        items = [record_of(Facility, f) for f in results]
        return items, page_key(FacilityModel, results.last_evaluated_key)


def _condition_failed(error):
    return getattr(error, "cause_response_code", None) in CONDITION_FAILED


def _count(deltas, nearby_pk, n):
    type_, cell = nearby_pk.split("#", 1)
    by_cell = deltas.setdefault(type_, {})
    by_cell[cell] = by_cell.get(cell, 0) + n
