"""The worker's table rights (infra/template/access.py) cover the events'
effects the stream queues for it: a finished payment settled, a crew's bulky
`unable`, an officer's answer told, each run from the stream (the request's
own try never happened), every DynamoDB call recorded by table; the
dispatcher only reads and queues."""
import pytest

from support.chat_support import desk, open_desk, start  # noqa: F401
from support.effects_support import dies_after_commit, run_stream  # noqa: F401
from support.bills_support import bill_office  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.revenues_support import civica, council_morning  # noqa: F401
from tests.infra.test_alert_roles import allowed, calls  # noqa: F401
from tests.waste.test_bulky_crew_jobs import collection_day, waste_crew  # noqa: F401
from tests.waste.test_bulky_not_collected import unable
from tests.waste.test_payment_settles_after_a_crash import held_and_paid


def test_the_stream_function_may_carry_out_every_effect_it_runs(client, deps, people, pay, waste_crew, calls,
                                                                  dies_after_commit):
    from infra.template.access import DISPATCHER_TABLES, WORKER_TABLES
    crew, _ = waste_crew
    made, _ = collection_day(client, deps, people)
    booking, _, back = held_and_paid(client, deps, people)
    officer = people("staff")
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    dies_after_commit()
    unable(crew, made)
    client.get(back[back.index("/v1/"):])
    desk(client, officer, conversation["id"], "answer", {"text": "Looking into it."})
    calls.clear()
    assert run_stream(deps, "job_ended", "payment_finished", "chat_notice") == []
    assert deps.bulky.get(booking["id"]).status == "confirmed" and deps.bulky.get(made["id"]).missed
    touched = {t for _, t in calls}
    assert {"alert-deliveries", "payments", "bulky-bookings", "outbox", "jobs", "conversations"} <= touched
    stream = [c for c in calls if c != ("Scan", "events")]  # the test reading the events as the stream hands them
    assert allowed(WORKER_TABLES, stream) == []
    assert allowed(DISPATCHER_TABLES, stream) != []  # the dispatcher could not: it only queues


def test_the_worker_may_open_a_forms_case_and_send_its_copy_and_creates_reports_without_changing_any(
        client, deps, calls, dies_after_commit):
    from infra.template.access import DISPATCHER_TABLES, WORKER_TABLES
    from chalicelib.handlers.forms.cases import case_of
    from tests.forms.test_form_effects_after_a_crash import grant_enquiry_sent, published
    published(deps, "grant-enquiry")
    dies_after_commit()
    reference = grant_enquiry_sent(client, deps)
    calls.clear()
    assert run_stream(deps, "form_submitted") == [] and case_of(deps, reference)
    stream = [c for c in calls if c != ("Scan", "events")]
    assert {"reports", "report-updates", "idempotency", "form-submissions", "outbox"} <= {t for _, t in stream}
    assert sorted(set(allowed(WORKER_TABLES, stream))) == [], sorted(set(allowed(WORKER_TABLES, stream)))
    assert {op for op, t in stream if t == "reports"} <= {"GetItem", "Query", "Put", "TransactWriteItems"}
    assert WORKER_TABLES["reports"] == "create" and allowed(DISPATCHER_TABLES, stream) != []


def test_the_worker_may_hand_a_council_tax_form_to_the_revenues_queue(client, deps, people, calls, dies_after_commit,
                                                                      civica, council_morning):
    from infra.template.access import WORKER_TABLES
    from tests.forms.test_council_tax_forms import dev as linked_dev, discount_sent, published
    published(deps, "council-tax-single-person-discount")
    person = linked_dev.__wrapped__(client, deps, people, civica, council_morning)
    dies_after_commit()
    discount_sent(client, person)
    calls.clear()
    assert run_stream(deps, "form_submitted") == []  # the request made, with its own event
    assert run_stream(deps, "revenue_request") == []  # ... which the worker sends
    assert [r["state"] for r in deps.revenue_requests.of_user(person.user.id)] == ["taken"]
    stream = [c for c in calls if c != ("Scan", "events")]
    assert {"revenue-links", "revenue-requests", "idempotency"} <= {t for _, t in stream}
    assert sorted(set(allowed(WORKER_TABLES, stream))) == [], sorted(set(allowed(WORKER_TABLES, stream)))


