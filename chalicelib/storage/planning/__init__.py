"""The planning capability's tables (handlers/planning/ and its neighbours)."""
