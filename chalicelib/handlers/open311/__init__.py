"""Open311 GeoReport v2 (and mySociety's update extension) over the same domain functions
as /v1: only the wire format, in formats/params/serialise, differs."""
