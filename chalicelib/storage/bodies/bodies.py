"""Bodies: the council itself and the others that act on reports (a county's
highways, a national roads body), each with its area, the categories it
takes there and how reports reach it.

Table `bodies`: one item per body; its area's geometry is stored compressed
as wards' are (a surveyed boundary has thousands of vertices), beside the
index cells it was written under so a new area retires the old rows.

Table `body-cells`: one row per (precision-5 geohash cell, body) for each cell
the body's bbox touches, carrying the bbox, the categories and the
precedence. Routing a point reads one partition, the point's cell, keeps the
rows whose bbox and category fit, and fetches only those bodies to test their
shapes: its cost follows the bodies near the point, never how many exist.
"""
import json
import math
import zlib
from dataclasses import field

from pynamodb.attributes import (BinaryAttribute, BooleanAttribute, JSONAttribute, ListAttribute, NumberAttribute,
                                 UnicodeAttribute, VersionAttribute)

from ...geo import cells, polygon
from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..listing import EVERY, ListingIndex, listed
from ..record_class import record
from ..places.wards import geometry_blob
from ..data_map import holds_nothing

CELL_PRECISION = 5
MAX_CELLS = 5_000  # about 350 x 350 km at York's latitude: a county, not a country
BATCH = 100  # BatchGetItem's limit
EVERY_CATEGORY = "*"


@record
class Body:
    """A body as domain code sees it (handlers/bodies/ says what each holds).

    area: {"kind": "council" | "polygons" | "wards" | "line", "geometry": GeoJSON
    (always present once stored: the council's boundary, the wards' shapes,
    the drawn polygons or the road's LineString), "within_m" (lines), "wards"}.
    """
    id: str
    name: str
    area: dict
    categories: list = field(default_factory=lambda: [EVERY_CATEGORY])
    send_method: str = "inbox"
    precedence: int = 0
    contact_text: str = ""
    endpoint: str | None = None
    api_key: str | None = None  # a secret: shown to nobody once stored
    jurisdiction_id: str | None = None
    format: str = "json"
    service_codes: dict = field(default_factory=dict)  # our category -> the body's service_code
    status_map: dict = field(default_factory=dict)  # the body's status -> our state
    email: str | None = None
    council: str | None = None  # send_method "council": the council of the deployment that receives (and holds) it
    gets_contact: bool = False  # may see the reporter's name, e-mail and phone
    answer_within_days: int | None = None  # re-sent once, with a note, when nothing came back by then
    retired: bool = False
    bbox: tuple | None = None
    version: int | None = None

    def takes(self, service_code):
        return EVERY_CATEGORY in self.categories or service_code in self.categories

    def holds(self, lon, lat):
        """Whether the point is in this body's area (a road's: within its distance)."""
        geometry = self.area["geometry"]
        if geometry.get("type") in ("LineString", "MultiLineString"):
            from ...geo.overlap import line_within
            return line_within(geometry, lon, lat, float(self.area.get("within_m") or 0))
        return polygon.contains(geometry, lon, lat)


def index_bbox(area):
    """The box a body is indexed under: its shape's, grown by a road's
    distance and the boundary tolerance, so no point it holds is missed."""
    w, s, e, n = polygon.bbox_of(area["geometry"]) if area["geometry"]["type"] not in (
        "LineString", "MultiLineString") else _line_bbox(area["geometry"])
    grow_lat = float(area.get("within_m") or 0) / 111_320.0 + polygon.BOUNDARY_TOLERANCE_DEG
    grow_lon = grow_lat / max(math.cos(math.radians(max(abs(s), abs(n)))), 0.01)
    return (max(w - grow_lon, -180.0), max(s - grow_lat, -90.0), min(e + grow_lon, 180.0), min(n + grow_lat, 90.0))


def _line_bbox(geometry):
    lines = geometry["coordinates"] if geometry["type"] == "MultiLineString" else [geometry["coordinates"]]
    xs = [p[0] for line in lines for p in line]
    ys = [p[1] for line in lines for p in line]
    return min(xs), min(ys), max(xs), max(ys)


def index_cells(bbox):
    if cells.cover_count(*bbox, CELL_PRECISION) > MAX_CELLS:
        raise ValueError(f"the area spans more than {MAX_CELLS} geohash cells: draw a smaller one")
    return cells.bbox_cells(*bbox, CELL_PRECISION)


