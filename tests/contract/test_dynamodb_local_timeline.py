"""tests/api/test_timeline.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("api/test_timeline.py", globals(), only=("stale_concurrent", "state_change_adds"))
