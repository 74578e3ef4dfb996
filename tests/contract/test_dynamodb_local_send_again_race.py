"""tests/forwarding/test_send_again.py's race, on DynamoDB Local only: staff
pressing "send again" together beside the sweeper's due try, each claim a
single-item conditional write, which moto does not make atomic across threads."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("forwarding/test_send_again.py", globals(), only=("together",))
