"""tests/api/test_idempotency.py again, on DynamoDB Local instead of moto: the tests whose
outcome depends on the engine (key ranges, read costs, conditional writes); the refusals of
bad input and the access rules are logic moto runs the same way."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("api/test_idempotency.py", globals(), only=("same_idempotency_key", "concurrent_duplicate", "reference_collision",
      "expired_idempotency_key", "twin_took_the_photo"))
