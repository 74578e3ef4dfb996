"""A resident's things, each made as its resident makes it, for the authorisation matrix by desk
(tests/auth/test_authorisation_by_desk.py): the callers signed in, and one maker per kind returning the
thing's context ({"id", "owner": its resident's caller key, ...}, and "secrets": its resident's details
that no one refused may be shown)."""
import itertools
import json
import uuid

UPDATE = "We have made this report private while we look into it."
ANSWERS = {"answers": {"reason": "I want to move"}, "phone": "07700 900123"}


class World:
    """The callers signed in (another resident, an administrator, then officers named "officer:<role>",
    each holding that role alone); what each maker set up once; unique numbers. Each thing is made by a
    resident of its own (`owner()`), so no one resident meets the limits on making things."""

    def __init__(self, client, deps, other, admin, officers, admin_elsewhere=None):
        self.client, self.deps, self.done, self.numbers = client, deps, set(), itertools.count(1)
        self.people, self.admin = {}, admin
        self._sign_in(other, "resident", "another.resident@example.org")
        self._sign_in(admin, "admin", "administrator@council.example")
        for officer in officers:
            self._sign_in(officer, "staff", f"{officer.split(':', 1)[1]}@council.example",
                          roles=[officer.split(":", 1)[1]])
        if admin_elsewhere:  # an administrator granted by another council, signed in at this one's address
            from support.councils_support import NL, add, north_lanarkshire
            add(deps, north_lanarkshire())
            self._sign_in(admin_elsewhere, "admin", "administrator@northlanarkshire.example", granted_by=NL)

    def _sign_in(self, caller, role, email, name=None, granted_by=None, **extra):
        from chalicelib import tenancy
        from chalicelib.handlers.accounts import auth, users
        with tenancy.acting_for(granted_by or tenancy.current()):
            user = users.create_user(self.deps, email, role, name=name or caller, **extra)
        user.email_verified = True
        self.deps.accounts.save_user(user)
        self.people[caller] = (user, auth.start_session(self.deps, user, self.deps.clock())["access_token"])

    def owner(self):
        """A resident of their own, signed in: (their caller's key, their details)."""
        n = next(self.numbers)
        caller, secrets = f"resident:{n}", [f"Olive Owner {n}", f"olive.owner{n}@example.org", f"07700 9{n:05d}"]
        self._sign_in(caller, "resident", secrets[1], name=secrets[0])
        return caller, secrets

    def user_id(self, caller):
        return self.people[caller][0].id

    def principal(self, caller):
        from chalicelib.auth.principal import Principal
        user = self.people[caller][0]
        return Principal(user_id=user.id, role="resident", email=user.email, email_verified=True)

    def call(self, caller, method, path, body=None, headers=None):
        """One request as `caller`, a change with an Idempotency-Key of its own."""
        sent = {"Authorization": f"Bearer {self.people[caller][1]}", "Content-Type": "application/json",
                **({"Idempotency-Key": str(uuid.uuid4())} if method != "GET" else {}), **(headers or {})}
        data = json.dumps(body).encode() if body is not None else b""
        return self.client.raw.http.request(method, path, headers=sent, body=data)

    def once(self, name, setup):
        if name not in self.done:
            setup()
            self.done.add(name)

    def made(self, response):
        assert response.status_code in (200, 201), response.body
        return response.json_body


def leaked(response, ctx):
    body = response.body.decode("utf-8", "replace") if isinstance(response.body, bytes) else str(response.body)
    return [s for s in ctx.get("secrets", ()) if s in body]


def private_report(world):
    """A pothole with a photo, made private by staff with a public update: its link as the public had it."""
    from urllib.parse import urlsplit
    from conftest import jpeg_with_gps, pothole
    from tests.api.test_photos_api import upload
    owner, secrets = world.owner()
    photo = upload(world.client, jpeg_with_gps(), headers={"Authorization": f"Bearer {world.people[owner][1]}"})
    made = world.made(world.call(owner, "POST", "/v1/reports", pothole(
        photos=[photo], contact={"name": secrets[0], "email": secrets[1], "phone": secrets[2]})))
    link = urlsplit(world.made(world.call(owner, "GET", f"/v1/reports/{made['id']}"))["photos"][0]).path
    world.made(world.call(world.admin, "PATCH", f"/v1/staff/reports/{made['id']}",
                          {"private": True, "public_update": UPDATE}, {"If-Match": '"1"'}))
    return {"id": made["id"], "owner": owner, "photo": link, "secrets": secrets}


def follow(report_id):
    import base64
    key = base64.urlsafe_b64encode(b"\x04" + bytes(64)).decode().rstrip("=")
    return {"kind": "report", "report_id": report_id, "channels": ["push"], "push_subscription": {
        "endpoint": f"https://push.example.net/{uuid.uuid4().hex}", "keys": {"p256dh": key, "auth": "A" * 22}}}


