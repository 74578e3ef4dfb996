"""tests/feedback/test_figures_store.py's engine-bound tests again, on DynamoDB Local: counts added
at once by many all kept (ADD), a year one Query of what it returns, an answer written once with
its count whoever races (a conditional put in the count's transaction), and a changed answer moving
its count in the same write."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("feedback/test_figures_store.py", globals(), only=("at_once", "one_query", "whoever_races", "same_write"))
rerun("feedback/test_giving_feedback.py", globals(), only=("twenty_changes",))
