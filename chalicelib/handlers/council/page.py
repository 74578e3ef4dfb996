"""What the web app needs to be a council's (GET /v1/council): its names, branding and contact,
its words over the app's catalogue, the services it offers, where its map opens; and the PWA's
manifest (W3C Web App Manifest), so that installed, the app is named as the council and takes its
colour and icons (its own, or the deployment's). Built from the settings the process keeps
(councils/registry.py), once for each copy kept: a warm function answers with no read and no
work, and a kept copy is revalidated by the settings' version (304)."""
import json
import threading

from ...councils.services import offered
from .wording import MANIFEST_DESCRIPTION

DEFAULT_COLOUR = "#1d4f91"  # the app's own brand (web/css/app.css), for a council that names none
BRANDING = ("colour", "logo", "phone", "emergency_phone", "email", "website")
DEFAULT_ICONS = (
    {"src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": "/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
    {"src": "/icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
)
MANIFEST = "application/manifest+json"
_made = {}
_lock = threading.Lock()


def etag(council):
    """The settings' version, named with the council's id: a copy of one council's is never another's."""
    return f'"{council.id}-{council.version}"'


def made(council, kind, build):
    """build(council) serialised once per council and kind for each copy of its settings the process
    keeps (councils/registry.py reads them again at most every 5 minutes)."""
    with _lock:
        kept = _made.get((council.id, kind))
    if kept is not None and kept[0] is council.document:
        return kept[1]
    body = json.dumps(build(council), separators=(",", ":"), ensure_ascii=False)
    with _lock:
        _made[(council.id, kind)] = (council.document, body)
    return body


def view(council):
    document = council.document or {}
    branding = {"colour": DEFAULT_COLOUR, **(document.get("branding") or {})}
    centre = centre_of(document.get("area"))
    return {"id": council.id, "name": council.name, "short_name": council.short_name,
            "jurisdiction": council.jurisdiction, "version": council.version,
            "branding": {name: branding.get(name) for name in BRANDING},
            "services": offered(document), "instead": dict(document.get("instead") or {}),
            "words": dict(document.get("words") or {}),
            "map": {"centre": centre} if centre else None}


def manifest(council):
    branding = (council.document or {}).get("branding") or {}
    return {"name": council.name, "short_name": council.short_name, "description": MANIFEST_DESCRIPTION,
            "lang": "en-GB", "id": "/", "start_url": "/", "scope": "/", "display": "standalone",
            "orientation": "portrait", "background_color": "#ffffff",
            "theme_color": branding.get("colour") or DEFAULT_COLOUR,
            "icons": list(branding.get("icons") or DEFAULT_ICONS)}


def centre_of(area):
    """The middle of the area's bounding box ({lat, lon}), or None for a council with no area stored."""
    if not area:
        return None
    rings = area["coordinates"] if area["type"] == "Polygon" else [r for p in area["coordinates"] for r in p]
    points = [p for ring in rings for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return {"lat": round((min(lats) + max(lats)) / 2, 5), "lon": round((min(lons) + max(lons)) / 2, 5)}


def revalidated(request, council, body, content_type):
    """200 with `body`, or 304 when the copy the client names is this version's. no-cache: a change
    an administrator makes shows on the next page load, at the cost of a bodiless answer."""
    from chalice.app import Response
    tag = etag(council)
    headers = {"ETag": tag, "Cache-Control": "no-cache", "Vary": "Host"}
    asked = (request.headers or {}).get("if-none-match") or ""
    if tag in {t.strip().removeprefix("W/") for t in asked.split(",")}:
        return Response(body="", status_code=304, headers=headers)
    return Response(body=body, status_code=200, headers={"Content-Type": content_type, **headers})
