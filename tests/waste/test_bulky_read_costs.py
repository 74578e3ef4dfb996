"""What each new route asks DynamoDB, counted at PynamoDB's one call site
(storage/metering.py): a fixed handful of key reads, never a scan, whatever
the tables hold."""
import uuid

import pytest

from support.pay_support import home_with_round, pay, pay_with  # noqa: F401
from support.officers import all_roles



def cost(call):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        call()
    return meter.operations


@pytest.fixture
def booked(client, deps, people, pay):
    uprn, resident = home_with_round(deps), people()
    for n in range(30):  # other days' places, which the reads must not grow with
        deps.bulky.taken(f"OTHER-{n}", ["2030-01-01"])
    day = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][0]["date"]
    made = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": day, "items": ["sofa"]},
                       {**resident.auth, "Idempotency-Key": str(uuid.uuid4())}).json_body
    return uprn, resident, day, made


def test_each_bulky_route_reads_a_fixed_handful_of_items_by_key(deps, booked, capsys):
    import dataclasses
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.waste import bookings, catalogue, dates
    uprn, resident, day, made = booked
    own = dataclasses.replace(deps, principal=Principal(user_id=resident.user.id, role="resident",
                                                        email=resident.user.email))
    measured = {
        "GET /v1/waste/bulky/items": cost(lambda: catalogue.read(deps)),
        "GET /v1/places/{uprn}/bulky/dates": cost(lambda: dates.offered(deps, uprn)),
        "GET /v1/waste/bulky/bookings/{id}": cost(lambda: bookings.read(own, made["id"])),
        "POST /v1/waste/bulky/bookings": cost(lambda: bookings.create(
            own, {"uprn": uprn, "date": day, "items": ["chair"]}, str(uuid.uuid4()))),
    }
    assert measured["GET /v1/waste/bulky/items"] == ["GetItem"]
    # the settings, the address, its rounds, the days' places
    assert measured["GET /v1/places/{uprn}/bulky/dates"] == ["GetItem", "GetItem", "BatchGetItem", "BatchGetItem"]
    assert measured["GET /v1/waste/bulky/bookings/{id}"] == ["GetItem", "GetItem"]  # the booking, its payment
    post = measured["POST /v1/waste/bulky/bookings"]
    assert post.count("TransactWriteItems") == 1 and "Scan" not in post and "Query" not in post
    assert sum(op in ("GetItem", "BatchGetItem") for op in post) <= 5
    with capsys.disabled():
        print("\nDynamoDB calls per request (the handler's; a signed-in caller's session adds its own):")
        for route, operations in measured.items():
            print(f"  {route}: {len(operations)} ({', '.join(operations)})")


def test_changing_and_taking_a_booking_for_a_caller_read_a_fixed_handful_of_items_by_key(
        client, deps, people, pay, capsys, monkeypatch):
    import dataclasses
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    from chalicelib.handlers.waste import assisted, changes
    from support.effects_support import run_stream
    from support.pay_support import confirmed_booking
    made, resident = confirmed_booking(client, deps, people, items=("sofa", "fridge", "armchair"))
    own = dataclasses.replace(deps, principal=Principal(user_id=resident.user.id, role="resident",
                                                        email=resident.user.email))
    officer = people("staff")
    staff = dataclasses.replace(deps, principal=Principal(user_id=officer.user.id, role="staff", roles=all_roles(),
                                                          email=officer.user.email))
    first = dates_of(deps, made["uprn"])[0]
    # A warm worker: the registry's one Query of which councils have left is a cold function's, once
    # (tests/councils/test_offboarding.py), not the refund's.
    from chalicelib.councils import registry
    registry.left()
    asked, real = [], GovukPay._call

    def counted(self, method, path, *args, **kwargs):  # every call to the provider, at its one call site
        asked.append(f"{method} {path.split('/')[-1] if path.endswith('refunds') else 'payment'}")
        return real(self, method, path, *args, **kwargs)
    monkeypatch.setattr(GovukPay, "_call", counted)
    provider = {}

    def measured_with_provider(route, call):
        asked.clear()
        operations = cost(call)
        provider[route] = list(asked)
        return operations
    measured = {route: measured_with_provider(route, call) for route, call in [
        ("POST .../bookings/{id}/change (another day)", lambda: changes.change(
            own, made["id"], {"date": first}, str(uuid.uuid4()))),
        ("POST .../bookings/{id}/change (fewer items: refund)", lambda: changes.change(
            own, made["id"], {"items": ["sofa", "fridge"]}, str(uuid.uuid4()))),
        # The refund, as the alert worker carries it out from the change's event (not the request's).
        ("the refund's effect (worker)", lambda: run_stream(deps, "bulky_change_refund")),
        ("POST /v1/staff/waste/bulky/bookings (waived)", lambda: assisted.take(staff, {
            "uprn": made["uprn"], "date": first, "items": ["sofa"], "payment": "waived", "reason": "Hardship"},
            str(uuid.uuid4()))),
        ("POST .../bookings/{id}/change (more items: the difference to pay)", lambda: changes.change(
            own, made["id"], {"items": ["sofa", "fridge", "armchair"]}, str(uuid.uuid4())))]}
    effect = [op for op in measured.pop("the refund's effect (worker)") if op != "Scan"]  # less the test's read
    for route, operations in measured.items():
        assert "Scan" not in operations and "Query" not in operations, (route, operations)
        # The change, and its events; a waived booking confirmed at once is counted too, its count and its
        # mark one transaction of its own (feedback/counting.py).
        counts = 1 if route.endswith("(waived)") else 0
        assert operations.count("TransactWriteItems") == 1 + counts, (route, operations)
        assert sum(op in ("GetItem", "BatchGetItem") for op in operations) <= 12, (route, operations)
    # The cheaper change's request asks the provider nothing: its refund is the event's effect.
    assert provider["POST .../bookings/{id}/change (fewer items: refund)"] == []
    assert provider["the refund's effect (worker)"] == ["POST refunds"]  # one call: the figure is the change's
    # The worker: its claim, the booking, the payment; the refund recorded with its event; the booking settled;
    # and the payment's one place for asking (docs/decisions/waste.md: a refund is known by what it refunds),
    # claimed, read back and given up: 3 calls more than before it, still by key.
    assert "Query" not in effect and effect.count("TransactWriteItems") == 1 and len(effect) <= 15, effect
    with capsys.disabled():
        for route, operations in [*measured.items(), ("the refund's effect (worker)", effect)]:
            reads = [op for op in operations if op in ("GetItem", "BatchGetItem", "Query", "Scan")]
            print(f"\n  {route}: {len(operations)} calls, {len(reads)} reads ({', '.join(operations)}); "
                  f"provider: {provider[route] or 'none'}")


def dates_of(deps, uprn):
    from chalicelib.handlers.waste.dates import offered
    return [d["date"] for d in offered(deps, uprn)["dates"]]
