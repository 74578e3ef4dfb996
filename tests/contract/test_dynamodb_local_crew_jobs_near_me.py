"""tests/crews/test_jobs_near_me.py again, on DynamoDB Local instead of moto: the tests whose
outcome depends on the engine (key ranges, read costs, conditional writes); the refusals of
bad input and the access rules are logic moto runs the same way."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("crews/test_jobs_near_me.py", globals(), only=("assignment_makes", "nearest_first", "soonest_due_first", "reassigning",
      "closing_the_report", "cost_of_jobs", "raises_a_report"))
