"""A decision's mail says who may appeal, to which court and within how long, as the law's data for the case's
regime says: the applicant refused or given conditions, and (for a premises licence in England) those whose
representations were relevant when it is granted; nobody else, and no line where the law gives no appeal."""
import copy
import json

import pytest

from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, london, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}
OBJECTOR = {"name": "Ada Quietly", "email": "ada.quietly@example.org", "address": "3 Lady Peckitt's Yard, York"}
APPEAL = "to the magistrates' court within 21 days of being told of it (Licensing Act 2003 s.181 and Sch. 5"


def decided_mail(deps, outcome, conditions=(), relevant=True):
    from chalicelib.handlers.licensing import desk, representations
    from chalicelib.storage.outbox import OutboxStore
    landlord = person()
    who = at(deps, london(2026, 11, 27, 11), landlord)
    case = paid(who, started(who, {"type": "premises-licence", "band": "C", "premises": PUB}))
    rep_id, _ = representations.make(deps.replace(clock=lambda: london(2026, 12, 3, 9), principal=None), case.id,
                                     dict(OBJECTOR, grounds="Music every night."))
    officer = deps.replace(clock=lambda: london(2027, 1, 4, 9), principal=person(700))
    representations.check(officer, case.id, rep_id, relevant, "Music late at night." if relevant else None,
                          None if relevant else "Not about the licensing objectives.")
    if conditions:
        desk.set_conditions(officer, case.id, {"conditions": list(conditions)}, deps.licensing.get(case.id).seq)
    desk.decide(officer, case.id, {"outcome": outcome, "reasons": "Heard the residents."},
                deps.licensing.get(case.id).seq)
    found = {m.to: m.body for m in OutboxStore().newest(100) if m.id.startswith(f"licence-decided:{case.id}:")}
    return found[landlord.email], found.get(OBJECTOR["email"])


def test_a_refused_pub_is_told_it_may_appeal_and_its_objector_is_not(deps, pay, york_types):
    applicant, objector = decided_mail(deps, "refused")
    assert APPEAL in applicant and "licensing team will confirm the period" in applicant
    assert "appeal" not in objector


def test_a_pub_granted_with_conditions_tells_both_sides_they_may_appeal(deps, pay, york_types):
    applicant, objector = decided_mail(deps, "granted", conditions=["The yard closes at 23:00."])
    assert APPEAL in applicant and APPEAL in objector


def test_a_pub_granted_as_asked_tells_no_one_of_an_appeal_but_the_relevant_objector(deps, pay, york_types):
    applicant, objector = decided_mail(deps, "granted")
    assert "appeal" not in applicant and APPEAL in objector
    applicant, objector = decided_mail(deps, "granted", relevant=False)
    assert "appeal" not in applicant and "appeal" not in (objector or "")


def test_an_appeal_in_the_law_data_without_its_days_or_source_stops_the_first_read():
    from chalicelib.handlers.licensing import law
    document = json.loads(law.DATA.read_text())
    version = document["jurisdictions"]["england"]["premises_licence"][0]
    assert law.checked(copy.deepcopy(document)) and version["appeal"]["days"] == 21
    for broken in ({"days": "21"}, {"source": ""}, {"who": ["neighbours"]}):
        bad = copy.deepcopy(document)
        bad["jurisdictions"]["england"]["premises_licence"][0]["appeal"].update(broken)
        with pytest.raises(law.LawDataError, match="an appeal says to whom"):
            law.checked(bad)
