"""The consultations desk (issue 57): an officer makes a consultation from a template, once however often
the request is sent, changes it until it opens and not after (an administrator may still mend it), and
reads the desk's list for about what it returns."""
from datetime import datetime, timedelta, timezone

import pytest

from chalicelib.errors import ApiError
from support.consultation_support import admin, at, officer, wards

# Made on a Friday evening in winter; it opens the Monday after at 9am (GMT) and closes at the last second of
# the last Sunday in January.
MADE = datetime(2027, 1, 1, 18, 0, tzinfo=timezone.utc)
OPENS = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
NEW = {"template": "scheme", "title": "A zebra crossing on Tadcaster Road",
       "overview": "We propose a zebra crossing by the primary school on Tadcaster Road.", "areas": ["Micklegate"],
       "topics": ["transport", "roads"], "opens": "2027-01-04T09:00:00", "closes": "2027-01-31T23:59:59",
       "supporting_documents": [{"title": "Drawing of the crossing", "url": "https://www.york.gov.uk/crossing.pdf"}]}


def _cost(call):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        result = call()
    return meter, result


def test_an_officer_makes_a_consultation_from_a_template_once_however_often_it_is_sent(deps):
    from chalicelib.handlers.consultations.desk import create
    wards(deps)
    now = at(deps, MADE, officer())
    view, created = create(now, dict(NEW), "crossing-key-0001")
    again, created_again = create(now, dict(NEW), "crossing-key-0001")
    assert created and not created_again and again["version"] == view["version"] == 1
    assert view["id"] == "a-zebra-crossing-on-tadcaster-road" and view["status"] == "forthcoming"
    assert view["department"] == "Transport and Highways"  # the template's, not given
    assert [p["id"] for p in view["form"]["pages"]] == ["support", "why-not", "comments", "about-you"]
    assert view["why"].startswith("We propose a change")
    with pytest.raises(ApiError) as taken:  # another key, the same title: a second consultation at its address
        create(now, dict(NEW), "crossing-key-0002")
    assert taken.value.status == 409 and taken.value.fields[0]["field"] == "$.title"


def test_a_new_consultation_with_errors_names_each_field_at_once(deps):
    from chalicelib.handlers.consultations.desk import create
    wards(deps)
    with pytest.raises(ApiError) as refused:
        create(at(deps, MADE, officer()), {**NEW, "title": "", "areas": ["Atlantis"], "closes": "2027-01-03T09:00:00",
                                           "supporting_documents": [{"title": "x", "url": "ftp://x"}]}, None)
    fields = {f["field"] for f in refused.value.fields}
    assert refused.value.status == 422  # an object breaking the rules stated in words
    assert {"$.title", "$.areas[0]", "$.closes", "$.supporting_documents[0].url"} <= fields
    with pytest.raises(ApiError) as bare:  # nothing chosen or written: each named, the template's form not
        create(at(deps, MADE, officer()), {}, None)
    assert {f["field"] for f in bare.value.fields} == {"template", "$.title", "$.overview", "$.opens", "$.closes",
                                                       "$.areas", "$.why", "$.what_happens_next", "$.department"}
    with pytest.raises(ApiError) as past:  # a moment just gone: it would open as it is made
        create(at(deps, OPENS + timedelta(seconds=1), officer()), dict(NEW), None)
    assert past.value.fields == [{"field": "$.opens", "message": past.value.fields[0]["message"]}]


def test_an_officer_changes_it_until_it_opens_and_an_administrator_may_still_mend_it(deps):
    from chalicelib.handlers.consultations.desk import create
    from chalicelib.handlers.consultations.managing import load
    wards(deps)
    view, _ = create(at(deps, MADE, officer()), dict(NEW), None)
    data = {**view["data"], "overview": "A zebra crossing by Knavesmire Primary School."}
    changed, _ = load(at(deps, OPENS - timedelta(seconds=1), officer()), view["id"], data, '"1"')
    assert changed["overview"].startswith("A zebra crossing by Knavesmire") and changed["version"] == 2
    with pytest.raises(ApiError) as opened:  # its first second: residents may be reading it
        load(at(deps, OPENS, officer()), view["id"], {**data, "title": "Changed"}, '"2"')
    assert opened.value.status == 409 and opened.value.code == "consultation_open"
    mended, _ = load(at(deps, OPENS, admin()), view["id"], {**data, "supporting_documents": []}, '"2"')
    assert mended["version"] == 3


