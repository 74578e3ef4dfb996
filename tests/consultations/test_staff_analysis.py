"""Staff: live counts by ward read from counters (a fixed cost however many
have responded), the responses as CSV with personal details in a separate
file and free text whole, and "We asked, you said, we did" with small wards
withheld."""
import csv
import io
from datetime import timedelta

import pytest

from chalicelib.errors import ApiError
from conftest import store_addresses
from support.consultation_support import DURING, MIDNIGHT, YES, at, loaded, officer, respond, resident

RESULTS = {"summary": "312 people responded.", "you_said": "Most of you support a zone, but not on Saturdays.",
           "we_did": "The zone runs Monday to Friday only.", "figures": [{"label": "Support a zone", "value": 71,
                                                                           "unit": "%"}],
           "decision": {"item_id": "MTG-1234-5", "title": "Executive Member for Transport, 12 August 2026"}}


def _cost(call):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        call()
    return meter


def test_live_counts_by_ward_read_the_counters_not_the_responses(deps, capsys):
    from chalicelib.handlers.consultations.analysis import counts
    store_addresses(deps)
    loaded(deps)
    for n in range(30):
        respond(deps, DURING, answers={**YES, "comments": f"c{n}"}, postcode="YO1 7HH" if n % 3 else "YO23 1AA",
                client=f"198.51.100.{n}")
    staff = at(deps, DURING, officer())
    reading = _cost(lambda: counts(staff, "micklegate-parking"))
    view = counts(staff, "micklegate-parking")
    assert view["total"] == 30 and view["wards"] == [{"ward": "Bishopthorpe", "responses": 10},
                                                    {"ward": "Micklegate", "responses": 20}]
    assert "name" not in str(view) and "email" not in str(view)
    assert reading.operations == ["GetItem", "Query"] and reading.items == 4  # the head; three counter rows
    responding = _cost(lambda: respond(deps, DURING, answers={**YES, "comments": "one more"},
                                       client="198.51.100.99"))
    signed_in = _cost(lambda: respond(deps, DURING, principal=resident()))
    # the consultation, the postcode's addresses, the client's two limits, one transaction (the response, its
    # fingerprint, its ward's and the total's ADDs, the close's condition); signed in: its earlier response
    assert responding.operations == ["GetItem", "Query", "UpdateItem", "UpdateItem", "TransactWriteItems"]
    assert signed_in.operations == ["GetItem", "Query", "GetItem", "TransactWriteItems"]
    with capsys.disabled():
        print("\nDynamoDB per step (calls; items read; items written):")
        for name, meter in (("anonymous response", responding), ("signed-in response", signed_in),
                            ("live counts", reading)):
            print(f"  {name}: {meter.calls} ({', '.join(meter.operations)}); {meter.items} read; {meter.writes} written")


def test_the_export_keeps_personal_details_in_a_separate_file_and_free_text_whole(deps):
    from chalicelib.handlers.consultations.analysis import respondents_csv, responses_csv
    store_addresses(deps)
    loaded(deps)
    words = 'Line one, with a comma.\nLine two "quoted".\n=SUM(A1) is not a formula here'
    sent, _, _ = respond(deps, DURING, answers={"support": "no", "why_not": words, "comments": "",
                                             "name": {"full": "Ada Lovelace"}, "email": "ada@example.org"},
                      principal=resident())
    staff = at(deps, DURING, officer())
    rows = list(csv.DictReader(io.StringIO(responses_csv(staff, "micklegate-parking"))))
    assert rows[0]["Why do you not support it?"] == words and rows[0]["ward"] == "Micklegate"
    assert "Ada" not in responses_csv(staff, "micklegate-parking")
    assert "ada@example.org" not in responses_csv(staff, "micklegate-parking")
    people = list(csv.DictReader(io.StringIO(respondents_csv(staff.replace(reason="Checking the export"),
                                                             "micklegate-parking"))))
    assert people == [{"response": sent["id"], "postcode": "YO1 7HH", "Your name": "Ada Lovelace",
                       "Your email address": "ada@example.org"}]


