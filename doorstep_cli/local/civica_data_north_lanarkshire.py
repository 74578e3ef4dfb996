"""North Lanarkshire's demo council tax, for the local back office started for that council
(`CivicaBackOffice(council="north-lanarkshire")`): FICTIONAL people and accounts around
Motherwell, Airdrie and Coatbridge.

A Scottish bill has three charges, each a line of its own: the council tax for the band, and
Scottish Water's water and waste water (sewerage) charges, which the council bills and collects
with it. The council tax is the band's share of band D under the Council Tax (Substitution of
Proportion) (Scotland) Order 2016 (band C: 320/360 of £1,452.86, North Lanarkshire's 2025-26
band D, the latest the demo holds); water and waste water are Scottish Water's 2026-27 unmetered
charges for the band, the year the demo bills. A single
person's 25% discount is off every line, water's too, as Scottish councils apply it.

- 500700028, 14 Merry Street, Motherwell: Fiona and Iain Campbell, band C, Direct Debit
- 500700036, 2/1, 12 Graham Street, Airdrie: Ross Kerr, band A, single person discount
- 500700044, 7 Muiryhall Street, Coatbridge: Aileen Donnelly, band E, one instalment missed
"""
PEOPLE = {
    "P0070001": {"title": "Mrs", "forenames": "Fiona", "surname": "Campbell", "phone": "01698 552310"},
    "P0070002": {"title": "Mr", "forenames": "Iain", "surname": "Campbell", "phone": "07700 900731"},
    "P0070003": {"title": "Mr", "forenames": "Ross", "surname": "Kerr", "phone": "07700 900742"},
    "P0070004": {"title": "Ms", "forenames": "Aileen", "surname": "Donnelly", "phone": "01236 441587"},
}


def _bill(council_tax, water, waste_water):
    """The account's charge lines as the back office bills them ([(ChargeType, pence)]) and their sum."""
    lines = [("Council Tax", council_tax), ("Water", water), ("Waste Water", waste_water)]
    return {"charges": lines, "charge": sum(amount for _, amount in lines)}


ACCOUNTS = {
    "500700028": {"people": ["P0070001", "P0070002"], "place_ref": "770000000014",
                  "lines": ["14 Merry Street", "Motherwell"], "postcode": "ML1 1JJ", "band": "C",
                  **_bill(129_143, 26_840, 31_144), "method": "Direct Debit", "dd_account": "30917755",
                  "online_key": "CMP3-8LWA", "missed": 0, "discounts": []},
    "500700036": {"people": ["P0070003"], "place_ref": "770000000212", "lines": ["2/1, 12 Graham Street", "Airdrie"],
                  "postcode": "ML6 6DD", "band": "A", **_bill(96_857, 20_130, 23_358), "method": "Cash/Card",
                  "dd_account": "", "online_key": "KRR7-2QNS", "missed": 0,
                  "discounts": [("SPD", "Single person discount (25%)", 25)]},
    "500700044": {"people": ["P0070004"], "place_ref": "770000000307", "lines": ["7 Muiryhall Street", "Coatbridge"],
                  "postcode": "ML5 3EN", "band": "E", **_bill(190_890, 36_905, 42_823), "method": "Cash/Card",
                  "dd_account": "", "online_key": "DNL5-6VHE", "missed": 1, "discounts": []},
}

# The Campbells get council tax reduction: the claim that shows their entitlement to free school meals and
# the clothing grant when they tell the council their child is starting school (handlers/schools/awards.py).
CLAIMS = {"P0070001": [{"number": "CTR70028", "place_ref": "770000000014", "status": "Current", "type": "CTR",
                        "weekly_rent": 0, "weekly_ctax": 1_240, "account": "500700028"}]}


def _tenants():
    """The council's tenants (doorstep_cli/demo/councils/north-lanarkshire/tenancies.json, whose homes
    are that folder's addresses): their people, their council tax accounts billed by Scotland's bands
    and Scottish Water's charges for the band (chalicelib/council_tax.py, the council's band D), and
    their rent accounts, so `make run`'s North Lanarkshire office serves its tenants as York's does."""
    import json
    from pathlib import Path
    from chalicelib import council_tax
    from chalicelib.councils.council import Council
    folder = Path(__file__).resolve().parents[1] / "demo" / "councils" / "north-lanarkshire"
    held = json.loads((folder / "tenancies.json").read_text())
    council = Council.of_document(json.loads((folder / "council.json").read_text()), 0)
    names = {"council_tax": "Council Tax", "water": "Water", "waste_water": "Waste Water"}
    accounts = {}
    for ref, account in held["council_tax"].items():
        # The charge before discounts, as the accounts above bill it (a discount is its own entry).
        lines = [(names[line["kind"]], line["amount"]) for line in council_tax.lines(council, account["band"], 2026)]
        accounts[ref] = {"dd_account": "20481163" if account["method"] == "Direct Debit" else "",
                         **account, **_bill(*(amount for _, amount in lines))}
    return held["people"], accounts, held["rents"]


_people, _accounts, RENTS = _tenants()
PEOPLE.update(_people)
ACCOUNTS.update(_accounts)
