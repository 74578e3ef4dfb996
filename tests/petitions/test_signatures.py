"""Signatures: counted only once the e-mail link is followed, once however
often it is followed; one per canonical e-mail and name; repeats do not send
unlimited e-mails; too many from one client are suspect and never counted;
staff invalidate in bulk and the count drops by exactly the counted ones."""
import dataclasses
from datetime import timedelta

import pytest

from chalicelib.errors import ApiError
from conftest import store_addresses
from support.petition_support import NOON, at, messages_to, officer, published, sign_and_confirm, tokens_sent, tell
from support.tampering import tampered


def _sign(deps, petition_id, email, name="Ada Resident", client="203.0.113.9", postcode="YO1 7HH"):
    from chalicelib.handlers.petitions.signing import sign
    return sign(dataclasses.replace(deps, client=client), petition_id,
                {"name": name, "email": email, "postcode": postcode, "in_area": True})


def test_a_signature_counts_once_its_link_is_followed_and_only_once(deps):
    from chalicelib.handlers.petitions.signing import confirm
    store_addresses(deps)
    petition = published(deps)
    assert petition["signature_count"] == 5  # its sponsors
    now = at(deps, NOON + timedelta(hours=1))
    answer = _sign(now, petition["id"], "ada@example.org")
    assert answer["status"] == "check_email"
    assert deps.petitions.get(petition["id"]).signatures == 5  # not before the link is followed
    token = tokens_sent("ada@example.org")[0]
    for _ in range(3):
        assert confirm(now, {"token": token})["petition"]["signature_count"] == 6
    assert deps.petitions.wards(petition["id"])["Micklegate"] == 6
    with pytest.raises(ApiError) as forged:
        confirm(now, {"token": tampered(token, 4)})
    assert forged.value.status == 404


def test_one_signature_per_canonical_email_and_name_but_a_household_may_share_an_email(deps):
    from chalicelib.handlers.petitions.signing import confirm
    petition = published(deps, sponsors=0)
    now = at(deps, NOON + timedelta(hours=1))
    for email, name in (("Ada.Lovelace@gmail.com", "Ada Lovelace"), ("adalovelace+petitions@googlemail.com",
                                                                     "ada  lovelace"),
                        ("ADA.LOVELACE@GMAIL.COM", "Ada Lovelace"), ("ada.lovelace@gmail.com", "Byron Lovelace")):
        _sign(now, petition["id"], email, name, client=f"203.0.113.{len(name)}")
    sent = tokens_sent("Ada.Lovelace@gmail.com") + tokens_sent("adalovelace+petitions@googlemail.com") + \
        tokens_sent("ADA.LOVELACE@GMAIL.COM") + tokens_sent("ada.lovelace@gmail.com")
    for token in sent:
        confirm(now, {"token": token})
    assert deps.petitions.get(petition["id"]).signatures == 2  # Ada once, Byron once


def test_signing_again_sends_the_link_again_at_most_once_per_resend_window(deps):
    petition = published(deps, sponsors=0)
    for minutes in (0, 1, 2, 9):
        _sign(at(deps, NOON + timedelta(hours=1, minutes=minutes)), petition["id"], "ada@example.org",
              client=f"203.0.113.{minutes}")
    assert len(tokens_sent("ada@example.org")) == 1
    _sign(at(deps, NOON + timedelta(hours=1, minutes=11)), petition["id"], "ada@example.org", client="203.0.113.11")
    sent = tokens_sent("ada@example.org")
    assert len(sent) == 2 and sent[0] != sent[1]
    from chalicelib.handlers.petitions.signing import confirm
    with pytest.raises(ApiError):
        confirm(deps, {"token": sent[0]})  # the newer message's link is the one that works
    assert confirm(deps, {"token": sent[1]})["confirmed"] is True
    _sign(at(deps, NOON + timedelta(hours=3)), petition["id"], "ada@example.org", client="203.0.113.50")
    assert len(tokens_sent("ada@example.org")) == 2  # signed and confirmed: nothing more is sent


def test_thirty_signatures_from_one_client_in_a_minute_are_accepted_alike_but_only_five_count(deps, capsys):
    from chalicelib.handlers.petitions.signing import confirm
    petition = published(deps, sponsors=0)
    answers = set()
    for n in range(30):
        now = at(deps, NOON + timedelta(hours=1, seconds=n))
        answers.add(str(_sign(now, petition["id"], f"bot{n}@example.net", f"Bot {n}", client="192.0.2.66")))
        confirm(now, {"token": tokens_sent(f"bot{n}@example.net")[0]})
    assert len(answers) == 1  # the same quiet answer for the suspect ones
    signatures, _ = deps.petitions.signatures(petition["id"])
    suspect = sum(s.suspect for s in signatures)
    assert (suspect, deps.petitions.get(petition["id"]).signatures) == (25, 5)
    with capsys.disabled():
        print(f"\n30 signatures from one client within a minute: {30 - suspect} counted, {suspect} suspect")


