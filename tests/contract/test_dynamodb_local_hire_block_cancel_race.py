"""tests/hire/test_hire_desk_finished.py's race again, on DynamoDB Local: the
desk cancelling a club's whole block while the club cancels one evening, six
on a barrier, cancel each session once and refund each once; and the block's
one event handed to four workers at once refunds each session once."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("hire/test_hire_desk_finished.py", globals(), only=("racing", "whole_block"))
