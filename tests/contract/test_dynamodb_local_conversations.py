"""tests/conversations/test_staff_desk.py again, on DynamoDB Local: two officers
pressing take at once are decided by the engine's own conditional transaction,
and the officer's count holds under it; and tests/conversations/test_search.py:
a search's Query and BatchGetItem, and the links a transaction writes."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("conversations/test_staff_desk.py", globals())
rerun("conversations/test_search.py", globals())
