"""tests/forwarding/test_send_again.py's race again, on DynamoDB Local: staff
pressing "send again" together beside the sweeper's due try, each claim a
conditional write on the real engine (and each press's audit a transaction,
which moto's in-process engine is not safe to run concurrently)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("forwarding/test_send_again.py", globals(), only=("together",))
