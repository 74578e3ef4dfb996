"""Forwarding: reports sent to the bodies that act on them (Open311, e-mail),
tried again when a body is down, and what the bodies say back."""
