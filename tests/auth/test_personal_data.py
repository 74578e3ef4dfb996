"""What the council holds about a person reaches their account and their
export: alerts included, and those made with their address before they
registered."""
from support.accounts_support import bearer, login, outbox_links, register
from support.alert_support import area, push_subscription, token_in, outbox_to


def subscribe(client, headers=None, **body):
    made = client.post("/v1/alerts", {**area(), **body}, headers)
    assert made.status_code == 201, made.body
    return made.json_body


def confirm_by_mail(client, address):
    token = token_in(outbox_to(address)[-1].body)
    assert client.post("/v1/alerts/confirm", {"token": token}).status_code == 200


def verified_resident(client):
    register(client)
    client.post("/v1/auth/verify", {"token": outbox_links("ada@example.org", "/verify")[0]})
    return bearer(login(client).json_body)


def test_email_alerts_made_before_registering_join_the_account_when_its_address_is_verified(client):
    by_mail = subscribe(client, channels=["email"], email="Ada@Example.org")
    confirm_by_mail(client, "Ada@Example.org")
    with_push = subscribe(client, channels=["email", "push"], email="ada@example.org",
                          push_subscription=push_subscription(), radius_m=900)
    someone_elses = subscribe(client, channels=["email"], email="bob@example.org", radius_m=700)
    register(client)
    verified = client.post("/v1/auth/verify", {"token": outbox_links("ada@example.org", "/verify")[0]})
    assert verified.json_body["claimed_alerts"] == [by_mail["id"]]
    mine = client.get("/v1/alerts", bearer(login(client).json_body)).json_body["alerts"]
    assert [a["id"] for a in mine] == [by_mail["id"]] and mine[0]["confirmed"] is True
    assert with_push["id"] != someone_elses["id"]  # the browser's and Bob's stay their makers'


def test_the_export_lists_my_alerts_and_others_that_mail_my_proven_address(client):
    auth = verified_resident(client)
    own = subscribe(client, auth, channels=["email"], email="ada@example.org")
    pushed_to_mail = subscribe(client, channels=["email", "push"], email="ada@example.org",
                               push_subscription=push_subscription(), radius_m=900)
    exported = client.get("/v1/me/export", headers=auth).json_body["alerts"]
    assert [a["id"] for a in exported] == [own["id"], pushed_to_mail["id"]]
    assert exported[0]["email"] == "ada@example.org" and exported[0]["confirmed"] is True
    theirs = exported[1]
    assert theirs["channels"] == ["email"] and "push_endpoint" not in theirs and theirs["made_by_you"] is False
