"""The hire capability's tables (handlers/hire/ and its neighbours)."""
