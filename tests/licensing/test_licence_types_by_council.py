"""Licence types are each council's data over its jurisdiction's law: a type
the law does not have there, or a term past the law's maximum, is refused
with the file's place and reason; "which licences does selling alcohol need"
is answered from the data; a North Lanarkshire short-term let keeps
Scotland's periods and its deemed grant; Staffordshire says who licenses."""
import json
from datetime import date

from chalicelib import tenancy
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import NCL_TYPES, NL_TYPES, YORK_TYPES, at, london, paid, started


def test_the_three_demo_councils_types_pass_their_own_laws_checks():
    from chalicelib.handlers.licensing.catalogue import problems
    day = date(2026, 11, 28)
    assert problems(json.loads(YORK_TYPES.read_text()), "england", day) == []
    assert problems(json.loads(NCL_TYPES.read_text()), "england", day) == []
    assert problems(json.loads(NL_TYPES.read_text()), "scotland", day) == []


def test_a_short_term_let_at_an_english_council_and_a_four_year_taxi_licence_are_refused_with_reasons():
    from chalicelib.handlers.licensing.catalogue import problems
    types = json.loads(NL_TYPES.read_text())
    found = dict(problems(types, "england", date(2026, 11, 28)))
    assert "regime 'short_term_let' is not one of england's" in found["type short-term-let"]
    york = json.loads(YORK_TYPES.read_text())
    taxi = next(t for t in york if t["id"] == "taxi-driver")
    taxi["term_months"] = 48
    assert problems([taxi], "england", date(2026, 11, 28)) == [
        ("type taxi-driver", "term_months must be whole months from 1 to 36 (Local Government (Miscellaneous "
                             "Provisions) Act 1976 s.53(1) as amended by the Deregulation Act 2015 s.10; Statutory "
                             "Taxi and Private Hire Vehicle Standards (Department for Transport, July 2020): enhanced "
                             "DBS with barred lists, the update service checked every six months, the NR3S register "
                             "searched)")]
    banded = next(t for t in york if t["id"] == "premises-licence")
    banded["fee"]["by_band"].pop("E_alcohol")
    assert "by_band gives every band the law names" in problems([banded], "england", date(2026, 11, 28))[0][1]


def test_an_operators_licence_runs_up_to_five_years_and_reminders_need_something_to_remind_of():
    from chalicelib.handlers.licensing.catalogue import problems
    york = json.loads(YORK_TYPES.read_text())
    operator = next(t for t in york if t["id"] == "private-hire-operator")
    assert operator["term_months"] == 60 and problems([operator], "england", date(2026, 11, 28)) == []
    operator["term_months"] = 61
    assert "term_months must be whole months from 1 to 60" in problems([operator], "england", date(2026, 11, 28))[0][1]
    premises = next(t for t in york if t["id"] == "premises-licence")
    premises["renewal_reminders"] = [28]  # a premises licence has no end to renew
    assert [r for _, r in problems([premises], "england", date(2026, 11, 28))] == [
        "renewal_reminders need a term: a licence with no end is not renewed"]
    scottish = next(t for t in json.loads(NL_TYPES.read_text()) if t["id"] == "premises-licence")
    scottish["annual_fee_reminders"] = [28]  # no annual fee's day in Scotland's law data
    assert [r for _, r in problems([scottish], "scotland", date(2026, 11, 28))] == [
        "annual_fee_reminders need an annual_fee, and a regime whose law sets the day it is due"]


def test_selling_alcohol_needs_a_premises_licence_or_an_event_notice_in_york_and_its_scottish_kin_in_north_lanarkshire():
    from chalicelib.handlers.licensing.catalogue import needs
    york, nl = json.loads(YORK_TYPES.read_text()), json.loads(NL_TYPES.read_text())
    assert [t["id"] for t in needs(york, "sell_alcohol")] == ["premises-licence", "temporary-event-notice"]
    assert [t["id"] for t in needs(nl, "sell_alcohol")] == ["premises-licence", "occasional-licence"]
    assert [t["id"] for t in needs(nl, "short_term_let")] == ["short-term-let"] and needs(york, "short_term_let") == []


def test_a_north_lanarkshire_short_term_let_has_28_days_for_objections_and_is_deemed_granted_after_9_months(deps, pay):
    from support.councils_support import add, north_lanarkshire, york
    from chalicelib.handlers.payments.govuk_pay import for_council
    from support.licensing_support import store_types
    add(deps, york(), north_lanarkshire())
    card_payments = for_council(deps)  # the test's one local provider (the demo's council has none set up)
    with tenancy.acting_for("north-lanarkshire"):
        host = at(deps.for_council().replace(payment_provider=card_payments), london(2026, 8, 31, 10))
        store_types(host, NL_TYPES)
        flat = {"name": "", "address": "12 Main Street, Airdrie ML6 6AA", "lat": 55.866, "lon": -3.98}
        case = paid(host, started(host, {"type": "short-term-let", "premises": flat}))
        assert case.state == "received" and case.fee == 40000
        days = {c["name"]: c["last_day"] for c in case.clocks}
        assert days == {"notice": "2026-09-21", "representations": "2026-09-28", "decision": "2027-05-31"}
        assert case.law["missed"] == "deemed_granted" and "granted by law" in case.law["missed_words"]
        # A period the law's data has not checked: the applicant is told the team will confirm it, the desk why.
        from chalicelib.handlers.licensing.views import clocks_view
        told = {c["name"]: c for c in clocks_view(case)}["representations"]
        assert told["note"] == "The licensing team will confirm this date if you ask." and "check" not in told["source"]
        assert {c["name"]: c for c in clocks_view(case, desk=True)}["representations"]["note"] == (
            "not checked against the legislation")
    assert deps.licensing.types() == ([], 0)  # York's own: North Lanarkshire's stayed its own