def test_the_worker_may_send_a_form_whose_fee_was_paid_and_open_its_case(client, deps, pay, calls,
                                                                        dies_after_commit, bill_office):
    from infra.template.access import WORKER_TABLES
    from support.pay_support import SUCCESS, pay_with
    from tests.forms.test_form_fee import filled, pay_form
    filler = filled(client, deps)
    payment = pay_form(client, filler).json_body["payment"]
    dies_after_commit()
    back = pay_with(payment["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])  # checked, its event written; the request's own try never ran
    calls.clear()
    assert run_stream(deps, "payment_finished") == [] and run_stream(deps, "form_submitted") == []
    assert deps.form_submissions.get(filler.id).state == "submitted"
    stream = [c for c in calls if c != ("Scan", "events")]
    assert {"form-submissions", "events", "reports", "bills"} <= {t for _, t in stream}  # bills: the fee posted
    assert len(bill_office.posted("finance")) == 1
    assert sorted(set(allowed(WORKER_TABLES, stream))) == [], sorted(set(allowed(WORKER_TABLES, stream)))


def test_the_worker_may_send_a_staff_payment_link_by_email_and_text(client, people, deps, calls, dies_after_commit):
    from infra.template.access import WORKER_TABLES
    dies_after_commit()
    made = client.post("/v1/staff/pay/links", {"fund": "sundry-invoice", "reference": "200345672", "amount": 7_250,
                                               "email": "payer@example.org", "phone": "07700 900123"},
                       {**people("staff").auth, "Idempotency-Key": "link-roles-0001"})
    assert made.status_code == 201, made.body
    calls.clear()
    assert run_stream(deps, "pay_link_made") == []
    stream = [c for c in calls if c != ("Scan", "events")]
    assert {"bills", "outbox"} <= {t for _, t in stream}
    assert allowed(WORKER_TABLES, stream) == []


@pytest.mark.parametrize("kind, owed", [("bulky_change_refund", [1000]), ("bulky_cancel_refund", [4500])])
def test_the_worker_may_refund_a_cheaper_change_or_a_cancellation_from_its_event(client, deps, people, pay, calls,
                                                                                 kind, owed):
    from infra.template.access import DISPATCHER_TABLES, WORKER_TABLES
    from tests.waste.test_cancel_refund_from_its_event import cancel
    from tests.waste.test_change_refund_from_its_event import THREE, fewer_items, refunds_at_provider
    from support.pay_support import confirmed_booking
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    (fewer_items if kind == "bulky_change_refund" else cancel)(client, resident, made["id"])
    calls.clear()
    assert run_stream(deps, kind) == [] and refunds_at_provider(deps, pay, made["id"]) == owed
    stream = [c for c in calls if c != ("Scan", "events")]
    assert {"alert-deliveries", "bulky-bookings", "payments", "payment-ledger", "events"} <= {t for _, t in stream}
    assert allowed(WORKER_TABLES, stream) == [] and allowed(DISPATCHER_TABLES, stream) != []


def test_the_forms_sweeper_may_redact_a_case_past_its_retention_and_deletes_no_report(client, deps, calls):
    from infra.template.access import SWEEPER_TABLES
    from chalicelib.handlers.forms.retention import sweep
    from tests.forms.test_form_case_retention import SENT, THIRTY_DAYS, at, case_closed, sent_with_case
    filler, _ = sent_with_case(client, deps)
    case_closed(deps, filler.id, SENT + THIRTY_DAYS)
    calls.clear()
    assert sweep(at(deps, SENT + THIRTY_DAYS + THIRTY_DAYS))["redacted"] == 1
    assert {"reports", "inbox", "report-audit", "report-updates", "alerts", "form-submissions"} <= {t for _, t in calls}
    assert sorted(set(allowed(SWEEPER_TABLES, calls))) == [], sorted(set(allowed(SWEEPER_TABLES, calls)))
    assert not {op for op, t in calls if t == "reports"} & {"DeleteItem", "Delete"}


def test_the_hand_ons_sweep_may_post_a_forms_webhook_again_and_give_it_up(client, deps, calls, dies_after_commit,
                                                                          monkeypatch):
    from datetime import timedelta
    from infra.template.access import REQUESTER_TABLES
    from chalicelib.handlers.forms.webhook_queue import send_due
    from tests.forms.test_form_webhook import KEY, SENT, Receiver, at, enquiry_sent
    monkeypatch.setenv("DOORSTEP_FORMS_WEBHOOK_SECRET", KEY)
    receiver = Receiver([503, 503])
    try:
        dies_after_commit()
        reference = enquiry_sent(client, deps, receiver.url)
        calls.clear()
        assert send_due(at(deps, SENT + timedelta(minutes=1))) == {"webhook_retry": 1}
        assert send_due(at(deps, SENT + timedelta(minutes=3))) == {"webhook_sent": 1}
    finally:
        receiver.close()
    assert deps.outbox.get(f"form-hook:{reference}").status == "sent"
    assert {"outbox", "form-submissions"} <= {t for _, t in calls}
    assert sorted(set(allowed(REQUESTER_TABLES, calls))) == [], sorted(set(allowed(REQUESTER_TABLES, calls)))


def test_the_nightly_suspender_may_suspend_an_officer_unused_for_the_councils_period(client, deps, calls):
    from datetime import timedelta
    from infra.template.access import SUSPENDER_TABLES
    from chalicelib.handlers.scim.unused import suspend_unused
    from tests.scim.test_unused_officers_suspended import DAYS, _officer, _york
    _york(deps)
    _officer(deps, "idle@york.gov.uk", deps.clock() - timedelta(days=DAYS + 1))
    calls.clear()
    assert suspend_unused(deps.for_council()) == {"suspended": 1}
    assert {"staff-grants", "users", "sessions", "directory-changes"} <= {t for _, t in calls}
    assert sorted(set(allowed(SUSPENDER_TABLES, calls))) == [], sorted(set(allowed(SUSPENDER_TABLES, calls)))
