"""What the browser is told to refuse, on the app's pages and on every API
answer alike (the local server and CloudFront send the same words).

The app (web/) is plain modules loaded from its own origin: no inline script
or style, no eval, so the policy can be strict. A script that got into a page
anyway (a report's words inserted as HTML) would be refused by it, and could
not send a signed-in resident's tokens anywhere but the app's own API.

- img-src allows https: for the map's tiles (web/config.json names the tile
  service; it is the council's choice) and the photos' storage, whose address
  is the deployment's;
- connect-src adds the photo uploads' origin (a presigned S3 form POST);
- Referrer-Policy sends other origins the app's origin alone: tile services ask
  for a referrer, and a tracking link's token never leaves in one.
"""

# API answers are JSON, XML, RSS, iCalendar: nothing in them should run or frame.
API = {"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
       "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}


def content_security_policy(upload_origins=()):
    """The app's policy; upload_origins: where photos are POSTed and served from
    when that is not the app's own origin (S3, or the local emulator)."""
    extra = " ".join(sorted(set(upload_origins)))
    return "; ".join(part.strip() for part in (
        "default-src 'self'", "script-src 'self'", "style-src 'self'",
        f"img-src 'self' data: blob: https: {extra}", f"connect-src 'self' {extra}",
        "font-src 'self'", "manifest-src 'self'", "worker-src 'self'", "object-src 'none'",
        "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"))


def for_app(upload_origins=()):
    """The headers of the app's own files (index.html and its modules)."""
    return {"Content-Security-Policy": content_security_policy(upload_origins),
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin",
            "X-Frame-Options": "DENY"}
