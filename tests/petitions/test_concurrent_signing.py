"""Two hundred residents sign at once and confirm at once (each link followed
twice, as double clicks and mail scanners do): none is counted before its
link is followed and exactly 200 are counted after. The counts are ADDs and
the confirmation a conditional write, decided by the database: moto's are
not atomic across threads, so this runs on DynamoDB Local
(tests/contract/test_dynamodb_local_petition_signing.py)."""
import dataclasses
import os
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from conftest import store_addresses
from support.petition_support import NOON, at, published, tokens_sent
from chalicelib import tenancy

SIGNERS = 200


def _in_threads(work, items):
    environ = os.environ
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            return list(pool.map(tenancy.carried(work), items))
    finally:
        os.environ = environ


def test_two_hundred_concurrent_signatures_count_exactly_two_hundred_once_confirmed(deps, capsys):
    from chalicelib.handlers.petitions.signing import confirm, sign
    store_addresses(deps)
    petition = published(deps)
    sponsors = petition["signature_count"]
    now = at(deps, NOON + timedelta(hours=1))

    def one(n):
        return sign(dataclasses.replace(now, client=f"10.0.{n // 250}.{n % 250}"), petition["id"],
                    {"name": f"Resident {n}", "email": f"resident{n}@example.org",
                     "postcode": "YO1 7HH" if n % 2 else "YO23 1AA", "in_area": True})["status"]
    started = time.monotonic()
    assert _in_threads(one, range(SIGNERS)) == ["check_email"] * SIGNERS
    signing = time.monotonic() - started
    assert deps.petitions.get(petition["id"]).signatures == sponsors  # none counted before its link
    tokens = [tokens_sent(f"resident{n}@example.org")[0] for n in range(SIGNERS)]
    started = time.monotonic()
    _in_threads(lambda token: confirm(now, {"token": token}), tokens + tokens)  # every link followed twice
    confirming = time.monotonic() - started
    counted = deps.petitions.get(petition["id"]).signatures - sponsors
    wards = deps.petitions.wards(petition["id"])
    assert counted == SIGNERS
    assert (wards["Micklegate"], wards["Bishopthorpe"]) == (SIGNERS // 2 + sponsors, SIGNERS // 2)
    with capsys.disabled():
        print(f"\n{SIGNERS} concurrent signatures (16 threads): {counted} counted after {2 * SIGNERS} "
              f"confirmations; signing took {signing:.2f} s, confirming {confirming:.2f} s")
