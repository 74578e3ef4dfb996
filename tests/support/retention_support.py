"""Shared by the retention tests: York with its schedule, reports made and closed at chosen moments,
and the sweep run at a chosen moment."""
from datetime import datetime, timezone

from conftest import pothole
from support.councils_support import YORK_HOST, add, at, put, york
from support.staff_support import report_at

RETENTION = "/v1/admin/retention"


def utc(*parts):
    return datetime(*parts, tzinfo=timezone.utc)


YORK_URL = "https://york.example.gov.uk"


def york_keeping(deps, months=None, chats=None, payments=None, repairs=None, **more):
    """York at its own address, its street reports kept `months` after closure, its chats `chats` months,
    its payments' payers `payments` and its repairs' tenants `repairs` when given (else the data map's
    defaults), and `more` of its retention settings (unused_account_months, warn_days...)."""
    document = {**york(), "public_url": YORK_URL}
    section = dict(more)
    if months is not None:
        section.setdefault("kinds", {})["reports"] = {"after": "closed", "months": months, "then": "anonymise"}
    if chats is not None:
        section.setdefault("kinds", {})["chats"] = {"after": "closed", "months": chats, "then": "delete"}
    if payments is not None:
        section.setdefault("kinds", {})["payments"] = {"after": "paid", "months": payments, "then": "anonymise"}
    if repairs is not None:
        section.setdefault("kinds", {})["repairs"] = {"after": "closed", "months": repairs, "then": "anonymise"}
    if section:
        document["retention"] = section
    return add(deps, document)


def closed_report(deps, made, closed, **body):
    """A pothole report made at `made` with Ada's contact, closed (fixed) at `closed`: its id."""
    from chalicelib.handlers.reports.changes import change_state
    rid = report_at(deps, pothole(**body), made)
    if closed is not None:
        change_state(deps.replace(clock=lambda: closed), rid, "fixed", text="Filled in.")
    return rid


def sweep_at(deps, now, dry=False):
    """The council the work is for's sweep run at `now` (its counts by kind, its listings), linking where
    the scheduled run's would (config.links_base: the council's own address)."""
    from chalicelib.config import links_base
    from chalicelib.handlers.retention.sweep import run
    here = deps.for_council().replace(clock=lambda: now)
    here.base_url = links_base(here.settings, here.council)
    return run(here, dry=dry)


def set_schedule(client, admin, section, host=YORK_HOST):
    """The administrator's PUT of the retention section with the version just read."""
    read = client.get(RETENTION, at(host, admin))
    assert read.status_code == 200, read.json_body
    return put(client, RETENTION, section, at(host, {**admin, "If-Match": read.headers["ETag"]}))


PHONE_NOTE = "Rang Ada on 07700 900123: the hole is by her gate."


def anonymised_in_full(client, deps, people):
    """A report with everything anonymising takes away, made and closed through the API now: Ada's
    contact and account (and her follow of it), Bea's "me too" (counted), a photo an officer hid (with
    the words it moderated and why) and a private note. Its id."""
    import json
    from api.test_photos_api import upload
    from conftest import jpeg_with_gps
    from support.staff_support import Officer
    ada = people("resident", email="ada@example.org", name="Ada Resident")
    made = client.post("/v1/reports", pothole(photos=[upload(client, jpeg_with_gps())]), ada.auth)
    assert made.status_code == 201, made.json_body
    rid = made.json_body["id"]
    bea = people("resident", email="bea@example.org")
    assert client.post(f"/v1/reports/{rid}/supporters", {}, bea.auth).json_body["supporters"] == 1
    officer = Officer(client, people("admin", email="olu@york.example.gov.uk"))
    name = made.json_body["photos"][0].split("?")[0].rsplit("/", 1)[1]
    hidden = client.raw.http.post(f"/v1/staff/reports/{rid}/moderation", headers={
        "Content-Type": "application/json", "If-Match": officer.report(rid).headers["ETag"], **officer.person.auth},
        body=json.dumps({"description": "Deep pothole outside the west door.", "hide_photos": [name],
                         "reason": "Ada's neighbour's car in it"}))
    assert hidden.status_code == 200, hidden.body
    for change in ({"internal_note": PHONE_NOTE}, {"status": "fixed", "public_update": "Filled in today."}):
        done = officer.patch(rid, change)
        assert done.status_code == 200, done.body
    return rid