def conversation(world):
    owner, secrets = world.owner()
    made = world.made(world.call(owner, "POST", "/v1/conversations", {
        "name": secrets[0], "email": secrets[1], "phone": secrets[2],
        "context": {"screen": "property", "uprn": "990000000101"}, "text": "My bin was not collected."}))
    return {"id": made["id"], "owner": owner, "secrets": secrets}


def _home(world, rounds):
    from support.bins_support import store_home
    uprn = f"9900{next(world.numbers):08d}"
    store_home(world.deps, rounds, uprn=uprn)
    return uprn


def container_request(world):
    from support.containers_support import RECYCLING_ROUND, stocked_home
    from support.pay_support import ROUND
    world.once("containers", lambda: stocked_home(world.deps, count=200))
    uprn, (owner, secrets) = _home(world, {"refuse": ROUND, "recycling": RECYCLING_ROUND}), world.owner()
    made = world.made(world.call(owner, "POST", "/v1/waste/containers/requests", {
        "uprn": uprn, "container": "recycling-box", "reason": "damaged_by_crew"}))
    return {"id": made["id"], "owner": owner, "uprn": uprn, "container": "recycling-box", "secrets": secrets}


def hire_booking(world):
    from datetime import date, timedelta
    from chalicelib.handlers.hire.booking import create
    from support.hire_support import tuesdays
    owner, secrets = world.owner()
    first = (date(2027, 3, 9) + timedelta(weeks=next(world.numbers))).isoformat()  # a Tuesday each, a week apart
    made, _ = create(world.deps.replace(principal=world.principal(owner)), tuesdays(
        weeks=1, first=first, hirer_name=secrets[0]), str(uuid.uuid4()))
    return {"id": made["id"], "owner": owner, "date": first, "secrets": secrets[1:]}


def bulky_booking(world):
    from support.pay_support import GARDEN_ROUND, ROUND, home_with_round
    world.once("bulky", lambda: home_with_round(world.deps, capacity=100))
    uprn, (owner, secrets) = _home(world, {"refuse": ROUND, "garden": GARDEN_ROUND}), world.owner()
    day = world.made(world.call(owner, "GET", f"/v1/places/{uprn}/bulky/dates"))["dates"][0]["date"]
    made = world.made(world.call(owner, "POST", "/v1/waste/bulky/bookings", {
        "uprn": uprn, "date": day, "items": ["sofa"]}))
    return {"id": made["id"], "owner": owner, "date": day, "secrets": secrets}


def bulky_change(ctx):
    return {"date": ctx["date"], "items": ["sofa", "sofa"]}


def garden_subscription(world):
    from support.pay_support import GARDEN_ROUND, ROUND, home_with_round
    world.once("garden", lambda: home_with_round(world.deps))
    uprn, (owner, secrets) = _home(world, {"refuse": ROUND, "garden": GARDEN_ROUND}), world.owner()
    made = world.made(world.call(owner, "POST", "/v1/waste/garden/subscriptions", {"uprn": uprn, "bins": 1}))
    return {"id": made["id"], "owner": owner, "secrets": secrets}


def appointment(world):
    from support.appointments_support import load_demo
    world.once("appointments", lambda: load_demo(world.deps))
    owner, secrets = world.owner()
    slots = world.made(world.call(owner, "GET", "/v1/appointments/services/housing-options/slots?days=14"))
    slot = slots["slots"][next(world.numbers)]  # a time of its own each: one resident's hold is not another's
    made = world.made(world.call(owner, "POST", "/v1/appointments/holds", {
        "service_id": "housing-options", "start": slot["start"]}))
    return {"id": made["id"], "owner": owner, "secrets": secrets}


def pending_petition(world):
    from chalicelib.handlers.petitions.drafting import create
    from support.petition_support import CROSSING
    owner, _ = world.owner()
    made, _ = create(world.deps.replace(principal=world.principal(owner)), dict(CROSSING), None)
    return {"id": made["id"], "owner": owner, "secrets": [made["sponsor_link"].rsplit("=", 1)[1]]}


def broadcast(world):
    """Council news: no resident's; its audit entry (who sent it, to where) is the desk's."""
    made = world.made(world.call(world.admin, "POST", "/v1/broadcasts", {
        "target": {"circle": {"lat": 53.9623, "lon": -1.0819, "radius_m": 800}}, "topic": "roads",
        "title": "Stonegate closed", "body": "Stonegate is closed to traffic until 6pm for repairs."}))
    return {"id": made["id"], "owner": world.owner()[0]}


def draft_form(world):
    """A form's draft, not yet published: previewed by the forms desk only."""
    from doorstep_cli.forms import load_definition
    from support.forms_support import admin, demo, team_of
    definition = demo("general-enquiry")
    team_of(world.deps, definition)
    load_definition(admin(world.deps), definition)
    return {"id": definition["id"], "owner": world.owner()[0]}
