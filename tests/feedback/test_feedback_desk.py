"""A service's feedback on its desk (issue 72, item 3): satisfaction week by week and by channel with the
number of answers, the comments newest first with personal details masked, tags kept by version; only the
officers the service's desk opens to read it."""
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

import time_machine

from chalicelib.handlers.feedback import counting

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)  # ISO week 2026-W48


def _answered(client, deps, reference, rating, improve=None, channel="online", at=MONDAY):
    asked = counting.finished(deps.replace(clock=lambda: at), "bills", reference, channel)
    with time_machine.travel(at, tick=False):
        r = client.post("/v1/feedback", {"token": asked["token"], "rating": rating,
                                         **({"improve": improve} if improve else {})})
    assert r.status_code == 201, r.json_body
    return asked["token"]


def test_the_bills_officers_read_the_bills_feedback_week_by_week_and_nobody_else_does(client, deps, people):
    _answered(client, deps, "PY-AAAAAAA1", 5)
    _answered(client, deps, "PY-AAAAAAA2", 1, "The page timed out. Ring me on 07700 900123.",
              at=MONDAY + timedelta(minutes=1))
    _answered(client, deps, "PY-AAAAAAA3", 4, channel="assisted", at=MONDAY - timedelta(weeks=1))
    with time_machine.travel(MONDAY + timedelta(hours=2), tick=True):
        bills = people("staff", roles=["revenues"])
        halls = people("staff", roles=["halls"])
        seen = client.get("/v1/staff/feedback/bills", bills.auth)
        refused = client.get("/v1/staff/feedback/bills", halls.auth)
    assert seen.status_code == 200, seen.json_body
    assert refused.status_code == 403
    weeks = {w["week"]: w for w in seen.json_body["weeks"]}
    assert weeks["2026-W48"]["online"] == {"answers": 2, "satisfied": 1}
    assert weeks["2026-W47"]["assisted"] == {"answers": 1, "satisfied": 1}
    newest = seen.json_body["answers"][0]
    assert newest["improve"] == "The page timed out. Ring me on [removed]."
    assert newest["flagged"] == ["phone"] and newest["rating"] == 1
    assert [a["rating"] for a in seen.json_body["answers"]] == [1, 5, 4]


def test_an_answer_is_tagged_by_its_version_and_a_stale_tag_is_told(client, deps, people):
    _answered(client, deps, "PY-TAGTAGT1", 2, "Too many steps to pay.")
    bills = people("staff", roles=["revenues"])
    answer = client.get("/v1/staff/feedback/bills", bills.auth).json_body["answers"][0]
    path = f"/v1/staff/feedback/bills/answers/{answer['id']}/tags"
    first = client.raw.http.request("PUT", path, body=b'{"tags": ["Card page", "steps"]}', headers={
        **bills.auth, "Content-Type": "application/json", "If-Match": f'"{answer["version"]}"'})
    assert first.status_code == 200 and first.json_body["tags"] == ["card page", "steps"]
    stale = client.raw.http.request("PUT", path, body=b'{"tags": ["other"]}', headers={
        **bills.auth, "Content-Type": "application/json", "If-Match": f'"{answer["version"]}"'})
    assert stale.status_code == 409
    assert client.raw.http.request("PUT", path, body=b'{"tags": ["x"]}', headers={
        **bills.auth, "Content-Type": "application/json"}).status_code == 428


def test_you_said_we_did_is_published_on_the_services_page_once_and_names_no_officer(client, people):
    bills = people("staff", roles=["revenues"], email="rita@council.example")
    body = {"you_said": "The card page timed out before you could pay.",
            "we_did": "We gave the card page twenty minutes, not five."}
    first = client.post("/v1/staff/feedback/bills/changes", body, bills.auth)
    again = client.post("/v1/staff/feedback/bills/changes", body, bills.auth)
    assert (first.status_code, again.status_code) == (201, 201) and again.headers.get("Idempotent-Replayed")
    halls = people("staff", roles=["halls"])
    assert client.post("/v1/staff/feedback/bills/changes", body, halls.auth).status_code == 403
    shown = client.get("/v1/feedback/bills/changes")
    assert [c["we_did"] for c in shown.json_body["changes"]] == [body["we_did"]]
    assert "rita" not in shown.body.decode()
    assert client.post("/v1/staff/feedback/bills/changes", {"you_said": " ", "we_did": "x"},
                       bills.auth).status_code == 400


