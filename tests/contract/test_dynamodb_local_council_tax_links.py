"""tests/revenues/test_linking.py's race and its journey again, on DynamoDB Local instead of
moto: four presses of "link" at once make one link and one audit entry on Amazon's own
engine's conditions, and unlinking is audited in its transaction."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401
from support.revenues_support import civica, council_morning  # noqa: F401

rerun("revenues/test_linking.py", globals(), only=("at_once", "unlinking_removes"))
