"""The repairs capability's tables (handlers/repairs/ and its neighbours)."""
