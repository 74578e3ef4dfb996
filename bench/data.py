"""Synthetic reports over the City of York, written straight into the table.

Bulk loads bypass create_report (one transaction per report would take far
too long at 100k) but store every report in the store's own form
(`report_store.report_model`), so geo_pk/geo_sk are exactly what the app writes.
"""
import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from chalicelib import ids, states

YORK_BBOX = (-1.24, 53.88, -0.92, 54.06)  # w, s, e, n
CITY_CENTRE = (-1.08, 53.96)  # lon, lat
M_PER_DEG_LAT = 111_320.0

# (weight, kind): half the reports cluster in the centre (sigma ~1 km), some
# around the suburbs and villages, the rest anywhere in the bbox.
MIX = ((0.50, "centre"), (0.15, "village"), (0.35, "uniform"))
CENTRE_SIGMA_M = 1000.0
VILLAGE_SIGMA_M = 250.0
OPEN_SHARE = 0.70
OPEN_WEIGHTS = {"open": 5, "investigating": 2, "action_scheduled": 2, "in_progress": 1}
CLOSED_WEIGHTS = {"fixed": 6, "closed": 2, "duplicate": 1, "not_responsible": 1,
                  "unable_to_fix": 0.5, "no_further_action": 0.5}
SEED = 20260101


@dataclass(frozen=True)
class Pin:
    """What the benchmark remembers of each stored report (for ground truth)."""
    id: str
    lon: float
    lat: float
    state: str
    service_code: str
    geohash: str


def metres_to_degrees(metres, lat):
    """(degrees of latitude, degrees of longitude) spanning `metres` at `lat`."""
    return metres / M_PER_DEG_LAT, metres / (M_PER_DEG_LAT * math.cos(math.radians(lat)))


def in_bbox(lon, lat, bbox):
    w, s, e, n = bbox
    return w <= lon <= e and s <= lat <= n


class Generator:
    """Deterministic stream of report attributes; ids never repeat."""

    def __init__(self, seed=SEED):
        from doorstep_cli.seed import PLACES, STORIES
        self.rng = random.Random(seed)
        self.places = [(lon, lat, name) for name, lat, lon in PLACES]
        self.stories = STORIES
        self.codes = sorted(STORIES)
        self.seen = set()
        self.now = datetime.now(timezone.utc).replace(microsecond=0)

    def _gauss(self, lon, lat, sigma_m):
        dlat, dlon = metres_to_degrees(sigma_m, lat)
        return self.rng.gauss(lon, dlon), self.rng.gauss(lat, dlat)

    def point(self):
        while True:
            pick, kind = self.rng.random(), "uniform"
            for weight, name in MIX:
                if pick < weight:
                    kind = name
                    break
                pick -= weight
            if kind == "centre":
                lon, lat = self._gauss(*CITY_CENTRE, CENTRE_SIGMA_M)
            elif kind == "village":
                lon, lat, _ = self.rng.choice(self.places)
                lon, lat = self._gauss(lon, lat, VILLAGE_SIGMA_M)
            else:
                w, s, e, n = YORK_BBOX
                lon, lat = self.rng.uniform(w, e), self.rng.uniform(s, n)
            if in_bbox(lon, lat, YORK_BBOX):
                return lon, lat

    def state(self):
        weights = OPEN_WEIGHTS if self.rng.random() < OPEN_SHARE else CLOSED_WEIGHTS
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def report_id(self):
        while True:
            rid = ids.REPORT_PREFIX + "".join(self.rng.choice(ids.ALPHABET) for _ in range(ids.REPORT_ID_LENGTH))
            if rid not in self.seen:
                self.seen.add(rid)
                return rid

    def model(self):
        from chalicelib.handlers.reports.create import summarise
        from chalicelib.storage.records import Report
        from chalicelib.storage.reports.report_store import report_model
        code = self.rng.choice(self.codes)
        text, fields = self.stories[code]
        _, _, place = self.rng.choice(self.places)
        description = text.format(place=place)
        created = self.now - timedelta(days=self.rng.uniform(0, 180))
        state = self.state()
        changed = state != states.INITIAL
        lon, lat = self.point()
        return report_model(Report(
            id=self.report_id(), service_code=code, state=state, description=description,
            summary=summarise(description), fields=fields, source="web",
            token_hash=ids.digest(f"bench-{len(self.seen)}"), lon=round(lon, 7), lat=round(lat, 7),
            created_at=created, updated_at=created + timedelta(days=3) if changed else created,
            update_count=2 if changed else 1, version=1))


def load(generator, count, progress=None, every=10_000):
    """Write `count` new reports with batch_write; returns their Pins."""
    from chalicelib.storage.reports.reports import ReportModel
    pins = []
    with ReportModel.batch_write() as batch:
        for i in range(count):
            r = generator.model()
            batch.save(r)
            pins.append(Pin(r.id, float(r.lon), float(r.lat), r.state, r.service_code,
                            r.geo_sk.split("#", 1)[0]))
            if progress and (i + 1) % every == 0:
                progress(f"  wrote {i + 1:,}/{count:,}")
    return pins
