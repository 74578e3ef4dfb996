"""Our copy of the council's planning register (handlers/planning).

One item per application, keyed by our id (its reference made a path
segment, planning/ids.py). Those placed on the map carry the `near` index's
keys: partition the precision-5 cell, sort "{geohash9}#{id}", so "near me"
reads the few ranges of cells its circle covers and nothing else (the same
scheme as reports' and facilities'). A tiny second table keeps the sync's
state by name: its health for staff, and the weekly lists already read.
"""
import json

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ...geo import cells
from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention, holds_nothing

FIELDS = ("reference", "key", "proposal", "address", "status", "decision", "decided", "validated", "received",
          "consultation_ends", "appeal_status", "app_type", "ward", "link", "comment_link", "digest",
          "seen_at", "changed_at")


class NearIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "near"
        projection = AllProjection()  # a list shows what the one application shows, but its links

    near_pk = CouncilKey(hash_key=True)
    near_sk = UnicodeAttribute(range_key=True)


class PlanningApplicationModel(Stored):
    class Meta:
        table_name = table("planning-applications")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"address": "address", "proposal": "free_text"}, whose="resident", part="planning",
        basis="public_task", recipients=("public",),
        not_personal={"lat": "the site's point, as the register publishes it", "lon": "the site's point",
                      "comment_link": "the register's own page"},
        purpose="Our copy of the public planning register, to show applications near a resident",
        retention=Retention(after="decided", months=36, source="project",
                            note="the register keeps the record; our copy follows it"))

    id = CouncilKey(hash_key=True)
    reference = UnicodeAttribute()
    key = UnicodeAttribute()  # the register's own (Idox keyVal, PlanIt name)
    proposal = UnicodeAttribute()
    address = UnicodeAttribute(null=True)
    status = UnicodeAttribute(null=True)
    decision = UnicodeAttribute(null=True)
    decided = UnicodeAttribute(null=True)
    validated = UnicodeAttribute(null=True)
    received = UnicodeAttribute(null=True)
    consultation_ends = UnicodeAttribute(null=True)
    appeal_status = UnicodeAttribute(null=True)
    app_type = UnicodeAttribute(null=True)
    ward = UnicodeAttribute(null=True)
    link = UnicodeAttribute(null=True)
    comment_link = UnicodeAttribute(null=True)
    lat = NumberAttribute(null=True)
    lon = NumberAttribute(null=True)
    digest = UnicodeAttribute(null=True)  # of the register's answer: written again only when it changes
    seen_at = UnicodeAttribute(null=True)
    changed_at = UnicodeAttribute(null=True)
    near_pk = CouncilKey(null=True)  # sparse: only applications placed on the map
    near_sk = UnicodeAttribute(null=True)

    near_index = NearIndex()


class PlanningStateModel(Stored):
    class Meta:
        table_name = table("planning-sync")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(name="the sync's own document's name", body="the sync's health and the lists read")

    name = CouncilKey(hash_key=True)  # "health", "lists"
    body = UnicodeAttribute()  # JSON
    at = UnicodeAttribute(null=True)


def _plain(item):
    found = {name: getattr(item, name) for name in ("id", *FIELDS)}
    found.update(lat=float(item.lat) if item.lat is not None else None,
                 lon=float(item.lon) if item.lon is not None else None)
    return {k: ("" if v is None and k not in ("lat", "lon") else v) for k, v in found.items()}


class PlanningStore:
    BATCH = 100

    def __init__(self):
        bind()

    def get(self, app_id):
        item = get_or_none(PlanningApplicationModel, app_id)
        return _plain(item) if item is not None else None

    def many(self, ids):
        """{id: application} for those kept (BatchGetItem, 100 at a time)."""
        ids, found = list(dict.fromkeys(ids)), {}
        for start in range(0, len(ids), self.BATCH):
            found.update((i.id, _plain(i)) for i in PlanningApplicationModel.batch_get(ids[start:start + self.BATCH]))
        return found

    def save(self, row, events=()):
        """Write one application (a dict of FIELDS, id, lat, lon) and the events its change writes, one
        transaction; placed ones get the near index's keys."""
        from ..reports.report_store import event_model
        extra = {}
        if row.get("lat") is not None and row.get("lon") is not None:
            point = cells.encode(row["lon"], row["lat"], cells.POINT_PRECISION)
            extra = {"near_pk": point[:cells.PARTITION_PRECISION], "near_sk": f"{point}#{row['id']}"}
        values = {k: row.get(k) or None for k in FIELDS}
        item = PlanningApplicationModel(row["id"], lat=row.get("lat"), lon=row.get("lon"),
                                        **{k: v for k, v in {**values, **extra}.items() if v is not None})
        if not events:
            item.save()
            return
        with writes(["application", *["event"] * len(events)]), transaction() as t:
            t.save(item)
            for event in events:
                t.save(event_model(event))

    def seen(self, app_id, at):
        PlanningApplicationModel(app_id).update(actions=[PlanningApplicationModel.seen_at.set(at)])

    def in_ranges(self, ranges, limit):
        """Applications whose point lies in the (partition, lo, hi) ranges (geo.cells.cell_ranges): at most `limit`."""
        found = []
        for partition, lo, hi in ranges:
            left = limit - len(found)
            if left <= 0:
                break
            found.extend(_plain(i) for i in PlanningApplicationModel.near_index.query(
                partition, PlanningApplicationModel.near_sk.between(lo, hi + "~"), limit=left, page_size=left))
        return found

    def state(self, name):
        """(body, at) of a kept state, or (None, None)."""
        item = get_or_none(PlanningStateModel, name)
        return (json.loads(item.body), item.at) if item is not None else (None, None)

    def keep_state(self, name, body, at):
        PlanningStateModel(name, body=json.dumps(body, sort_keys=True), at=at).save()
