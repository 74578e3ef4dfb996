"""The hire routes fuzzed longer than the whole API's run gives each
operation (tests/api/test_fuzz_openapi.py: 2 to 8 cases a mode): every
operation under /hire/ as a resident and as staff, with the same checks
(no 5xx, every answer in its documented shape, a request the document calls
valid never refused as malformed). It was such a longer run that found
bookings the document called valid refused with 400 (waived without a
waive_reason, a group's booking without its name): the document now states
those rules (hire/schemas.py), so they agree. HIRE_FUZZ_LEAST/MOST run it
longer still."""
import os

import pytest

from support.served import served  # noqa: F401 (fixture)

LEAST, MOST = int(os.environ.get("HIRE_FUZZ_LEAST", 6)), int(os.environ.get("HIRE_FUZZ_MOST", 24))


@pytest.mark.xdist_group("hire_fuzzing")  # the second caller sends the cases the first drew
@pytest.mark.parametrize("who", ("resident", "staff"))
def test_the_hire_routes_fuzzed_longer_get_no_5xx_keep_the_schema_and_valid_requests_are_not_refused(
        served, deps, who, capsys):
    from api.test_fuzz_openapi import caller_headers, fuzzed, operations_of
    _, operations = operations_of(served, "/hire")
    outcomes = set()
    cases, failures = fuzzed(served, operations, caller_headers(deps, who), LEAST, MOST, outcomes)
    with capsys.disabled():
        print(f"\n{who}: {cases} generated requests over {len(operations)} hire operations, "
              f"{len(outcomes)} outcomes")
    assert len(operations) == 15
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
