"""Funds as data: the council's file read and checked, references refused at
once by their format and check digit, with the rule that failed."""
import json

import pytest

from chalicelib.errors import Unacceptable
from chalicelib.handlers.bills import funds as funds_module
from chalicelib.handlers.bills.funds import FundsInvalid, all_funds, fund, parse
from chalicelib.handlers.bills.references import checked
from chalicelib.handlers.bills.schemes import complete, passes


def test_demo_council_has_the_six_kinds_of_bill_each_with_its_finance_code():
    got = {f.id: f.fund_code for f in all_funds()}
    assert got == {"council-tax": "CTAX", "business-rates": "NNDR", "sundry-invoice": "SUND",
                   "benefit-overpayment": "HBOP", "parking-pcn": "PCN", "fixed-penalty": "FPN"}
    assert fund("parking-pcn").fixed_by and fund("council-tax").fixed_by is None


@pytest.mark.parametrize("fund_id, typed, rule", [
    ("council-tax", "400123454", "A council tax account number has 9 digits and starts with 5."),
    ("council-tax", "50012345", "A council tax account number has 9 digits and starts with 5."),
    ("business-rates", "500123454", "A business rates account number has 9 digits and starts with 1."),
    ("sundry-invoice", "20034567", "An invoice number has 9 digits and starts with 2."),
    ("benefit-overpayment", "6123468", "A benefit overpayment reference has 7 digits and starts with 4 or 5."),
    ("parking-pcn", "CX12345679", "A PCN number is CQ followed by 8 digits."),
    ("fixed-penalty", "FP04217", "A fixed penalty notice number is FP followed by 6 digits."),
])
def test_a_reference_of_the_wrong_shape_is_refused_with_the_rule_it_broke(fund_id, typed, rule):
    with pytest.raises(Unacceptable) as refused:
        checked(fund(fund_id), typed)
    assert refused.value.status == 422 and refused.value.message == rule
    assert refused.value.fields == [{"field": "reference", "message": rule}]


@pytest.mark.parametrize("fund_id, right", [("council-tax", "500123454"), ("business-rates", "100123457"),
                                            ("benefit-overpayment", "4123468"), ("parking-pcn", "CQ12345679")])
def test_one_wrong_digit_or_two_swapped_is_caught_by_the_check_digit(fund_id, right):
    chosen = fund(fund_id)
    assert checked(chosen, right) == right
    digits = [i for i, c in enumerate(right) if c.isdigit()]
    for i in digits:
        for d in "0123456789":
            typo = right[:i] + d + right[i + 1:]
            if typo != right and passes(chosen.check, typo):
                pytest.fail(f"{typo} passes for {right}")
    for i, j in zip(digits, digits[1:]):
        swapped = list(right)
        swapped[i], swapped[j] = swapped[j], swapped[i]
        swapped = "".join(swapped)
        if swapped != right:
            with pytest.raises(Unacceptable):
                checked(chosen, swapped)


def test_a_right_shape_with_a_wrong_check_digit_says_so_in_the_funds_words():
    with pytest.raises(Unacceptable) as refused:
        checked(fund("council-tax"), "500123455")
    assert refused.value.message == ("That council tax account number is not right: one of its digits is wrong "
                                     "or two are swapped. Check it against your bill.")


def test_a_reference_is_read_as_people_type_it():
    assert checked(fund("parking-pcn"), " cq 1234-5679 ") == "CQ12345679"
    assert checked(fund("council-tax"), "5001 2345 4") == "500123454"


def test_every_demo_example_passes_its_own_fund():
    for chosen in all_funds():
        assert checked(chosen, chosen.example) == chosen.example


def test_check_digit_schemes_are_a_table_a_council_extends():
    assert complete("mod11", "50012345") == "500123454"
    assert passes("luhn", "79927398713") and not passes("luhn", "79927398710")
    assert passes("none", "FP000000")


def test_a_funds_file_that_breaks_its_rules_names_every_problem():
    data = json.loads(funds_module.DEMO.read_text())
    data["funds"][0]["reference"]["example"] = "500123455"  # a wrong check digit
    data["funds"][1]["amount"]["least"] = 0
    data["funds"][2]["posting"] = {"method": "fax"}
    data["funds"][3]["reference"]["check"] = "mod97"
    with pytest.raises(FundsInvalid) as refused:
        parse(data)
    text = str(refused.value)
    for part in ("council-tax): its example fails", "business-rates): least and most", "sundry-invoice): posting",
                 "benefit-overpayment): check is one of"):
        assert part in text


def test_the_council_names_its_own_funds_file(tmp_path, monkeypatch):
    data = json.loads(funds_module.DEMO.read_text())
    data["funds"] = data["funds"][:1]
    own = tmp_path / "funds.json"
    own.write_text(json.dumps(data))
    monkeypatch.setenv("DOORSTEP_FUNDS_FILE", str(own))
    assert [f.id for f in all_funds()] == ["council-tax"]
