"""A council's directory as SCIM provisions it: its users and groups, and its provisioning log."""
