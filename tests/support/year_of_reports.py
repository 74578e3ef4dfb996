"""A year of synthetic reports, made through the handlers with a clock of
their own and moved through the states staff and partners set: for the
performance figures' tests and the picture of their page."""
import random
from datetime import timedelta

PLACES = [(53.9563, -1.0893), (53.9598, -1.0842), (53.9665, -1.0690), (53.9460, -1.0780), (53.9540, -1.1300),
          (53.9800, -1.0780), (53.9510, -1.0500), (53.9200, -1.0980), (54.0150, -1.0700), (53.9650, -0.9850)]
CATEGORIES = ["pothole", "street_light", "fly_tipping", "graffiti", "litter", "dog_fouling", "compliment"]
SOURCES = ["app", "app", "web", "open311", "api"]
# Where a report goes after it is made: (state, days later) steps.
LIVES = [
    [],
    [("investigating", 2)],
    [("fixed", None)],
    [("investigating", 1), ("action_scheduled", 3), ("fixed", None)],
    [("closed", None)],
    [("not_responsible", 1)],
    [("fixed", None), ("open", 2), ("fixed", None)],  # reopened, fixed again
    [("duplicate", 0.5), ("investigating", 1)],  # closed by mistake, opened again
    [("fixed", 3.0)],  # exactly three days: fixed within a three-day target
    [("fixed", 3.0 + 1 / 86400)],  # a second later: four days
]
FIELDS = {"pothole": {"size": "small"}, "street_light": {"fault": "out"},
          "fly_tipping": {"waste_types": ["household"], "amount": "car_boot"}, "graffiti": {"offensive": "no"}}
UNLOCATED = {"compliment"}  # a private category, with no place: counted in totals, never listed


def year_of_reports(deps, count, now, seed=18, codes=CATEGORIES, lives=LIVES, places=PLACES):
    """Reports made over the year before `now`, each moved through one of
    LIVES by the handlers that serve staff and partners; returns their ids."""
    from dataclasses import replace
    from chalicelib.handlers.reports.changes import change_state
    from chalicelib.handlers.reports.create import create_report
    rng = random.Random(seed)
    made = []
    for i in range(count):
        code = codes[i % len(codes)]
        lat, lon = rng.choice(places)
        at = now - timedelta(days=365) + timedelta(days=rng.uniform(0, 330))
        body = {"service_code": code, "description": f"Synthetic report {i}", "source": rng.choice(SOURCES),
                "fields": FIELDS.get(code, {})}
        if code not in UNLOCATED:
            body.update(lat=lat + rng.uniform(-0.002, 0.002), lon=lon + rng.uniform(-0.002, 0.002))
        view, _ = create_report(replace(deps, clock=lambda at=at: at), body)
        for state, days in lives[i % len(lives)]:
            at += timedelta(days=days if days is not None else rng.uniform(0.05, 40))
            if at < now:
                change_state(replace(deps, clock=lambda at=at: at), view["id"], state)
        made.append(view["id"])
    return made
