"""The twins' tests (one create sent twice at once with one Idempotency-Key,
its steps held to each order that once lost one) again on DynamoDB Local
instead of moto: the real engine gives a cancelled transaction's reasons."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401
from tests.participation.conftest import council  # noqa: F401  (the meetings in our copy, the clock pinned)

rerun("hire/test_hire_twins.py", globals())
rerun("containers/test_container_twins.py", globals())
rerun("participation/test_speaking_twins.py", globals())
rerun("appointments/test_appointment_twins.py", globals())
rerun("waste/test_bulky_twins.py", globals())
rerun("bills/test_payment_link_twins.py", globals())
rerun("consultations/test_consultation_twins.py", globals())
rerun("repairs/test_repair_twins.py", globals())
rerun("bills/test_paying_twins.py", globals())
