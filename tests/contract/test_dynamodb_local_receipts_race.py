"""tests/waste/test_receipts_outbox.py's race again, on DynamoDB Local instead of moto:
senders running at once send a waiting receipt once, on Amazon's own engine's
conditions (the claim's condition is the whole of the promise)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("waste/test_receipts_outbox.py", globals(), only=("at_once",))
