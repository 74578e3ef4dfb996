"""Live chat with council staff ("Ask us"): conversations, their messages, the staff desk."""
