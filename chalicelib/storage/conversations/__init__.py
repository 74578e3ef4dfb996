"""The conversations capability's tables (handlers/conversations/ and its neighbours)."""
