"""The event "My child is starting school", told once (issue 82, item 2): a York family is offered the
school place to apply for with what they told filled in, free school meals asked for (no benefits
record shows them entitled), and free transport only where the home is beyond the walking distance for
the child's age, with the distance shown either way; a North Lanarkshire family whose council tax
account shows a current council tax reduction claim is told their catchment school, may make a placing
request with Scotland's dates, and is awarded free school meals and the clothing grant without a form."""
import pytest

from revenues.test_scottish_charges import nl_at, nl_office  # noqa: F401 (a fixture: North Lanarkshire's office)
from support.councils_support import NL, NL_HOST, at, signed_in_at
from support.effects_support import dies_after_commit, given_up, run_stream  # noqa: F401 (a fixture)
from support.revenues_support import council_morning  # noqa: F401 (a fixture: the clock at MORNING)
from support.schools_support import nl_schools, york_schools

FAR_LANE = ("990000000301", ["1 Far Lane", "York"], "YO32 9AA", 54.0000, -1.0890, None)  # 3.69 km from Bootham Green


def tell(client, headers, body, key="starting-school-1"):
    answer = client.post("/v1/me/starting-school", body, {**headers, "Idempotency-Key": key})
    assert answer.status_code == 201, answer.body
    return answer.json_body


def by_name(view):
    return {p["name"]: p for p in view["parts"]}


def test_a_york_family_is_offered_the_place_meals_asked_for_and_transport_only_beyond_the_walking_distance(
        client, deps, people, council_morning):  # noqa: F811
    from conftest import store_addresses
    york_schools(deps)
    store_addresses(deps, [FAR_LANE])
    near, far = people(), people()
    child = {"name": "Ada Hartley", "date_of_birth": "2022-11-03"}
    told = tell(client, near.auth, {"round": "2027-primary", "child": child, "home_uprn": "990000000101"})
    run_stream(deps, "school_start_told")
    parts = by_name(client.get(f"/v1/me/starting-school/{told['id']}", near.auth).json_body)
    assert list(parts) == ["school_place", "free_school_meals", "transport"]
    assert parts["school_place"]["state"] == "to_do" and parts["school_place"]["link"] == \
        f"/schools/apply?start={told['id']}" and "by Friday 15 January 2027" in parts["school_place"]["text"]
    assert parts["free_school_meals"]["state"] == "ask" and parts["free_school_meals"]["link"] == "/forms"
    assert parts["transport"]["state"] == "not_eligible" and parts["transport"]["link"] is None
    assert "within the 2 miles walking distance" in parts["transport"]["text"]

    far_told = tell(client, far.auth, {"round": "2027-primary", "child": child, "home_uprn": FAR_LANE[0]})
    transport = by_name(far_told)["transport"]
    assert transport["state"] == "offered" and transport["distance_m"] == 3695
    assert "Bootham Green Primary School is 3.7 km (2.3 miles) from your home" in transport["text"]

    # Applying from the telling: the part then names the application, and its offer once released.
    made = client.post("/v1/me/school-applications", {"round": "2027-primary", "child": child,
                                                      "home_uprn": "990000000101", "preferences": [
                                                          {"school_id": "minster-view-primary"}]},
                       {**near.auth, "Idempotency-Key": "apply-from-the-telling"}).json_body
    place = by_name(client.get(f"/v1/me/starting-school/{told['id']}", near.auth).json_body)["school_place"]
    assert place["state"] == "applied" and place["link"] == f"/schools/{made['id']}"
    assert place["text"].startswith("You applied for 1 school. ")  # one, said as one


