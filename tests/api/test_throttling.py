"""DynamoDB saying "slow down" (after botocore's own retries) is a 503 with
Retry-After that the client may simply repeat, never a 409 edit conflict
that would tell it to reload and merge."""
import pytest
from botocore.exceptions import ClientError

from conftest import pothole


@pytest.fixture
def throttled(storage):
    """throttle(operation, code, reasons=None): from now on that operation fails so."""
    from chalicelib.storage.binding import connection
    client = connection().client
    original = client._make_api_call
    rules = {}

    def call(operation, kwargs):
        if operation in rules:
            code, reasons = rules[operation]
            response = {"Error": {"Code": code, "Message": "slow down"}}
            if reasons:
                response["CancellationReasons"] = [{"Code": r} for r in reasons]
            raise ClientError(response, operation)
        return original(operation, kwargs)

    client._make_api_call = call
    yield lambda operation, code, reasons=None: rules.__setitem__(operation, (code, reasons))
    client._make_api_call = original


def test_a_throttled_report_creation_is_a_503_to_retry_not_a_conflict(client, throttled):
    throttled("TransactWriteItems", "TransactionCanceledException", ["None", "ThrottlingError", "None"])
    response = client.post("/v1/reports", pothole(), {"Idempotency-Key": "throttled-0123456789abcdef"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.json_body["error"]["code"] == "busy"


def test_a_contended_staff_change_is_a_503_not_an_edit_conflict(client, people, throttled):
    staff = people("admin")
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    throttled("TransactWriteItems", "TransactionCanceledException", ["TransactionConflict", "None", "None"])
    response = client.raw.http.patch(f"/v1/staff/reports/{rid}", body='{"status": "investigating", "public_update": "On it."}',
                                     headers={"Content-Type": "application/json", "If-Match": '"1"', **staff.auth})
    assert response.status_code == 503, response.body
    assert response.headers["Retry-After"] == "1", response.body


def test_a_throttled_read_is_a_503_too(client, throttled):
    throttled("GetItem", "ProvisionedThroughputExceededException")
    response = client.get("/v1/reports/DS-7K3F9Q")
    assert response.status_code == 503 and response.json_body["error"]["code"] == "busy"


def test_only_a_failed_condition_is_an_edit_conflict(client, deps):
    """Someone changed it first: the store says EditConflict (the API's 409)."""
    from chalicelib.handlers.reports.changes import change_state
    from chalicelib.storage.errors import EditConflict
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    stale = deps.reports.get(rid)
    change_state(deps, rid, "investigating")
    stale.priority = "high"
    with pytest.raises(EditConflict):
        deps.reports.save(stale)
