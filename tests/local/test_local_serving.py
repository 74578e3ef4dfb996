"""Which requests to the emulator make the snapshot on disk out of date."""
from __future__ import annotations

import pytest

from doorstep_cli.local.serving import MutationWatcher, is_mutating


def signed(service: str) -> str:
    return (f"AWS4-HMAC-SHA256 Credential=local/20250101/eu-west-2/{service}/aws4_request, "
            "SignedHeaders=host;x-amz-date, Signature=abc")


def environ(method: str = "POST", target: str | None = None, service: str | None = None, query: str = "") -> dict:
    env = {"REQUEST_METHOD": method, "QUERY_STRING": query, "PATH_INFO": "/"}
    if target:
        env["HTTP_X_AMZ_TARGET"] = target
    if service:
        env["HTTP_AUTHORIZATION"] = signed(service)
    return env


@pytest.mark.parametrize("operation", [
    "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems",
    "CreateTable", "DeleteTable", "UpdateTable", "UpdateTimeToLive",
])
def test_dynamodb_writes_are_mutating(operation):
    assert is_mutating(environ(target=f"DynamoDB_20120810.{operation}", service="dynamodb"))


@pytest.mark.parametrize("operation", ["GetItem", "Query", "Scan", "DescribeTable", "ListTables", "TransactGetItems"])
def test_dynamodb_reads_are_not_mutating(operation):
    assert not is_mutating(environ(target=f"DynamoDB_20120810.{operation}", service="dynamodb"))


@pytest.mark.parametrize("method, expected", [
    ("PUT", True), ("POST", True), ("DELETE", True), ("GET", False), ("HEAD", False),
])
def test_s3_writes_are_those_with_write_methods(method, expected):
    assert is_mutating(environ(method=method, service="s3")) is expected


def test_presigned_s3_uploads_are_mutating():
    query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=local%2F20250101%2Feu-west-2%2Fs3%2Faws4_request"
    assert is_mutating(environ(method="PUT", query=query))


@pytest.mark.parametrize("env", [
    environ(target="AmazonSQS.SendMessage", service="sqs"),
    environ(service="sns"),
    environ(service="ses"),
    environ(method="GET"),
])
def test_services_that_are_not_snapshotted_do_not_count(env):
    assert not is_mutating(env)


def test_the_watcher_signals_only_after_the_app_has_handled_the_request():
    events = []

    def app(env, start_response):
        events.append("handled")
        return [b"ok"]

    watcher = MutationWatcher(app, lambda: events.append("mutated"))
    assert watcher(environ(method="PUT", service="s3"), None) == [b"ok"]
    watcher(environ(method="GET", service="s3"), None)
    assert events == ["handled", "mutated", "handled"]
