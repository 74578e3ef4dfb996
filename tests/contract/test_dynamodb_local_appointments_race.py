"""tests/appointments/test_booking_race_and_costs.py again, on DynamoDB Local
instead of moto: 50 concurrent bookings for one slot on Amazon's own engine
(the seat's conditional put against racing transactions), and the same
read costs."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("appointments/test_booking_race_and_costs.py", globals())
