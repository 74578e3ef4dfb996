"""tests/democracy/test_told_after_a_correction.py again, on DynamoDB Local instead of moto: the
correction and its event in one transaction under the tags' version condition."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("democracy/test_told_after_a_correction.py", globals())
