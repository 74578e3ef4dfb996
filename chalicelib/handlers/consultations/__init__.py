"""Consultations: a form (the forms engine) that opens and closes on time, with its
areas and topics, responses counted by ward, and "We asked, you said, we did"."""
