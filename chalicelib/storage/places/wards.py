"""Wards (a council's electoral areas) with their councillors, found by point.

Table `wards`: one item per ward: id, name, geometry (GeoJSON, stored as
zlib-compressed JSON: a surveyed boundary has thousands of vertices and an
item is capped at 400 KB), bbox, councillors (JSON text) and the index cells
it was written under (so a new boundary can retire the old rows).

Table `ward-cells`: one row per (precision-5 geohash cell, ward) for each cell
the ward's bbox touches, carrying the bbox. A point query reads one partition,
the point's cell: the few wards whose bbox reaches it (about 3 x 5 km at
York's latitude), drops those whose bbox misses the point, fetches the rest
by key and tests the polygon. Its cost follows the wards near the point,
never the number of wards stored.
"""
import json
import zlib
from dataclasses import field

from pynamodb.attributes import BinaryAttribute, ListAttribute, NumberAttribute, UnicodeAttribute

from ...geo import cells, polygon
from ..binding import Stored, bind, get_or_none, table
from ..council_key import CouncilKey
from ..listing import EVERY, ListingIndex, listed
from ..record_class import record
from ..data_map import NONE, holds_nothing

CELL_PRECISION = 5
MAX_GEOMETRY_BYTES = 300_000  # compressed; leaves room in DynamoDB's 400 KB item
MAX_CELLS = 2_000  # a bbox about 90 x 90 km: more is a wrong file, not a ward
BATCH = 100  # BatchGetItem's limit


@record
class Ward:
    """A ward as domain code sees it. councillors: [{name, party, email,
    phone, surgery}]; None (on put_many) keeps the stored list."""
    id: str
    name: str
    geometry: dict
    councillors: list = field(default_factory=list)
    bbox: tuple = None

    def __post_init__(self):
        if self.bbox is None:
            self.bbox = polygon.bbox_of(self.geometry)

    def contains(self, lon, lat):
        return polygon.contains(self.geometry, lon, lat)


def geometry_blob(geometry):
    """The stored form of a geometry; ValueError when it cannot be stored."""
    blob = zlib.compress(json.dumps(geometry, separators=(",", ":")).encode(), 6)
    if len(blob) > MAX_GEOMETRY_BYTES:
        raise ValueError(f"the boundary is {len(blob) // 1000} KB compressed, over "
                         f"{MAX_GEOMETRY_BYTES // 1000} KB: simplify it")
    return blob


def index_cells(bbox):
    """The precision-5 cells a ward with this bbox is indexed under. The bbox
    grows by the boundary tolerance, so a point that counts as on the edge is
    never in a cell the ward is missing from."""
    tol = polygon.BOUNDARY_TOLERANCE_DEG
    w, s, e, n = bbox
    box = (max(w - tol, -180.0), max(s - tol, -90.0), min(e + tol, 180.0), min(n + tol, 90.0))
    if cells.cover_count(*box, CELL_PRECISION) > MAX_CELLS:
        raise ValueError(f"the boundary spans more than {MAX_CELLS} geohash cells: is it one ward?")
    return cells.bbox_cells(*box, CELL_PRECISION)


class WardModel(Stored):
    class Meta:
        table_name = table("wards")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(name="a ward's public name",
                            councillors="elected councillors' public names and contacts, as the council publishes them")

    id = CouncilKey(hash_key=True)
    name = UnicodeAttribute()
    geometry = BinaryAttribute(legacy_encoding=False)
    w = NumberAttribute()
    s = NumberAttribute()
    e = NumberAttribute()
    n = NumberAttribute()
    councillors = UnicodeAttribute(default="[]")
    cells = ListAttribute(of=UnicodeAttribute, default=list)
    listing = CouncilKey(null=True)  # EVERY: the council's wards, one Query (storage/listing.py)
    listing_index = ListingIndex()

    def ward(self):
        return Ward(self.id, self.name, json.loads(zlib.decompress(self.geometry)),
                    json.loads(self.councillors or "[]"),
                    (float(self.w), float(self.s), float(self.e), float(self.n)))


class WardCellModel(Stored):
    """The lookup index: which wards' bboxes reach a geohash cell."""
    class Meta:
        table_name = table("ward-cells")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    cell = CouncilKey(hash_key=True)
    ward_id = UnicodeAttribute(range_key=True)
    w = NumberAttribute()
    s = NumberAttribute()
    e = NumberAttribute()
    n = NumberAttribute()


