"""Writes doorstep_cli/demo/wards.geojson: FICTIONAL ward boundaries and
councillors for the demo council (York).

The 21 names are York's real wards, but the shapes are not: each ward is
the Voronoi cell of a hand-placed centre, clipped to the demo council
outline (chalicelib/data/york_boundary.geojson). Distances are measured with
longitude scaled by cos(latitude), so cells are not squashed east-west.
The centres were placed so every demo address (demo/addresses.csv) falls in
the ward its `ward` column names; write() checks that. Councillors' names
are made up, e-mails are @example.org, phones in Ofcom's drama range.
Regenerate after changing this module with
    python -m doorstep_cli.demo_wards
"""
import json
import math
import random

from doorstep_cli.seed import DEMO_DIR

GEOJSON_PATH = DEMO_DIR / "wards.geojson"
SEED = 2019  # the year York's present wards began
SCALE = math.cos(math.radians(53.96))  # lon degrees -> lat-degree lengths at York

# (id, name, lon, lat): a centre per ward, roughly where the real ward lies.
CENTRES = [
    ("acomb", "Acomb", -1.131, 53.955),
    ("bishopthorpe", "Bishopthorpe", -1.098, 53.915),
    ("clifton", "Clifton", -1.090, 53.978),
    ("copmanthorpe", "Copmanthorpe", -1.150, 53.910),
    ("dringhouses-and-woodthorpe", "Dringhouses and Woodthorpe", -1.112, 53.935),
    ("fishergate", "Fishergate", -1.077, 53.947),
    ("fulford-and-heslington", "Fulford and Heslington", -1.060, 53.925),
    ("guildhall", "Guildhall", -1.081, 53.961),
    ("haxby-and-wigginton", "Haxby and Wigginton", -1.080, 54.018),
    ("heworth", "Heworth", -1.061, 53.964),
    ("heworth-without", "Heworth Without", -1.040, 53.978),
    ("holgate", "Holgate", -1.104, 53.955),
    ("hull-road", "Hull Road", -1.046, 53.950),
    ("huntington-and-new-earswick", "Huntington and New Earswick", -1.058, 53.980),
    ("micklegate", "Micklegate", -1.091, 53.952),
    ("osbaldwick-and-derwent", "Osbaldwick and Derwent", -1.012, 53.960),
    ("rawcliffe-and-clifton-without", "Rawcliffe and Clifton Without", -1.115, 53.990),
    ("rural-west-york", "Rural West York", -1.195, 53.965),
    ("strensall", "Strensall", -1.030, 54.035),
    ("westfield", "Westfield", -1.125, 53.945),
    ("wheldrake", "Wheldrake", -0.965, 53.905),
]

FIRST = ["Aisha", "Ben", "Carys", "Dev", "Elena", "Farid", "Grace", "Harry", "Imogen", "Jonah",
         "Keira", "Leon", "Maya", "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tomasz"]
LAST = ["Ashworth", "Bramley", "Calder", "Dunmore", "Elland", "Fenwick", "Garside", "Hebden",
        "Ingleby", "Kettlewell", "Lofthouse", "Malham", "Norland", "Ossett", "Pickering",
        "Rishworth", "Skelton", "Thirsk", "Wetherby", "Yeadon"]
PARTIES = ["Labour", "Liberal Democrats", "Conservative", "Green", "Independent"]
SURGERIES = ["First Saturday of the month, 10:00-12:00, at the local library",
             "Second Tuesday of the month, 18:00-19:30, at the community centre",
             "By appointment: email to arrange a time"]


def _clip(polygon, keep):
    """Sutherland-Hodgman: the part of `polygon` where keep(p) >= 0 (a linear
    function of p, so the crossing point is found by interpolation)."""
    out = []
    for i, p in enumerate(polygon):
        q = polygon[(i + 1) % len(polygon)]
        kp, kq = keep(p), keep(q)
        if kp >= 0:
            out.append(p)
        if (kp >= 0) != (kq >= 0):
            t = kp / (kp - kq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def _cell(site, others, outline):
    """The outline clipped to the points nearer `site` than any other."""
    sx, sy = site[0] * SCALE, site[1]
    cell = [(x * SCALE, y) for x, y in outline]
    for ox, oy in others:
        ox *= SCALE
        # Nearer site than other: (o - s) . p <= (|o|^2 - |s|^2) / 2.
        c = (ox * ox + oy * oy - sx * sx - sy * sy) / 2
        cell = _clip(cell, lambda p, ox=ox, oy=oy, c=c: c - ((ox - sx) * p[0] + (oy - sy) * p[1]))
    return [(x / SCALE, y) for x, y in cell]


def _councillors(rng, ward_id):
    people = []
    for _ in range(rng.choice([1, 2, 2, 3, 3])):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        person = {"name": f"{first} {last}", "party": rng.choice(PARTIES),
                  "email": f"cllr.{first}.{last}@example.org".lower()}
        if rng.random() < 0.7:
            person["phone"] = f"01632 960{rng.randint(0, 999):03d}"
        if rng.random() < 0.6:
            person["surgery"] = rng.choice(SURGERIES)
        people.append(person)
    return people


def generate(outline):
    """The FeatureCollection, given the council outline's exterior ring."""
    rng = random.Random(SEED)
    ring = [tuple(p) for p in outline[:-1]] if outline[0] == outline[-1] else [tuple(p) for p in outline]
    features = []
    for ward_id, name, lon, lat in CENTRES:
        others = [(x, y) for i, _, x, y in CENTRES if i != ward_id]
        cell = [[round(x, 6), round(y, 6)] for x, y in _cell((lon, lat), others, ring)]
        features.append({"type": "Feature", "id": ward_id,
                         "properties": {"name": name, "councillors": _councillors(rng, ward_id)},
                         "geometry": {"type": "Polygon", "coordinates": [cell + [cell[0]]]}})
    return {"type": "FeatureCollection", "features": features}


def check_addresses(collection, rows):
    """[(uprn, its ward column, the ward found)] for every disagreement."""
    from chalicelib.geo.polygon import contains
    found = []
    for row in rows:
        lon, lat = float(row["lon"]), float(row["lat"])
        names = sorted(f["properties"]["name"] for f in collection["features"]
                       if contains(f["geometry"], lon, lat))
        if names != [row["ward"]]:
            found.append((row["uprn"], row["ward"], names))
    return found


def write(path=GEOJSON_PATH):
    import csv
    from chalicelib.config import settings
    with open(settings().service_area_file, encoding="utf-8") as fh:
        outline = json.load(fh)["features"][0]["geometry"]["coordinates"][0]
    collection = generate(outline)
    with open(DEMO_DIR / "addresses.csv", newline="", encoding="utf-8") as fh:
        wrong = check_addresses(collection, list(csv.DictReader(fh)))
    if wrong:
        raise SystemExit(f"demo addresses in the wrong ward (move a centre): {wrong[:5]}")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(collection, fh, indent=1)
        fh.write("\n")
    return len(collection["features"])


if __name__ == "__main__":
    print(f"wrote {write()} fictional wards to {GEOJSON_PATH}")
