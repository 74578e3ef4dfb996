"""Writes doorstep_cli/demo/bin_rounds.json: the demo council's (FICTIONAL)
bin rounds, and says which rounds serve each demo street.

Each area of York (one of seed.PLACES) has a collection weekday and a week,
A or B, so neighbours share their rounds: refuse fortnightly in its week,
recycling fortnightly in the other, food waste weekly, and garden waste
fortnightly with recycling outside the city centre. Christmas and New Year
2026-27 shift collections as councils do: a day later from the bank holiday
to the end of that week, and garden waste pauses for the fortnight.
Regenerate after changing this module with
    python -m doorstep_cli.demo_bins
"""
import json
from datetime import date, timedelta

from doorstep_cli.seed import DEMO_DIR

JSON_PATH = DEMO_DIR / "bin_rounds.json"
DAYS = ("mon", "tue", "wed", "thu", "fri")
WEEK_A = date(2026, 1, 5)  # a Monday; week B starts a week later
NO_GARDENS = {"Micklegate", "Coney Street", "Walmgate"}  # city-centre terraces and flats
# Bank holidays: Fri 25 Dec 2026, Mon 28 Dec (Boxing Day's substitute), Fri 1 Jan 2027.
CHRISTMAS_SHIFTS = {
    date(2026, 12, 25): date(2026, 12, 26),
    date(2026, 12, 28): date(2026, 12, 29),
    date(2026, 12, 29): date(2026, 12, 30),
    date(2026, 12, 30): date(2026, 12, 31),
    date(2026, 12, 31): date(2027, 1, 2),  # the Friday is New Year's Day
    date(2027, 1, 1): date(2027, 1, 2),
}
GARDEN_PAUSE = (date(2026, 12, 21), date(2027, 1, 1))
# Fictional council tax bands by area: (bands, weights).
BANDS = {"centre": ("ABC", (3, 4, 2)), "suburb": ("BCD", (2, 4, 3)), "village": ("CDEF", (2, 4, 3, 1))}


def area_of(place_index):
    """(weekday 0-4, "a" or "b") for the place at this index of seed.PLACES."""
    return place_index % 5, "ab"[place_index // 5 % 2]


def rounds_for_place(place, place_index):
    """{column: round id} for an address on this place's street."""
    day, week = area_of(place_index)
    other = "b" if week == "a" else "a"
    ids = {"refuse_round": f"refuse-{DAYS[day]}-{week}", "recycling_round": f"recycling-{DAYS[day]}-{other}",
           "garden_round": f"garden-{DAYS[day]}-{other}", "food_round": f"food-{DAYS[day]}"}
    if place in NO_GARDENS:
        ids["garden_round"] = ""
    return ids


def band_kind(place, locality):
    return "centre" if place in NO_GARDENS else "village" if locality else "suburb"


def rounds():
    """Every demo round as the import file's dicts."""
    from chalicelib.bindays import WEEKDAYS, Round, scheduled
    out = []
    for day, name in enumerate(DAYS):
        for stream, weeks, every in (("refuse", "ab", 2), ("recycling", "ab", 2), ("garden", "ab", 2),
                                     ("food", "", 1)):
            for week in weeks or [""]:
                start = WEEK_A + timedelta(days=day + (7 if week == "b" else 0))
                round_id = f"{stream}-{name}" + (f"-{week}" if week else "")
                shell = Round(round_id, stream, day, every, start)
                on_schedule = set(scheduled(shell, date(2026, 12, 14), date(2027, 1, 11)))
                exceptions = {d.isoformat(): moved.isoformat() for d, moved in CHRISTMAS_SHIFTS.items()
                              if d in on_schedule}
                if stream == "garden":
                    exceptions = {d.isoformat(): "cancelled" for d in on_schedule
                                  if GARDEN_PAUSE[0] <= d <= GARDEN_PAUSE[1]}
                out.append({"id": round_id, "stream": stream, "weekday": WEEKDAYS[day], "every_weeks": every, "start": start.isoformat(), "exceptions": exceptions})
    return out


def write(path=JSON_PATH):
    data = rounds()
    lines = ",\n".join(" " + json.dumps(r) for r in data)  # one round a line: diffs stay readable
    path.write_text('{"rounds": [\n' + lines + "\n]}\n")
    return len(data)


if __name__ == "__main__":
    print(f"wrote {write()} fictional bin rounds to {JSON_PATH}")
