"""tests/crews/test_crew_journey.py again, on DynamoDB Local, with alerts
dispatched from the events table's stream as under `make run`."""
from contract.dynamodb_local_backend import aws, dispatcher, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("crews/test_crew_journey.py", globals())
