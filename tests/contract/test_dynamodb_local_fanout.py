"""tests/alerts/test_fanout.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("alerts/test_fanout.py", globals())
