"""Resident accounts: passwords, tokens and the rest of signing in.

Standard library only, because this runs on Lambda where compiled wheels
(argon2-cffi and the like) would have to match Amazon Linux.
"""
