"""tests/containers/test_container_cancelling.py's races again, on DynamoDB
Local instead of moto: twelve cancelling one request make one cancellation and
one refund; the refund's effect and its backstop racing refund once; and
tests/containers/test_container_staff.py's restock sent five times at once,
counted once (the stock's version condition); and missed bins reading the
property index at the delivery's boundary."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("containers/test_container_cancelling.py", globals(), only=("racing", "four_at_once", "job_is_done"))
rerun("containers/test_container_staff.py", globals(), only=("restock_is_counted", "by_status_and_depot"))
rerun("containers/test_container_missed_after_delivery.py", globals(), only=("the_next_one_does",))
