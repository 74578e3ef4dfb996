"""tests/api/test_map_api.py again, on DynamoDB Local instead of moto: the tests whose
outcome depends on the engine (key ranges, read costs, conditional writes); the refusals of
bad input and the access rules are logic moto runs the same way."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("api/test_map_api.py", globals(), only=("inside_its_bbox", "cost", "closed_reports", "filters_by_category",
      "capped", "nearby_suggests", "busy_street", "truncated", "12_queries", "query_budget", "dense_view"))
