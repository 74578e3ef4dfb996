"""Channels that reach people: e-mail (SES), SMS (SNS), Web Push; and the outbox."""
