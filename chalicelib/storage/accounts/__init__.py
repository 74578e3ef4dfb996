"""The accounts capability's tables (handlers/accounts/ and its neighbours)."""
