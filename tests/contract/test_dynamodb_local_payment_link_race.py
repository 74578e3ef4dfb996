"""tests/bills/test_payment_links.py's race again, on DynamoDB Local instead of
moto: payers opening one staff payment link at the same moment make one
payment (the link's use is a conditional update on Amazon's own engine)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("bills/test_payment_links.py", globals(), only=("racing",))
