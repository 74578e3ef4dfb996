"""tests/auth/test_accounts_journey.py again, on DynamoDB Local instead of moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("auth/test_accounts_journey.py", globals(),
      only=("registering_a_known_address", "replayed_refresh", "single_use_link", "brute_force", "delete_erases", "claims_earlier"))
