"""Following a petition without signing: by an e-mail and its link, or as
the signed-in account; one follower per canonical e-mail; told once of a
response, a debate and the closing; an unsubscribe link; never public."""
import re
from datetime import timedelta

from support.petition_support import NOON, at, messages_to, officer, published, resident, sign_and_confirm, tell
from support.tampering import tampered


def follow_links(to, path):
    from chalicelib.storage.outbox import OutboxModel
    rows = sorted(OutboxModel.recipient_index.query(to), key=lambda m: m.created_at)
    return [t for m in rows for t in re.findall(rf"{path}\?token=([\w.-]+)", m.body)]


def test_a_follower_by_email_is_told_once_of_the_response_only_after_opening_the_link(client, deps):
    from chalicelib.handlers.petitions import moderation
    petition = published(deps)
    url = f"/v1/petitions/{petition['id']}/followers"
    answer = client.post(url, {"email": "Fran.Follower+petitions@example.org"})
    assert answer.status_code == 202 and answer.json_body["status"] == "check_email"
    again = client.post(url, {"email": "franfollower@example.org"})  # the same canonical e-mail
    assert again.json_body == answer.json_body
    assert len(follow_links("Fran.Follower+petitions@example.org", "/petitions/follow")) == 1  # no second mail
    assert follow_links("franfollower@example.org", "/petitions/follow") == []
    staff = at(deps, NOON, officer())
    moderation.schedule_debate(staff, petition["id"], {"date": "2027-01-14"}, 1)
    tell(staff, petition["id"])
    assert "A petition you follow will be debated" not in messages_to("Fran.Follower+petitions@example.org")
    token = follow_links("Fran.Follower+petitions@example.org", "/petitions/follow")[0]
    confirmed = client.post("/v1/followers/confirm", {"token": token})
    assert confirmed.status_code == 200 and confirmed.json_body["following"] is True
    assert client.post("/v1/followers/confirm", {"token": token}).status_code == 200  # twice: the same
    assert client.post("/v1/followers/confirm", {"token": tampered(token, 3)}).status_code == 404
    moderation.respond(staff, petition["id"], {"text": "We will build it."}, 2)
    assert tell(staff, petition["id"]) == {"sent": 6}  # five sponsors and the follower
    assert tell(staff, petition["id"], again=True).get("sent") == 1  # a late redelivery: the debate, to Fran only
    assert tell(staff, petition["id"], again=True).get("sent") is None  # no one twice
    subjects = messages_to("Fran.Follower+petitions@example.org")
    assert subjects.count("The council has responded to a petition you follow") == 1
    assert not any("signed" in s for s in subjects)
    assert deps.petitions.get(petition["id"]).signatures == 5  # a follower is never counted


def test_a_signed_in_resident_follows_at_once_and_a_signer_who_follows_is_told_once(client, deps, people):
    from chalicelib.handlers.petitions import moderation
    from chalicelib.handlers.petitions.following import follow
    petition = published(deps)
    person = people(email="rita.resident@example.org")
    url = f"/v1/petitions/{petition['id']}/followers"
    assert client.post(url, {}).status_code == 422  # no e-mail and nobody signed in
    followed = client.post(url, {}, person.auth)
    assert followed.status_code == 202 and followed.json_body["status"] == "following"
    assert client.post(url, {}, person.auth).json_body["status"] == "following"  # idempotent
    signer = sign_and_confirm(deps, petition["id"], 1)
    follow(at(deps, NOON, resident("signer-1", signer)), petition["id"], {})
    moderation.close_due(at(deps, NOON + timedelta(days=200)))
    tell(deps, petition["id"])
    closed = "A petition you follow has closed"
    assert messages_to("rita.resident@example.org").count(closed) == 1
    assert messages_to(signer).count("A petition you signed has closed") == 1 and closed not in messages_to(signer)


def test_the_unsubscribe_link_in_a_notice_stops_the_next_ones(client, deps, people):
    from chalicelib.handlers.petitions import moderation
    petition = published(deps)
    person = people(email="una.unsub@example.org")
    client.post(f"/v1/petitions/{petition['id']}/followers", {}, person.auth)
    staff = at(deps, NOON, officer())
    moderation.respond(staff, petition["id"], {"text": "Yes."}, 1)
    tell(staff, petition["id"])
    stop = follow_links("una.unsub@example.org", "/petitions/unfollow")
    assert len(stop) == 1
    forged = tampered(stop[0])
    assert client.post("/v1/followers/unsubscribe", {"token": forged}).status_code == 404
    done = client.post("/v1/followers/unsubscribe", {"token": stop[0]})
    assert done.status_code == 200 and done.json_body["following"] is False
    assert client.post("/v1/followers/unsubscribe", {"token": stop[0]}).status_code == 200
    moderation.schedule_debate(staff, petition["id"], {"date": "2027-01-14"}, 2)
    tell(staff, petition["id"])
    assert "A petition you follow will be debated" not in messages_to("una.unsub@example.org")


def test_followers_are_never_public_nor_counted_nor_invalidated_as_signatures(client, deps, people):
    from chalicelib.handlers.petitions import moderation
    petition = published(deps)
    client.post(f"/v1/petitions/{petition['id']}/followers", {"email": "secret.follower@hidden.example"})
    person = people(email="known.follower@hidden.example")
    client.post(f"/v1/petitions/{petition['id']}/followers", {}, person.auth)
    for path in (f"/v1/petitions/{petition['id']}", f"/v1/petitions/{petition['id']}.json", "/v1/petitions",
                 f"/v1/petitions/{petition['id']}/wards.csv", "/v1/feeds/petitions.rss"):
        body = client.get(path).body
        text = body.decode() if isinstance(body, bytes) else str(body)
        assert "follower" not in text.lower() and "hidden.example" not in text, path
    assert client.get(f"/v1/petitions/{petition['id']}").json_body["signature_count"] == 5
    done = moderation.invalidate(at(deps, NOON, officer()), petition["id"], {"domain": "hidden.example"})
    assert done["matched"] == 0 and done["signature_count"] == 5
