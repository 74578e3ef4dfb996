"""The committee report (issue 72, item 5): a month's figures for a council as a PDF to attach to a meeting's
papers: the council's name, every service's counts and figures (a withheld satisfaction said to be), the costs per
channel counted and the definitions. Made from the year's one Query (figures.year_of), laid out by paper.py."""
from datetime import datetime

from ... import validation
from .contacts import MONTH
from .counting import LONDON, month_of
from .figures import year_of
from .wording import (DEFINITION_NAMES, DEFINITIONS, MONTH_TO_COME, NOT_A_MONTH, REPORT, SERVICE_NAMES,
                      SMALL_NUMBERS)

WIDTHS = (120, 64, 50, 54, 46, 56, 52, 62, 78, 60, 70)  # points, across a landscape A4's 762 inside its margins


def month_asked(deps, params):
    problems = validation.Problems()
    month = params.get("month")
    if not isinstance(month, str) or not MONTH.match(month):
        problems.add("month", NOT_A_MONTH)
    problems.raise_if_any()
    if month > month_of(deps.clock()):
        raise validation.broken_rules([("month", MONTH_TO_COME)])
    return month


def report(deps, params):
    """(the PDF's bytes, its file name) of the month asked for."""
    month = month_asked(deps, params)
    first = int(month[:4]) if int(month[5:]) >= 4 else int(month[:4]) - 1
    year = year_of(deps, first)
    at = year["months"].index(month)
    # A service with nothing counted in the month is no row (the year's Query holds its other months).
    rows = {service: months[at] for service, months in year["services"].items()
            if any(n != 0 for n in months[at]["counts"].values())}
    return _pdf(deps.council.name, month, rows, year["costs_pence"], deps.clock()), f"figures-{month}.pdf"


def _pdf(council, month, rows, costs, now):
    from .paper import Paper
    written = datetime.strptime(month, "%Y-%m").strftime("%B %Y")
    title = REPORT["title"].format(council=council, month=written)
    paper = Paper(title, council)
    paper.text(title, size=16, bold=True, gap=6)
    paper.text(REPORT["lead"].format(month=written, made=now.astimezone(LONDON).strftime("%-d %B %Y")))
    paper.text(REPORT["costs"].format(**{k: _pounds(v) for k, v in costs.items()}), gap=10)
    if rows:
        paper.row(REPORT["columns"], WIDTHS, bold=True)
        for service, m in sorted(rows.items(), key=lambda r: SERVICE_NAMES.get(r[0], r[0])):
            paper.row(_cells(service, m), WIDTHS)
    else:
        paper.text(REPORT["none"].format(month=written))
    paper.y -= 12
    paper.text(REPORT["definitions"], size=12, bold=True, gap=4)
    for name, words in DEFINITIONS.items():
        paper.text(DEFINITION_NAMES[name], size=9, bold=True, gap=0)
        paper.text(words, size=9, gap=4)
    paper.text(REPORT["small_numbers"], size=9, bold=True, gap=0)
    paper.text(SMALL_NUMBERS["rule"], size=9, gap=0)
    for source in SMALL_NUMBERS["sources"]:
        paper.text(f"{source['name']}: {source['url']}", size=9, gap=0)
    return paper.bytes()


def _cells(service, m):
    c = m["counts"]
    return [SERVICE_NAMES.get(service, service), _said(m["transactions"]),
            *(_said(c[k]) for k in ("online", "assisted", "phone", "face_to_face")),
            _said(m["digital_take_up"], _percent), _said(m["completion_rate"], _percent),
            _satisfaction(m), _said(m["cost_per_transaction_pence"], _pounds), _said(m["saving_pence"], _pounds)]


def _said(value, write=lambda n: f"{n:,}"):
    """A count or a figure made from counts: missing only for want of anything to divide by."""
    return REPORT["nothing"] if value is None else write(value)


def _satisfaction(m):
    answers = m["counts"]["answers"]
    if "satisfaction" in m["withheld"]:
        return f"{REPORT['withheld']} ({answers:,})"
    if not answers:
        return REPORT["nothing"]
    return f"{_percent(m['satisfaction'])} ({answers:,})"


def _percent(share):
    return f"{share:g}%"


def _pounds(pence):
    return f"£{pence / 100:,.2f}"
