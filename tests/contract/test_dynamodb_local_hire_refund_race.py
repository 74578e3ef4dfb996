"""tests/hire/test_hire_refund_from_its_event.py's race again, on DynamoDB
Local: a cancelled session's event handed to four workers at once refunds once."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("hire/test_hire_refund_from_its_event.py", globals(), only=("four_workers",))
