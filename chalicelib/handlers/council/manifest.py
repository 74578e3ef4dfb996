"""The PWA's manifest (W3C Web App Manifest) of the address's council: installed, the app is named
as the council and takes its colour; its icons are the council's own, or the deployment's."""
from .page import DEFAULT_COLOUR
from .wording import MANIFEST_DESCRIPTION

DEFAULT_ICONS = (
    {"src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": "/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
    {"src": "/icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
)
CONTENT_TYPE = "application/manifest+json"


def manifest(council):
    branding = (council.document or {}).get("branding") or {}
    return {"name": council.name, "short_name": council.short_name, "description": MANIFEST_DESCRIPTION,
            "lang": "en-GB", "id": "/", "start_url": "/", "scope": "/", "display": "standalone",
            "orientation": "portrait", "background_color": "#ffffff",
            "theme_color": branding.get("colour") or DEFAULT_COLOUR,
            "icons": list(branding.get("icons") or DEFAULT_ICONS)}
