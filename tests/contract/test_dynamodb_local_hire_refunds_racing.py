"""tests/hire/test_hire_refunds_racing.py again, on DynamoDB Local: the block's
refund refused while the club's same-sized refund is made and recorded
never takes the club's as its own (the payment's place for asking is a
conditional write, which the engine decides)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("hire/test_hire_refunds_racing.py", globals(), only=("racing",))
