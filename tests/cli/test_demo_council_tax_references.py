"""Every council tax reference the demo hands a resident can be linked: each
demo council's folder and its local back office's accounts, checked by the
rule linking checks (revenues/references.check), and the accounts a move
opens at the local back office."""
import json
from pathlib import Path

from chalicelib.handlers.revenues import references
from chalicelib.validation import Problems
from doorstep_cli.local import civica_data, civica_moves, civica_rents

DEMO = Path(civica_data.__file__).resolve().parents[1] / "demo" / "councils"


def refused(reference):
    """What linking would say of the reference: nothing when it is linked by its rule."""
    problems = Problems()
    references.check(reference, problems)
    return problems.items + problems.rules


def held_by(council_id, folder):
    """The council tax references the council's demo holds: its folder's tenancies (accounts and the rent
    accounts naming them) and the accounts its local back office serves."""
    found = set(civica_data.data_set(council_id).ACCOUNTS)
    if council_id == "york":
        found |= {rent["account"] for rents in civica_rents.RENTS.values() for rent in rents}
    tenancies = folder / "tenancies.json" if folder else None
    if tenancies is not None and tenancies.exists():
        held = json.loads(tenancies.read_text())
        found |= set(held["council_tax"]) | {rent["account"] for rents in held["rents"].values() for rent in rents}
    return found


def test_every_demo_councils_council_tax_references_pass_the_rule_linking_checks():
    councils = {json.loads(path.read_text())["id"]: None for path in DEMO.glob("*.json")}
    councils.update({json.loads((folder / "council.json").read_text())["id"]: folder
                     for folder in sorted(DEMO.iterdir()) if folder.is_dir()})
    assert {"york", "north-lanarkshire", "newcastle-under-lyme", "staffordshire-county"} <= set(councils)
    checked, wrong = 0, {}
    for council_id, folder in councils.items():
        for reference in held_by(council_id, folder):
            checked += 1
            if refused(reference):
                wrong[reference] = council_id
    assert wrong == {}
    assert checked >= 39  # York's 6; North Lanarkshire's 3, and its thirty tenants' (a reference read twice, once)


def test_every_account_a_move_opens_at_the_local_back_office_has_a_reference_linking_accepts():
    opened = [civica_moves._reference(n) for n in range(1, 1000)]
    assert [r for r in opened if refused(r)] == []
    assert len(set(opened)) == len(opened)
