"""A body's link stops working: 30 days after its e-mail went (the e-mail
says until when), once the council has closed the report, and once the
council has taken the report back from the body. A token is accepted only
as it was written: other base64 spellings of it are refused."""
import json
from datetime import datetime, timedelta, timezone

import pytest
import time_machine

from test_email_bodies import ROADS, bodies, mail_to, report_on_the_road  # noqa: F401 (fixture)

# 10:00 UTC on Monday 1 March 2027: 30 days on is past the clocks going forward
# (28 March), so the e-mail's local time is 11:00 BST while the instant is 10:00 UTC.
SENT = datetime(2027, 3, 1, 10, 0, tzinfo=timezone.utc)
EXPIRES = SENT + timedelta(days=30)
SECOND = timedelta(seconds=1)
IN_THE_CENTRE = (53.9620, -1.0819)  # the council's alone: no road body's line near


def sent_at(deps, client, when=SENT):
    """A report on the trunk road, e-mailed to the roads body at `when`: (its id, the link's token)."""
    import re
    from chalicelib.handlers.forwarding import sender
    with time_machine.travel(when, tick=False):
        rid = report_on_the_road(client)
        assert sender.attempt(deps, rid, ROADS) == "sent"
    (_, text), = mail_to("a64.reports@highways.example")
    return rid, re.search(r"/body#([\w.-]+)", text).group(1), text


def at(moment, call, *args):
    with time_machine.travel(moment, tick=False):
        return call(*args)


def staff_change(client, people, rid, moment, change):
    """A member of staff signed in at `moment` changes the report then (PATCH, with its ETag)."""
    with time_machine.travel(moment, tick=False):
        admin = people("admin")
        current = client.get(f"/v1/staff/reports/{rid}", admin.auth)
        assert current.status_code == 200, current.body
        changed = client.raw.http.request("PATCH", f"/v1/staff/reports/{rid}", body=json.dumps(change), headers={
            "Content-Type": "application/json", **admin.auth, "If-Match": current.headers["ETag"]})
    assert changed.status_code == 200, changed.body
    return changed.json_body


def status_of(client, rid):
    return client.get(f"/v1/reports/{rid}").json_body["status"]


def test_the_email_says_until_when_its_link_works_in_the_councils_time(client, bodies):
    _, _, text = sent_at(bodies, client)
    assert "(This link works until 11:00 on 31 March 2027.)" in text


def test_a_link_works_one_second_before_it_expires_and_is_refused_one_second_after(client, bodies):
    rid, token, _ = sent_at(bodies, client)
    opened = at(EXPIRES - SECOND, client.get, f"/v1/body-links/{token}")
    assert opened.status_code == 200 and opened.json_body["expires_at"] == "2027-03-31T10:00:00Z"
    said = at(EXPIRES - SECOND, client.post, f"/v1/body-links/{token}", {"choice": "in_progress"})
    assert said.status_code == 200, said.body
    for call in (lambda: client.get(f"/v1/body-links/{token}"),
                 lambda: client.post(f"/v1/body-links/{token}", {"choice": "fixed"})):
        late = at(EXPIRES + SECOND, call)
        assert late.status_code == 403 and late.json_body["error"]["code"] == "link_expired"
        assert "expired at 11:00 on 31 March 2027" in late.json_body["error"]["message"]
    assert status_of(client, rid) == "in_progress"


def test_a_link_used_after_staff_closed_the_report_is_refused_and_the_report_stays_closed(client, bodies, people):
    rid, token, _ = sent_at(bodies, client)
    later = SENT + timedelta(days=3)
    staff_change(client, people, rid, later, {"status": "closed"})
    for call in (lambda: client.get(f"/v1/body-links/{token}"),
                 lambda: client.post(f"/v1/body-links/{token}", {"choice": "in_progress"})):
        refused = at(later + timedelta(days=1), call)
        assert refused.status_code == 403 and refused.json_body["error"]["code"] == "report_closed"
    assert status_of(client, rid) == "closed"


def test_a_link_stops_working_once_the_council_takes_the_report_back(client, bodies, people):
    rid, token, _ = sent_at(bodies, client)
    later = SENT + timedelta(days=2)
    moved = staff_change(client, people, rid, later, {"lat": IN_THE_CENTRE[0], "lon": IN_THE_CENTRE[1]})
    assert (ROADS, "withdrawn") in [(s["body_id"], s["state"]) for s in moved["sends"]]
    refused = at(later, client.post, f"/v1/body-links/{token}", {"choice": "fixed"})
    assert refused.status_code == 403 and refused.json_body["error"]["code"] == "link_withdrawn"
    assert status_of(client, rid) == "open"


def test_a_token_is_accepted_only_as_it_was_written(client, bodies):
    rid, token, _ = sent_at(bodies, client)
    claim, signature = token.split(".")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    assert len(claim) % 4 == 3  # 38 bytes: the last character carries 2 bits no byte uses
    other_bits = claim[:-1] + alphabet[alphabet.index(claim[-1]) ^ 1]  # decodes to the same bytes
    spellings = [f"{claim}..{signature}", f"{claim}==.{signature}", f"{claim}.{signature}=",
                 f"{claim}.{signature}.", f" {claim}.{signature}", f"{other_bits}.{signature}",
                 f"{claim.replace('-', '+').replace('_', '/')}.{signature}" if "-" in claim or "_" in claim
                 else f"{claim}.{signature}%3D"]
    for spelling in spellings:
        answer = at(SENT + SECOND, client.get, f"/v1/body-links/{spelling}")
        assert answer.status_code == 404, (spelling, answer.status_code)
    assert at(SENT + SECOND, client.get, f"/v1/body-links/{token}").status_code == 200


def test_a_link_from_before_links_carried_their_end_lasts_30_days_from_its_send(client, bodies):
    from chalicelib.handlers.forwarding.officer_links import LABEL
    from chalicelib.handlers.shared.signed_links import seal
    rid, _, _ = sent_at(bodies, client)
    old = seal(LABEL, [rid, ROADS])
    assert at(EXPIRES - SECOND, client.get, f"/v1/body-links/{old}").status_code == 200
    late = at(EXPIRES + SECOND, client.get, f"/v1/body-links/{old}")
    assert late.status_code == 403 and late.json_body["error"]["code"] == "link_expired"


@pytest.mark.parametrize("choice", [{"x": 1}, [1], 7, None])
def test_a_choice_that_is_not_text_is_a_400_naming_it(client, bodies, choice):
    _, token, _ = sent_at(bodies, client)
    answer = at(SENT + SECOND, client.post, f"/v1/body-links/{token}", {"choice": choice})
    assert answer.status_code == 400 and answer.json_body["error"]["fields"][0]["field"] == "choice"
