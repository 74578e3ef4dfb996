"""Payments: card payments through a provider shaped like GOV.UK Pay, for any
capability that charges (bulky waste first). Card data never reaches Doorstep."""
