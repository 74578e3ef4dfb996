"""tests/bills/test_posting.py's race again, on DynamoDB Local instead of moto:
the return, two webhooks and the reconciliation job at once post a bill's
payment once (the effect's claim and the posting's row are conditional writes
on Amazon's own engine)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("bills/test_posting.py", globals(), only=("at_once",))
