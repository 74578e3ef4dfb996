"""Idox Public Access, read as a browser reads it (it has no API)."""
