"""What staff need stamped on a report when it is placed or moved: the ward
holding its point (inbox filters and ward scopes) and its due date by the
category's rule, in the council's working days (weekends, its division's bank
holidays and its own local ones skipped: deps.calendar). Used when a report is created and when staff move or
recategorise it.

The geo index and the working-day calendar are imported where they are used:
the report view, the staff inbox and Open311 only need `today` and
`place_text`, and a cold start should not pay for pygeohash for them."""
from ...stamps import london_today


def ward_at(deps, report):
    """The id of the ward holding the report's point, or None."""
    if report.lon is None or deps.wards is None:
        return None
    ward = deps.wards.at_point(float(report.lon), float(report.lat))
    return ward.id if ward else None


def rule_calendar(deps, rule):
    """The working days a due-date rule counts: the council's, less its local holidays where the
    rule's law counts bank holidays alone (FOISA s.73: docs/decisions/rules.md)."""
    return deps.calendar if rule.counts_local_holidays is not False else deps.calendar.bank_holidays_only()


def due_by_rule(deps, report):
    """"YYYY-MM-DD" by the report's category rule (and priority, where it
    varies), counted from the day the council received it; None without a rule."""
    return stamp_due(deps, report)[0]


def stamp_due(deps, report):
    """(due, which rule made it: the rule's basis, or None) by the report's category rule."""
    rule = deps.due_rules.get(report.service_code) if deps.due_rules is not None else None
    if rule is None:
        return None, None
    days = int((rule.by_priority or {}).get(report.priority, rule.working_days))
    due = rule_calendar(deps, rule).add_working_days(london_today(report.created_at), days).isoformat()
    return due, rule.basis


# The nearest address is looked for in circles of these radii, the next only
# when the last held none; beyond the last, a place has no words but its point.
NEAR_RADII_M = (25, 60, 150)
OUTSIDE_M = 15  # this close, the problem is "outside" the address rather than "near" it
RANGE_LIMIT = 100  # addresses read per cell range: a block of flats shares one point


def nearest_address(deps, lon, lat):
    """(Address, metres) of the address nearest (lon, lat) within the widest
    radius, or None. Each radius reads only the addresses in its circle's
    few cells (geo index `by_cell`); one found within that radius is proven
    the nearest, since everything nearer lay in the cells read."""
    if deps.addresses is None:
        return None
    from ...geo import cells
    from ...geo.distance import haversine_m
    for radius in NEAR_RADII_M:
        found = [a for part, lo, hi in cells.cell_ranges(cells.cover_circle(lon, lat, radius, max_cells=9))
                 for a in deps.addresses.in_cell_range(part, lo, hi, RANGE_LIMIT)]
        best = min(((haversine_m(lon, lat, float(a.lon), float(a.lat)), a.uprn, a) for a in found), default=None)
        if best is not None and best[0] <= radius:
            return best[2], best[0]
    return None


def near_words(deps, lon, lat):
    """A point in words from the nearest address: "Outside 12 Micklegate",
    "Near 2 Micklegate"; None when no address is near."""
    nearest = nearest_address(deps, lon, lat)
    if nearest is None:
        return None
    address, metres = nearest
    line = next((line for line in address.lines if line), None)
    if line is None:
        return None
    return f"{'Outside' if metres <= OUTSIDE_M else 'Near'} {line}"


def place_text(report):
    """How a report's place reads: its address as placed, else the nearest one in words, else None."""
    return report.address or getattr(report, "near", None)


def place_phrase(report):
    """The place inside a sentence: "at 2 Micklegate, York", "near 2 Micklegate"; None without words."""
    if report.address:
        return f"at {report.address}"
    near = getattr(report, "near", None)
    return near[0].lower() + near[1:] if near else None


def place(deps, report):
    """Stamp ward, due date and (without an address) the nearest address in words on a new report."""
    report.ward = ward_at(deps, report)
    report.due, report.due_rule = stamp_due(deps, report)
    report.due_source = "rule" if report.due else None
    report.near = near_words(deps, float(report.lon), float(report.lat)) \
        if report.lon is not None and not report.address else None


def today(deps):
    """The council's calendar date now ("YYYY-MM-DD"): what "overdue" is measured against."""
    return london_today(deps.clock()).isoformat()
