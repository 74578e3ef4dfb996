"""tests/containers/test_container_requests.py's race again, on DynamoDB Local
instead of moto: one household racing for one container makes one request."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("containers/test_container_requests.py", globals(), only=("racing",))
