"""The Civica adapter against the local back office over real HTTP: sessions,
Civica's call order, its element names and error codes, and every way a back
office fails arriving as one of three kinds, never as a crash."""
import re
import time

import pytest

from chalicelib.handlers.revenues.civica import answers as civica_xml
from chalicelib.handlers.revenues.civica.adapter import CivicaRevenues
from chalicelib.handlers.revenues.port import BackOfficeError
from chalicelib.handlers.revenues.references import valid
from doorstep_cli.local import civica_data
from support.revenues_support import ARREARS, DEV, EVE, JOINT, NEW_BUILD, OLD_HOME, YEAR
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)


def test_every_demo_reference_passes_its_check_digit():
    assert all(valid(ref) for ref in civica_data.ACCOUNTS)
    assert not valid("500123455") and not valid("500124354")  # one digit wrong; two neighbours swapped


def test_linking_reads_each_jointly_liable_person_and_the_bills_checks(revenues):
    account = revenues.check_account(JOINT)
    assert [p.name_on_bill for p in account.people] == ["Mrs Ann Hartley", "Mr Brian Hartley"]
    assert (account.online_key, account.postcode, account.dd_account) == ("HRT4-7QMC", "YO1 7HH", "41062287")


def test_an_unknown_account_costs_the_same_calls_as_a_known_one(revenues, civica):
    assert revenues.check_account("500000018") is None
    unknown = list(civica.calls)
    civica.calls.clear()
    assert revenues.check_account(JOINT) is not None
    assert civica.calls == unknown == ["crmlogin", "cocrmper", "ctxdet", "ctxprop"]


def test_a_session_keeps_civicas_order_ctxdet_before_what_depends_on_it(revenues, civica):
    with revenues.session(DEV) as session:
        plan = session.instalments(ARREARS, YEAR)
        session.transactions(ARREARS, YEAR)
        old = session.instalments(OLD_HOME, YEAR)
    assert civica.calls == ["crmlogin", "cocrmper", "ctxdet", "irins", "ctxtrn", "ctxdet", "irins"]
    assert len(plan) == 10 and plan[0].amount == 22_325 and plan[1].due == "2026-05-01"
    assert old[0].amount == 7_305


def test_a_naive_adapter_asking_irins_before_ctxdet_gets_another_accounts_instalments(revenues, civica):
    """Dev moved within York: Civica lists his old account first, and a session
    whose current account nobody set answers for that one."""
    with revenues.session(DEV) as session:
        naive = civica_xml.instalments(session._call("irins", ("recno", "1"), ("module", "C"),
                                                     ("recyear", str(YEAR))))
        right = session.instalments(ARREARS, YEAR)
    assert naive != right
    assert naive[0].amount == 7_305 and right[0].amount == 22_325


def test_the_summary_reads_balance_arrears_stage_and_next_instalment(revenues):
    with revenues.session(DEV) as session:
        summary = session.summary(ARREARS, YEAR)
    assert summary.arrears == 44_642 and summary.stage == "Reminder"
    assert (summary.next_due, summary.next_amount) == ("2026-12-01", 22_321)
    assert summary.balance == summary.year_charge - summary.year_paid - summary.year_benefits


def test_a_new_build_has_an_account_but_no_band_and_nothing_to_pay_yet(revenues):
    with revenues.session(EVE) as session:
        summary = session.summary(NEW_BUILD, YEAR)
        places = session.properties(NEW_BUILD, YEAR)
        plan = session.instalments(NEW_BUILD, YEAR)
    assert places[0].band is None and places[0].postcode == "YO31 5ZY"
    assert summary.balance == 0 and plan == []


def test_benefit_claims_their_detail_payments_and_letters(revenues):
    with revenues.session(DEV) as session:
        claims = session.benefit_claims()
        detail = session.benefit_claim(claims[0].number, claims[0].place_ref)
        housing = session.benefit_payments("housing")
        reduction = session.benefit_payments("council_tax")
        letters = [d for d in session.documents() if d.module == "H"]
    assert detail.weekly == {"council_tax": 1_250, "rent": 9_875}
    assert housing[0].amount == 19_750 and reduction[0].amount == 2_500
    assert [d.name for d in letters] == ["Benefit Award Letter"]


def test_a_bill_is_a_valid_pdf_printing_the_online_key(revenues):
    with revenues.session(DEV) as session:
        bill = next(d for d in session.documents() if d.account_ref == ARREARS and d.kind == "Bill")
        pdf = session.document_pdf(ARREARS, bill.id, YEAR)
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    xref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[xref:xref + 4] == b"xref"
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", pdf)]
    assert all(pdf[o:].startswith(b"%d 0 obj" % n) for n, o in enumerate(offsets, start=1))
    assert b"PTL8-3RZD" in pdf