class WardStore:
    def __init__(self):
        bind()

    def get(self, ward_id):
        model = get_or_none(WardModel, str(ward_id))
        return model.ward() if model else None

    def at_point(self, lon, lat):
        """The ward holding (lon, lat), or None outside every ward.

        A point on a boundary two wards share is in both (boundaries count as
        inside); the ward with the lowest id answers, so the answer is always
        the same. One Query (the point's cell) and one BatchGet (candidates).
        """
        tol = polygon.BOUNDARY_TOLERANCE_DEG
        cell = cells.encode(lon, lat, CELL_PRECISION)
        candidates = [row.ward_id for row in WardCellModel.query(cell)
                      if row.w - tol <= lon <= row.e + tol and row.s - tol <= lat <= row.n + tol]
        for ward in sorted(self._many(candidates), key=lambda w: w.id):
            if ward.contains(lon, lat):
                return ward
        return None

    def in_bbox(self, w, s, e, n):
        """Wards whose bbox meets (w, s, e, n): one Query per precision-5
        cell of the box, then one BatchGet; the caller tests the shapes."""
        found = set()
        for cell in cells.bbox_cells(w, s, e, n, CELL_PRECISION):
            found.update(row.ward_id for row in WardCellModel.query(cell)
                         if row.w <= e and w <= row.e and row.s <= n and s <= row.n)
        return sorted(self._many(sorted(found)), key=lambda ward: ward.id)

    def all(self):
        """Every ward of the council, by name: one Query of its listing (a council has tens of
        wards; this serves listings and the CLI, never a point lookup)."""
        return sorted((m.ward() for m in listed(WardModel)), key=lambda w: (w.name, w.id))

    def put_many(self, wards):
        """Upsert wards by id; their index rows follow (rows of a moved
        boundary's old cells are deleted after the new ones are written, so a
        reader never misses the ward). Returns how many were written."""
        wards = list({w.id: w for w in wards}.values())  # a repeated id: the last one wins
        for start in range(0, len(wards), BATCH):
            self._put_chunk(wards[start:start + BATCH])
        return len(wards)

    def set_councillors(self, ward_id, councillors):
        """Replace one ward's councillors; False when there is no such ward."""
        from pynamodb.exceptions import UpdateError
        try:
            WardModel(str(ward_id)).update(actions=[WardModel.councillors.set(json.dumps(councillors))],
                                          condition=WardModel.id.exists())
        except UpdateError as e:
            if e.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def exists(self, ward_ids):
        """The subset of ward_ids that are stored (reads keys only)."""
        ids = list(dict.fromkeys(str(i) for i in ward_ids))
        found = set()
        for start in range(0, len(ids), BATCH):
            found.update(m.id for m in WardModel.batch_get(ids[start:start + BATCH], attributes_to_get=["id"]))
        return found

    def _many(self, ward_ids):
        ids = list(dict.fromkeys(ward_ids))
        found = []
        for start in range(0, len(ids), BATCH):
            found.extend(m.ward() for m in WardModel.batch_get(ids[start:start + BATCH]))
        return found

    def _put_chunk(self, wards):
        before = {m.id: m for m in WardModel.batch_get([w.id for w in wards],
                                                       attributes_to_get=["id", "cells", "councillors"])}
        items, rows, stale = [], [], []
        for ward in wards:
            old = before.get(ward.id)
            now = index_cells(ward.bbox)
            councillors = ward.councillors
            if councillors is None:
                councillors = json.loads(old.councillors) if old is not None and old.councillors else []
            w, s, e, n = ward.bbox
            items.append(WardModel(ward.id, name=ward.name, geometry=geometry_blob(ward.geometry),
                                   w=w, s=s, e=e, n=n, councillors=json.dumps(councillors), cells=now,
                                   listing=EVERY))
            rows.extend(WardCellModel(c, ward.id, w=w, s=s, e=e, n=n) for c in now)
            if old is not None:
                stale.extend(WardCellModel(c, ward.id) for c in set(old.cells or []) - set(now))
        with WardCellModel.batch_write() as batch:
            for row in rows:
                batch.save(row)
        with WardModel.batch_write() as batch:
            for item in items:
                batch.save(item)
        with WardCellModel.batch_write() as batch:
            for row in stale:
                batch.delete(row)
