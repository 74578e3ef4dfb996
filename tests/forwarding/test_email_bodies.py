"""A report on the trunk road goes to the national roads body by e-mail, and
its officer answers through the signed link without an account."""
import re

import pytest

ON_THE_ROAD = (53.9250, -1.0600)  # lat, lon on the demo trunk road's line
ROADS = "national-highways"


@pytest.fixture
def bodies(deps):
    from doorstep_cli.demo_bodies import load_demo_bodies
    load_demo_bodies(deps, county_endpoint="http://127.0.0.1:9/open311/v2", county_key="k")
    return deps


def mail_to(address):
    from chalicelib.storage.outbox import OutboxModel
    return [(m.subject, m.body) for m in OutboxModel.recipient_index.query(address)]


def report_on_the_road(client):
    made = client.post("/v1/reports", {"service_code": "pothole", "lat": ON_THE_ROAD[0], "lon": ON_THE_ROAD[1],
                                       "description": "Pothole in lane one.", "fields": {"size": "large"},
                                       "contact": {"name": "Ada Lovelace", "email": "ada@example.org",
                                                   "phone": "07700 900123"}})
    assert made.status_code == 201, made.body
    return made.json_body["id"]


def sent_and_linked(deps, client):
    from chalicelib.handlers.forwarding import sender
    rid = report_on_the_road(client)
    assert sender.attempt(deps, rid, ROADS) == "sent"
    (subject, text), = mail_to("a64.reports@highways.example")
    token = re.search(r"/body#([\w.-]+)", text).group(1)
    return rid, subject, text, token


def test_the_roads_body_gets_a_plain_message_with_all_it_needs_and_not_the_reporters_details(client, bodies):
    rid, subject, text, _ = sent_and_linked(bodies, client)
    assert subject == f"Pothole reported: {rid}"
    assert "Where: 53.92500, -1.06000" in text and "openstreetmap.org/?mlat=53.92500&mlon=-1.06000" in text
    assert "  Roughly how wide is it?: Larger than a car tyre" in text
    assert "Pothole in lane one." in text and f"/?report={rid}" in text
    assert "ada@example.org" not in text and "07700" not in text and "Ada" not in text
    assert client.get(f"/v1/reports/{rid}").json_body["sent_to"][0]["state"] == "sent"


def test_the_officer_marks_it_fixed_through_the_link_and_the_resident_sees_it(client, bodies):
    rid, _, _, token = sent_and_linked(bodies, client)
    opened = client.get(f"/v1/body-links/{token}")
    assert opened.status_code == 200 and opened.json_body["report"]["id"] == rid
    done = client.post(f"/v1/body-links/{token}", {"choice": "fixed", "reason": "Patched overnight."})
    assert done.status_code == 200, done.body
    report = client.get(f"/v1/reports/{rid}").json_body
    assert report["status"] == "fixed"
    last = client.get(f"/v1/reports/{rid}/updates").json_body["updates"][-1]
    assert (last["author"], last["text"]) == ("National Highways", "Patched overnight.")


def test_not_ours_needs_a_reason_and_then_names_who_is_responsible(client, bodies):
    rid, _, _, token = sent_and_linked(bodies, client)
    bare = client.post(f"/v1/body-links/{token}", {"choice": "not_ours"})
    assert bare.status_code == 422
    assert bare.json_body["error"]["fields"] == [
        {"field": "reason", "message": "Enter why the report is not yours, so the council can pass it on"}]
    said = client.post(f"/v1/body-links/{token}", {"choice": "not_ours", "reason": "A slip road: the county's.",
                                                   "responsible": "North Yorkshire Council"})
    assert said.status_code == 200
    sent = client.get(f"/v1/reports/{rid}").json_body["sent_to"][0]
    assert sent["state"] == "refused" and sent["not_theirs"]["responsible"] == "North Yorkshire Council"


def test_a_forged_or_altered_link_opens_nothing(client, bodies):
    rid, _, _, token = sent_and_linked(bodies, client)
    claim, signature = token.split(".")
    for forged in ("not-a-token", f"{claim}.{'A' * len(signature)}", f"{claim[:-2]}xx.{signature}"):
        answer = client.get(f"/v1/body-links/{forged}")
        assert answer.status_code == 404 and answer.json_body["error"]["code"] == "link_not_valid"
    from chalicelib.handlers.forwarding.officer_links import token_for
    other_body = token_for(rid, "north-yorkshire", bodies.clock())  # genuine, but the report never went there
    assert client.get(f"/v1/body-links/{other_body}").status_code == 404


class Died(BaseException):
    """The worker's process stopping where it stood: no handler of its runs."""


def dies_once_at(monkeypatch, owner, name, when=lambda *a, **k: True):
    real = getattr(owner, name)

    def dying(*args, **kwargs):
        if when(*args, **kwargs):
            monkeypatch.setattr(owner, name, real)
            raise Died(name)
        return real(*args, **kwargs)
    monkeypatch.setattr(owner, name, dying)


