"""An outside geocoder for free-text addresses the council's own address table
does not know (Open311 `address_string`), named by DOORSTEP_GEOCODER.

DOORSTEP_GEOCODER (read at every call) is JSON: {"service": "nominatim",
"options": {"user_agent": "doorstep-york", "domain": "nominatim.openstreetmap.org"}}.
`service` is a geopy service name, `options` its geocoder class's keyword
arguments. Unset or empty: no geocoder, nothing leaves the council's own data.

geopy is imported here, inside the call, never at module level: importing
geopy.geocoders costs hundreds of milliseconds (it loads every geocoder), which
every cold start would pay otherwise.
"""
import json
import logging
import os

ENV = "DOORSTEP_GEOCODER"
TIMEOUT_S = 5  # a partner waits on this; past it they are asked for lat and long
MAX_ADDRESS = 200  # characters of the geocoder's address line kept on a report

log = logging.getLogger(__name__)


class GeocoderUnavailable(Exception):
    """The geocoder did not answer (error, timeout, or a bad configuration)."""


class Place:
    def __init__(self, lat, lon, address):
        self.lat, self.lon, self.address = lat, lon, address


def configured():
    return bool(os.environ.get(ENV, "").strip())


def _config():
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return None
    try:
        config = json.loads(raw)
        service = config["service"]
        options = config.get("options") or {}
        if not isinstance(service, str) or not service or not isinstance(options, dict):
            raise ValueError("service must be a name and options an object")
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        log.error("%s is not valid: %s", ENV, e)
        raise GeocoderUnavailable(f"{ENV} is not valid") from None
    return service, dict(options)


def geocode(text, area):
    """(Place, None) for the geocoder's answer inside `area`, or (None, why)
    when it has no answer or places the text outside the area. None, "no
    geocoder" when DOORSTEP_GEOCODER is unset. Raises GeocoderUnavailable."""
    config = _config()
    if config is None:
        return None, "no geocoder is configured"
    service, options = config
    from geopy.exc import GeopyError
    from geopy.geocoders import Nominatim, get_geocoder_for_service

    try:
        cls = get_geocoder_for_service(service)
        options.setdefault("timeout", TIMEOUT_S)
        geocoder = cls(**options)
        query = {"exactly_one": True, "timeout": min(float(options["timeout"] or TIMEOUT_S), TIMEOUT_S)}
        bbox = getattr(area, "bbox", None)
        if bbox and issubclass(cls, Nominatim):
            w, s, e, n = bbox  # Nominatim searches inside the council's box only
            query.update(viewbox=[(s, w), (n, e)], bounded=True)
        found = geocoder.geocode(text, **query)
    except GeopyError as e:
        # Its kind, not its words: an HTTP library's words can carry the URL, with the address asked for.
        log.warning("geocoder %s failed: %s", service, type(e).__name__)
        raise GeocoderUnavailable(str(e)) from None
    except (TypeError, ValueError) as e:  # unknown options, a bad value in them
        log.error("geocoder %s could not be used: %s", service, e)
        raise GeocoderUnavailable(str(e)) from None
    if found is None:
        return None, "the geocoder found no such place"
    lat, lon = float(found.latitude), float(found.longitude)
    if not area.contains(lon, lat):
        return None, f"the geocoder placed it outside the area {getattr(area, 'name', None) or 'this council'} " \
                     "looks after"
    address = " ".join(str(found.address or "").split())[:MAX_ADDRESS]
    return Place(lat, lon, address), None
