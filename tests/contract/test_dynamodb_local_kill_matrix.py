"""The kill -9 matrix (issue 41), on DynamoDB Local: each flow that promises
something beyond its own rows, killed with SIGKILL at each step boundary
(chalicelib/faults.py), then restarted as a stack would be (the stream read
on from its checkpoint, the dead worker's jobs given back by their queue,
the sweeper, the outbox's job), and what arrived counted where it arrives:
the outbox by Message-ID, the county's stored requests, the payment
provider's refunds, the frames a resident's socket received.

Every cell asserts the promised set arrived, and nothing twice where the
receiver can tell (the same Message-ID, the same request, the same seq is
one message to its receiver). What each cell counted is printed (-s).
"""
import json

import pytest

from contract.dynamodb_local_backend import aws, dynamodb_local_tables, storage  # noqa: F401
from support.chat_support import desk, open_desk, start  # noqa: F401
from support.county import county  # noqa: F401
from support.kill_support import Stack, killed_at, message_ids
from support.pay_support import SUCCESS, home_with_round, pay, pay_with  # noqa: F401
from support.staff_support import officer, staff_data  # noqa: F401
from tests.waste.test_bulky_crew_jobs import collection_day, waste_crew  # noqa: F401
from tests.waste.test_bulky_not_collected import REASON, unable

pytestmark = pytest.mark.xdist_group("kill_matrix")  # one county, one stream checkpoint


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    return tmp_path_factory.mktemp("stream") / "events-stream.json"


@pytest.fixture
def stack(deps, checkpoint):
    made = Stack(deps, checkpoint)
    made.began = deps.clock()
    made.caught_up()
    return made  # the killed children's writes are noted by them (dynamodb_local_backend._Written.by_children)


def counted(flow, boundary, **arrived):
    print(f"\n{flow} killed at {boundary}: " + ", ".join(f"{k}={v}" for k, v in arrived.items()))


def ledger_of_the_test(deps, stack):
    """The ledger's rows of every council day (Europe/London) the test's moments fall on, from its start
    to the restarted stack's, LATER on: in the minutes before midnight a step the restarted stack
    finishes is on the next day, and money counted on both days is counted twice."""
    from chalicelib.stamps import london_today
    days = sorted({london_today(moment).isoformat() for moment in (stack.began, stack.later().clock())})
    return [row for day in days for row in deps.payments.ledger_day(day)]


def outbox_to(address, words=""):
    from chalicelib.storage.outbox import OutboxModel
    return [m for m in OutboxModel.recipient_index.query(address) if words in (m.subject or "")]


# A crew's bulky `unable`, the council's rule "refund": the resident e-mailed once, refunded once in full.
UNABLE = ["event.committed", "effect.claimed", "bulky.missed_kept", "refund.made", "bulky.remedied", "bulky.told",
          "effect.carried_out"]


@pytest.mark.parametrize("boundary", UNABLE)
def test_a_crews_bulky_unable_refunds_and_tells_the_resident_once_whereever_the_process_dies(
        client, deps, people, pay, waste_crew, stack, boundary):  # noqa: F811
    crew, _ = waste_crew
    home_with_round(deps, not_collected="refund")
    made, resident = collection_day(client, deps, people)
    killed_at(boundary, lambda: unable(crew, made))
    stack.restart()
    told = outbox_to(resident.user.email, "could not be made")
    provider_id = deps.payments.get(made["payment"]["id"]).provider_id
    refunds = [r["amount"] for r in pay.payments[provider_id]["refunds"]]
    booking = deps.bulky.get(made["id"])
    counted("unable", boundary, emails=len(told), message_ids=len(set(message_ids(told))), refunds=refunds,
            booking=(booking.status, (booking.refund or {}).get("amount")))
    assert len(set(message_ids(told))) == 1 and REASON in told[0].body
    assert refunds == [2500]
    assert (booking.status, booking.refund["status"], booking.refund["amount"]) == ("cancelled", "done", 2500)
    assert "£25.00 is being refunded" in told[0].body
    day = ledger_of_the_test(deps, stack)
    assert [r["amount"] for r in day if r["kind"] == "refund"] == [-2500]


# A payment webhook confirming a held booking: confirmed once, one receipt, the money counted once.
WEBHOOK = ["event.committed", "effect.claimed", "booking.confirmed", "effect.carried_out"]


