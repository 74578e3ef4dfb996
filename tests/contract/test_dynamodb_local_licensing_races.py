"""tests/licensing's races again, on DynamoDB Local instead of moto: two giving
the last temporary event notice of a hall's year at once (one is given, the
other refused and refunded, the tally 15), two renew presses at once making one
renewal, a failed payment putting a case back to draft, two presses paying one
annual fee, and a notice withdrawn while another is given for the same hall,
on Amazon's own engine: the tallies' and the case's conditional writes are
what these test."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("licensing/test_temporary_event_notices.py", globals(), only=("at_once",))
rerun("licensing/test_renewals.py", globals(), only=("at_once",))
rerun("licensing/test_applicant_told_and_payment_ended.py", globals(), only=("keeps_changing",))
rerun("licensing/test_annual_fee.py", globals(), only=("at_once",))
rerun("licensing/test_notice_withdrawal.py", globals(), only=("at_once",))
