"""The local back office's demo council tax and benefits, for the demo
addresses (doorstep_cli/demo/addresses.csv): FICTIONAL people and accounts.

- 500123454, 3 Micklegate: Ann and Brian Hartley, jointly liable, Direct Debit
- 500234574, 6 Bootham: Carol Dobson, single person discount, pays by card
- 500345686, 4 Hull Road: Dev Patel, two instalments missed (a reminder),
  council tax reduction and housing benefit with payments and letters; his
  closed account at 11 Hull Road, 500123462 (a part year), still owes: he moved
  within York, and Civica lists that account first
- 500456798, Plot 7 Huntington Road: Eve Nolan, a new build not banded yet
- 500567816, 2 Walmgate: a shared house of five sharers, all jointly liable

Each account carries what linking checks (the online key printed on its bill,
the postcode, the phone numbers held, the Direct Debit account): the same
values are printed on the demo bills, so a demo resident can link from one.
Amounts are integer pence; the financial year is the one the date given
falls in, so the data stays current whatever day the stack runs.

This is York's data set, the default. An office started for another council
serves that council's own (DATA_SETS: North Lanarkshire's in
civica_data_north_lanarkshire.py), and a council with none has no accounts:
PEOPLE, ACCOUNTS and CLAIMS are the tables of the data set the office
answering now serves (`serving`), York's outside any answer.
"""
import contextlib
from collections.abc import MutableMapping
from contextvars import ContextVar
from datetime import date
from types import SimpleNamespace

_YORK_PEOPLE = {
    "P0010001": {"title": "Mrs", "forenames": "Ann", "surname": "Hartley", "phone": "01904 551234"},
    "P0010002": {"title": "Mr", "forenames": "Brian", "surname": "Hartley", "phone": "07700 900871"},
    "P0010003": {"title": "Ms", "forenames": "Carol", "surname": "Dobson", "phone": "01904 552468"},
    "P0010004": {"title": "Mr", "forenames": "Dev", "surname": "Patel", "phone": "07700 900315"},
    "P0010005": {"title": "Miss", "forenames": "Eve", "surname": "Nolan", "phone": "07700 900642"},
    "P0010006": {"title": "Mr", "forenames": "Ravi", "surname": "Shah", "phone": "07700 900106"},
    "P0010007": {"title": "Ms", "forenames": "Jo", "surname": "Baker", "phone": "07700 900207"},
    "P0010008": {"title": "Mr", "forenames": "Tom", "surname": "Reid", "phone": "07700 900308"},
    "P0010009": {"title": "Ms", "forenames": "Lena", "surname": "Kowalska", "phone": "07700 900409"},
    "P0010010": {"title": "Mx", "forenames": "Sam", "surname": "Okafor", "phone": "07700 900510"},
}

_YORK_ACCOUNTS = {
    "500123454": {"people": ["P0010001", "P0010002"], "place_ref": "990000000003", "lines": ["3 Micklegate", "York"],
                  "postcode": "YO1 7HH", "band": "C", "charge": 198_412, "method": "Direct Debit",
                  "dd_account": "41062287", "online_key": "HRT4-7QMC", "missed": 0, "discounts": []},
    "500234574": {"people": ["P0010003"], "place_ref": "990000000054", "lines": ["6 Bootham", "York"],
                  "postcode": "YO30 5DY", "band": "C", "charge": 198_412, "method": "Cash/Card",
                  "dd_account": "", "online_key": "DBS2-9KXW", "missed": 0,
                  "discounts": [("SPD", "Single person discount (25%)", 25)]},
    "500123462": {"people": ["P0010004"], "place_ref": "990000000155", "lines": ["11 Hull Road", "York"],
                  "postcode": "YO10 9GY", "band": "B", "charge": 73_050, "method": "Cash/Card", "dd_account": "",
                  "online_key": "PTL1-6MVA", "missed": 0, "discounts": [], "closed": True, "brought_forward": 31_740},
    "500345686": {"people": ["P0010004"], "place_ref": "990000000148", "lines": ["4 Hull Road", "York"],
                  "postcode": "YO10 4EE", "band": "D", "charge": 223_214, "method": "Cash/Card",
                  "dd_account": "", "online_key": "PTL8-3RZD", "missed": 2, "discounts": [], "ctr_weekly": 1_250},
    "500456798": {"people": ["P0010005"], "place_ref": "990000009907", "lines": ["Plot 7, Huntington Road", "York"],
                  "postcode": "YO31 5ZY", "band": None, "charge": 0, "method": "Cash/Card", "dd_account": "",
                  "online_key": "NLN5-2HJP", "missed": 0, "discounts": []},
    "500567816": {"people": ["P0010006", "P0010007", "P0010008", "P0010009", "P0010010"],
                  "place_ref": "990000000034", "lines": ["2 Walmgate", "York"], "postcode": "YO1 6NE", "band": "C",
                  "charge": 198_412, "method": "Cash/Card", "dd_account": "", "online_key": "WLM6-4TQB", "missed": 0,
                  "discounts": []},
}

