"""tests/hire/test_hire_refund_backstop.py's races again, on DynamoDB Local: the
backstop raced with the late effect, and with itself, on a barrier, refunds
once; and a booking leaves the due index (a sparse key range) once its refund is made."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("hire/test_hire_refund_backstop.py", globals(),
      only=("barrier", "never_ran_is_refunded_once_by_the_backstop_after"))
