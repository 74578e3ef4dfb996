"""tests/petitions/test_concurrent_signing.py again, on DynamoDB Local, where 200
residents signing and confirming at once are counted by the engine's own ADDs
and conditional writes."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("petitions/test_concurrent_signing.py", globals())
