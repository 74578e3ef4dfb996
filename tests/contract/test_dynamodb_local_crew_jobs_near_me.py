"""tests/crews/test_jobs_near_me.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("crews/test_jobs_near_me.py", globals())
