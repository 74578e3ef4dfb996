"""tests/waste/test_missed_bins.py again, on DynamoDB Local, where residents
reporting one missed bin at once are decided by the engine's own conditional put."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("waste/test_missed_bins.py", globals(), only=("at_once", "merged"))
