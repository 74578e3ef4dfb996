"""The bodies capability's tables (handlers/bodies/ and its neighbours)."""
