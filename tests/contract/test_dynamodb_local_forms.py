"""tests/forms again, on DynamoDB Local, where the outcome is the engine's:
three sends at once (a transaction on the seq's condition), a start claimed
by its Idempotency-Key, versions moved by If-Match, a resume link spent once,
what a page saved and a submission cost, a form's webhook post waiting in
the outbox's sparse index and claimed by one of three sweeps at once, and a
form's case redacted through its versioned transaction."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("forms/test_completing_forms.py", globals(), only=("three_sends", "keeps_the_version", "idempotency_key"))
rerun("forms/test_save_and_come_back.py", globals(), only=("another_browser", "five_wrong", "costs"))
rerun("forms/test_managing_forms.py", globals(), only=("if_match",))
# A form's fee: return, webhooks, the page asking and the job at once send it once; "pay" pressed together makes
# one payment; and what a pay start and the send after payment cost.
rerun("forms/test_form_fee.py", globals(), only=("at_once", "same_payment", "cost"))  # "at_once": both races
rerun("forms/test_form_webhook.py", globals(), only=("down_all_night", "two_sweeps_at_once"))
rerun("forms/test_form_case_retention.py", globals(), only=("closed_cases_answers", "staff_change_as_it"))
