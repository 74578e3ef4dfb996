"""A council's colour is behind the header's white words (web/css/app.css): it
must leave them readable, WCAG 2.2's 4.5:1 for text (1.4.3, Contrast Minimum)."""
from . import wording as words

WHITE = "#ffffff"
LEAST_CONTRAST = 4.5


def luminance(colour):
    """WCAG's relative luminance of "#rrggbb"."""
    def linear(part):
        c = int(part, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def problems(branding):
    """[(path, reason)] when white words on the branding's colour are too faint to read."""
    colour = branding.get("colour") if isinstance(branding, dict) else None
    if not isinstance(colour, str) or len(colour) != 7:
        return []
    try:
        ratio = contrast(colour, WHITE)
    except ValueError:
        return []  # not a colour at all: the schema says so
    return [] if ratio >= LEAST_CONTRAST else [("$.branding.colour", words.too_light(ratio, LEAST_CONTRAST))]
