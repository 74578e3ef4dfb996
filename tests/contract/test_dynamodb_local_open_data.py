"""tests/opendata/test_open_data_export.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("opendata/test_open_data_export.py", globals(), only=("month_partitions",))
