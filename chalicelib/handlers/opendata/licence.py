"""The licence and publisher the open data carries in its metadata."""
from ...config import open_data
from .wording import ATTRIBUTION, PUBLISHER_UNNAMED, TITLE

LICENCES = {
    "OGL-UK-3.0": ("Open Government Licence v3.0",
                   "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License v1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}


class LicenceUnclear(ValueError):
    """A setting that names no licence: nothing is published rather than data with no terms."""

    def __init__(self, value):
        super().__init__(f"DOORSTEP_OPEN_DATA_LICENCE {value!r} is neither one of {', '.join(LICENCES)} "
                         "nor 'Name|https://url': open data is not published without a licence.")


def metadata(deps):
    """{title, publisher, licence: {id, name, url}, attribution} from the settings."""
    settings = open_data()
    value = settings["licence"].strip()
    if value in LICENCES:
        (name, url), licence_id = LICENCES[value], value
    elif "|" in value and value.split("|", 1)[1].strip().startswith("https://"):
        name, url = (part.strip() for part in value.split("|", 1))
        licence_id = None
    else:
        raise LicenceUnclear(value)
    publisher = settings["publisher"] or getattr(deps.area, "name", None) or PUBLISHER_UNNAMED
    return {"title": TITLE.format(publisher=publisher), "publisher": publisher,
            "licence": {"id": licence_id, "name": name, "url": url},
            "attribution": ATTRIBUTION.format(publisher=publisher, licence=name)}
