"""What the repairs desk's and the operatives' routes cost in DynamoDB, as
their Server-Timing says (queries, items read): each reads the repair (and its
job) by key, and a home's history one Query of what it lists, so none grows
with the table. The app's clock is Tuesday 24 November 2026, 10am."""
import re

import pytest

from support.repairs_support import DRIPPING_TAP, assigned, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

SIGNED_IN = 3  # every officer's or crew's request reads their session, account and grant at this council
WHY = {"Access-Reason": "Booking the plumber"}  # the desk reads the tenant's details with a reason


@pytest.fixture(autouse=True)
def teams(deps):
    from support.staff_support import load_staff_data
    load_staff_data(deps)


def cost(answer):
    assert answer.status_code in (200, 201), answer.body
    return tuple(int(n) for n in re.search(r"queries=(\d+) items=(\d+)", answer.headers["Server-Timing"]).groups())


def test_the_desk_and_crew_repair_routes_read_what_they_answer(client, people, tenant, capsys):
    for _ in range(3):  # other repairs of the same home: a history reads each it lists, no more
        client.post("/v1/repairs", DRIPPING_TAP, tenant.auth)
    repair, job_id, officer = assigned(client, people, tenant)
    crew, path = people("crew", team="north"), f"/v1/staff/repairs/{repair['id']}"
    page = client.get(path, {**officer.auth, **WHY})
    etag = {**officer.auth, "If-Match": page.headers["ETag"]}
    figures = {
        "page": cost(page),
        "priority": cost(client.post(f"{path}/priority", {"priority": "urgent", "reason": "Older tenant"}, etag)),
        "history": cost(client.get(f"/v1/staff/repairs/homes/{repair['home']}", {**officer.auth, **WHY})),
        "crew tenant": cost(client.get(f"/v1/crew/jobs/{job_id}/tenant", crew.auth)),
        "on my way": cost(client.post(f"/v1/crew/jobs/{job_id}/on-my-way", {}, crew.auth)),
        "close": cost(client.post(f"{path}/done", {"what": "Washer fitted"}, officer.auth)),
    }
    with capsys.disabled():
        print(f"\nServer-Timing (queries, items read): {figures}")
    listed = len(client.get(f"/v1/staff/repairs/homes/{repair['home']}", {**officer.auth, **WHY}).json_body["repairs"])
    assert listed == 4 and figures["history"] == (1, listed + SIGNED_IN)  # one Query, the repairs it lists
    assert figures["page"] == (0, 1 + SIGNED_IN)  # the repair
    assert figures["priority"] == figures["crew tenant"] == (0, 2 + SIGNED_IN)  # the repair and its job
    # The change's effect tried in the request reads the repair once more (the text's, how it went's row).
    assert figures["on my way"] == (0, 3 + SIGNED_IN) and figures["close"] == (0, 4 + SIGNED_IN)
