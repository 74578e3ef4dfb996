"""tests/scim/test_provisioning_once.py's races again, on DynamoDB Local instead of moto: racing provisioning
calls for one user make one user (the userName's key row is a conditional write on Amazon's own engine), and
racing changes and memberships each stand, with a line each in the council's provisioning log."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("scim/test_provisioning_once.py", globals(), only=("racing",))
