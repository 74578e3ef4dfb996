"""The contract tests really store their data in DynamoDB Local."""
import json
import urllib.request

from conftest import pothole
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, storage  # noqa: F401
from contract.engine_session import engine_url


def engine_call(operation, body):
    # Plain urllib, which moto's in-process mock does not intercept.
    request = urllib.request.Request(engine_url(), data=json.dumps(body).encode(), headers={
        "X-Amz-Target": f"DynamoDB_20120810.{operation}", "Content-Type": "application/x-amz-json-1.0",
        "Authorization": "AWS4-HMAC-SHA256 Credential=local/20260101/eu-west-2/dynamodb/aws4_request, "
                         "SignedHeaders=host, Signature=0"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_a_report_created_through_the_api_is_in_dynamodb_local(client):
    from chalicelib.storage.reports.reports import ReportModel
    report_id = client.post("/v1/reports", pothole()).json_body["id"]
    item = engine_call("GetItem", {"TableName": ReportModel.Meta.table_name, "Key": {"id": {"S": f"york|{report_id}"}},
                                   "ConsistentRead": True})
    assert item["Item"]["id"] == {"S": f"york|{report_id}"}  # the council first in its key
    assert ReportModel.Meta.host == engine_url()


def test_the_events_table_has_the_stream_the_dispatcher_reads(storage):
    from chalicelib.storage.reports.reports import EventModel
    table = engine_call("DescribeTable", {"TableName": EventModel.Meta.table_name})["Table"]
    assert table["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}



def test_a_table_a_killed_child_wrote_is_among_those_the_next_test_empties(client):
    """The kill matrix's steps write from forked children that die by SIGKILL, never telling this
    process; the next test's set-up must still empty what they wrote (a ledger row left behind was
    once counted by the next test's day). Each child notes a table before writing to it."""
    from chalicelib import faults
    from chalicelib.storage.reports.reports import ReportModel
    from contract.dynamodb_local_backend import _WRITTEN
    from support.kill_support import killed_at
    table = ReportModel.Meta.table_name
    _WRITTEN.discard(table)

    def step():
        assert client.post("/v1/reports", pothole()).status_code == 201
        faults.boundary("test.written")  # armed: dies here
    killed_at("test.written", step)
    assert table not in _WRITTEN  # this process never saw the write...
    assert engine_call("Scan", {"TableName": table, "Select": "COUNT", "ConsistentRead": True})["Count"] == 1
    _WRITTEN.take_in_childrens_writes()  # ...and the storage fixture's set-up takes in the child's note
    assert table in _WRITTEN


def test_the_next_tests_categories_are_the_demos_again_and_untouched_ones_are_not_loaded_again(
        storage, dynamodb_local_tables):
    """A test that changes a category leaves the next one the demo's 19 again; after a test that did not,
    the set-up writes nothing to the categories (it once emptied and loaded them before every test)."""
    from chalicelib.storage import metering
    from chalicelib.storage.reports.services import ServiceModel, ServiceStore
    from contract.dynamodb_local_backend import start_from_empty
    _, keys = dynamodb_local_tables
    table = ServiceModel.Meta.table_name
    demo = ServiceStore().all()
    assert len(demo) == 19
    ServiceStore().put({**demo[0], "service_name": "Renamed by a test"})  # a test changes a category
    start_from_empty(keys)  # the next test's set-up
    assert ServiceStore().all() == demo
    with metering.metered() as untouched:
        start_from_empty(keys)  # after a test that did not touch them
    assert engine_call("Scan", {"TableName": table, "Select": "COUNT", "ConsistentRead": True})["Count"] == 19
    assert untouched.calls == 0, untouched.calls