def test_the_desk_list_reads_about_what_it_returns(deps, capsys):
    from chalicelib.handlers.consultations.desk import create, desk_list, templates
    wards(deps)
    for n in range(3):
        create(at(deps, MADE, officer()), {**NEW, "title": f"Crossing number {n}",
                                           "closes": f"2027-01-{20 + n}T23:59:59"}, None)
    meter, listed = _cost(lambda: desk_list(at(deps, OPENS + timedelta(days=17), officer())))
    assert [(c["title"], c["status"]) for c in listed["consultations"]] == [
        ("Crossing number 2", "open"), ("Crossing number 1", "open"), ("Crossing number 0", "closed")]
    assert meter.operations == ["Query"] and meter.items == 3
    offered = templates(deps)
    assert {t["id"] for t in offered["templates"]} == {"scheme", "priorities"}
    assert offered["wards"] == ["Bishopthorpe", "Micklegate"]
    with capsys.disabled():
        print(f"\nthe desk's list of 3: {meter.calls} call ({', '.join(meter.operations)}), {meter.items} read")


def test_the_respondents_details_downloaded_at_the_desk_are_audited_each_time_with_why_and_the_answers_are_not(deps):
    from chalicelib.errors import ValidationFailed
    from chalicelib.handlers.consultations.analysis import respondents_csv, responses_csv
    from support.consultation_support import DURING, MIDNIGHT, loaded
    loaded(deps)
    after = at(deps, MIDNIGHT + timedelta(hours=9), officer())
    responses_csv(after, "micklegate-parking")
    with pytest.raises(ValidationFailed):  # no reason given: nothing read
        respondents_csv(after, "micklegate-parking")
    why = after.replace(reason="Writing to respondents about the results")
    respondents_csv(why, "micklegate-parking")
    respondents_csv(why.replace(readings=set()), "micklegate-parking")  # a second request: audited again
    lines = deps.audit.entries("micklegate-parking")
    assert [(e.action, e.by_user_id, e.by_email, e.reason) for e in lines] == [
        ("respondents_downloaded", "officer-1", "officer@council.example",
         "Writing to respondents about the results")] * 2
    assert [e.seq for e in lines] == [1.001, 1.002] and DURING < lines[0].created_at


def test_the_desks_reads_publish_their_dynamodb_cost_and_a_retried_make_answers_the_first(client, deps, people,
                                                                                         capsys):
    import json
    import re
    wards(deps)
    officer_person = people("staff")
    headers = {**officer_person.auth, "Content-Type": "application/json"}
    # Far off, so the moments are still to come whenever the suite runs (the client keeps the real time).
    body = {**NEW, "opens": "2099-01-05T09:00:00", "closes": "2099-01-31T23:59:59"}
    made = client.raw.http.post("/v1/staff/consultations", body=json.dumps(body),
                                headers={**headers, "Idempotency-Key": "made-at-the-desk-1"})
    again = client.raw.http.post("/v1/staff/consultations", body=json.dumps(body),
                                 headers={**headers, "Idempotency-Key": "made-at-the-desk-1"})
    assert (made.status_code, again.status_code) == (201, 200) and made.json_body["id"] == again.json_body["id"]
    assert again.headers["ETag"] == '"1"'
    figures = {}
    for name, path in (("list", "/v1/staff/consultations"), ("templates", "/v1/staff/consultation-templates"),
                       ("counts", f"/v1/staff/consultations/{made.json_body['id']}/counts")):
        answer = client.raw.http.get(path, headers=officer_person.auth)
        assert answer.status_code == 200
        figures[name] = tuple(int(n) for n in re.search(r"queries=(\d+) items=(\d+)",
                                                         answer.headers["Server-Timing"]).groups())
    signed_in = 3  # every staff request reads its caller's session, account and grant at this council
    assert figures == {"list": (1, 1 + signed_in), "templates": (1, 2 + signed_in), "counts": (1, 1 + signed_in)}
    with capsys.disabled():
        print(f"\nServer-Timing (calls, items read): {figures}")