def test_results_are_published_after_the_close_with_small_wards_withheld(deps):
    from chalicelib.handlers.consultations.managing import read
    from chalicelib.handlers.consultations.results import publish
    store_addresses(deps)
    loaded(deps)
    for n in range(12):
        respond(deps, DURING, answers={**YES, "comments": f"c{n}"}, client=f"198.51.100.{n}")
    for n in range(3):
        respond(deps, DURING, answers={**YES, "comments": f"b{n}"}, postcode="YO23 1AA", client=f"192.0.2.{n}")
    with pytest.raises(ApiError) as early:
        publish(at(deps, DURING, officer()), "micklegate-parking", RESULTS, '"1"')
    assert early.value.code == "consultation_not_closed"
    after = at(deps, MIDNIGHT + timedelta(days=30), officer())
    view = publish(after, "micklegate-parking", RESULTS, '"1"')
    assert view["results"]["wards"] == [{"ward": "Bishopthorpe", "responses": None, "withheld": "fewer than 10"},
                                        {"ward": "Micklegate", "responses": 12}]
    assert view["results"]["decision"]["item_id"] == "MTG-1234-5" and view["results"]["total"] is None
    public = read(at(deps, MIDNIGHT + timedelta(days=31)), "micklegate-parking")["results"]
    assert "published_by" not in public and public["we_did"] == RESULTS["we_did"]
    with pytest.raises(ApiError) as stale:
        publish(after, "micklegate-parking", RESULTS, '"1"')
    assert stale.value.code == "edit_conflict"


def test_results_with_a_decision_that_is_neither_an_item_nor_an_address_are_refused(deps):
    from chalicelib.errors import ValidationFailed
    from chalicelib.handlers.consultations.results import publish
    loaded(deps)
    with pytest.raises(ValidationFailed) as refused:
        publish(at(deps, MIDNIGHT, officer()), "micklegate-parking",
                {**RESULTS, "decision": {"url": "javascript:alert(1)"}, "figures": [{"label": "x"}]}, '"1"')
    assert {f["field"] for f in refused.value.fields} == {"decision.url", "figures[0]"}


def test_staff_routes_answer_csv_and_counts_over_http(client, deps, people):
    loaded(deps)
    officer_person = people("staff")
    counted = client.get("/v1/staff/consultations/micklegate-parking/counts", officer_person.auth)
    assert counted.status_code == 200 and counted.json_body["total"] == 0
    exported = client.get("/v1/staff/consultations/micklegate-parking/responses.csv", officer_person.auth)
    assert exported.status_code == 200 and exported.headers["Content-Type"].startswith("text/csv")
    assert client.get("/v1/staff/consultations/nothing-here/counts", officer_person.auth).status_code == 404
    assert client.get("/v1/staff/consultations/micklegate-parking/counts", people().auth).status_code == 403
    assert client.get("/v1/consultations/micklegate-parking/results").json_body["error"]["code"] == \
        "results_not_found"


def _published(deps, by_postcode):
    """Results published a month after the close, with `by_postcode` {postcode or None: responses}; the public view."""
    from chalicelib.handlers.consultations.managing import read
    from chalicelib.handlers.consultations.results import publish
    store_addresses(deps)
    loaded(deps)
    n = 0
    for postcode, many in by_postcode.items():
        for _ in range(many):
            n += 1
            respond(deps, DURING, answers={**YES, "comments": f"c{n}"}, postcode=postcode, client=f"198.51.100.{n}")
    publish(at(deps, MIDNIGHT + timedelta(days=30), officer()), "micklegate-parking", RESULTS, '"1"')
    return read(at(deps, MIDNIGHT + timedelta(days=31)), "micklegate-parking")["results"]


def _worked_out(results):
    """The withheld figures the published ones give away: with the total, the one withheld ward is the rest."""
    withheld = [w["ward"] for w in results["wards"] if w["responses"] is None]
    if results["total"] is None or len(withheld) != 1:
        return {}
    return {withheld[0]: results["total"] - sum(w["responses"] for w in results["wards"] if w["responses"])}


def test_a_withheld_wards_figure_cannot_be_worked_out_from_the_total_and_the_others(deps):
    public = _published(deps, {"YO1 7HH": 12, "YO23 1AA": 9})  # 21 = 12 + 9
    assert [(w["ward"], w["responses"]) for w in public["wards"]] == [("Bishopthorpe", None), ("Micklegate", 12)]
    assert _worked_out(public) == {} and public["total"] is None
    assert public["total_withheld"].startswith("The total is not published")


def test_two_small_wards_are_withheld_and_so_is_what_they_add_up_to(deps):
    public = _published(deps, {"YO1 7HH": 12, "YO23 1AA": 3, None: 4})  # 19 - 12 = 7: the two small ones together
    assert [(w["ward"], w["responses"]) for w in public["wards"]] == [
        ("(no ward)", None), ("Bishopthorpe", None), ("Micklegate", 12)]
    assert public["total"] is None


def test_the_total_is_published_when_no_ward_is_withheld(deps):
    public = _published(deps, {"YO1 7HH": 12, "YO23 1AA": 10})  # 10: just shown
    assert public["total"] == 22 and "total_withheld" not in public
    assert [(w["ward"], w["responses"]) for w in public["wards"]] == [("Bishopthorpe", 10), ("Micklegate", 12)]
