"""tests/participation/test_live_question_races.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("participation/test_live_question_races.py", globals())
