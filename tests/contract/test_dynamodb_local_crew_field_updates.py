"""tests/crews/test_field_updates.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("crews/test_field_updates.py", globals(),
      only=("offline_queue", "however_often", "stale_if_match", "reused_with_another_body"))