def test_staff_invalidate_a_domain_and_the_count_drops_by_exactly_its_confirmed_signatures(deps, client, people):
    store_addresses(deps)
    petition = published(deps, sponsors=0)
    now = at(deps, NOON + timedelta(hours=1))
    for n in range(6):
        sign_and_confirm(now, petition["id"], n, domain="example.org")
    for n in range(6, 10):
        sign_and_confirm(now, petition["id"], n, domain="spam.example")
    _sign(now, petition["id"], "unconfirmed@spam.example", client="203.0.113.77")  # pending: never counted
    assert deps.petitions.get(petition["id"]).signatures == 10
    staff = people("staff")
    url = f"/v1/staff/petitions/{petition['id']}/invalidate"
    dry = client.post(url, {"domain": "spam.example", "dry_run": True}, staff.auth).json_body
    assert (dry["matched"], dry["uncounted"], dry["signature_count"]) == (5, 4, 10)
    done = client.post(url, {"domain": "@Spam.Example"}, staff.auth).json_body
    assert (done["matched"], done["invalidated"], done["uncounted"], done["signature_count"]) == (5, 5, 4, 6)
    again = client.post(url, {"domain": "spam.example"}, staff.auth).json_body
    assert (again["invalidated"], again["signature_count"]) == (0, 6)
    assert sum(deps.petitions.wards(petition["id"]).values()) == 6
    audit = client.get(f"/v1/staff/petitions/{petition['id']}", staff.auth).json_body["audit"]
    assert [(e["action"], e["changes"]["invalidated"]["after"]) for e in audit if e["action"] ==
            "signatures_invalidated"] == [("signatures_invalidated", 5), ("signatures_invalidated", 0)]
    assert client.post(url, {}, staff.auth).status_code == 422
    assert client.post(url, {"domain": "spam.example"}, people().auth).status_code == 403


def test_staff_invalidate_by_postcode_client_or_time_window(deps):
    from chalicelib.handlers.petitions.moderation import invalidate
    petition = published(deps, sponsors=0)
    early, late = at(deps, NOON + timedelta(hours=1)), at(deps, NOON + timedelta(hours=5))
    sign_and_confirm(early, petition["id"], 1, postcode="YO23 1AA")
    sign_and_confirm(early, petition["id"], 2, client="192.0.2.1")
    sign_and_confirm(late, petition["id"], 3)
    sign_and_confirm(late, petition["id"], 4)
    staff = at(deps, NOON + timedelta(hours=6), officer())
    assert invalidate(staff, petition["id"], {"postcode": "yo231aa"})["uncounted"] == 1
    assert invalidate(staff, petition["id"], {"client": "192.0.2.1"})["uncounted"] == 1
    window = {"since": "2026-11-23T16:30:00Z", "until": "2026-11-23T17:30:00Z"}
    result = invalidate(staff, petition["id"], window)
    assert (result["uncounted"], result["signature_count"]) == (2, 0)


def test_no_signer_name_or_email_is_ever_in_a_public_answer_feed_or_file(deps, client):
    store_addresses(deps)
    petition = published(deps)
    email = sign_and_confirm(at(deps, NOON + timedelta(hours=1)), petition["id"], 7, name="Zebedee Quist")
    public = [client.get(f"/v1/petitions/{petition['id']}").body, client.get(f"/v1/petitions/{petition['id']}.json").body,
              client.get("/v1/petitions?state=open").body, client.get("/v1/feeds/petitions.rss").body,
              client.get(f"/v1/petitions/{petition['id']}/wards.csv").body]
    for body in public:
        text = body.decode() if isinstance(body, bytes) else body
        assert "Zebedee" not in text and email not in text and "signer9" not in text and "creator@" not in text
    csv = public[-1].decode() if isinstance(public[-1], bytes) else public[-1]
    assert csv.splitlines() == ["petition_id,ward,signatures", f"{petition['id']},Micklegate,6"]


def test_when_the_council_responds_every_counted_signer_is_told_once(deps):
    from chalicelib.handlers.petitions import moderation
    petition = published(deps, sponsors=2)
    now = at(deps, NOON + timedelta(hours=1))
    signers = [sign_and_confirm(now, petition["id"], n) for n in range(4)]
    _sign(now, petition["id"], "pending@example.org", client="203.0.113.200")
    staff = at(deps, NOON + timedelta(days=2), officer())
    done = moderation.respond(staff, petition["id"], {"text": "We will build the crossing in spring."}, 1)
    assert done["response"]["text"].startswith("We will build")
    assert messages_to(signers[0]) == ["Please confirm your signature"]  # nothing inside the staff request
    assert tell(staff, petition["id"]) == {"sent": 6}
    assert tell(staff, petition["id"], again=True) == {"already": 6}  # delivered again (a retry): no one twice
    for email in signers + ["signer900@example.org", "signer901@example.org"]:
        assert messages_to(email).count("The council has responded to a petition you signed") == 1
    assert messages_to("pending@example.org") == ["Please confirm your signature"]
    moderation.schedule_debate(staff, petition["id"], {"date": "2027-01-14", "note": "Full council, 6pm."}, 2)
    tell(staff, petition["id"])
    assert messages_to(signers[0]).count("A petition you signed will be debated") == 1


def test_an_empty_signature_is_told_every_missing_field_in_its_own_words(deps):
    from chalicelib.errors import ValidationFailed
    from chalicelib.handlers.petitions import signing
    store_addresses(deps)
    petition = published(deps)
    with pytest.raises(ValidationFailed) as refused:
        signing.sign(deps, petition["id"], {"name": " ", "email": "", "postcode": "", "in_area": False})
    assert [(f["field"], f["message"]) for f in refused.value.fields] == [
        ("name", "Enter your full name"), ("email", "Enter your email address"), ("postcode", "Enter your postcode"),
        ("in_area", "Confirm that you live, work or study in the council's area")]


def test_a_wrong_email_and_postcode_are_told_what_to_type(deps):
    from chalicelib.errors import ValidationFailed
    from chalicelib.handlers.petitions import signing
    store_addresses(deps)
    petition = published(deps)
    with pytest.raises(ValidationFailed) as refused:
        signing.sign(deps, petition["id"], {"name": "Ada Resident", "email": "ada.example.org", "postcode": "3 Micklegate",
                                            "in_area": True})
    assert [(f["field"], f["message"]) for f in refused.value.fields] == [
        ("email", "Enter an email address in the correct format, like name@example.com"),
        ("postcode", "Enter a real postcode, like YO1 7HH")]
