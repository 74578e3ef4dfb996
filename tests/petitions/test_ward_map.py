"""The map of signatures by ward: the wards held, boundaries made light for
a phone, each with the petition's counted signatures."""
import math
from datetime import timedelta

from conftest import store_addresses
from support.petition_support import NOON, at, published, sign_and_confirm


def _circle_ward(ward_id, name, lon, lat, points=2000):
    from chalicelib.storage.places.wards import Ward
    ring = [[lon + 0.01 * math.cos(2 * math.pi * i / points), lat + 0.006 * math.sin(2 * math.pi * i / points)]
            for i in range(points)]
    return Ward(ward_id, name, {"type": "Polygon", "coordinates": [ring + [ring[0]]]})


def test_the_ward_map_gives_every_ward_its_counted_signatures_with_light_boundaries(client, deps):
    store_addresses(deps)
    deps.wards.put_many([_circle_ward("micklegate", "Micklegate", -1.088, 53.956),
                         _circle_ward("bishopthorpe", "Bishopthorpe", -1.098, 53.920),
                         _circle_ward("heworth", "Heworth", -1.060, 53.966)])
    petition = published(deps, sponsors=0)
    now = at(deps, NOON + timedelta(hours=1))
    for n in range(3):
        sign_and_confirm(now, petition["id"], n)
    sign_and_confirm(now, petition["id"], 3, postcode="YO23 1AA")
    sign_and_confirm(now, petition["id"], 4, postcode="YO10 5DD")  # no address held: no ward
    answer = client.get(f"/v1/petitions/{petition['id']}/wards.geojson")
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("application/geo+json")
    doc = answer.json_body
    counts = {f["properties"]["ward"]: f["properties"]["signatures"] for f in doc["features"]}
    assert counts == {"Micklegate": 3, "Bishopthorpe": 1, "Heworth": 0}
    assert (doc["signature_count"], doc["unplaced"]) == (5, 1)
    ring = doc["features"][0]["geometry"]["coordinates"][0]
    assert 8 <= len(ring) <= 200 and ring[0] == ring[-1]  # 2,001 vertices held
    assert "signer" not in answer.body.decode() and "Signer" not in answer.body.decode()
    etag = answer.headers["ETag"]
    assert client.get(f"/v1/petitions/{petition['id']}/wards.geojson", {"If-None-Match": etag}).status_code == 304
    assert client.get("/v1/petitions/PT-7K3F9Q/wards.geojson").status_code == 404
