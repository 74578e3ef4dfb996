"""tests/waste/test_garden_subscriptions.py's races again, on DynamoDB Local instead of moto:
two of a household subscribing at once make one subscription and one payment, and a
declined card's claim is given back, on Amazon's own engine's conditions."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("waste/test_garden_subscriptions.py", globals(), only=("at_once", "free_to_subscribe_again"))
