"""What the web app needs to be a council's (GET /v1/council) and the PWA's
manifest, each for the council of the address asked at: read from the
process's copy of the settings, revalidated by their version."""
import re

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, york


def yorks_own(**branding):
    document = york()
    document["branding"] = {**document["branding"], **branding}
    document["words"] = {"home.bin_days": "Bin collection days"}
    document["services"] = {"planning": False}
    return document


def dynamodb_cost(answer):
    """(queries, items) the answer's Server-Timing says it cost."""
    found = re.search(r"queries=(\d+) items=(\d+)", answer.headers.get("Server-Timing", ""))
    return tuple(map(int, found.groups()))


def test_each_address_is_answered_with_its_own_councils_names_colour_contact_words_and_services(client, deps):
    add(deps, yorks_own(colour="#0b5a32", email="contact@york.example.gov.uk"), north_lanarkshire())
    yorks = client.get("/v1/council", at(YORK_HOST)).json_body
    theirs = client.get("/v1/council", at(NL_HOST)).json_body
    assert (yorks["id"], yorks["name"], yorks["short_name"]) == ("york", "City of York Council", "York")
    assert yorks["branding"]["colour"] == "#0b5a32" and yorks["branding"]["email"] == "contact@york.example.gov.uk"
    assert yorks["words"] == {"home.bin_days": "Bin collection days"}
    assert yorks["services"]["planning"] is False and yorks["services"]["bulky"] is True
    assert (theirs["id"], theirs["name"], theirs["jurisdiction"]) == (
        "north-lanarkshire", "North Lanarkshire Council", "scotland")
    assert theirs["branding"]["colour"] == "#5a2d82" and theirs["branding"]["phone"] == "01698 403200"
    assert theirs["words"] == north_lanarkshire()["words"] and all(theirs["services"].values())  # its own examples
    # the map opens on the council's own area: Motherwell's, not York's
    assert 55.7 < theirs["map"]["centre"]["lat"] < 56.0 and -4.2 < theirs["map"]["centre"]["lon"] < -3.7


def test_a_warm_function_reads_nothing_for_the_council_page_and_a_kept_copy_is_revalidated_by_its_version(
        client, deps):
    from chalicelib.councils import settings
    store = add(deps, york(), north_lanarkshire())
    first = client.get("/v1/council", at(NL_HOST))
    assert first.status_code == 200 and dynamodb_cost(first)[1] >= 1  # the cold function read its settings
    warm = client.get("/v1/council", at(NL_HOST))
    assert dynamodb_cost(warm) == (0, 0)
    etag = warm.headers["ETag"]
    assert warm.headers["Cache-Control"] == "no-cache" and etag == first.headers["ETag"]
    assert client.get("/v1/council", at(NL_HOST, {"If-None-Match": etag})).status_code == 304
    # York's is another document: its own tag, never NL's copy
    assert client.get("/v1/council", at(YORK_HOST, {"If-None-Match": etag})).status_code == 200
    changed = dict(north_lanarkshire(), branding={"colour": "#00594f"})
    settings.write(store, changed, 1, deps.clock(), "test")
    again = client.get("/v1/council", at(NL_HOST, {"If-None-Match": etag}))
    assert again.status_code == 200 and again.json_body["branding"]["colour"] == "#00594f"
    assert again.headers["ETag"] != etag


def test_the_default_address_before_any_settings_are_stored_is_answered_with_the_councils_id(client):
    answer = client.get("/v1/council", at("localhost:8000"))
    assert answer.status_code == 200
    assert (answer.json_body["id"], answer.json_body["version"]) == ("york", 0)
    assert answer.json_body["branding"]["colour"] == "#1d4f91"  # the app's own


def test_each_councils_manifest_names_it_in_its_colour_and_the_deployments_icons_are_the_default(client, deps):
    add(deps, york(), north_lanarkshire())
    answer = client.get("/v1/council/manifest.webmanifest", at(NL_HOST))
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/manifest+json"
    manifest = answer.json_body
    assert (manifest["name"], manifest["short_name"], manifest["theme_color"]) == (
        "North Lanarkshire Council", "North Lanarkshire", "#5a2d82")
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/" and manifest["id"] == "/"
    assert {"192x192", "512x512"} <= {i["sizes"] for i in manifest["icons"] if i["type"] == "image/png"}
    assert client.get("/v1/council/manifest.webmanifest", at(YORK_HOST)).json_body["theme_color"] == "#1d4f91"


def test_the_app_links_the_manifest_of_the_council_it_is_opened_at():
    from pathlib import Path
    page = (Path(__file__).resolve().parents[2] / "web" / "index.html").read_text()
    assert '<link rel="manifest" href="/v1/council/manifest.webmanifest">' in page


def test_the_deployments_icons_the_manifest_names_are_the_sizes_it_says():
    from pathlib import Path

    from PIL import Image

    from chalicelib.handlers.council.page import DEFAULT_ICONS
    web = Path(__file__).resolve().parents[2] / "web"
    for icon in DEFAULT_ICONS:
        assert (web / icon["src"].lstrip("/")).is_file(), icon["src"]
        if icon["type"] == "image/png":
            with Image.open(web / icon["src"].lstrip("/")) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]


def test_a_council_with_icons_of_its_own_is_installed_with_them(client, deps):
    icons = [{"src": "https://www.northlanarkshire.gov.uk/app-512.png", "sizes": "512x512", "type": "image/png"}]
    add(deps, york(), dict(north_lanarkshire(), branding={"colour": "#5a2d82", "icons": icons}))
    assert client.get("/v1/council/manifest.webmanifest", at(NL_HOST)).json_body["icons"] == icons
