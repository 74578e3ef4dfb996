"""The places capability's tables (handlers/places/ and its neighbours)."""
