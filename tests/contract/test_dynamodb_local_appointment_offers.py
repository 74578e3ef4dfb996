"""tests/appointments/test_offer_moves_the_booking.py and
test_leaving_the_waiting_list.py again, on DynamoDB Local instead of moto: an
offer taken as a move in one transaction (its cost too), raced against itself
and a second resident booking the freed seat, and an offer let go with the
resident's place, on Amazon's own engine."""
from appointments.conftest import demo  # noqa: F401  (the module's fixture lives in its conftest)
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("appointments/test_offer_moves_the_booking.py", globals())
rerun("appointments/test_leaving_the_waiting_list.py", globals(), only=("leave_link_lets",))
