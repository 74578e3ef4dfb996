"""tests/appointments/test_reminders.py and the move/cancel/waiting-list
journeys again, on DynamoDB Local instead of moto: the sparse KEYS_ONLY
reminder index, its pages while the sweep takes rows out of it, and the
offers' expiry under the same index, on Amazon's own engine."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("appointments/test_reminders.py", globals())
rerun("appointments/test_move_cancel_and_waiting_list.py", globals())
