"""tests/api/test_photos_api.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("api/test_photos_api.py", globals(), only=("two_reports", "taken_before_signing_in"))
