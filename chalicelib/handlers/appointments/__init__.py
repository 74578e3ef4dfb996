"""Appointments with staff: services and calendars as data, free slots, holds,
bookings, their messages, the waiting list and the officer's day."""
