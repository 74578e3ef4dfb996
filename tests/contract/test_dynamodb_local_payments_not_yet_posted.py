"""tests/bills/test_linked_council_tax.py's payments the back office does not
show yet, again on DynamoDB Local instead of moto: the account's bills are
read through the bills table's `by_account` index, newest first from the
year's start (a key condition on Amazon's own engine)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("bills/test_linked_council_tax.py", globals(), only=("back_office",))
