"""Open311 GeoReport v2 (and mySociety's update extension) over the same domain functions
as /v1: only the wire format, in params/serialise and api/open311_formats.py, differs."""
