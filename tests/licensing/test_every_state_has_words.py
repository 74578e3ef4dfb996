"""Every state the licensing code can give a case has its words in every catalogue that names licensing states:
the applicant's page and the public register show `licensing.state.<state>`, and a missing key shows the key
itself. The states are read from the code (each `case.state = ...` and `state=...`), not from a list kept by hand,
so a state added later without its words fails here."""
import ast
import json
from pathlib import Path

from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
HANDLERS = ROOT / "chalicelib" / "handlers" / "licensing"


def _strings(node, names):
    """The string constants `node` can be: a constant, either side of `a if c else b`, or a module tuple's items
    (a name, `outcome`, read through its module's tuple of choices, OUTCOMES, which the handler checks it against)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, names) | _strings(node.orelse, names)
    if isinstance(node, ast.Name):
        return names.get(node.id) or names.get(node.id.upper() + "S", set())
    return set()


def _module_tuples(tree):
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            items = {e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = items
    return found


def states_the_code_sets():
    states = set()
    for path in HANDLERS.glob("*.py"):
        tree = ast.parse(path.read_text())
        names = _module_tuples(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    pairs = zip(target.elts, node.value.elts) if isinstance(target, ast.Tuple) and isinstance(
                        node.value, ast.Tuple) else [(target, node.value)]
                    for left, right in pairs:
                        if isinstance(left, ast.Attribute) and left.attr == "state" and not (
                                isinstance(left.value, ast.Subscript)):
                            # case.state, not a licence's (case.licence["state"] is its own words)
                            states |= _strings(right, names)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "LicenceCase":
                for keyword in node.keywords:
                    if keyword.arg == "state":
                        states |= _strings(keyword.value, names)
    return states


def test_the_states_are_read_from_the_code():
    states = states_the_code_sets()
    assert {"draft", "paying", "received", "granted", "refused", "objected", "counter_notice"} <= states, states


def test_every_state_the_code_sets_has_words_in_each_catalogue():
    states = states_the_code_sets()
    catalogues = [p for p in (ROOT / "web" / "messages").glob("*.json")
                  if any(k.startswith("licensing.state.") for k in json.loads(p.read_text()))]
    assert catalogues, "no catalogue names the licensing states"
    for catalogue in catalogues:
        words = json.loads(catalogue.read_text())
        missing = sorted(s for s in states if not (words.get(f"licensing.state.{s}") or "").strip())
        assert not missing, f"{catalogue.name} has no words for {missing}"


def test_every_state_the_code_sets_has_words_in_the_apis_refusals():
    from chalicelib.handlers.licensing.wording import STATES
    assert sorted(states_the_code_sets() - set(STATES)) == []


def test_a_refusal_names_the_cases_state_in_words_and_the_lists_name_its_type(client, deps, people, pay, york_types):
    import pytest
    from chalicelib.errors import ApiError
    from chalicelib.handlers.licensing import desk, withdrawing
    from support.licensing_support import at, london, paid, person, started
    applicant = person()
    who = at(deps, london(2026, 11, 27, 11), applicant)
    draft = started(who, {"type": "premises-licence", "band": "C", "premises": {"address": "16 Pavement, York"}})
    with pytest.raises(ApiError) as kept:
        withdrawing.withdraw(who, draft["id"], {})
    assert kept.value.message == "This application cannot be withdrawn now: it is not paid for yet."
    case = paid(who, started(who, {"type": "temporary-event-notice", "premises": {"address": "Main Street, York"},
                                   "event": {"first_day": "2026-12-30", "start": "12:00", "hours": 6, "people": 90}}))
    case.state = "counter_notice"  # as a late notice's police objection leaves it (desk._notice_objected)
    deps.licensing.save(case, case.seq, listed=True)
    with pytest.raises(ApiError) as closed:
        desk.set_hearing(at(deps, london(2026, 11, 28, 9)), case.id, {"day": "2026-12-10"},
                         deps.licensing.get(case.id).seq)
    assert closed.value.message == "This case cannot be decided now: it is under a counter notice."
    register = client.get("/v1/licensing/register").json_body["cases"]
    assert {c["type_name"] for c in register} == {"Temporary event notice"}
    desk_rows = client.get("/v1/staff/licensing/cases", people("staff").auth).json_body["cases"]
    assert {c["type_name"] for c in desk_rows} == {"Temporary event notice"}
