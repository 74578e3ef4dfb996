"""tests/waste/test_bulky_change_race.py again, on DynamoDB Local instead of
moto: ten residents moving onto one last place, on Amazon's own engine."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("waste/test_bulky_change_race.py", globals())