class BodyModel(Stored):
    class Meta:
        table_name = table("bodies")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(name="a body's public name (a county's highways)")

    id = CouncilKey(hash_key=True)
    name = UnicodeAttribute()
    geometry = BinaryAttribute(legacy_encoding=False)
    area = JSONAttribute(default=dict)  # kind, within_m, wards: the rest of the area
    settings = JSONAttribute(default=dict)  # everything else a Body holds
    retired = BooleanAttribute(default=False)
    w = NumberAttribute()
    s = NumberAttribute()
    e = NumberAttribute()
    n = NumberAttribute()
    cells = ListAttribute(of=UnicodeAttribute, default=list)
    version = VersionAttribute()
    listing = CouncilKey(null=True)  # EVERY: the council's bodies, one Query (storage/listing.py)
    listing_index = ListingIndex()

    def body(self):
        area = {**self.area, "geometry": json.loads(zlib.decompress(self.geometry))}
        return Body(id=self.id, name=self.name, area=area, retired=bool(self.retired),
                    bbox=(float(self.w), float(self.s), float(self.e), float(self.n)), version=self.version,
                    **self.settings)


class BodyCellModel(Stored):
    """The routing index: which bodies' boxes reach a geohash cell, with what they take."""
    class Meta:
        table_name = table("body-cells")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(body_id="a body's id: an organisation, not a person")

    cell = CouncilKey(hash_key=True)
    body_id = UnicodeAttribute(range_key=True)
    w = NumberAttribute()
    s = NumberAttribute()
    e = NumberAttribute()
    n = NumberAttribute()
    categories = ListAttribute(of=UnicodeAttribute, default=list)
    precedence = NumberAttribute(default=0)


_SETTINGS = ("categories", "send_method", "precedence", "contact_text", "endpoint", "api_key", "jurisdiction_id",
             "format", "service_codes", "status_map", "email", "gets_contact", "answer_within_days", "council")


class BodyStore:
    def __init__(self):
        bind()

    def get(self, body_id):
        model = get_or_none(BodyModel, str(body_id))
        return model.body() if model else None

    def get_many(self, body_ids):
        found = {}
        ids = list(dict.fromkeys(body_ids))
        for start in range(0, len(ids), BATCH):
            found.update((m.id, m.body()) for m in BodyModel.batch_get(ids[start:start + BATCH]))
        return [found[i] for i in ids if i in found]

    def all(self):
        """Every body of the council, retired too, by name: one Query of its listing, for the
        admin list and the CLI (a council has a handful), never for routing."""
        return sorted((m.body() for m in listed(BodyModel)), key=lambda b: (b.name.lower(), b.id))

    def at_point(self, lon, lat):
        """The bodies (not retired) whose area holds (lon, lat), highest
        precedence first. One Query (the point's cell) and one BatchGet of the
        bodies whose box reaches the point."""
        tol = polygon.BOUNDARY_TOLERANCE_DEG
        cell = cells.encode(lon, lat, CELL_PRECISION)
        near = [row.body_id for row in BodyCellModel.query(cell)
                if row.w - tol <= lon <= row.e + tol and row.s - tol <= lat <= row.n + tol]
        found = [b for b in self.get_many(near) if not b.retired and b.holds(lon, lat)]
        return sorted(found, key=lambda b: (-b.precedence, b.id))

    def save(self, body, new=False):
        """Store a body and rewrite its index rows, in one transaction. A stale
        version fails (EditConflict("body")); new=True fails when the id is
        taken (AlreadyExists("body"))."""
        bbox = index_bbox(body.area)
        wanted = [] if body.retired else index_cells(bbox)  # a retired body is routed to no more
        old = get_or_none(BodyModel, body.id)
        old_cells = set(old.cells) if old else set()
        model = BodyModel(id=body.id, name=body.name, geometry=geometry_blob(body.area["geometry"]),
                          area={k: v for k, v in body.area.items() if k != "geometry"},
                          settings={k: getattr(body, k) for k in _SETTINGS}, retired=body.retired,
                          w=bbox[0], s=bbox[1], e=bbox[2], n=bbox[3], cells=wanted, listing=EVERY)
        if body.version is not None:
            model.version = body.version
        parts = ["body"]
        with writes(parts, exists={"body"} if new else ()):
            self._write(model, old_cells, wanted, body, new)
        body.version, body.bbox = model.version, bbox
        return body

    @staticmethod
    def _write(model, old_cells, wanted, body, new):
        # The body item first, with its version's condition; then the cell
        # rows, which carry only what routing filters on. More rows than one
        # transaction holds go in batches afterwards: a reader meanwhile sees
        # the old rows or the new, and the item's shape decides either way.
        condition = BodyModel.id.does_not_exist() if new else None
        with transaction() as t:
            t.save(model, condition=condition)
        rows = [BodyCellModel(cell=c, body_id=body.id, w=model.w, s=model.s, e=model.e, n=model.n,
                              categories=list(body.categories), precedence=int(body.precedence))
                for c in wanted]
        with BodyCellModel.batch_write() as batch:
            for row in rows:
                batch.save(row)
            for cell in old_cells - set(wanted):
                batch.delete(BodyCellModel(cell=cell, body_id=body.id))
