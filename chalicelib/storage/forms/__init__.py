"""The forms capability's tables (handlers/forms/ and its neighbours)."""