def test_a_child_told_for_the_wrong_year_is_a_422_and_another_parents_telling_is_not_found(
        client, deps, people, council_morning):  # noqa: F811
    york_schools(deps)
    parent, other = people(), people()
    wrong = client.post("/v1/me/starting-school", {"round": "2027-primary", "home_uprn": "990000000101", "child": {
        "name": "Ada Hartley", "date_of_birth": "2023-09-01"}}, {**parent.auth, "Idempotency-Key": "wrong-year-1"})
    assert wrong.status_code == 422
    assert "normally starts primary school in 2028" in wrong.json_body["error"]["fields"][0]["message"]
    told = tell(client, parent.auth, {"round": "2027-primary", "home_uprn": "990000000101", "child": {
        "name": "Ada Hartley", "date_of_birth": "2022-11-03"}})
    again = client.post("/v1/me/starting-school", {"round": "2027-primary", "home_uprn": "990000000101", "child": {
        "name": "Ada Hartley", "date_of_birth": "2022-11-03"}}, {**parent.auth, "Idempotency-Key": "starting-school-1"})
    assert again.status_code == 200 and again.json_body["id"] == told["id"]  # the same key: the same telling
    assert client.get(f"/v1/me/starting-school/{told['id']}", other.auth).status_code == 404


def test_a_north_lanarkshire_family_is_told_its_catchment_school_and_awarded_the_grant_and_meals_without_a_form(
        client, deps, nl_office, council_morning):  # noqa: F811
    nl_schools(deps, nl_at(nl_office))
    parent = at(NL_HOST, signed_in_at(deps, NL, "resident"))
    linked = client.post("/v1/me/council-tax", {"reference": "500700028", "name": "Mrs Fiona Campbell",
                                                "online_key": "CMP3-8LWA", "postcode": "ML1 1JJ"}, parent)
    assert linked.status_code == 201, linked.body
    child = {"name": "Isla Campbell", "date_of_birth": "2022-06-14"}
    told = tell(client, parent, {"round": "2027-primary", "child": child, "home_uprn": "990200000001"})
    parts = by_name(told)
    assert parts["catchment_school"]["text"] == ("Isla Campbell's catchment school is Motherwell West Primary School. "
                                                 "Enrol there from Tuesday 12 January 2027.")
    assert parts["placing_request"]["state"] == "optional" and "received by Monday 15 March 2027 are answered by " \
        "Friday 30 April 2027" in parts["placing_request"]["text"]
    assert parts["clothing_grant"]["state"] == "awarded"  # the effect ran in the request: no form
    assert "£120.00" in parts["clothing_grant"]["text"] and parts["clothing_grant"]["link"] is None
    assert parts["free_school_meals"]["state"] == "awarded"
    assert "school_place" not in parts

    request = client.post("/v1/me/school-applications", {"round": "2027-primary", "child": child,
                                                         "home_uprn": "990200000001", "preferences": [
                                                             {"school_id": "coursington-primary"}]},
                          {**parent, "Idempotency-Key": "placing-request-1"})
    assert request.status_code == 201, request.body
    placing = by_name(client.get(f"/v1/me/starting-school/{told['id']}", parent).json_body)["placing_request"]
    assert placing["state"] == "waiting" and "by Friday 30 April 2027" in placing["text"]
    assert placing["link"] == f"/schools/{request.json_body['id']}"


@pytest.mark.parametrize("born", ["0144-04-28", "1999-12-31"])
def test_a_child_born_centuries_or_decades_ago_is_a_422_naming_the_date_not_a_500(client, deps, people, born,
                                                                                    council_morning):  # noqa: F811
    # The OpenAPI fuzzer's own find: a date of birth in the year 144 looked for an entry year no round can name.
    york_schools(deps)
    parent = people()
    answer = client.post("/v1/me/starting-school", {"round": "2030-primary", "home_uprn": "990000000101",
                                                   "child": {"name": "Ada Hartley", "date_of_birth": born}},
                         {**parent.auth, "Idempotency-Key": f"too-old-{born}"})
    assert answer.status_code == 422, answer.body
    assert answer.json_body["error"]["fields"] == [{"field": "child.date_of_birth", "message": (
        "Check your child's date of birth: a child at school was born in the last 20 years.")}]


def test_the_normal_entry_year_of_a_child_no_round_can_take_is_none():
    from datetime import date
    from chalicelib.handlers.schools.rules import normal_entry
    assert normal_entry("england", "primary", date(144, 4, 28)) is None
    assert normal_entry("england", "primary", date(2022, 11, 3)) == 2027


