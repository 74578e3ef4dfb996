"""What the container routes ask DynamoDB, counted at PynamoDB's one call
site (storage/metering.py): a fixed handful of key reads, never a scan,
however many requests other properties hold."""
import dataclasses
import uuid

from chalicelib.auth.principal import Principal
from chalicelib.handlers.containers import routes  # noqa: F401
from support.containers_support import stocked_home
from support.officers import all_roles


def cost(call):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        call()
    return meter.operations


def test_the_property_s_containers_and_a_free_request_read_a_fixed_handful_by_key(deps, capsys):
    from chalicelib.handlers.containers import catalogue, requesting
    uprn = stocked_home(deps)
    own = dataclasses.replace(deps, principal=Principal(user_id="reader", role="resident", email="r@example.org"))
    measured = {
        "GET /v1/places/{uprn}/containers": cost(lambda: catalogue.offered(own, uprn)),
        "POST /v1/waste/containers/requests (free)": cost(lambda: requesting.create(
            own, {"uprn": uprn, "container": "recycling-box", "reason": "damaged_by_crew"}, str(uuid.uuid4()))),
    }
    offered = measured["GET /v1/places/{uprn}/containers"]
    assert "Scan" not in offered and offered.count("Query") <= 1  # the garden subscription's terms
    # the settings, the address, its rounds, the garden terms, the depot's stock, the open requests
    assert offered == ["GetItem", "GetItem", "BatchGetItem", "Query", "BatchGetItem", "BatchGetItem"]
    post = measured["POST /v1/waste/containers/requests (free)"]
    # the request confirmed with its job and event; and, its effect tried at once, its count and its mark
    assert post.count("TransactWriteItems") == 2 and "Scan" not in post
    with capsys.disabled():
        print("\nDynamoDB calls per container request (the handler's; effects' own reads beside):")
        for route, operations in measured.items():
            print(f"  {route}: {len(operations)} ({', '.join(operations)})")


def test_cancelling_staff_s_lists_and_missed_bins_read_by_key_and_index_never_a_scan(deps, capsys):
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo
    from chalicelib.handlers.containers import cancelling, requesting, staff
    from chalicelib.handlers.waste import missed
    uprn = stocked_home(deps)
    ordered = datetime.combine(datetime(2027, 3, 1).date(), time(12), ZoneInfo("Europe/London"))
    own = dataclasses.replace(deps, clock=lambda: ordered,
                              principal=Principal(user_id="reader", role="resident", email="r@example.org"))
    made, _ = requesting.create(own, {"uprn": uprn, "container": "recycling-box", "reason": "damaged_by_crew"},
                                str(uuid.uuid4()))
    officer = dataclasses.replace(own, principal=Principal(user_id="officer", role="staff", roles=all_roles(),
                                                           email="o@example.org"))
    thursday = dataclasses.replace(own, clock=lambda: ordered + timedelta(days=10))
    measured = {
        "GET /v1/places/{uprn}/missed-bins (signed in)": cost(lambda: missed.offered(thursday, uprn)),
        "GET /v1/staff/waste/containers/requests": cost(lambda: staff.listing(officer, {"depot": "main"})),
        "GET /v1/staff/waste/containers/stock/{depot}": cost(lambda: staff.stock(officer, "main")),
        "POST /v1/staff/waste/containers/stock/{depot}/{container}": cost(lambda: staff.change(
            officer, "main", "food-caddy", {"add": 5, "reason": "Delivery"}, '"0"')),
        "POST /v1/waste/containers/requests/{id}/cancel (free)": cost(lambda: cancelling.cancel(own, made["id"], {})),
    }
    for route, operations in measured.items():
        assert "Scan" not in operations, route
    assert measured["GET /v1/staff/waste/containers/requests"] == ["GetItem", "Query"]  # the settings, the index
    assert measured["GET /v1/staff/waste/containers/stock/{depot}"] == ["GetItem", "BatchGetItem"]
    assert measured["POST /v1/staff/waste/containers/stock/{depot}/{container}"] == [
        "GetItem", "BatchGetItem", "UpdateItem"]
    assert measured["POST /v1/waste/containers/requests/{id}/cancel (free)"].count("TransactWriteItems") == 1
    assert measured["GET /v1/places/{uprn}/missed-bins (signed in)"].count("Query") == 1  # the property's requests
    with capsys.disabled():
        print("\nDynamoDB calls per container route (the handler's; effects' own reads beside):")
        for route, operations in measured.items():
            print(f"  {route}: {len(operations)} ({', '.join(operations)})")