def test_a_masked_comment_is_read_whole_by_its_services_officer_only_saying_why_and_the_reading_is_audited(
        client, deps, people):
    """Item 6 of the desk: the words as written (and the address a reply was asked to) are personal data, read by
    the service's officers with a reason, each reading a line in the answer's audit; nobody else reads them."""
    asked = counting.finished(deps.replace(clock=lambda: MONDAY), "bills", "PY-REVEAL01", "online")
    with time_machine.travel(MONDAY, tick=False):
        given = client.post("/v1/feedback", {"token": asked["token"], "rating": 2, "reply_email": "Ada@Example.org",
                                             "improve": "Timed out. Ring me on 07700 900123."})
    assert given.status_code == 201, given.json_body
    bills = people("staff", roles=["revenues"], email="rita@council.example")
    halls = people("staff", roles=["halls"])
    answer = client.get("/v1/staff/feedback/bills", bills.auth).json_body["answers"][0]
    assert answer["improve"] == "Timed out. Ring me on [removed]." and answer["reply_asked"] is True
    path = f"/v1/staff/feedback/bills/answers/{answer['id']}/words"
    why = {"Access-Reason": "Ringing them back as they asked"}

    unsaid = client.get(path, bills.auth)
    assert unsaid.status_code == 400 and unsaid.json_body["error"]["fields"][0]["field"] == "Access-Reason"
    assert client.get(path, {**halls.auth, **why}).status_code == 403
    assert client.get(path, why).status_code == 401
    assert client.get(f"/v1/staff/feedback/bills/answers/{'0' * 64}/words", {**bills.auth, **why}).status_code == 404
    assert client.get(f"/v1/staff/feedback/reports/answers/{answer['id']}/words",
                      {**people("staff").auth, **why}).status_code == 404  # not that service's answer
    assert deps.audit.entries(answer["id"]) == []  # refused: nothing read, nothing written

    read = client.get(path, {**bills.auth, **why})
    assert read.status_code == 200, read.json_body
    assert read.json_body == {"id": answer["id"], "improve": "Timed out. Ring me on 07700 900123.",
                              "reply_email": "ada@example.org"}
    assert read.headers.get("Cache-Control") == "no-store"
    [line] = deps.audit.entries(answer["id"])
    assert (line.by_email, line.reason, line.action) == ("rita@council.example", "Ringing them back as they asked",
                                                          "feedback_words_read")


def test_the_next_page_holds_every_older_answer_even_those_given_in_the_same_second(client, deps, people):
    """A page ends mid-second when answers come quickly (a busy morning, a council's import): the next page
    starts right after the last one shown, not at the whole second written in `next`, so none is lost."""
    from chalicelib.handlers.feedback import answering
    for n in range(51):
        at = MONDAY + timedelta(milliseconds=10 * n)  # 51 answers within one second
        asked = counting.finished(deps.replace(clock=lambda: at), "bills", f"PY-PAGE{n:04d}", "online")
        answering.answer(deps.replace(clock=lambda: at), {"token": asked["token"], "rating": 1 + n % 5})
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=True):
        bills = people("staff", roles=["revenues"])
        first = client.get("/v1/staff/feedback/bills", bills.auth).json_body
        second = client.get(f"/v1/staff/feedback/bills?{urlencode({'before': first['next']})}", bills.auth)
        refused = client.get("/v1/staff/feedback/bills?before=yesterday", bills.auth)
    assert second.status_code == 200, second.json_body
    ids = [a["id"] for a in first["answers"]] + [a["id"] for a in second.json_body["answers"]]
    assert len(first["answers"]) == 50 and len(set(ids)) == 51 and second.json_body["next"] is None
    assert refused.status_code == 400


def test_a_changed_rating_without_words_keeps_the_words_and_the_officers_tags(client, deps, people):
    """The receipt's link opens the question again: a second rating within the day changes the rating,
    and neither the first answer's words nor what the officers made of them are lost."""
    token = _answered(client, deps, "PY-KEEPKEEP", 2, "The card page timed out.")
    bills = people("staff", roles=["revenues"])
    answer = client.get("/v1/staff/feedback/bills", bills.auth).json_body["answers"][0]
    tagged = client.raw.http.request("PUT", f"/v1/staff/feedback/bills/answers/{answer['id']}/tags",
                                     body=b'{"tags": ["card page"]}', headers={
                                         **bills.auth, "Content-Type": "application/json",
                                         "If-Match": f'"{answer["version"]}"'})
    assert tagged.status_code == 200
    with time_machine.travel(MONDAY + timedelta(hours=2), tick=False):
        changed = client.post("/v1/feedback", {"token": token, "rating": 4})
    assert changed.status_code == 201 and changed.json_body["improve"] == "The card page timed out."
    seen = client.get("/v1/staff/feedback/bills", bills.auth).json_body["answers"][0]
    assert (seen["rating"], seen["improve"], seen["tags"]) == (4, "The card page timed out.", ["card page"])
