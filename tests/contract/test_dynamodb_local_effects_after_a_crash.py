"""tests/waste/test_not_collected_after_a_crash.py,
test_payment_settles_after_a_crash.py, a change's receipt and a form sent
(tests/forms/test_form_effects_after_a_crash.py) again, on DynamoDB Local instead of
moto: the event written in the change's transaction (a conditional put beside
the payment's update), the effect's claim (a conditional update creating its
row, re-taken once stale) on Amazon's own engine."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("waste/test_not_collected_after_a_crash.py", globals())
rerun("waste/test_payment_settles_after_a_crash.py", globals())
rerun("waste/test_change_receipt_after_a_crash.py", globals())
rerun("forms/test_form_effects_after_a_crash.py", globals())