@pytest.mark.parametrize("boundary", WEBHOOK)
def test_a_payment_webhook_confirms_the_booking_and_sends_one_receipt_whereever_the_process_dies(
        client, deps, people, pay, stack, boundary):  # noqa: F811
    uprn, resident = home_with_round(deps), people()
    day = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][-1]["date"]
    made = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": day, "items": ["sofa"]},
                       resident.auth).json_body
    pay_with(made["payment"]["next_url"], SUCCESS)  # paid; the payer never comes back
    payment = deps.payments.get(made["payment"]["id"])
    body = json.dumps({"resource_id": payment.provider_id, "resource_type": "payment",
                       "event_type": "card_payment_succeeded",
                       "resource": {"metadata": {"doorstep_payment": payment.id}}}).encode()

    def webhook():
        client.raw.http.request("POST", "/v1/payments/webhook", body=body, headers={
            "Content-Type": "application/json", "Pay-Signature": pay.signature(body)})
    killed_at(boundary, webhook)
    stack.restart()
    receipts = outbox_to(resident.user.email, "is booked")
    ledger = [r for r in ledger_of_the_test(deps, stack)
              if r["kind"] == "payment" and r["payment_id"] == payment.id]
    booking = deps.bulky.get(made["id"])
    counted("webhook", boundary, booking=booking.status, receipts=len(receipts),
            message_ids=len(set(message_ids(receipts))), ledger_rows=len(ledger))
    assert booking.status == "confirmed"
    assert len(receipts) == 1 and len(ledger) == 1
    assert deps.payments.get(payment.id).settled_status == "success"


# A cheaper change of a bulky booking, or a paid one's cancellation: the difference, or all that was paid,
# refunded once from the change's own event, wherever the request (right after its commit) or the worker carrying
# the refund out dies; its e-mail sent once.
REFUND_FLOWS = {"cheaper change": ("waste.change_refund", "change_refund.made", "is changed", 1000),
                "cancellation": ("waste.cancel_refund", "cancel_refund.made", "is cancelled", 4500)}
CHANGE_REFUND = ["event.committed", "effect.claimed", "change_refund.made", "effect.carried_out"]


@pytest.mark.parametrize("flow, boundary", [(flow, made if step == "change_refund.made" else step)
                                            for flow, (_, made, _, _) in REFUND_FLOWS.items()
                                            for step in CHANGE_REFUND])
def test_a_cheaper_change_or_a_cancellation_refunds_once_whereever_the_process_dies(
        client, deps, people, pay, stack, flow, boundary):  # noqa: F811
    import uuid
    from support.kill_support import run_alert_jobs
    from support.pay_support import confirmed_booking
    effect, _, subject, owed = REFUND_FLOWS[flow]
    made, resident = confirmed_booking(client, deps, people, items=("sofa", "fridge", "armchair"))  # 4500

    def change():  # sofa and fridge: 3500; or cancelled: all of it
        if flow == "cancellation":
            client.post(f"/v1/waste/bulky/bookings/{made['id']}/cancel", {}, resident.auth)
        else:
            client.post(f"/v1/waste/bulky/bookings/{made['id']}/change", {"items": ["sofa", "fridge"]},
                        {**resident.auth, "Idempotency-Key": str(uuid.uuid4())})
    held = []
    if boundary == "event.committed":
        killed_at(boundary, change)
    else:
        change()
        alerts, _ = stack.stream()
        held = [job for job in alerts if job.get("effect") == effect]
        assert len(held) == 1, alerts
        killed_at(boundary, lambda: run_alert_jobs(deps, list(held)))
    stack.restart(held=held)
    payment = deps.payments.get(made["payment"]["id"])
    refunds = [r["amount"] for r in pay.payments[payment.provider_id]["refunds"]]
    booking = deps.bulky.get(made["id"])
    refund = booking.refund if flow == "cancellation" else booking.changes[0]["refund"]
    told = outbox_to(resident.user.email, subject)
    counted(flow, boundary, refunds=refunds, recorded=[r["amount"] for r in payment.refunds],
            refund=refund["status"], receipts=len(set(message_ids(told))))
    assert refunds == [owed] and [r["amount"] for r in payment.refunds] == [owed] and payment.refunded == owed
    assert (refund["status"], refund["amount"]) == ("done", owed)
    assert booking.due == (None if flow == "cancellation" else "remind") and len(set(message_ids(told))) == 1
    day = ledger_of_the_test(deps, stack)
    assert [r["amount"] for r in day if r["kind"] == "refund"] == [-owed]


# A paid container request cancelled: its refund is the cancellation's event's effect, which the request tries
# itself (the refund at once, unlike a bulky cancellation's); wherever that request dies, the stream's worker
# finishes it later: refunded once, recorded once, settled on the request, the resident told once.
CONTAINER_REFUND = ["event.committed", "effect.claimed", "container_refund.made", "effect.carried_out"]


