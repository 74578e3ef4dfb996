"""tests/hire/test_hire_twins.py again on DynamoDB Local instead of moto: a
booking sent twice at once with one Idempotency-Key is one booking in either
order, as the real engine reports a cancelled transaction's reasons."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("hire/test_hire_twins.py", globals())
