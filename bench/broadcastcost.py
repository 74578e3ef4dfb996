"""`python -m bench.broadcastcost`: what finding a broadcast's audience reads.

Not part of `make bench` (counts only, no timings): loads the demo council's
wards into moto, 1,000 circle followers of "bins" (radius 250 m - 2 km, at
random points inside York) and 210 ward followers (10 per ward), then finds
the audience of a broadcast to each ward, to a 1 km circle at the Minster and
to a polygon around the city centre, printing queries, items read and people
matched. Reads follow the target's size, never the number of subscribers.
"""
import random

from . import env

env.apply()

SUBSCRIBERS, PER_WARD = 1000, 10


def _subscribe(deps, rng):
    from chalicelib.handlers.alerts.targets import broadcast_cells, ward_key
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    w, s, e, n = deps.area.bbox
    now = deps.clock()
    made = 0
    while made < SUBSCRIBERS:
        lon, lat = rng.uniform(w, e), rng.uniform(s, n)
        if not deps.area.contains(lon, lat):
            continue
        radius = rng.choice([250, 500, 1000, 2000])
        alert = AlertModel(id=f"alc{made:07d}", kind="broadcast", channels={"sms": "+447700900000"},
                           target={"topics": ["bins"], "lat": lat, "lon": lon, "radius_m": radius}, created_at=now)
        rows = [AlertIndexModel(f"topic#bins#{c}", alert.id, lat=lat, lon=lon, radius_m=radius)
                for c in broadcast_cells(lon, lat, radius)]
        deps.alerts.create(alert, rows)
        made += 1
    for ward in deps.wards.all():
        for i in range(PER_WARD):
            alert = AlertModel(id=f"alw{ward.id}{i}", kind="broadcast", channels={"sms": "+447700900001"},
                               target={"topics": ["bins"], "ward": ward.id}, created_at=now)
            deps.alerts.create(alert, [AlertIndexModel(ward_key("topic#bins#ward", ward.id), alert.id)])


def measure():
    from moto import mock_aws
    from chalicelib.handlers.alerts.broadcast_dispatch import audience
    from chalicelib.storage import metering
    from doorstep_cli.seed import demo_wards
    rows = []
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        demo_wards(deps)
        _subscribe(deps, random.Random(5))
        targets = [(f"ward {w.id}", {"wards": [w.id]}) for w in deps.wards.all()]
        targets.append(("circle 1 km at the Minster", {"circle": {"lat": 53.9623, "lon": -1.0819, "radius_m": 1000}}))
        targets.append(("polygon 2 x 2 km city centre", {"polygon": {"type": "Polygon", "coordinates": [[
            [-1.097, 53.951], [-1.067, 53.951], [-1.067, 53.969], [-1.097, 53.969], [-1.097, 53.951]]]}}))
        for name, target in targets:
            with metering.metered() as meter:
                found = audience(deps, "bins", target)
            rows.append((name, meter.queries, meter.items, len(found)))
    return rows


def main():
    rows = measure()
    print(f"{SUBSCRIBERS} circle followers + {PER_WARD} per ward; audience of one broadcast:")
    print("| target | queries | items read | matched |\n|---|---|---|---|")
    for name, queries, items, matched in rows:
        print(f"| {name} | {queries} | {items} | {matched} |")


if __name__ == "__main__":
    main()
