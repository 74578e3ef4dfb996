"""Moderation: staff edit a public report's words and hide its photos, keeping
the original for staff; a reporter withdraws a photo of theirs."""
