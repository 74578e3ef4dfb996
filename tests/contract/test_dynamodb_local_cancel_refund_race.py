"""tests/waste/test_cancel_refund_from_its_event.py's race again, on DynamoDB
Local instead of moto: a cancellation's event handed to four workers at once
refunds once (the effect's claim is a conditional write on Amazon's own
engine), and its crash case on the same engine."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("waste/test_cancel_refund_from_its_event.py", globals(), only=("at_once", "dies_right_after"))
