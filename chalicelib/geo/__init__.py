"""Pure geometry helpers: geohash cells, distances, polygons, GeoJSON output.

Everything here takes coordinates in (lon, lat) order, as GeoJSON does, and
does no I/O except `polygon.load_area`, which reads the file it is given.
"""
