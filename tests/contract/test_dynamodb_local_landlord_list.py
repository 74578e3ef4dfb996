"""tests/revenues/test_landlord_claims_fetch.py again, on DynamoDB Local instead
of moto: the list's lease is a conditional PutItem, so the racers' one ask of
the back office, a dead holder's lease taken over and a failure said to those
waiting are the engine's to keep."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("revenues/test_landlord_claims_fetch.py", globals())
