"""tests/staff/test_duplicates.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("staff/test_duplicates.py", globals(), only=("one_change", "told_once"))
