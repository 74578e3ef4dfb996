"""Civica OpenRevenues: the vendor's adapter of the Revenues port (../port.py).

adapter.py speaks its `docid` protocol (sessions, call order), answers.py
reads its XML into the port's values, and payments.py, requests.py and
rents.py hold the writes and reads Stockport's adapter has no call for.
Another vendor's adapter sits beside this folder, not in it. Nothing is
imported here: the folder's modules import one another, and the app pays
for none of them until a back office is asked."""
