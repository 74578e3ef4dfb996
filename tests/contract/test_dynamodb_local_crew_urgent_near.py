"""tests/crews/test_urgent_near.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("crews/test_urgent_near.py", globals(),
      only=("late_one", "moved_to_another_team", "pushed_with_its_distance", "subscribing_again"))
