"""tests/alerts/test_dispatch.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("alerts/test_dispatch.py", globals(),
      only=("reads_only", "redelivering", "stale_claim", "two_matching", "wards_followers", "areas_around"))
