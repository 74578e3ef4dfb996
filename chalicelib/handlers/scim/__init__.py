"""SCIM 2.0 (RFC 7643, RFC 7644) at each council's address: its directory provisions its officers here, and
their desks follow from their groups (docs/decisions/staff-sign-in.md, joiners and leavers)."""