def test_an_e_mail_to_a_body_tried_again_after_the_worker_died_before_recording_it_is_one_message(
        client, bodies, monkeypatch):
    from dataclasses import replace
    from datetime import timedelta
    from chalicelib.handlers.forwarding import retries, sender
    from chalicelib.notify.email import message_id_header
    from chalicelib.storage.outbox import OutboxModel
    rid = report_on_the_road(client)
    dies_once_at(monkeypatch, bodies.sends, "save", lambda send, *a, **k: send.state == "sent")
    with pytest.raises(Died):
        sender.attempt(bodies, rid, ROADS)  # the body has the e-mail; the send still says "sending"
    later = replace(bodies, clock=lambda: bodies.clock() + retries.CLAIM + timedelta(seconds=1))
    assert sender.attempt(later, rid, ROADS) == "sent"
    [kept] = OutboxModel.recipient_index.query("a64.reports@highways.example")
    made = int(bodies.sends.get(rid, ROADS).created_at.timestamp())
    assert kept.id == f"send:{rid}:{ROADS}:{made}"
    assert kept.headers["Message-ID"] == message_id_header(kept.id, "a64.reports@highways.example")


def test_an_e_mail_to_a_body_the_mail_service_took_before_the_worker_died_goes_again_with_its_message_id(
        client, bodies, monkeypatch):
    import dataclasses
    import email
    from datetime import timedelta
    from email import policy
    import botocore.session
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import ses_backends
    from chalicelib import config
    from chalicelib.handlers.forwarding import sender
    from chalicelib.notify.email import message_id_header, send_queued
    from chalicelib.storage.outbox import OutboxStore
    real = config.settings
    monkeypatch.setattr(config, "settings", lambda: dataclasses.replace(real(), stage="prod",
                                                                        email_sender="reports@york.example"))
    botocore.session.get_session().create_client("ses", region_name="eu-west-2").verify_email_identity(
        EmailAddress="reports@york.example")
    rid = report_on_the_road(client)
    dies_once_at(monkeypatch, OutboxStore, "settle")
    with pytest.raises(Died):
        sender.attempt(bodies, rid, ROADS)  # SES took it; the outbox still says it is being sent
    assert send_queued(bodies.clock() + timedelta(seconds=30)) == 0  # its lease, 45 s, not run out
    assert send_queued(bodies.clock() + timedelta(minutes=1)) == 1  # a minute on: 10 minutes before (issue 52)
    sent = [email.message_from_string(m.raw_data, policy=policy.default)
            for m in ses_backends[DEFAULT_ACCOUNT_ID]["eu-west-2"].sent_messages]
    assert [m["To"] for m in sent] == ["a64.reports@highways.example"] * 2
    made = int(bodies.sends.get(rid, ROADS).created_at.timestamp())
    mark = message_id_header(f"send:{rid}:{ROADS}:{made}", "a64.reports@highways.example", "reports@york.example")
    assert [(m["Message-ID"], m["X-Doorstep-Message-ID"]) for m in sent] == [(mark, mark)] * 2
    assert mark.endswith("@york.example>") and sent[0]["Subject"] == f"Pothole reported: {rid}"


def test_a_send_a_dead_worker_held_is_tried_again_a_minute_later(client, bodies, monkeypatch):
    # Its claim was two minutes; now a 45 s lease its worker renews while it sends (issue 52).
    from dataclasses import replace
    from datetime import timedelta
    from chalicelib.handlers.forwarding import sender
    rid = report_on_the_road(client)
    dies_once_at(monkeypatch, sender, "_deliver")  # claimed, then nothing: the process is gone
    with pytest.raises(Died):
        sender.attempt(bodies, rid, ROADS)
    assert sender.attempt(replace(bodies, clock=lambda: bodies.clock() + timedelta(seconds=30)), rid, ROADS) is None
    assert sender.attempt(replace(bodies, clock=lambda: bodies.clock() + timedelta(minutes=1)), rid, ROADS) == "sent"
    assert len(mail_to("a64.reports@highways.example")) == 1


def test_a_send_still_going_past_its_lease_keeps_its_claim(client, bodies, monkeypatch):
    import time
    from dataclasses import replace
    from chalicelib import leases
    from chalicelib.handlers.forwarding import retries, sender
    rid = report_on_the_road(client)
    moment = [bodies.clock()]
    running = replace(bodies, clock=lambda: moment[0])
    monkeypatch.setattr(leases, "RENEW_S", 0.01)
    real, taken_meanwhile = sender._deliver, []

    def slow(*args, **kwargs):
        moment[0] += retries.CLAIM * 3  # a body slow to answer: three leases pass
        deadline = time.monotonic() + 30
        while bodies.sends.get(rid, ROADS).claimed_until <= moment[0]:  # the renewal at the later moment
            assert time.monotonic() < deadline, "the claim was never renewed"
            time.sleep(0.01)
        taken_meanwhile.append(sender.attempt(running, rid, ROADS))  # a second worker, a duplicate job
        return real(*args, **kwargs)
    monkeypatch.setattr(sender, "_deliver", slow)
    assert sender.attempt(running, rid, ROADS) == "sent"
    assert taken_meanwhile == [None] and len(mail_to("a64.reports@highways.example")) == 1
    assert not leases._state.held  # nothing left renewing
