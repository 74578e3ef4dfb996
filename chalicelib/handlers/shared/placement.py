"""What staff need stamped on a report when it is placed or moved: the ward
holding its point (inbox filters and ward scopes) and its due date by the
category's rule, in working days that skip weekends and England's bank
holidays. Used when a report is created and when staff move or
recategorise it."""
from ... import workdays
from ...stamps import london_today


def ward_at(deps, report):
    """The id of the ward holding the report's point, or None."""
    if report.lon is None or deps.wards is None:
        return None
    ward = deps.wards.at_point(float(report.lon), float(report.lat))
    return ward.id if ward else None


def due_by_rule(deps, report):
    """"YYYY-MM-DD" by the report's category rule (and priority, where it
    varies), counted from the day the council received it; None without a rule."""
    rule = deps.due_rules.get(report.service_code) if deps.due_rules is not None else None
    if rule is None:
        return None
    days = int((rule.by_priority or {}).get(report.priority, rule.working_days))
    return workdays.add_working_days(london_today(report.created_at), days).isoformat()


def place(deps, report):
    """Stamp ward and due date on a new report."""
    report.ward = ward_at(deps, report)
    report.due = due_by_rule(deps, report)
    report.due_source = "rule" if report.due else None


def today(deps):
    """The council's calendar date now ("YYYY-MM-DD"): what "overdue" is measured against."""
    return london_today(deps.clock()).isoformat()