def closed_chat(deps, started, closed, messages=(), photo=None, user_id=None):
    """A chat Ada started at `started` (her e-mail its search link; signed in as `user_id` when given), with
    `messages` as (moment, text) after her first, a photo in the last when `photo` names one (its file in the
    bucket), a report linked, and closed at `closed` (None: left open). Its id."""
    from datetime import timedelta

    from chalicelib.storage.blobs import CHAT_PHOTO_PREFIX
    from chalicelib.storage.records import ChatMessage, Conversation
    store = deps.conversations
    chat = Conversation(id="C" + deps.new_opaque_id()[:10], state="waiting", created_at=started, updated_at=started,
                        contact={"name": "Ada", "email": "ada@example.org"}, waiting_since=started, user_id=user_id)
    store.create(chat)
    said = [(started, "My bin was not emptied.")] + list(messages)
    for n, (at, text) in enumerate(said, start=1):
        photos = [{"name": photo}] if photo and n == len(said) else []
        if photos:
            deps.blobs.write(CHAT_PHOTO_PREFIX + photo, b"jpeg", "image/jpeg")
        store.add_message(chat, ChatMessage(conversation_id=chat.id, seq=n, author="resident", text=text,
                                            created_at=at, photos=photos))
        chat.last_seq = n
    store.link_report(chat.id, "DS-7K3F9Q", started + timedelta(minutes=1))
    if closed is not None:
        store.close(store.get(chat.id), "resident", closed)
    return chat.id


def paid(deps, made, finished, status="success"):
    """A £23.50 bulky waste payment Ada started at `made` (her e-mail and account on it) that finished
    (`status`, as the provider said) at `finished`, refunded £5 after: its id."""
    from chalicelib.storage.records import Payment
    payment = Payment(id="P" + deps.new_opaque_id()[:10], purpose="bulky", subject_id="B1", amount=2350,
                      reference="BW-000123", description="Bulky waste collection", return_secret_hash="x",
                      created_at=made, updated_at=made, user_id="u-ada", email="ada@example.org")
    deps.payments.create(payment)
    deps.payments.record_state(payment.id, status, True, None, None, finished)
    if status == "success":
        deps.payments.add_refund(payment.id, {"refund_id": "R1", "amount": 500, "status": "success",
                                              "at": finished.isoformat(), "by": "olu"}, 0)
    return payment.id


class Killed(BaseException):
    """The process dying at a boundary (chalicelib/faults.py), as SIGKILL would: nothing after it runs."""


def die_at(monkeypatch, name, after):
    """The sweep dies the `after`-th time it reaches boundary `name` (0: the first)."""
    import chalicelib.faults as faults
    reached = [0]

    def boundary(at):
        if at == name:
            reached[0] += 1
            if reached[0] > after:
                raise Killed(at)
    monkeypatch.setattr(faults, "boundary", boundary)


def york_north(deps):
    """York North, a council whose id begins with York's: the sweep must keep them apart."""
    from support.councils_support import add, other_council
    add(deps, {**other_council(1), "id": "york-north", "hosts": ["york-north.localhost"]})


DEV = {"name": "Dev Patel", "phone": "07700 900123"}


def closed_repair(deps, made, closed, how="done", photo=None, block=None, **changes):
    """A dripping tap Dev reported at `made` from his home (his contact, access notes, words and a photo in the
    bucket when `photo` names one), closed at `closed` the way `how` says: "done" (by the desk's close, what was
    done said) or "cancelled" (by its tenant, before it was ordered); `closed` None: left open. Its id."""
    from chalicelib.handlers.repairs.closing import done
    from chalicelib.storage.blobs import PHOTO_PREFIX
    from chalicelib.storage.records import Repair
    if photo:
        deps.blobs.write(PHOTO_PREFIX + photo, b"jpeg", "image/jpeg")
    values = dict(home="R0448105", address="Flat 1, 4 Hull Road", user_id="u-dev", location="kitchen", problem="sink",
                  issue="tap_dripping", repair="Tap dripping", code="TAP-DRIP", trade="plumbing", priority="routine",
                  description="The cold tap drips all night; I use a wheelchair.", contact=dict(DEV),
                  access={"pets": "A friendly dog", "needs": "Knock loudly"}, photos=[{"name": photo}] if photo else [])
    repair = Repair(id="RP-" + deps.new_opaque_id()[:6].upper(), aware_at=made, created_at=made, updated_at=made,
                    block=block, **{**values, **changes})
    deps.repairs.create(repair)
    if closed is None:
        return repair.id
    if how == "done":
        done(deps.replace(clock=lambda: closed), repair.id, {"what": "New washer fitted; Dev was in."})
    else:
        from chalicelib.auth.principal import Principal
        from chalicelib.handlers.repairs.appointments import cancel
        cancel(deps.replace(clock=lambda: closed, principal=Principal(user_id="u-dev", role="resident")), repair.id)
    return repair.id


def answered(deps, rid, comment, at):
    """Dev's answer to "how did it go?" at `at` (asked as its repair_done event's effect asks, claimed then
    sent, where that effect has not asked already), with his words."""
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.repairs.desk.after import answer
    if deps.repairs.ask(rid, at, at) in ("new", "sending"):
        deps.repairs.asked(rid)
    dev = deps.replace(clock=lambda: at, principal=Principal(user_id="u-dev", role="resident"))
    assert answer(dev, rid, {"fixed": True, "rating": 4, "comment": comment})["answer"]["comment"] == comment
