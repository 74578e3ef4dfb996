"""tests/hire/test_hire_bookings.py's races again, on DynamoDB Local instead
of moto: twenty racing for one hour get one booking; one resident holds one
booking at a time; a lapsed hold's hours are taken over and its late payment refunded."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("hire/test_hire_bookings.py", globals(), only=("racing", "holds_one_booking", "never_comes_back"))
