"""tests/cli/test_effects_again.py again, on DynamoDB Local instead of moto: the operator's list of given-up
effects is a sparse index, and an effect run again leaves it (its key removed), at one council only."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("cli/test_effects_again.py", globals())
