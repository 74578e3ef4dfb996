"""The local back office's council rent accounts (the `docid`s are ours, in
Civica's style: chalicelib/handlers/revenues/civica/rents.py), FICTIONAL:

- Dev Patel rents 4 Hull Road: 112.40 a week, housing benefit pays 98.75 of
  it each week, he pays the rest fortnightly but has missed his last three
  payments: in arrears.
- Carol Dobson rents 6 Bootham: 95.12 a week, paid monthly ahead on the 1st
  and a credit brought forward: in credit.
- Sam Okafor, one of 2 Walmgate's sharers, holds the tenancy of Flat 2 in
  Dev's block, 4 Hull Road: 104.60 a week, paid monthly. Its address is the
  tenancy's own (`address`), as Civica's RentActAddress is. Which block a
  home is in is the council's data (chalicelib/data/repair_blocks.json).

Rent is charged each Monday of the rent year (from the first Monday of
April), so the figures follow the day the stack runs, as council tax's do.
"""
from __future__ import annotations

from datetime import date, timedelta
from xml.etree.ElementTree import Element

from doorstep_cli.local import civica_answers as answers, civica_data as data

DOCIDS = ("rntsel", "rnttrn")
RENTS = {
    "P0010004": [{"reference": "R0448105", "place_ref": "990000000148", "account": "500345686", "weekly": 11_240,
                  "benefit_weekly": 9_875, "fortnightly": 2_730, "missed": 3, "brought_forward": 4_120}],
    "P0010003": [{"reference": "R0230117", "place_ref": "990000000054", "account": "500234574", "weekly": 9_512,
                  "monthly": 41_219, "brought_forward": -15_000}],
    "P0010010": [{"reference": "R0448112", "place_ref": "990000000148", "account": "500567816", "weekly": 10_460,
                  "monthly": 45_327, "brought_forward": 0, "address": "Flat 2, 4 Hull Road, York, YO10 4EE"}],
}


def _mondays(year, today):
    first = date(year, 4, 1)
    day = first + timedelta(days=(7 - first.weekday()) % 7)
    while day <= today:
        yield day
        day += timedelta(days=7)


def entries(rent, year, today):
    """[(day, kind, pence, how)]: rent positive, benefit and payments negative."""
    rows = []
    for monday in _mondays(year, today):
        rows.append((monday, "Rent", rent["weekly"], ""))
        if rent.get("benefit_weekly"):
            rows.append((monday, "Housing Benefit", -rent["benefit_weekly"], "HB"))
    if rent.get("fortnightly"):
        fridays = [m + timedelta(days=4) for m in _mondays(year, today)][::2]
        fridays = [f for f in fridays if f <= today]
        for friday in fridays[:len(fridays) - rent["missed"]]:
            rows.append((friday, "Payment", -rent["fortnightly"], "CARD"))
    if rent.get("monthly"):
        for month in range(12):
            first = date(year + (month + 3) // 12, (month + 3) % 12 + 1, 1)
            if first <= today:
                rows.append((first, "Payment", -rent["monthly"], "SO"))
    return sorted(rows, key=lambda r: r[0])


def balance(rent, year, today):
    return rent["brought_forward"] + sum(amount for _, _, amount, _ in entries(rent, year, today))


def answer(docid, person, params, today):
    own = data.served_rents()  # another council's data set keeps its own tenants' rents
    rents = (RENTS if own is None else own).get(person, [])
    year = int(params.get("recyear") or data.financial_year(today))
    if docid == "rntsel":
        node = Element("RentSelectDoc")
        listed = answers._add(node, "RentActList")
        for rent in rents:
            row = answers._add(listed, "RentActDetails", RentActRef=rent["reference"], PlaceRef=rent["place_ref"],
                               RentBalance=answers.pounds(balance(rent, data.financial_year(today), today)),
                               WeeklyRent=answers.pounds(rent["weekly"]), TenancyStatus="Current")
            account = data.ACCOUNTS[rent["account"]]
            answers._add(row, "RentActAddress",
                         rent.get("address") or ", ".join(account["lines"] + [account["postcode"]]))
        return answers.xml(node)
    found = [r for r in rents if r["reference"] == params.get("rentref")]
    if not found:
        return answers.error("Account Not Found For Person", "6")
    node = Element("RentTranList", RentActRef=found[0]["reference"])
    for number, (day, kind, amount, how) in enumerate(entries(found[0], year, today), start=1):
        row = answers._add(node, "Transaction", Number=number, TranType=kind, Year=year)
        answers._add(row, "Date", answers.civica_day(day), NumericEquiv=day.strftime("%Y%m%d"))
        answers._add(row, "Amount", answers.pounds(amount))
        if how:
            answers._add(row, "SubCode", how)
    return answers.xml(node)