@pytest.mark.parametrize("boundary", CONTAINER_REFUND)
def test_a_cancelled_container_request_refunds_once_whereever_the_process_dies(
        client, deps, people, pay, stack, boundary):  # noqa: F811
    from chalicelib.handlers.containers import routes as container_routes  # noqa: F401  (its hook and effects)
    from support.containers_support import ask, paid, stocked_home
    stocked_home(deps)
    resident = people()
    made = ask(client, resident).json_body
    paid(client, made)
    killed_at(boundary, lambda: client.post(f"/v1/waste/containers/requests/{made['id']}/cancel", {},
                                            resident.auth))
    stack.restart()
    payment = deps.payments.get(made["payment"]["id"])
    refunds = [r["amount"] for r in pay.payments[payment.provider_id]["refunds"]]
    request = deps.containers.get(made["id"])
    told = outbox_to(resident.user.email, "is cancelled")
    counted("container cancellation", boundary, refunds=refunds, recorded=[r["amount"] for r in payment.refunds],
            refund=request.refund["status"], receipts=len(set(message_ids(told))))
    assert request.status == "cancelled" and refunds == [700] and [r["amount"] for r in payment.refunds] == [700]
    assert (request.refund["status"], request.refund["made"]) == ("done", 700) and request.due is None
    assert len(set(message_ids(told))) == 1

OUTER = (53.9900, -1.1200)  # outside the city centre: potholes go to the county over Open311
ON_THE_TRUNK_ROAD = (53.9250, -1.0600)  # within 15 m of the demo trunk road: National Highways, by e-mail
HIGHWAYS, ROADS_INBOX, COUNTY = "national-highways", "a64.reports@highways.example", "north-yorkshire"


def sent_on(client, deps, stack, county, where, body_id):  # noqa: F811
    """A pothole reported at `where`; the stream has queued its send: the job."""
    from doorstep_cli.demo_bodies import load_demo_bodies
    load_demo_bodies(deps, county_endpoint=county.open311, county_key=county.key)
    made = client.post("/v1/reports", {"service_code": "pothole", "lat": where[0], "lon": where[1],
                                       "description": "Deep pothole in lane one.", "fields": {"size": "large"}})
    assert made.status_code == 201, made.body
    _, sends = stack.stream()
    job = {"report": made.json_body["id"], "body": body_id}
    assert job in sends
    return job


def send_worker(deps, job):
    """The send queue's Lambda, handed the job."""
    from chalicelib.handlers.forwarding.queue import on_queue
    return lambda: on_queue({"Records": [{"messageId": "1", "body": json.dumps(job)}]}, lambda: deps)


@pytest.mark.parametrize("boundary", ["send.claimed", "email.claimed", "email.sent", "send.delivered"])
def test_a_report_e_mailed_to_a_body_arrives_under_one_message_id_whereever_the_worker_dies(
        client, deps, stack, county, boundary):  # noqa: F811
    job = sent_on(client, deps, stack, county, ON_THE_TRUNK_ROAD, HIGHWAYS)
    killed_at(boundary, send_worker(deps, job))
    stack.restart(sends_held=[job])
    mail = outbox_to(ROADS_INBOX, job["report"])
    send = deps.sends.get(job["report"], HIGHWAYS)
    counted("e-mail to a body", boundary, emails=len(mail), message_ids=len(set(message_ids(mail))),
            send=(send.state, send.tries))
    assert len(set(message_ids(mail))) == 1 and send.state == "sent"
    assert len(mail) == 1  # kept once: the outbox row is the message


@pytest.mark.parametrize("boundary", ["send.claimed", "send.delivered"])
def test_a_report_sent_to_a_body_over_open311_is_stored_there_once_whereever_the_worker_dies(
        client, deps, stack, county, boundary):  # noqa: F811
    job = sent_on(client, deps, stack, county, OUTER, COUNTY)
    killed_at(boundary, send_worker(deps, job))
    stack.restart(sends_held=[job])
    status, _, stored = county.call("GET", "/open311/v2/requests.json?service_code=pothole")
    assert status == 200, stored
    theirs = [r for r in stored if f"?report={job['report']}" in (r.get("description") or "")]
    send = deps.sends.get(job["report"], COUNTY)
    counted("Open311 to a body", boundary, stored_at_the_body=len(theirs), send=(send.state, send.tries))
    assert len(theirs) == 1 and send.state == "sent"
    assert send.reference == theirs[0]["service_request_id"]


