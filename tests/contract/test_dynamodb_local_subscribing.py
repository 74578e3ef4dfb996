"""tests/alerts/test_subscribing.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("alerts/test_subscribing.py", globals(),
      only=("same_push_subscription", "flood", "held_back_repeat", "follow_is_stored_with_the_report", "renamed_ward"))
