"""tests/api/test_photo_links.py again, on DynamoDB Local instead of moto: the upload
row kept once attached (its TTL attribute removed in the attaching transaction)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("api/test_photo_links.py", globals(), only=("went_private", "kept"))
