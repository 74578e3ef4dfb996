"""Demo data for the demo council (York): categories, a few dozen reports,
fictional addresses and their bin rounds.

Demo reports draw their references from a fixed random seed, so seeding twice
finds them already there and adds nothing.
"""
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from doorstep_cli.demo_files import DEMO_DIR
DEMO_SEED = 2026

# (place, lat, lon): streets and villages across the City of York.
PLACES = [
    ("Micklegate", 53.9563, -1.0893), ("Coney Street", 53.9598, -1.0842), ("Walmgate", 53.9568, -1.0755),
    ("Bootham", 53.9655, -1.0900), ("Heworth Green", 53.9665, -1.0690), ("Fulford Road", 53.9460, -1.0780),
    ("Tadcaster Road", 53.9360, -1.1100), ("Acomb Front Street", 53.9540, -1.1300),
    ("Haxby Road", 53.9800, -1.0780), ("Hull Road", 53.9510, -1.0500), ("Clifton", 53.9720, -1.0960),
    ("Huntington Road", 53.9750, -1.0700), ("Holgate Road", 53.9530, -1.1000),
    ("Tang Hall Lane", 53.9600, -1.0550), ("Osbaldwick", 53.9570, -1.0280), ("Haxby", 54.0150, -1.0700),
    ("Bishopthorpe", 53.9200, -1.0980), ("Copmanthorpe", 53.9130, -1.1420), ("Strensall", 54.0400, -1.0340),
    ("Dunnington", 53.9650, -0.9850),
]

STORIES = {
    "pothole": ("Deep pothole near {place}, cyclists swerving round it.", {"size": "medium", "depth_cm": 8}),
    "damaged_pavement": ("Raised paving slab on {place}, someone nearly tripped.", {"trip_hazard": "yes"}),
    "street_light": ("Street light out on {place}, the path is very dark at night.", {"fault": "out"}),
    "fly_tipping": ("Mattress and bags dumped on the verge by {place}.",
                    {"waste_types": ["furniture", "household"], "amount": "car_boot"}),
    "graffiti": ("Graffiti tags on the bus shelter at {place}.", {"offensive": "no", "surface": "bus_shelter"}),
    "litter": ("Lots of cans and crisp packets along {place} after the weekend.", {"broken_glass": "no"}),
    "litter_bin": ("Litter bin on {place} overflowing onto the pavement.", {"bin_problem": "full"}),
    "blocked_drain": ("Gully blocked with leaves on {place}; water across the road when it rains.",
                      {"flooding": "road"}),
    "abandoned_vehicle": ("Silver hatchback with flat tyres, not moved for weeks, on {place}.",
                          {"make_colour": "Silver hatchback", "days_seen": 30}),
    "dog_fouling": ("Dog mess all along the footpath at {place}.", {"regular": "yes"}),
}
LATER_STATES = [None, None, "investigating", "action_scheduled", "in_progress", "fixed", "fixed", "closed"]
COUNCIL_NOTES = {
    "investigating": "An inspector will look at this within five working days.",
    "action_scheduled": "Repair scheduled with our highways team.",
    "in_progress": "A crew is on site.",
    "fixed": "Fixed. Thank you for reporting it.",
    "closed": "Inspected: no action needed at this time.",
}


def load_services(store):
    services = json.loads((DEMO_DIR / "services.json").read_text())
    for order, service in enumerate(services):
        store.put(service, sort=order)
    return len(services)


def demo_reports(deps, count=40, now=None):
    """Create the demo reports once; returns how many were created."""
    from chalicelib import ids
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state

    rng = random.Random(DEMO_SEED)
    now = now or datetime.now(timezone.utc).replace(microsecond=0)
    planned = []
    for _ in range(count):
        code = rng.choice(sorted(STORIES))
        place, lat, lon = rng.choice(PLACES)
        planned.append({
            "id": ids.REPORT_PREFIX + "".join(rng.choice(ids.ALPHABET) for _ in range(ids.REPORT_ID_LENGTH)),
            "age": timedelta(days=rng.uniform(0.2, 60)),
            "later": rng.choice(LATER_STATES),
            "body": {"service_code": code, "description": STORIES[code][0].format(place=place),
                     "lat": round(lat + rng.uniform(-0.0015, 0.0015), 6),
                     "lon": round(lon + rng.uniform(-0.0025, 0.0025), 6),
                     "fields": STORIES[code][1], "source": "web"},
        })
    created = 0
    for plan in planned:
        if deps.reports.get(plan["id"]) is not None:
            continue
        made_at = now - plan["age"]
        deps.new_report_id = lambda plan=plan: plan["id"]
        deps.clock = lambda t=made_at: t
        reports.create_report(deps, plan["body"])
        if plan["later"]:
            deps.clock = lambda t=made_at + plan["age"] / 2: t
            change_state(deps, plan["id"], plan["later"], COUNCIL_NOTES.get(plan["later"]))
        created += 1
    return created


