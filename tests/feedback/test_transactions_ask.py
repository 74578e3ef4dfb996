"""Every transaction's end asks how it went and is counted once (issue 72, items 1 and 4): a bill
paid, a report made; a retry or a second reading asks the same question and counts nothing more."""
from support.bills_support import paid_through, pay_bill
from support.pay_support import pay  # noqa: F401 (fixture)


def _finished(deps, service):
    months = deps.feedback.year("2000-01", "2100-12")
    return sum(c["finished_online"] + c["finished_assisted"] for (_, s), c in months.items() if s == service)


def test_a_paid_bill_asks_how_it_went_and_counts_once_however_often_its_page_is_read(client, deps, pay):
    made = pay_bill(client, {"fund": "business-rates", "reference": "100123457", "amount": 25000}).json_body
    assert "feedback" not in made  # not paid yet: nothing to ask
    shown = paid_through(client, made)
    again = client.get(f"/v1/pay/payments/{made['id']}").json_body
    assert shown["feedback"]["service"] == "bills" and shown["feedback"] == again["feedback"]
    assert _finished(deps, "bills") == 1
    answered = client.post("/v1/feedback", {"token": shown["feedback"]["token"], "rating": 2,
                                            "improve": "The card page timed out once."})
    assert answered.status_code == 201, answered.json_body


def test_a_paid_bills_receipt_links_to_its_question_at_the_councils_own_address(client, deps, pay):
    import re
    from urllib.parse import parse_qs, urlparse
    from chalicelib.config import links_base
    made = pay_bill(client, {"fund": "business-rates", "reference": "100123457", "amount": 25000,
                             "email": "payer@example.org"}).json_body
    shown = paid_through(client, made)
    bodies = [m["body"] for m in deps.accounts.messages_to(["payer@example.org"])]
    (link,) = [found for b in bodies for found in re.findall(r"\S+/feedback/give\?\S+", b)]
    assert link.startswith(links_base(deps.settings, deps.council) + "/feedback/give?")
    asked = {k: v[0] for k, v in parse_qs(urlparse(link).query).items()}
    assert asked == shown["feedback"]
    assert client.post("/v1/feedback", {"token": asked["token"], "rating": 5}).status_code == 201


def test_a_failed_payment_asks_nothing_and_counts_nothing(client, deps, pay):
    from support.pay_support import DECLINED
    made = pay_bill(client, {"fund": "business-rates", "reference": "100123457", "amount": 25000}).json_body
    shown = paid_through(client, made, DECLINED)
    assert "feedback" not in shown and _finished(deps, "bills") == 0


def test_a_report_made_asks_how_it_went_and_is_counted_once_from_its_event_whatever_runs_it_again(client, deps):
    """Counted from its event (its making stays one transaction): the stream taking the event twice, as
    Lambda may, counts it once; a retried request asks the same question."""
    from conftest import pothole
    from support.effects_support import run_stream
    key = {"Idempotency-Key": "f0e1d2c3-0000-4000-8000-000000000072"}
    made = client.post("/v1/reports", pothole(), key)
    again = client.post("/v1/reports", pothole(), key)
    assert (made.status_code, again.status_code) == (201, 201)
    assert made.json_body["feedback"]["service"] == "reports"
    assert again.json_body["feedback"] == made.json_body["feedback"]
    assert _finished(deps, "reports") == 0  # not yet: its event's effect counts it
    assert run_stream(deps, "report_created") == []
    assert _finished(deps, "reports") == 1
    # Its effect run again (a claim lost with its settle, a second worker): nothing more is counted.
    from chalicelib.handlers.feedback.effects import on_report_created
    from chalicelib.storage.reports.reports import EventModel
    event = next(e for e in EventModel.scan() if e.kind == "report_created")  # tests only: a scan is fine
    assert on_report_created(deps, event, "key") == "counted"
    assert _finished(deps, "reports") == 1


def test_the_message_saying_a_report_was_received_links_to_its_question(client, deps, people):
    import re
    from urllib.parse import parse_qs, urlparse
    from conftest import pothole
    from support.alert_support import outbox_to
    from support.effects_support import run_stream
    resident = people()
    made = client.post("/v1/reports", pothole(contact={"email": resident.user.email}), resident.auth)
    assert made.status_code == 201, made.json_body
    assert run_stream(deps, "report_created") == []
    bodies = [m.body for m in outbox_to(resident.user.email)]
    assert bodies and "was received" in bodies[0]
    (link,) = [found for b in bodies for found in re.findall(r"\S+/feedback/give\?\S+", b)]
    assert {k: v[0] for k, v in parse_qs(urlparse(link).query).items()} == made.json_body["feedback"]


def test_a_report_an_officer_takes_for_a_caller_counts_as_assisted(client, deps, people):
    from conftest import pothole
    officer = people("staff")
    body = {**pothole(), "channel": "phone", "on_behalf_of": {"name": "Ada Caller", "phone": "01904 000000"}}
    made = client.post("/v1/staff/reports", body, {**officer.auth, "Idempotency-Key": "f0e1d2c3-0000-4000-8000-000000000073"})
    assert made.status_code == 201, made.json_body
    from support.effects_support import run_stream
    assert run_stream(deps, "report_created") == []
    months = deps.feedback.year("2000-01", "2100-12")
    assert sum(c["finished_assisted"] for (_, s), c in months.items() if s == "reports") == 1
