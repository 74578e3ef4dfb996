"""The alerts capability's tables (handlers/alerts/ and its neighbours)."""