def demo_addresses(deps):
    """Load demo/addresses.csv (fictional York addresses, with bin rounds and
    council tax bands); returns how many were written."""
    import csv
    from doorstep_cli.addresses import import_file
    path = DEMO_DIR / "addresses.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        uprns = [row["uprn"] for row in csv.DictReader(fh)]
    # Checks rounds too: a stack seeded before addresses had bin rounds gets them now.
    return _load_once("addresses", uprns, lambda u: bool(getattr(deps.addresses.get(u), "rounds", None)),
                      lambda: import_file(deps, path))


def demo_wards(deps):
    """Load demo/wards.geojson (York's ward names on fictional boundaries,
    fictional councillors); returns how many were written."""
    from doorstep_cli.importing import read_features
    from doorstep_cli.wards import import_file
    path = DEMO_DIR / "wards.geojson"
    return _load_once("wards", [f["id"] for f in read_features(path)], deps.wards.get,
                      lambda: import_file(deps, path))


def demo_facilities(deps):
    """Load demo/facilities.geojson (fictional York facilities, every type);
    returns how many were written. Upserts by id, so the type counts stay right."""
    from doorstep_cli.facilities import import_file
    from doorstep_cli.importing import read_features
    path = DEMO_DIR / "facilities.geojson"
    return _load_once("facilities", [f["id"] for f in read_features(path)], deps.facilities.get,
                      lambda: import_file(deps, path)[1])


def _load_once(what, ids, present, load):
    """Run `load()` -> (written, problems) unless the file's first and last
    records are stored already. Loads are upserts, so a half-finished earlier
    load is simply completed."""
    if ids and present(ids[0]) and present(ids[-1]):
        return 0
    written, problems = load()
    if problems:  # the file ships with the code: a bad record is a bug here
        raise RuntimeError(f"demo {what}: {problems[0][0]}: {problems[0][1]}")
    return written


def demo_bin_rounds(deps):
    """Load demo/bin_rounds.json (see demo_bins.py) unless every round is
    there already; returns how many were written."""
    import json
    from doorstep_cli.bin_rounds import import_file
    path = DEMO_DIR / "bin_rounds.json"
    round_ids = [r["id"] for r in json.loads(path.read_text())["rounds"]]
    if len(deps.bin_rounds.get_many(round_ids)) == len(round_ids):
        return 0
    from chalicelib import ids
    # Stamped now, not with deps.clock: demo_reports leaves it at a report's back-dated time.
    written, problems = import_file(deps, path, now=ids.utc_now())
    if problems:  # the file ships with the code: a bad round is a bug here
        raise RuntimeError(f"demo bin rounds: {problems[0][0]}: {problems[0][1]}")
    return written


def demo_licence_types(deps):
    """York's licence types (demo/licence_types.json), unless it has some already: a council's own later
    changes survive a restart. The other demo councils' come with their folders (council_pack.py)."""
    if deps.licensing.types()[0]:
        return 0
    from doorstep_cli.council_pack import load_licence_types
    written, problems = load_licence_types(deps, DEMO_DIR / "licence_types.json", deps.council.jurisdiction)
    if problems:  # the file ships with the code: a bad type is a bug here
        raise RuntimeError(f"demo licence types: {problems[0][0]}: {problems[0][1]}")
    return written


def demo_council(deps, report_count=0, reload_categories=True, figures=True):
    """Everything the demo council has, each part loaded once: {what: how many
    loaded}. Without reload_categories, categories only fill an empty table
    (a council's edits survive a restart). Without figures, no demo figures of
    channel shift (the browser tests count their own)."""
    from doorstep_cli.councils import demo_councils, reload_demo_categories
    loaded = {"categories": 0, "demo councils": demo_councils(deps)}
    if reload_categories or not deps.services.all():
        loaded["categories"] = load_services(deps.services)
    if reload_categories:  # the other demo councils' too, as their folders have them now
        loaded["categories"] += reload_demo_categories(deps)
    # Wards and due-date rules first: a new report is stamped with its ward and due date.
    loaded["demo wards"] = demo_wards(deps)
    from doorstep_cli.demo_staff import demo_staff
    loaded.update(demo_staff(deps))
    loaded["demo reports"] = demo_reports(deps, report_count) if report_count else 0
    loaded["demo addresses"] = demo_addresses(deps)
    loaded["demo facilities"] = demo_facilities(deps)
    loaded["demo bin rounds"] = demo_bin_rounds(deps)
    from doorstep_cli.schools import demo_schools
    loaded["demo schools"] = demo_schools(deps)
    from doorstep_cli.forms import demo_forms
    loaded["demo forms"] = demo_forms(deps)
    from doorstep_cli.consultations import demo_consultations
    loaded["demo consultations"] = demo_consultations(deps)
    from doorstep_cli.appointments import demo_appointments
    loaded["demo appointment services"] = demo_appointments(deps)
    from doorstep_cli.demo_containers import demo_container_stock
    loaded["demo containers stocked"] = demo_container_stock(deps)
    from doorstep_cli.demo_petitions import demo_petitions
    loaded["demo petitions"] = demo_petitions(deps)
    loaded["demo licence types"] = demo_licence_types(deps)
    from doorstep_cli.forms import demo_licence_forms
    loaded["demo licence forms"] = demo_licence_forms(deps)
    if figures:
        from doorstep_cli.demo_figures import demo_figures
        loaded["demo councils' figures"] = demo_figures(deps)
    return loaded
