"""tests/waste/test_bulky_race.py again, on DynamoDB Local instead of moto:
50 concurrent bookings for 10 places on Amazon's own engine."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("waste/test_bulky_race.py", globals())
