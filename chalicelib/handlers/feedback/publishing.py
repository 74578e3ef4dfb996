"""The figures as open data: JSON with their definitions, or CSV (one row per service and month)."""
import csv
import io
import json

from ... import validation
from ...wording import ONE_OF
from ...api.http import JSON
from . import figures
from .wording import DEFINITIONS, SMALL_NUMBERS, SOURCES_JOINED, WITHHELD_NOTE

MAX_AGE_SECONDS = 300  # the counts move with each transaction; five minutes old is still the council's record
COLUMNS = ("service", "month", "transactions", "online", "assisted", "phone", "face_to_face", "started_online",
           "answers", "digital_take_up", "completion_rate", "satisfaction", "cost_per_transaction_pence",
           "saving_pence", "notes")


def published(deps, params):
    """(body, content type) of the council's year asked for."""
    problems = validation.Problems()
    year = validation.required_whole_number(params, "year", problems, low=2020, high=2100)
    form = params.get("format") or "json"
    if form not in ("json", "csv"):
        problems.add("format", ONE_OF.format(choices="json, csv"))
    problems.raise_if_any()
    year_figures = figures.year_of(deps, year)
    if form == "csv":
        return _csv(year_figures), "text/csv; charset=utf-8"
    return json.dumps({"council": deps.council.name, **year_figures, "definitions": DEFINITIONS,
                       "small_numbers": SMALL_NUMBERS}), JSON


def _csv(year_figures):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for service, months in year_figures["services"].items():
        for m in months:
            row = {"service": service, **m["counts"], **m, "notes": _notes(m)}
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in COLUMNS])
    return out.getvalue()


def _notes(month):
    """Why a row's figure is missing, and on whose guidance: a spreadsheet has no definitions beside it."""
    if "satisfaction" in month["withheld"]:
        return WITHHELD_NOTE.format(answers=month["counts"]["answers"], sources=SOURCES_JOINED)
    return None
