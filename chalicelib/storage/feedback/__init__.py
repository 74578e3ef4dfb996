"""The feedback capability's tables (handlers/feedback/ and its neighbours)."""
