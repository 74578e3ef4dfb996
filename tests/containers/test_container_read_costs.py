"""What the container routes ask DynamoDB, counted at PynamoDB's one call
site (storage/metering.py): a fixed handful of key reads, never a scan,
however many requests other properties hold."""
import dataclasses
import uuid

from chalicelib.auth.principal import Principal
from chalicelib.handlers.containers import routes  # noqa: F401
from support.containers_support import stocked_home


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
    assert post.count("TransactWriteItems") == 1 and "Scan" not in post
    with capsys.disabled():
        print("\nDynamoDB calls per container request (the handler's; effects' own reads beside):")
        for route, operations in measured.items():
            print(f"  {route}: {len(operations)} ({', '.join(operations)})")
