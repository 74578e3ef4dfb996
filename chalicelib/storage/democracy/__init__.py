"""The democracy capability's tables (handlers/democracy/ and its neighbours)."""
