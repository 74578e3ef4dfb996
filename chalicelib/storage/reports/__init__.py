"""The reports capability's tables (handlers/reports/ and its neighbours)."""
