"""tests/alerts/test_alerts_end_to_end.py again, on DynamoDB Local, with alerts
dispatched from the events table's stream as under `make run`."""
from contract.dynamodb_local_backend import aws, dispatcher, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("alerts/test_alerts_end_to_end.py", globals())
