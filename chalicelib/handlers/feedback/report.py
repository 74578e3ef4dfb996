"""The committee report (issue 72, item 5): a month's figures for a council as a PDF to attach to a meeting's
papers: the council's name, every service's counts and figures (withheld ones said to be), the costs per
channel counted and the definitions. Made from the year's one Query (figures.year_of), with fpdf2's core
font (Latin-1: the pound sign is in it)."""
from datetime import datetime

from ... import validation
from .contacts import MONTH
from .counting import LONDON, month_of
from .figures import year_of
from .wording import DEFINITIONS, MONTH_TO_COME, NOT_A_MONTH, REPORT, SERVICE_NAMES

WIDTHS = (44, 20, 16, 18, 15, 19, 17, 20, 26, 17, 22)  # mm, across a landscape A4's 277 mm
FIGURE_NAMES = {"transactions": "Transactions", "digital_take_up": "Digital take-up", "completion_rate": "Completion",
                "satisfaction": "Satisfaction", "cost_per_transaction_pence": "Cost per transaction",
                "saving_pence": "Saving", "withheld": "Withheld"}


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
    from fpdf import FPDF
    written = datetime.strptime(month, "%Y-%m").strftime("%B %Y")
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(_latin(REPORT["title"].format(council=council, month=written)))
    pdf.set_author(_latin(council))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, _latin(REPORT["title"].format(council=council, month=written)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, _latin(REPORT["lead"].format(month=written, made=now.astimezone(LONDON).strftime("%-d %B %Y"))),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(0, 5, _latin(REPORT["costs"].format(**{k: _pounds(v) for k, v in costs.items()})),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if rows:
        _table(pdf, rows)
    else:
        pdf.multi_cell(0, 6, _latin(REPORT["none"].format(month=written)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, _latin(REPORT["definitions"]), new_x="LMARGIN", new_y="NEXT")
    for name, words in DEFINITIONS.items():
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(0, 5, _latin(FIGURE_NAMES[name]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 4.5, _latin(words), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _table(pdf, rows):
    pdf.set_font("Helvetica", "", 8.5)
    with pdf.table(col_widths=WIDTHS, text_align="LEFT", first_row_as_headings=True, line_height=5) as table:
        table.row([_latin(c) for c in REPORT["columns"]])
        for service, m in sorted(rows.items(), key=lambda r: SERVICE_NAMES.get(r[0], r[0])):
            c = m["counts"]
            table.row([_latin(SERVICE_NAMES.get(service, service)), _said(m["transactions"], m, "transactions"),
                       *(_said(c[k], m, None) for k in ("online", "assisted", "phone", "face_to_face")),
                       _said(m["digital_take_up"], m, "take", _percent), _said(m["completion_rate"], m, "completion",
                                                                               _percent),
                       _satisfaction(m), _said(m["cost_per_transaction_pence"], m, "take", _pounds),
                       _said(m["saving_pence"], m, "saving", _pounds)])


# The counts each figure is made from: a figure missing while one of them is withheld was withheld with it.
MADE_FROM = {"transactions": ("online", "assisted", "phone", "face_to_face"),
             "take": ("online", "assisted", "phone", "face_to_face"), "completion": ("online", "started_online"),
             "saving": ("online",), None: ()}


def _said(value, m, figure, write=lambda n: f"{n:,}"):
    if value is not None:
        return _latin(write(value))
    withheld = figure is None or any(m["counts"][c] is None for c in MADE_FROM[figure])
    return REPORT["withheld"] if withheld else REPORT["nothing"]


def _satisfaction(m):
    answers = m["counts"]["answers"]
    if answers is None:
        return REPORT["withheld"]
    if not answers:
        return REPORT["nothing"]
    return f"{_percent(m['satisfaction'])} ({answers:,})" if m["satisfaction"] is not None else f"- ({answers:,})"


def _percent(share):
    return f"{share:g}%"


def _pounds(pence):
    return f"£{pence / 100:,.2f}"


def _latin(text):
    """The core font's characters: a curly quote or dash a council's name may hold, written as its plain one."""
    plain = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-"})
    return plain.encode("latin-1", "replace").decode("latin-1")
