"""tests/hire/test_hire_staff_calendar.py's race again, on DynamoDB Local: staff
closing an evening while eight residents race to book it leave it one owner."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("hire/test_hire_staff_calendar.py", globals(), only=("race",))
