"""What signing, confirming and reading ask DynamoDB, counted at PynamoDB's one
call site (storage/metering.py): a fixed handful of key reads and single-item
writes, whatever the petition or the table holds; never a scan."""
from datetime import timedelta

from conftest import store_addresses
from support.petition_support import NOON, at, published, sign_and_confirm, tokens_sent


def cost(call):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        call()
    return meter


def test_signing_and_confirming_cost_a_fixed_handful_of_calls_however_many_have_signed(deps, capsys):
    import dataclasses
    from chalicelib.handlers.petitions import drafting
    from chalicelib.handlers.petitions.signing import confirm, sign
    store_addresses(deps)
    petition = published(deps)
    now = at(deps, NOON + timedelta(hours=1))
    for n in range(40):  # others' signatures, which no step may grow with
        sign_and_confirm(now, petition["id"], n)
    body = {"name": "Ada Resident", "email": "ada@example.org", "postcode": "YO1 7HH", "in_area": True}
    signing = cost(lambda: sign(dataclasses.replace(now, client="203.0.113.1"), petition["id"], body))
    token = tokens_sent("ada@example.org")[0]
    confirming = cost(lambda: confirm(now, {"token": token}))
    again = cost(lambda: confirm(now, {"token": token}))
    reading = cost(lambda: drafting.read(now, petition["id"]))
    listing = cost(lambda: drafting.listing(now, {"state": "open"}))
    # the petition, the client's counter, the postcode's addresses, the signature's put, the outbox row
    assert signing.operations == ["GetItem", "UpdateItem", "Query", "PutItem", "PutItem"]
    assert signing.items <= 6  # the petition and the postcode's addresses (4 in the test gazetteer)
    # the signature, pending -> validated, the petition's ADD, the ward's ADD, the petition for the answer
    assert confirming.operations == ["GetItem", "UpdateItem", "UpdateItem", "UpdateItem", "GetItem"]
    assert again.operations == ["GetItem", "GetItem"]  # followed again: read, counted nothing
    assert reading.operations == ["GetItem", "Query"] and reading.items == 2  # the petition; its one ward counter
    assert listing.operations == ["Query"] and listing.items == 1
    with capsys.disabled():
        print("\nDynamoDB per step (calls; items read; items written):")
        for name, meter in (("sign", signing), ("confirm", confirming), ("confirm again", again),
                            ("GET petition", reading), ("GET petitions", listing)):
            print(f"  {name}: {meter.calls} ({', '.join(meter.operations)}); {meter.items} read; "
                  f"{meter.writes} written")
