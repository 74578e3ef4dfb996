"""tests/staff/test_inspect.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("staff/test_inspect.py", globals(),
      only=("carries_its_version", "stale_etag", "nothing_changed", "without_if_match"))
