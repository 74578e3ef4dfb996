"""Synthetic triaged reports for the inbox benchmark, and a loader that puts
their inbox rows straight into moto's in-memory table.

Each report's rows are the app's own (`storage.staff.inbox.rows`): the same
partitions, sort keys and attributes a report's transaction writes. They go
into moto's table directly rather than through BatchWriteItem, because moto
builds each item through a size check per attribute (about 1,200 rows a
second; a 100,000-report inbox is about 2.3 million rows), and equal
attribute values share one object, so the table fits in memory. What a Query
reads and returns is unchanged: moto answers from the same items.
"""
import math
from datetime import timedelta

from chalicelib.workdays import Calendar
from chalicelib.stamps import london_today

from .data import Generator

PRIORITIES = {"normal": 70, "high": 15, "low": 10, "urgent": 5}
TEAMS = ("north", "south", "lighting")
ASSIGNED_SHARE = 0.4
NO_PLACE_SHARE = 0.03  # complaints and FOI requests: no point, no ward
DUE_DAYS = {"pothole": 20, "street_light": 10, "fly_tipping": 5, "missed_bin": 2, "blocked_drain": 10,
            "complaint": 10, "foi_request": 20}
DAYS = 730  # reports made over two years
YORK_DAYS = Calendar("england-and-wales")  # the inbox loaded is York's: England's bank holidays


def _wards():
    from doorstep_cli.demo_wards import CENTRES
    return [(ward_id, lon, lat) for ward_id, _, lon, lat in CENTRES]


class Reports:
    """A deterministic stream of triaged Report records over York."""

    def __init__(self, seed=20261122):
        self.points = Generator(seed)
        self.rng = self.points.rng
        self.wards = _wards()
        self.scale = math.cos(math.radians(53.96))
        self.now = self.points.now

    def ward(self, lon, lat):
        # The demo wards are the Voronoi cells of their centres (doorstep_cli/demo_wards.py).
        return min(self.wards, key=lambda w: ((w[1] - lon) * self.scale) ** 2 + (w[2] - lat) ** 2)[0]

    def next(self):
        from chalicelib.handlers.reports.create import summarise
        from chalicelib.storage.records import Report
        rng = self.rng
        no_place = rng.random() < NO_PLACE_SHARE
        code = rng.choice(("complaint", "foi_request")) if no_place else rng.choice(self.points.codes)
        text = "Complaint about the handling of my missed bin collection last week." if code == "complaint" else \
            "Request for the number of potholes repaired in my ward last year." if no_place else \
            self.points.stories[code][0].format(place=rng.choice(self.points.places)[2])
        created = self.now - timedelta(days=rng.uniform(0, DAYS))
        state = self.points.state()
        report = Report(id=self.points.report_id(), service_code=code, state=state, description=text,
                        summary=summarise(text), created_at=created, updated_at=created,
                        priority=rng.choices(list(PRIORITIES), list(PRIORITIES.values()))[0])
        if not no_place:
            lon, lat = self.points.point()
            report.lon, report.lat, report.ward = round(lon, 7), round(lat, 7), self.ward(lon, lat)
        if code in DUE_DAYS:
            report.due = YORK_DAYS.add_working_days(london_today(created), DUE_DAYS[code]).isoformat()
        if rng.random() < ASSIGNED_SHARE:
            report.assignment = {"team": rng.choice(TEAMS)}
        return report


class Loader:
    """Puts rows into moto's table as items, sharing equal values."""

    def __init__(self, model):
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.dynamodb.models import dynamodb_backends
        from chalicelib.config import settings
        self.table = dynamodb_backends[DEFAULT_ACCOUNT_ID][settings().region].tables[model.Meta.table_name]
        self.values, self.names, self.rows = {}, {}, 0

    def _value(self, wire):
        from moto.dynamodb.models.dynamo_type import DynamoType
        (kind, value), = wire.items()
        key = (kind, tuple(v["S"] for v in value) if kind == "L" else value)
        found = self.values.get(key)
        if found is None:
            found = self.values[key] = DynamoType(wire)
        return found

    def put(self, row):
        from moto.dynamodb.models.dynamo_type import Item, LimitedSizeDict
        attrs = LimitedSizeDict.__new__(LimitedSizeDict)
        dict.__init__(attrs)
        for name, wire in row.serialize().items():
            dict.__setitem__(attrs, self.names.setdefault(name, name), self._value(wire))
        item = Item.__new__(Item)
        item.hash_key, item.range_key, item.attrs = attrs["facet"], attrs["newest"], attrs
        self.table.items[item.hash_key][item.range_key] = item
        self.rows += 1

    def forget_values(self):
        """Values shared within one report are not shared with the next: keep the cache small."""
        if len(self.values) > 200_000:
            self.values.clear()


def load(loader, reports, count, progress=None):
    """Write `count` more reports' rows; returns the reports (for ground truth)."""
    from chalicelib.storage.staff import inbox
    made = []
    for n in range(count):
        report = reports.next()
        for row in inbox.rows(report):
            loader.put(row)
        loader.forget_values()
        made.append(report)
        if progress and (n + 1) % 20_000 == 0:
            progress(f"  {n + 1:,}/{count:,} reports, {loader.rows:,} rows")
    return made

