"""Writes doorstep_cli/demo/addresses.csv: a few hundred FICTIONAL addresses
in York for the demo council.

The streets are real (one near each of seed.PLACES), but the house numbers'
points, the postcode units and the UPRNs are made up: UPRNs start with 99,
which no real one in York does. A fixed random seed keeps the file the same
on every run; regenerate it after changing this module with
    python -m doorstep_cli.demo_addresses
"""
import csv
import math
import random

from doorstep_cli.seed import DEMO_DIR, PLACES

CSV_PATH = DEMO_DIR / "addresses.csv"
SEED = 311
HOUSES_PER_STREET = 16
HOUSES_PER_POSTCODE = 8
STEP_DEG = 0.00018  # about 15 m between neighbours along the street
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# place -> (street, locality line or "", postcode district, ward)
STREETS = {
    "Micklegate": ("Micklegate", "", "YO1", "Micklegate"),
    "Coney Street": ("Coney Street", "", "YO1", "Guildhall"),
    "Walmgate": ("Walmgate", "", "YO1", "Guildhall"),
    "Bootham": ("Bootham", "", "YO30", "Guildhall"),
    "Heworth Green": ("Heworth Green", "", "YO31", "Heworth"),
    "Fulford Road": ("Fulford Road", "", "YO10", "Fishergate"),
    "Tadcaster Road": ("Tadcaster Road", "", "YO24", "Dringhouses and Woodthorpe"),
    "Acomb Front Street": ("Front Street", "Acomb", "YO24", "Acomb"),
    "Haxby Road": ("Haxby Road", "", "YO31", "Clifton"),
    "Hull Road": ("Hull Road", "", "YO10", "Hull Road"),
    "Clifton": ("Clifton", "", "YO30", "Clifton"),
    "Huntington Road": ("Huntington Road", "", "YO31", "Huntington and New Earswick"),
    "Holgate Road": ("Holgate Road", "", "YO24", "Holgate"),
    "Tang Hall Lane": ("Tang Hall Lane", "", "YO31", "Heworth"),
    "Osbaldwick": ("Osbaldwick Lane", "Osbaldwick", "YO10", "Osbaldwick and Derwent"),
    "Haxby": ("The Village", "Haxby", "YO32", "Haxby and Wigginton"),
    "Bishopthorpe": ("Main Street", "Bishopthorpe", "YO23", "Bishopthorpe"),
    "Copmanthorpe": ("Main Street", "Copmanthorpe", "YO23", "Copmanthorpe"),
    "Strensall": ("The Village", "Strensall", "YO32", "Strensall"),
    "Dunnington": ("York Street", "Dunnington", "YO19", "Osbaldwick and Derwent"),
}
# Fixed units the docs and examples use; the rest are drawn from the seed.
KNOWN_UNITS = {"Micklegate": "7HH", "Bishopthorpe": "1AA", "Heworth Green": "8BB"}
COLUMNS = ["uprn", "address_1", "address_2", "address_3", "postcode", "lat", "lon", "ward",
           "refuse_round", "recycling_round", "garden_round", "food_round", "council_tax_band"]


def generate(area=None):
    """The demo rows as dicts; with an Area, points outside it are left out."""
    from doorstep_cli import demo_bins
    rng = random.Random(SEED)
    band_rng = random.Random(f"{SEED}-bands")  # its own draws: the older columns stay as they were
    rows, used_postcodes = [], set()
    for index, (place, lat, lon) in enumerate(PLACES):
        street, locality, district, ward = STREETS[place]
        rounds = demo_bins.rounds_for_place(place, index)  # neighbours share their rounds
        bands, weights = demo_bins.BANDS[demo_bins.band_kind(place, locality)]
        bearing = rng.uniform(0, math.pi)  # the street's direction through its anchor
        postcode = None
        for i in range(HOUSES_PER_STREET):
            if i % HOUSES_PER_POSTCODE == 0:
                postcode = _new_postcode(rng, district, KNOWN_UNITS.get(place) if i == 0 else None,
                                         used_postcodes)
            # Odd numbers on one side, even on the other, as British streets are.
            number = i + 1
            along = (i // 2 - HOUSES_PER_STREET / 4) * STEP_DEG
            side = 0.00012 if number % 2 else -0.00012
            point_lat = round(lat + along * math.sin(bearing) + side * math.cos(bearing), 6)
            point_lon = round(lon + along * math.cos(bearing) * 1.7 - side * math.sin(bearing) * 1.7, 6)
            if area is not None and not area.contains(point_lon, point_lat):
                continue
            rows.append({"uprn": f"99{len(rows) + 1:010d}", "address_1": f"{number} {street}",
                         "address_2": locality, "address_3": "York", "postcode": postcode,
                         "lat": point_lat, "lon": point_lon, "ward": ward, **rounds,
                         "council_tax_band": band_rng.choices(bands, weights)[0]})
    return rows


def _new_postcode(rng, district, unit, used):
    while unit is None or f"{district} {unit}" in used:
        unit = f"{rng.randint(1, 9)}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"
    used.add(f"{district} {unit}")
    return f"{district} {unit}"


def write(path=CSV_PATH):
    from chalicelib.config import settings
    from chalicelib.deps import service_area
    rows = generate(service_area(settings().service_area_file))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    print(f"wrote {write()} fictional addresses to {CSV_PATH}")
