"""The waste capability's tables (handlers/waste/ and its neighbours)."""
