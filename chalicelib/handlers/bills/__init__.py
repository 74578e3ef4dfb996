"""Paying any council bill by its reference (issue 38): funds as data, references checked at once."""
