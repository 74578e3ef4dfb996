"""Alerts: subscriptions and their targets and channels, staff broadcasts, and dispatch
(from an event to exactly one message per person)."""
