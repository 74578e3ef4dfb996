"""tests/api/test_reports_api.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("api/test_reports_api.py", globals(), only=("public_view_never", "track_report_with_token"))
