""""Me too" taken back: by the signed-in supporter or by the confirmation
e-mail's link; the count goes down once, in the transaction that deletes the
supporter, never below zero, however many withdrawals race; and a resident's
supports are in their account's export."""
import re

from conftest import pothole
from support.alert_support import outbox_to
from support.racing import at_once


def supporters_of(client, rid):
    return client.get(f"/v1/reports/{rid}").json_body["supporters"]


def withdraw(client, rid, person):
    return client.raw.http.delete(f"/v1/reports/{rid}/supporters/me", headers=person.auth)


def support_link(to):
    return [t for m in outbox_to(to) for t in re.findall(r"/\?support=([\w.-]+)", m.body)][-1]


def new_report(client):
    made = client.post("/v1/reports", pothole())
    assert made.status_code == 201, made.body
    return made.json_body["id"]


def test_a_signed_in_supporter_withdraws_once_and_may_say_me_too_again(client, deps, people):
    rid = new_report(client)
    mo, sam = people(email="mo@example.org"), people(email="sam@example.org")
    for person in (mo, sam):
        assert client.post(f"/v1/reports/{rid}/supporters", {}, person.auth).status_code == 200
    assert len(deps.alerts.of_user(mo.user.id)) == 1  # "me too" follows the report by e-mail
    first = withdraw(client, rid, mo)
    assert first.status_code == 200
    assert first.json_body == {**first.json_body, "status": "withdrawn", "supporters": 1}
    again = withdraw(client, rid, mo)  # a retry: the same answer, nothing more taken off
    assert (again.status_code, again.json_body) == (200, first.json_body)
    assert supporters_of(client, rid) == 1 and deps.reports.get(rid).supporters == 1
    assert deps.alerts.of_user(mo.user.id) == []  # no more e-mails about it
    assert client.post(f"/v1/reports/{rid}/supporters", {}, mo.auth).json_body["supporters"] == 2


def test_the_emails_link_withdraws_a_counted_support_and_forgets_one_never_confirmed(client, deps):
    rid = new_report(client)
    client.post(f"/v1/reports/{rid}/supporters", {"email": "kit@example.org"})
    counted = support_link("kit@example.org")
    assert client.post("/v1/supporters/confirm", {"token": counted}).json_body["supporters"] == 1
    assert "/?withdraw-support=" + counted in outbox_to("kit@example.org")[-1].body  # the e-mail says how
    gone = client.post("/v1/supporters/withdraw", {"token": counted})
    assert (gone.status_code, gone.json_body["status"], gone.json_body["supporters"]) == (200, "withdrawn", 0)
    assert client.post("/v1/supporters/withdraw", {"token": counted}).json_body["supporters"] == 0  # retried
    assert client.post("/v1/supporters/confirm", {"token": counted}).status_code == 404  # the link is spent

    client.post(f"/v1/reports/{rid}/supporters", {"email": "lou@example.org"})
    pending = support_link("lou@example.org")
    assert client.post("/v1/supporters/withdraw", {"token": pending}).json_body["supporters"] == 0
    assert client.post("/v1/supporters/confirm", {"token": pending}).status_code == 404  # never counted now
    assert supporters_of(client, rid) == 0
    assert client.post("/v1/supporters/withdraw", {"token": "DS-ZZZZZZ." + "0" * 40 + "." + "x" * 32}).status_code \
        == 404
    assert client.post("/v1/supporters/withdraw", {}).status_code == 400


def test_six_withdrawals_of_one_support_at_once_take_off_one_between_them(client, deps, people):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.reports.withdraw_support import withdraw_by_link, withdraw_mine
    rid = new_report(client)
    for n in range(3):
        person = people(email=f"neighbour{n}@example.org")
        client.post(f"/v1/reports/{rid}/supporters", {}, person.auth)
    client.post(f"/v1/reports/{rid}/supporters", {"email": "neighbour0@example.org"})  # counted: no link sent
    racer = people(email="racer@example.org")
    client.post(f"/v1/reports/{rid}/supporters", {"email": "racer@example.org"})
    token = support_link("racer@example.org")
    client.post("/v1/supporters/confirm", {"token": token})
    assert deps.reports.get(rid).supporters == 4
    own = deps.replace(principal=Principal(user_id=racer.user.id, role="resident", email="racer@example.org",
                                           email_verified=True))
    answers = at_once(lambda n: withdraw_mine(own, rid) if n % 2 else withdraw_by_link(deps, {"token": token}),
                      range(6))
    assert len(answers) == 6 and {a["status"] for a in answers} == {"withdrawn"}
    assert deps.reports.get(rid).supporters == 3 and supporters_of(client, rid) == 3
    assert min(a["supporters"] for a in answers) == 3


def test_a_count_that_drifted_to_zero_stays_at_zero_when_a_supporter_withdraws(client, deps, people):
    from chalicelib.storage.reports.report_store import ReportStore
    rid = new_report(client)
    mo = people(email="mo@example.org")
    client.post(f"/v1/reports/{rid}/supporters", {}, mo.auth)
    report = deps.reports.get(rid)
    report.supporters = 0  # as if counted by an older release that missed a supporter
    ReportStore().save(report)
    assert withdraw(client, rid, mo).json_body["supporters"] == 0
    assert deps.reports.get(rid).supporters == 0


def test_my_supports_are_in_my_accounts_export_and_leave_it_when_withdrawn(client, people):
    first, second = new_report(client), new_report(client)
    mo, sam = people(email="mo@example.org"), people(email="sam@example.org")
    client.post(f"/v1/reports/{first}/supporters", {}, mo.auth)
    client.post(f"/v1/reports/{second}/supporters", {"email": "MO@example.org"})  # by e-mail, not yet confirmed
    client.post(f"/v1/reports/{second}/supporters", {}, sam.auth)
    export = client.get("/v1/me/export", mo.auth).json_body
    assert [(s["report_id"], s["state"]) for s in export["supports"]] == sorted(
        [(first, "counted"), (second, "pending")])
    assert all(s["url"].endswith(f"/v1/reports/{s['report_id']}") and s["created_at"] for s in export["supports"])
    withdraw(client, first, mo)
    assert [s["report_id"] for s in client.get("/v1/me/export", mo.auth).json_body["supports"]] == [second]
