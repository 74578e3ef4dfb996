"""North Lanarkshire's demo council homes and tenants (doorstep_cli/demo/councils/
north-lanarkshire/): a few dozen homes around Motherwell, Airdrie and Coatbridge
that the council's folder loads as its addresses, each let to a tenant whose
council tax account and rent account name it, so a tenant can link and report."""
import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from chalicelib.storage.councils import CouncilStore
from support.councils_support import demo_secrets_in

FOLDER = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "councils" / "north-lanarkshire"

@pytest.fixture(autouse=True)
def north_lanarkshires_secrets(monkeypatch, tmp_path):
    demo_secrets_in(monkeypatch, tmp_path, FOLDER)



def homes():
    """The council's homes among its addresses: those let to its tenants (the rest are its streets' other
    addresses, owner-occupied or let privately)."""
    let = {rent["place_ref"] for held in json.loads((FOLDER / "tenancies.json").read_text())["rents"].values()
           for rent in held}
    with open(FOLDER / "addresses.csv", newline="") as f:
        return {row["uprn"]: row for row in csv.DictReader(f) if row["uprn"] in let}


def test_the_folder_loads_north_lanarkshires_homes_inside_its_own_area(deps):
    from doorstep_cli.council_pack import add
    said = []
    assert add(FOLDER, CouncilStore(), deps, say=said.append, by="test") == 0, said
    assert "addresses.csv: 66 loaded" in said  # 30 council homes among its streets' other addresses and 1 shop
    assert len(homes()) == 30


def test_a_few_dozen_homes_around_motherwell_airdrie_and_coatbridge():
    towns = Counter(row["address_3"] for row in homes().values())
    assert towns == {"Motherwell": 10, "Airdrie": 10, "Coatbridge": 10}
    assert all(row["postcode"][:3] in ("ML1", "ML5", "ML6") for row in homes().values())


def test_every_home_is_let_to_a_tenant_whose_council_tax_and_rent_accounts_name_it():
    tenancies, found = json.loads((FOLDER / "tenancies.json").read_text()), homes()
    accounts, rents = tenancies["council_tax"], tenancies["rents"]
    let = [rent for held in rents.values() for rent in held]
    assert sorted(rent["place_ref"] for rent in let) == sorted(found)  # every home let, once
    assert len({rent["reference"] for rent in let}) == len(let)
    for person, held in rents.items():
        assert person in tenancies["people"]
        for rent in held:
            account = accounts[rent["account"]]
            assert person in account["people"] and account["place_ref"] == rent["place_ref"]
            assert account["band"] == found[rent["place_ref"]]["council_tax_band"]
    assert len({a["online_key"] for a in accounts.values()}) == len(accounts)
