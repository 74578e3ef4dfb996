"""Square wards for tests: simple shapes whose answers are easy to see."""


def square(w, s, size):
    """A Polygon ring from (w, s) with sides of `size` degrees."""
    e, n = w + size, s + size
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def ward(ward_id, w, s, size=0.01, name=None, councillors=None):
    from chalicelib.storage.places.wards import Ward
    return Ward(ward_id, name or ward_id.title(), square(w, s, size),
                councillors if councillors is not None else [])


def grid(count, w=-1.20, s=53.88, size=0.01, per_row=20, prefix="g"):
    """`count` touching square wards, `per_row` to a row, from (w, s)."""
    return [ward(f"{prefix}{i:03d}", w + (i % per_row) * size, s + (i // per_row) * size, size)
            for i in range(count)]
