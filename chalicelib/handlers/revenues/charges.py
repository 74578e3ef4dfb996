"""The year's charges on a council tax account, line by line, each with the rule that made it.

The back office's own lines come first: Civica lists each charge of the year in `ctxtrn` as a
transaction of type Charge, with what it is for in ChargeType ("Council Tax"; at a Scottish
council also the water and waste water charges it bills for Scottish Water). Doorstep shows
those amounts as they are, and names beside each the rule of the council's jurisdiction that
sets it (the band's share of band D, Scottish Water's charges for the band). Only where the
back office gives no charge line for a banded home does Doorstep work the lines out itself, by
the same rules and the council's band D, marked as an estimate (council_tax.py)."""
from ... import council_tax

# ChargeType's words for the two Scottish Water lines, as councils print them on bills
# ("Water", "Water Charge"; "Waste Water", "Wastewater", "Sewerage"), lower case.
KINDS = {"water": "water", "water charge": "water", "water charges": "water", "waste water": "waste_water",
         "wastewater": "waste_water", "waste water charge": "waste_water", "sewerage": "waste_water",
         "sewerage charge": "waste_water", "council tax": "council_tax", "council tax charge": "council_tax"}


def kind_of(charge_type):
    """council_tax, water or waste_water for the back office's words; other for anything else."""
    return KINDS.get(" ".join((charge_type or "").lower().split()), "other")


def lines(transactions, band, council, year):
    """The charge lines of the year: the back office's where it gives them (one per kind of charge,
    a re-billed charge added to the first), else the estimate by the council's rules, else none."""
    given = {}
    for t in transactions:
        if t.kind.lower() == "charge" and t.amount > 0:
            key = (kind_of(t.charge_type), t.charge_type or "")
            given[key] = given.get(key, 0) + t.amount
    if given:
        return [_explained({"kind": kind, "name": name, "amount": amount, "estimate": False}, band, council, year)
                for (kind, name), amount in given.items()]
    if council is None or not band:
        return []
    return [{**line, "name": None, "estimate": True} for line in council_tax.lines(council, band, year)
            if line["amount"] is not None]


def _explained(line, band, council, year):
    """A back office's line with the rule its kind is charged by, where Doorstep knows it."""
    rule = council_tax.rule_of(council, band, year, line["kind"]) if council is not None and band else None
    if rule is None:
        return {**line, "band": band, "year": year, "basis": None, "rule": None}
    # The amount is the back office's for `year`: the rule says how it is made, not Doorstep's figure for it.
    basis = {"part": rule["basis"]["part"], "of": rule["basis"]["of"]} if rule["basis"] else None
    return {**line, "band": band, "year": year, "basis": basis, "rule": rule["rule"]}