def test_a_telling_says_it_is_still_checking_the_benefits_records_until_the_awards_are_made(
        client, deps, nl_office, council_morning, dies_after_commit):  # noqa: F811
    from chalicelib import tenancy
    nl_schools(deps, nl_at(nl_office))
    parent = at(NL_HOST, signed_in_at(deps, NL, "resident"))
    linked = client.post("/v1/me/council-tax", {"reference": "500700028", "name": "Mrs Fiona Campbell",
                                                "online_key": "CMP3-8LWA", "postcode": "ML1 1JJ"}, parent)
    assert linked.status_code == 201, linked.body
    dies_after_commit()  # the request's own try never happens: the stream's worker makes the awards
    told = tell(client, parent, {"round": "2027-primary", "child": {"name": "Isla Campbell",
                                                                    "date_of_birth": "2022-06-14"},
                                 "home_uprn": "990200000001"})
    assert by_name(told)["clothing_grant"]["state"] == "checking" and told["under_way"] is True
    with tenancy.acting_for(NL):  # as the worker runs: for the council whose event it is
        assert run_stream(deps, "school_start_told") == []
    page = client.get(f"/v1/me/starting-school/{told['id']}", parent).json_body
    assert by_name(page)["clothing_grant"]["state"] == "awarded" and page["under_way"] is False


def test_a_telling_whose_benefits_check_was_given_up_asks_the_parent_to_apply_and_stops_checking(
        client, deps, nl_office, council_morning, dies_after_commit, monkeypatch):  # noqa: F811
    from chalicelib import tenancy
    nl_schools(deps, nl_at(nl_office))
    parent = at(NL_HOST, signed_in_at(deps, NL, "resident"))
    dies_after_commit()
    told = tell(client, parent, {"round": "2027-primary", "child": {"name": "Isla Campbell",
                                                                    "date_of_birth": "2022-06-14"},
                                 "home_uprn": "990200000001"})
    assert by_name(told)["clothing_grant"]["state"] == "checking"
    given_up(monkeypatch, "chalicelib.handlers.schools.awards", "on_told")
    with tenancy.acting_for(NL):
        run_stream(deps, "school_start_told")
    page = client.get(f"/v1/me/starting-school/{told['id']}", parent).json_body
    grant, meals = by_name(page)["clothing_grant"], by_name(page)["free_school_meals"]
    assert (grant["state"], meals["state"], page["under_way"]) == ("unchecked", "unchecked", False)
    assert grant["text"].startswith("The school clothing grant: we could not check our benefits records.")
    with tenancy.acting_for(NL):
        rules = deps.schools.all()[1]["awards"]
    assert (grant["link"], meals["link"]) == (rules["clothing_grant"]["apply_url"],
                                              rules["free_school_meals"]["apply_url"])  # the council's forms


def test_a_telling_whose_benefits_check_never_ended_asks_the_parent_to_apply_a_day_on(
        client, deps, nl_office, council_morning, dies_after_commit):  # noqa: F811
    from datetime import timedelta
    from support.councils_support import signed_in_again_at
    nl_schools(deps, nl_at(nl_office))
    parent = at(NL_HOST, signed_in_at(deps, NL, "resident", email="stuck.parent@example.org"))
    dies_after_commit()  # and the stream never carried it out: stuck, its claim never written
    told = tell(client, parent, {"round": "2027-primary", "child": {"name": "Isla Campbell",
                                                                    "date_of_birth": "2022-06-14"},
                                 "home_uprn": "990200000001"})
    page = f"/v1/me/starting-school/{told['id']}"
    council_morning.shift(timedelta(hours=23, minutes=59))
    parent = at(NL_HOST, signed_in_again_at(deps, NL, "stuck.parent@example.org"))
    assert by_name(client.get(page, parent).json_body)["clothing_grant"]["state"] == "checking"
    council_morning.shift(timedelta(minutes=2))
    later = client.get(page, at(NL_HOST, signed_in_again_at(deps, NL, "stuck.parent@example.org"))).json_body
    assert (by_name(later)["clothing_grant"]["state"], later["under_way"]) == ("unchecked", False)
