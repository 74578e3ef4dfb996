"""The local Public Access's demo register: a dozen FICTIONAL applications at
York's demo addresses (doorstep_cli/demo/addresses.csv), of each kind a
council sees (householder, full, listed building, trees, advertisement) and
one refused and appealed. Days are offsets from the Monday of the week the
register was first started (its `anchor`), so the demo stays current; a
decision made after that day shows only once its day has come."""
from datetime import date, timedelta

CONSULTATION_DAYS = 21

# key, reference, address, proposal, type, validated (days from the anchor Monday), ward,
# decided (days from the anchor Monday or None), decision, appeal status
APPLICATIONS = (
    ("PA00HOU0001", "26/00412/FUL", "3 Micklegate, York YO1 7HH",
     "Single storey rear extension and new rooflight", "Householder", -3, "Micklegate", None, "", ""),
    ("PA00LBC0002", "26/00418/LBC", "11 Micklegate, York YO1 5DS",
     "Internal alterations to form en-suite and replacement sash windows to front elevation",
     "Listed Building Consent", -10, "Micklegate", None, "", ""),
    ("PA00TCA0003", "26/00421/TCA", "3 Bootham, York YO30 5DY",
     "Fell one sycamore tree (T1) and reduce crown of lime (T2) by 2m within Bootham conservation area",
     "Trees in Conservation Area", -17, "Guildhall", -2, "No Objection", ""),
    ("PA00FUL0004", "26/00388/FUL", "3 Coney Street, York YO1 3LX",
     "Change of use of ground floor from retail (Class E) to restaurant with flue to rear",
     "Full Application", -24, "Guildhall", None, "", ""),
    ("PA00ADV0005", "26/00430/ADV", "11 Coney Street, York YO1 1XS",
     "Display of one internally illuminated fascia sign and one projecting sign", "Advertisement", -2,
     "Guildhall", None, "", ""),
    ("PA00HOU0006", "26/00397/FUL", "3 Heworth Green, York YO31 8BB",
     "Two storey side extension and detached garage", "Householder", -31, "Heworth", -4, "Refused",
     "Appeal Lodged"),
    ("PA00FUL0007", "26/00355/FUL", "3 Walmgate, York YO1 6NE",
     "Erection of four storey building of 24 flats with cycle and bin stores following demolition of workshop",
     "Full Application", -38, "Guildhall", None, "", ""),
    ("PA00HOU0008", "26/00440/FUL", "11 Walmgate, York YO1 3ZL",
     "Loft conversion with dormer to rear", "Householder", 0, "Guildhall", None, "", ""),
    ("PA00TPO0009", "26/00402/TPO", "3 Fulford Road, York YO10 2AX",
     "Crown lift of two oak trees protected by Tree Preservation Order 12/1987", "Tree Preservation Order", -9,
     "Fishergate", -1, "Approved", ""),
    ("PA00FUL0010", "26/00366/FUL", "11 Bootham, York YO30 4ZL",
     "Conversion of dwelling to three flats with external alterations", "Full Application", -45, "Guildhall", -6,
     "Approved", ""),
    ("PA00LBC0011", "26/00433/LBC", "11 Heworth Green, York YO31 8TB",
     "Replacement of timber front door with like for like", "Listed Building Consent", -1, "Heworth", None, "", ""),
    ("PA00HOU0012", "26/00444/FUL", "3 Holgate Road, York YO24 4QH",
     "Erection of single storey garden room", "Householder", 3, "Holgate", None, "", ""),
)


def monday_of(day):
    return day - timedelta(days=day.weekday())


def visible(anchor, today, decisions=None):
    """[(application dict)] the register holds on `today`: validated by then, decided once its day came.
    `decisions` (key -> (decision, day offset)) are those made since the demo began (local_public_access.decide)."""
    base, found = monday_of(anchor), []
    for key, ref, address, proposal, kind, valid, ward, decided, decision, appeal in APPLICATIONS:
        validated = base + timedelta(days=valid)
        if validated > today:
            continue
        made = (decisions or {}).get(key)
        if made is not None:
            decision, decided = made
        decided_on = base + timedelta(days=decided) if decided is not None else None
        if decided_on is not None and decided_on > today:
            decided_on, decision, appeal = None, "", ""
        found.append({"key": key, "reference": ref, "address": address, "proposal": proposal, "type": kind,
                      "ward": ward, "received": validated - timedelta(days=4), "validated": validated,
                      "consultation": validated + timedelta(days=CONSULTATION_DAYS),
                      "neighbour": validated + timedelta(days=CONSULTATION_DAYS - 2),
                      "decided": decided_on, "decision": decision, "appeal": appeal})
    return found


def weeks_offered(today, count=8):
    """The Mondays the weekly list offers, newest first (as Public Access lists them)."""
    this = monday_of(today)
    return [this - timedelta(weeks=n) for n in range(count)]


def in_week(day, monday):
    return day is not None and monday <= day < monday + timedelta(days=7)


def status(app):
    if app["appeal"]:
        return "Appeal lodged"
    return "Decided" if app["decided"] else "Awaiting decision"


def written(day: date | None):
    """A date as Public Access writes it: "Mon 23 Nov 2026"; "Not Available" for none."""
    return day.strftime("%a %d %b %Y") if day else "Not Available"
