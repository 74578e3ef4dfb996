"""tests/api/test_me_too_withdrawal.py again, on DynamoDB Local instead of moto: six
withdrawals of one support at once take off one, on Amazon's own engine's transactions,
and the export's by_person index."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("api/test_me_too_withdrawal.py", globals(), only=("at_once", "export", "drifted"))
