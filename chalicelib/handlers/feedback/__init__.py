"""Feedback at the end of every transaction, and the figures of channel shift (issue 72)."""
