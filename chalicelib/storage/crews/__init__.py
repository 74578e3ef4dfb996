"""The crews capability's tables (handlers/crews/ and its neighbours)."""
