"""Whether a report may be passed to another council of this service, and to
which (handlers/staff/passing.py passes it; the desk's view offers these)."""
from ... import states, tenancy
from ...errors import Conflict
from ..reports.form_cases import refuse_street
from . import wording as words


def pass_to(report):
    """[{council, name, made_here}]: where a desk may pass `report`: the council of this service it was
    made with first, then any other whose area holds its place (the county's own report on a district's
    street), most local first; none when it cannot be passed as it is. The areas are the process's
    (councils/areas.py): a warm desk reads nothing for them."""
    from ...councils.areas import holding
    from ...councils.council import council
    from ...councils.registry import ended
    try:
        refusal(report)
    except Conflict:
        return []
    here = tenancy.current()
    others = holding(report.lon, report.lat) if report.lon is not None and report.lat is not None else []
    chosen = [c for c in dict.fromkeys([report.site, *others]) if c and c != here and not ended(c)]
    return [{"council": c, "name": council(c).name, "made_here": c == report.site} for c in chosen]


def refusal(report):
    """Raises Conflict when the report cannot be passed as it is."""
    if report.passed:
        raise Conflict(words.PASSED_ALREADY.format(by=report.passed.get("from"), to=report.passed.get("to")),
                       code="passed_already")
    if not states.is_open(report.state):
        raise Conflict(words.PASS_NOT_OPEN, code="not_open")
    if report.assignment:
        raise Conflict(words.PASS_WITH_A_CREW, code="with_a_crew")
    if report.duplicate_of or report.duplicates:
        raise Conflict(words.PASS_A_DUPLICATE, code="duplicate")
    refuse_street(report, "to")  # a form's case stays with the council whose form it was
