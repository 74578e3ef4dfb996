"""Every record belongs to a council (docs/decisions/councils.md): every table's
partition key and every index's is a CouncilKey, which writes the council the
work is for before the value, so a model or an index declared with a plain
partition key, forgetting the council, fails here; the few deployment-wide
tables are named below with their reason."""
import threading

import pytest

from chalicelib import tenancy
from chalicelib.storage import tables  # noqa: F401  (declares every model)
from chalicelib.storage.binding import models, short_name
from chalicelib.storage.council_key import CouncilKey

# Tables that are the deployment's, not a council's, and why.
DEPLOYMENT_WIDE = {
    "users": "one sign-in works at every council's address: a person's credentials",
    "identities": "the identities (an OIDC subject, an e-mail) that sign a person in, wherever",
    "throttle": "sign-in throttling and message quotas: for the person and the one SES/SNS account",
    "councils": "which council each web address is, and each council's settings",
}


def partition_keys(model):
    """{where: (attribute name, attribute)} of the table's and each index's partition key."""
    found = {"table": next((n, a) for n, a in model.get_attributes().items() if a.is_hash_key)}
    for name, index in model._indexes.items():
        found[name] = next((n, a) for n, a in index.Meta.attributes.items() if a.is_hash_key)
        # the model's own attribute is what an item is written with
        found[f"{name} (on the item)"] = (found[name][0], model.get_attributes()[found[name][0]])
    return found


def test_every_partition_key_of_every_council_table_carries_the_council():
    forgetting = {f"{short_name(m)}: {where} {name}"
                  for m in models() if short_name(m) not in DEPLOYMENT_WIDE
                  for where, (name, attribute) in partition_keys(m).items()
                  if not isinstance(attribute, CouncilKey)}
    assert forgetting == set()


def test_a_deployment_wide_table_is_one_the_models_declare_and_keeps_no_council_key():
    declared = {short_name(m): m for m in models()}
    assert set(DEPLOYMENT_WIDE) <= set(declared)
    mixed = {name for name in DEPLOYMENT_WIDE
             if any(isinstance(a, CouncilKey) for _, a in partition_keys(declared[name]).values())}
    assert mixed == set()


def test_storage_writes_no_key_in_dynamodbs_own_form_by_hand():
    """A key written as {"S": value} skips its attribute, and so the council: every one is made
    by binding.wire_key / start_key or an attribute's serialize() (a line writing an attribute's
    value says so: "# a value, not a key")."""
    from pathlib import Path
    storage = Path(__file__).resolve().parents[2] / "chalicelib" / "storage"
    by_hand = [f"{path.name}:{n}" for path in sorted(storage.rglob("*.py")) if path.name != "binding.py"
               for n, line in enumerate(path.read_text().splitlines(), 1)
               if '{"S":' in line and ".serialize(" not in line and "# a value, not a key" not in line]
    assert by_hand == []


@pytest.mark.parametrize("model", [m for m in models() if short_name(m) not in DEPLOYMENT_WIDE], ids=short_name)
def test_no_council_table_can_be_read_or_queried_for_no_council(model):
    """In a thread of its own, which starts with no council (as any new thread does)."""
    (_, key), = [(n, a) for n, a in model.get_attributes().items() if a.is_hash_key]
    refused = []

    def attempt():
        for call in (lambda: key.serialize("x"), lambda: model.get("x") if not model._range_key_attribute() else
                     model.get("x", "y"), lambda: next(iter(model.query("x")), None)):
            try:
                call()
            except tenancy.NoCouncil:
                refused.append(True)
            else:
                refused.append(False)
    worker = threading.Thread(target=attempt)
    worker.start()
    worker.join()
    assert refused == [True, True, True]


def test_an_item_of_another_council_is_never_read_as_this_ones():
    attribute = CouncilKey()
    with tenancy.acting_for("york"):
        stored = attribute.serialize("DS-7K3F9Q")
    assert stored == "york|DS-7K3F9Q"
    with tenancy.acting_for("york"):
        assert attribute.deserialize(stored) == "DS-7K3F9Q"
    with tenancy.acting_for("north-lanarkshire"), pytest.raises(tenancy.CrossedCouncil):
        attribute.deserialize(stored)
