"""A container asked for twice at once with one Idempotency-Key (a phone
retrying on a bad network) is one request, even for the depot's last one: the
twin's open request and its container off the shelf are this request's, not
another request open nor an empty shelf (issue 78). The order the twins' steps
meet in is forced (support/twins.py)."""
import dataclasses

import pytest

from chalicelib.auth.principal import Principal
from chalicelib.handlers.containers import routes  # noqa: F401  (registers the payment hook and effects)
from support import twins
from support.containers_support import stocked_home
from support.pay_support import pay  # noqa: F401
from support.racing import at_once


@pytest.mark.parametrize("reason", ["damaged", "damaged_by_crew"])  # paid for, and free (confirmed at once)
def test_the_depot_s_last_container_asked_for_twice_at_once_is_one_request(deps, pay, monkeypatch, reason):
    from chalicelib.handlers.containers.requesting import create
    from chalicelib.storage.waste.containers import ContainerStore
    uprn = stocked_home(deps, count=1)
    own = dataclasses.replace(deps, principal=Principal(user_id="twin", role="resident", email="twin@example.org"))
    body = {"uprn": uprn, "container": "recycling-box", "reason": reason}
    # nothing is read of the shelf before the request is made: the twins' writes meet
    twins.hold_to(monkeypatch, twins.SEEN_BY_THE_CHECK, check=(ContainerStore, "create"),
                  write=(ContainerStore, "create"))
    raced = at_once(lambda _: create(own, body, "twin-key-0001"), range(2))
    retried, created = create(own, body, "twin-key-0001")
    assert [view["id"] for view, _ in raced] == [retried["id"]] * 2 and not created
    assert sorted(made for _, made in raced) == [False, True]
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 0}
