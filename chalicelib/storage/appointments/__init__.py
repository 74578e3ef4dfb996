"""The appointments capability's tables (handlers/appointments/ and its neighbours)."""
