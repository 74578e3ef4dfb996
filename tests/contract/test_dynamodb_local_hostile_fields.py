"""tests/api/test_fuzz_hostile_fields.py again, on DynamoDB Local: moto takes a
key of any size, the engine refuses one over 2,048 bytes (and an empty one),
so only here does an id that reached a key unchecked show as a 500. Bodies get
only the over-long value here: a field of the wrong type (an object, a list)
is refused in Python before any call, on moto and the engine alike, and moto's
run sends those."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

LONG = "A" * 3000  # over DynamoDB's 2,048-byte key, as the moto run's
rerun("api/test_fuzz_hostile_fields.py", globals(), overrides={"HOSTILE_FIELDS": (LONG,)})