def test_another_accounts_bill_is_refused_with_civicas_error_code(revenues):
    with revenues.session(EVE) as session, pytest.raises(BackOfficeError) as refused:
        session.document_pdf(NEW_BUILD, "D456861", YEAR)  # Dev's bill
    assert (refused.value.kind, refused.value.code) == ("refused", "4")


def test_a_wrong_service_password_is_a_refused_login(civica):
    with pytest.raises(BackOfficeError) as refused, CivicaRevenues(civica.url, civica.user, "wrong").session(DEV):
        pass
    assert (refused.value.kind, refused.value.code) == ("refused", "4")


def test_a_call_without_a_session_is_refused(revenues):
    with pytest.raises(BackOfficeError) as refused:
        civica_xml.summary(revenues.answer([("sessionId", "nope"), ("docid", "ctxdet"), ("actref", JOINT)]), YEAR)
    assert refused.value.code == "2"


@pytest.mark.parametrize("switch, kind", [("down", "unreachable"), ("malformed", "malformed"),
                                          ("refusing", "refused")])
def test_a_failing_back_office_is_one_of_three_kinds(revenues, civica, switch, kind):
    setattr(civica, switch, True)
    with pytest.raises(BackOfficeError) as failed, revenues.session(DEV) as session:
        session.summary(ARREARS, YEAR)
    assert failed.value.kind == kind


def test_the_nightly_window_answers_a_maintenance_page(civica, revenues):
    from datetime import datetime
    from support.revenues_support import LONDON
    civica.clock = lambda: datetime(2026, 11, 25, 2, 0, tzinfo=LONDON)
    with pytest.raises(BackOfficeError) as failed:
        revenues.check_account(JOINT)
    assert failed.value.kind == "unreachable"


def test_a_slow_back_office_times_out(civica):
    civica.delay_s = 0.6
    started = time.monotonic()
    with pytest.raises(BackOfficeError) as failed:
        CivicaRevenues(civica.url, civica.user, civica.password, timeout_s=0.2).check_account(JOINT)
    assert failed.value.kind == "unreachable" and time.monotonic() - started < 0.6


def test_an_answer_with_a_dtd_is_refused_before_parsing():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
              b"<CtaxDetails>&b;</CtaxDetails>")
    with pytest.raises(BackOfficeError) as failed:
        civica_xml.parse(laughs)
    assert failed.value.kind == "malformed"


def test_an_answer_with_a_dtd_in_utf_16_is_refused_before_parsing():
    laughs = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">]>'
              "<CtaxDetails>&a;</CtaxDetails>").encode("utf-16")
    with pytest.raises(BackOfficeError) as failed:
        civica_xml.parse(laughs)
    assert failed.value.kind == "malformed"


@pytest.mark.parametrize("answer", [
    b"<IRInstalments><InstalmentList><Instalment DateDue='' AmountDue='-1.00'/></InstalmentList></IRInstalments>",
    b"<IRInstalments><InstalmentList><Instalment DateDue='01-Apr-2026' AmountDue='lots'/></InstalmentList>"
    b"</IRInstalments>",
    b"<IRInstalments><InstalmentList><Instalment DateDue='31-Feb-2026' AmountDue='-1.00'/></InstalmentList>"
    b"</IRInstalments>",
    b"<Unexpected/>",
])
def test_an_answer_with_values_that_make_no_sense_is_malformed(answer):
    with pytest.raises(BackOfficeError) as failed:
        civica_xml.instalments(civica_xml.parse(answer))
    assert failed.value.kind == "malformed"


def test_the_app_imports_no_back_office_code_until_a_council_tax_route_runs():
    import ast
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    loaded = subprocess.run([sys.executable, "-c", "import sys, app; print(sorted(m for m in sys.modules "
                             "if 'revenues' in m or 'civica' in m or m.startswith('xml.etree') or "
                             "m == 'urllib.request'))"], cwd=root, capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(root), "PATH": ""}).stdout
    assert ast.literal_eval(loaded) == ["chalicelib.handlers.revenues", "chalicelib.handlers.revenues.limits",
                            "chalicelib.handlers.revenues.routes"]


def test_rent_accounts_are_read_with_their_balance_weekly_charge_and_transactions(revenues, civica):
    from support.revenues_support import CAROL
    with revenues.session(DEV) as session:
        rents = session.rent_accounts()
        rows = session.rent_transactions(rents[0].reference, YEAR)
    assert [(r.reference, r.balance, r.weekly_charge, r.status) for r in rents] == [("R0448105", 12_310, 11_240,
                                                                                     "Current")]
    assert {t.kind for t in rows} == {"Rent", "Housing Benefit", "Payment"}
    assert 4_120 + sum(t.amount for t in rows) == rents[0].balance  # the balance is what the rows say
    assert civica.calls[-2:] == ["rntsel", "rnttrn"]
    with revenues.session(CAROL) as session, pytest.raises(BackOfficeError) as refused:
        session.rent_transactions("R0448105", YEAR)  # Dev's rent account on Carol's session
    assert (refused.value.kind, refused.value.code) == ("refused", "6")
