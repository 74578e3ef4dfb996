"""tests/staff/test_inbox.py again, on DynamoDB Local instead of moto: the tests whose
outcome depends on the engine (key ranges, read costs, conditional writes); the refusals of
bad input and the access rules are logic moto runs the same way."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("staff/test_inbox.py", globals(), only=("every_filter", "overdue_first", "keeps_to_the_officers", "search_finds",
      "a_page_reads", "cursor_only", "predate_the_inbox", "assigned_to_any_team"))