# A petition's response told to its signers: each e-mailed under one Message-ID.
@pytest.mark.parametrize("boundary", ["delivery.claimed", "delivery.sent"])
def test_a_petition_response_reaches_each_signer_under_one_message_id_whereever_the_worker_dies(
        deps, stack, boundary):
    from datetime import timedelta
    import chalicelib.handlers.petitions.routes  # noqa: F401 (registers petitions' audiences, as app.py does)
    from chalicelib.handlers.petitions import moderation
    from support.kill_support import run_alert_jobs
    from support.petition_support import NOON, at, officer, published
    petition = published(deps, sponsors=3)
    moderation.respond(at(deps, NOON + timedelta(days=1), officer()), petition["id"],
                       {"text": "We will build it."}, 1)
    jobs, _ = stack.stream()
    assert jobs
    killed_at(boundary, lambda: run_alert_jobs(deps, list(jobs)))
    stack.restart(held=jobs)
    signers = [f"signer{n}@example.org" for n in range(900, 903)]
    told = {to: outbox_to(to, "responded") for to in signers}
    counted("petition response", boundary, **{to.split("@")[0]: (len(rows), len(set(message_ids(rows))))
                                              for to, rows in told.items()})
    assert all(len(set(message_ids(rows))) == 1 for rows in told.values()), told


# An officer's answer to a resident whose screen holds a socket: the frame reaches it.

@pytest.fixture
def sockets(client, deps, monkeypatch):
    from app import app
    from chalicelib.config import settings
    from doorstep_cli.local.sockets import LocalSockets, lambda_entries
    served = LocalSockets(lambda_entries(app)).start()
    monkeypatch.setenv("DOORSTEP_SOCKET_URL", served.url)
    monkeypatch.setenv("DOORSTEP_SOCKET_ENDPOINT", served.api_url)
    deps.settings = settings()  # the restarted worker's, read from the same environment as the stack's
    yield served
    served.close()


@pytest.mark.parametrize("boundary", ["chat.stored", "event.committed", "effect.claimed", "effect.carried_out"])
def test_an_officers_answer_reaches_the_residents_open_socket_whereever_the_process_dies(
        client, deps, people, sockets, open_desk, stack, boundary):  # noqa: F811
    from urllib.parse import urlencode
    from websockets.sync.client import connect
    conversation, officer = start(client), people("staff")
    assert desk(client, officer, conversation["id"], "take").status_code == 200
    query = urlencode({"conversation": conversation["id"], "token": conversation["token"], "council": "localhost"})
    with connect(f"{sockets.url}/?{query}", open_timeout=60) as phone:
        killed_at(boundary, lambda: desk(client, officer, conversation["id"], "answer", {"text": "Which street?"},
                                         key="answer-0001"))
        stack.restart()
        frames = []
        try:
            while True:
                frames.append(json.loads(phone.recv(timeout=1.0)))
        except TimeoutError:
            pass
    said = [f["message"]["seq"] for f in frames if f.get("type") == "message"
            and f["message"]["text"] == "Which street?"]
    counted("chat to a socket", boundary, frames=len(said), seqs=sorted(set(said)))
    assert len(set(said)) == 1  # a frame again carries its seq: the screen shows it once


# A questionnaire's sending, killed between its claim and its send, or after the send before it is marked sent:
# the reporter is asked, under one Message-ID, by the scheduled run after RESEND_AFTER.

@pytest.mark.parametrize("boundary", ["questionnaire.claimed", "questionnaire.delivered"])
def test_a_reporter_is_asked_once_whereever_the_questionnaire_sender_dies(
        client, deps, people, officer, stack, boundary):  # noqa: F811
    from datetime import datetime, timedelta, timezone
    from chalicelib.handlers.questionnaires.limits import RESEND_AFTER
    from chalicelib.handlers.questionnaires.sending import send_due
    from support.questionnaire_support import AFTER, at, fixed_report
    reporter = people()
    rid = fixed_report(client, officer, reporter)
    stack.stream()  # the close's event schedules the question
    due = datetime.now(timezone.utc) + AFTER
    killed_at(boundary, lambda: send_due(at(deps, due)))
    send_due(at(deps, due + RESEND_AFTER + timedelta(minutes=1)))  # the next scheduled run
    send_due(at(deps, due + RESEND_AFTER * 3))
    asked = outbox_to(reporter.user.email, "has it been fixed")
    counted("questionnaire", boundary, emails=len(asked), message_ids=len(set(message_ids(asked))))
    assert len(set(message_ids(asked))) == 1 and rid in asked[0].subject
    assert deps.questionnaires.get(rid).status == "sent"
