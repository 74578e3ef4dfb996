"""Accounts: registration, sign-in, sessions, single sign-on, My Account, and the
administration of users (the `doorstep users` commands)."""
