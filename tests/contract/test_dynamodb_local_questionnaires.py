"""tests/questionnaires/test_answering.py and test_sending.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("questionnaires/test_answering.py", globals(), only=("safe_retry",))
rerun("questionnaires/test_sending.py", globals(), only=("reads_what_is_due", "asked_once"))