_YORK_CLAIMS = {
    "P0010004": [{"number": "HB40721", "place_ref": "990000000148", "status": "Current", "type": "HB/CTR",
                  "weekly_rent": 9_875, "weekly_ctax": 1_250, "account": "500345686"}],
}

YORK = SimpleNamespace(PEOPLE=_YORK_PEOPLE, ACCOUNTS=_YORK_ACCOUNTS, CLAIMS=_YORK_CLAIMS, RENTS=None)  # rents:
# civica_rents.RENTS (York's), read there
DATA_SETS = {"north-lanarkshire": "doorstep_cli.local.civica_data_north_lanarkshire"}  # beside York's
_serving = ContextVar("civica_data_set", default=YORK)


def data_set(council=None):
    """The data set an office started for `council` serves: York's without one, an empty one for a
    council with none of its own (no council answers with another's residents)."""
    if council is None or council == "york":
        return YORK
    if council not in DATA_SETS:
        return SimpleNamespace(PEOPLE={}, ACCOUNTS={}, CLAIMS={}, RENTS={})
    from importlib import import_module
    module = import_module(DATA_SETS[council])
    return SimpleNamespace(PEOPLE=module.PEOPLE, ACCOUNTS=module.ACCOUNTS, CLAIMS=module.CLAIMS,
                           RENTS=getattr(module, "RENTS", {}))


def served_rents():
    """The rent accounts of the data set being served, by person: None for York's (civica_rents.RENTS)."""
    return _serving.get().RENTS


@contextlib.contextmanager
def serving(chosen):
    """Within it, PEOPLE, ACCOUNTS and CLAIMS are `chosen`'s (the office's answer, on its thread)."""
    token = _serving.set(chosen)
    try:
        yield chosen
    finally:
        _serving.reset(token)


class _Served(MutableMapping):
    """One table of the data set being served: the answers' modules read it as a dict."""

    def __init__(self, name):
        self.name = name

    def _table(self):
        return getattr(_serving.get(), self.name)

    def __getitem__(self, key):
        return self._table()[key]

    def __setitem__(self, key, value):
        self._table()[key] = value

    def __delitem__(self, key):
        del self._table()[key]

    def __iter__(self):
        return iter(self._table())

    def __len__(self):
        return len(self._table())


PEOPLE, ACCOUNTS, CLAIMS = _Served("PEOPLE"), _Served("ACCOUNTS"), _Served("CLAIMS")


def charge_lines(account):
    """[(ChargeType, pence)]: a Scottish account's council tax, water and waste water as lines of
    their own; an English one's single council tax charge."""
    return account.get("charges") or ([("Council Tax", account["charge"])] if account["charge"] else [])


def nino(person_ref):
    """A National Insurance number for the demo: QQ is a prefix never issued."""
    return f"QQ{person_ref[-6:]}C"


INSTALMENTS = 10  # April to January, as most councils bill


def financial_year(today):
    return today.year if today.month >= 4 else today.year - 1


def instalments(account, year):
    """[(due date, pence)]: ten monthly, the first carrying the pennies; none
    for an account with nothing charged (a new build not banded yet)."""
    net = net_charge(account)
    if net <= 0:
        return []
    day = 15 if account["method"] == "Direct Debit" else 1
    each, rest = divmod(net, INSTALMENTS)
    dues = [date(year + (m + 3) // 12, (m + 3) % 12 + 1, day) for m in range(INSTALMENTS)]
    return [(due, each + (rest if i == 0 else 0)) for i, due in enumerate(dues)]


def net_charge(account):
    charge = account["charge"]
    for _, _, percent in account["discounts"]:
        charge -= charge * percent // 100
    return charge


def payments(account, year, today):
    """What was paid this year: each instalment due by today, less those missed
    (the latest ones), on its due day."""
    due = [(when, amount) for when, amount in instalments(account, year) if when <= today]
    return due[:len(due) - account["missed"]] if account["missed"] else due


def benefit_credits(account, year, today):
    """Council tax reduction credited to the account, weekly since April."""
    weekly = account.get("ctr_weekly", 0)
    weeks = max(0, (today - date(year, 4, 1)).days // 7)
    return weekly * weeks


def documents(reference, account):
    docs = [{"id": f"D{reference[-5:]}1", "name": "Council Tax Bill", "type": "Bill", "module": "C"}]
    if account["missed"]:
        docs.append({"id": f"D{reference[-5:]}2", "name": "Reminder Notice", "type": "Reminder", "module": "C"})
    return docs


def claim_documents(claim):
    return [{"id": f"B{claim['number'][-5:]}1", "name": "Benefit Award Letter", "type": "Letter", "module": "H"}]
