"""What a council holds of people and why, drawn from the code's own data map (storage/data_map.py)
and the council's settings: its record of processing (UK GDPR Article 30) for its administrators,
and its privacy notice (Articles 13 and 14) for anyone, one section per service it offers."""
