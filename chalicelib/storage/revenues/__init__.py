"""The revenues capability's tables (handlers/revenues/ and its neighbours)."""