def test_staffordshire_licenses_nothing_and_says_the_district_does():
    document = json.loads((YORK_TYPES.parent / "councils" / "staffordshire-county" / "council.json").read_text())
    assert document["services"]["licensing"] is False
    assert document["instead"]["licensing"]["name"] == "Your district or borough council"


def test_newcastle_under_lymes_folder_loads_its_licence_types_and_a_bad_one_refuses_the_whole_folder(deps, tmp_path,
                                                                                                     monkeypatch):
    import shutil
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.council_pack import add as add_folder
    from support.councils_support import DEMO, add, demo_secrets_in, york
    newcastle = DEMO / "newcastle-under-lyme"
    demo_secrets_in(monkeypatch, tmp_path, newcastle)
    add(deps, york())
    assert add_folder(DEMO / "staffordshire-county", CouncilStore(), deps, say=lambda line: None) == 0  # its roads
    broken = tmp_path / "broken"
    shutil.copytree(newcastle, broken)
    types = json.loads((broken / "licence_types.json").read_text())
    types[0]["regime"] = "short_term_let"  # Scotland's: refused in England
    (broken / "licence_types.json").write_text(json.dumps(types))
    said = []
    assert add_folder(broken, CouncilStore(), deps, say=said.append) == 1
    assert any("licence_types.json type premises-licence" in line and "not one of england's" in line for line in said)
    said.clear()
    assert add_folder(newcastle, CouncilStore(), deps, say=said.append) == 0
    assert "licence_types.json: 6 loaded" in said  # with the private hire operator
    with tenancy.acting_for("newcastle-under-lyme"):
        assert [t["id"] for t in deps.for_council().licensing.types()[0]][:2] == ["premises-licence",
                                                                                 "temporary-event-notice"]


def test_a_short_term_let_undecided_on_its_last_day_is_granted_by_law_the_day_after_once(deps, pay):
    from chalicelib.handlers.licensing.deeming import deem_due
    from chalicelib.handlers.payments.govuk_pay import for_council
    from support.councils_support import add, north_lanarkshire, york
    from support.licensing_support import store_types
    add(deps, york(), north_lanarkshire())
    card_payments = for_council(deps)
    with tenancy.acting_for("north-lanarkshire"):
        host = at(deps.for_council().replace(payment_provider=card_payments), london(2026, 8, 31, 10))
        store_types(host, NL_TYPES)
        flat = {"address": "12 Main Street, Airdrie ML6 6AA", "lat": 55.866, "lon": -3.98}
        case = paid(host, started(host, {"type": "short-term-let", "premises": flat}))
        assert case.deemed_on == "2027-05-31"
        last_day = host.replace(clock=lambda: london(2027, 5, 31, 23, 30))  # still the council's to decide
        assert deem_due(last_day) == 0
        day_after = host.replace(clock=lambda: london(2027, 6, 1, 0, 10))
        assert deem_due(day_after) == 1 and deem_due(day_after) == 0
        granted = host.licensing.get(case.id)
        assert granted.state == "deemed_granted" and granted.decision["by"] == "the law"
        assert granted.licence["from"] == "2027-06-01" and granted.licence["to"] == "2030-06-01"
        from chalicelib.storage.outbox import OutboxStore
        told = OutboxStore().get(f"licence-decided:{case.id}:applicant")
        assert "granted by law, as it was not decided within the period the law sets" in told.body


def test_every_purpose_a_demo_councils_type_offers_has_words_on_the_apply_screen():
    """The apply screen names each purpose from the catalogue (`licensing.purpose_<purpose>`): a purpose added as
    data (a minor variation) with no words showed its key to the applicant."""
    from pathlib import Path
    catalogue = json.loads((Path(__file__).parents[2] / "web/messages/en.json").read_text())
    offered = {p for path in (YORK_TYPES, NCL_TYPES, NL_TYPES) for t in json.loads(path.read_text())
               for p in t.get("purposes") or ()}
    assert "minor_variation" in offered
    on_screen = offered - {"renewal"}  # renewing starts from the licence's page (licensing.js filters it out)
    assert sorted(p for p in on_screen if f"licensing.purpose_{p}" not in catalogue) == []


def test_a_north_lanarkshire_occasional_licence_asks_when_its_event_is_and_for_14_days_at_most(deps):
    """Before, it asked what the event was and never when: a licence for no days, paid for."""
    from chalicelib.handlers.forms import answers, definition
    form = json.loads((NL_TYPES.parent.parent.parent / "forms" / "licences" / "licence-occasional.json").read_text())
    assert definition.errors(form) == []
    event = {q["id"]: q for q in form["pages"][0]["questions"]}
    assert {"first_day", "days", "hours"} <= set(event) and all(event[q]["public"] for q in ("first_day", "days"))
    assert answers.check(deps, event["days"], "14") == (14, [])
    assert answers.check(deps, event["days"], "15")[1] == [("days", "How many days it runs must be 14 or less")]
    assert answers.check(deps, event["first_day"], {"day": "1", "month": "1", "year": "2020"})[1]  # past: refused
