"""tests/participation/test_racing_for_the_last_places.py's race again, on
DynamoDB Local instead of moto: twenty racing for the last three places to
speak get three, the rest a clear "full" (the counter's condition inside each
registration's transaction, as the real engine decides it)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401
from tests.participation.conftest import council  # noqa: F401  (the meetings in our copy, the clock pinned)

rerun("participation/test_racing_for_the_last_places.py", globals(), only=("twenty_racers",))
