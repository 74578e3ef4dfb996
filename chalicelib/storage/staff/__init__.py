"""The staff capability's tables (handlers/staff/ and its neighbours)."""
