"""tests/bills/test_payment_references.py's clash again, on DynamoDB Local
instead of moto: a payment reference another bill has fails the bill's
transaction on its own row, and is drawn again."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("bills/test_payment_references.py", globals(), only=("drawn_again",))
