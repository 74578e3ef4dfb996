"""A point this council does not look after (no body of its own holds it): the
resident is told where it can be reported instead. Another council of the
deployment whose area holds it is named, with its own address; a point no
council of the deployment looks after is refused with FixMyStreet's page for
it, as FixMyStreet's council sites send people to its national site."""
from .. import tenancy
from .. import wording as general
from ..errors import OutsideServiceArea, Unacceptable
from . import wording as words

REPORT_PATH = "/report/category"  # where reporting starts on a council's site


class ReportElsewhere(Unacceptable):
    """422 another_councils_area: the point is another council's of this deployment."""
    code = "another_councils_area"

    def __init__(self, council, url, field, noun):
        super().__init__(words.ELSEWHERE.format(noun=noun, name=council.name, url=url),
                         fields=[{"field": field, "message": words.ELSEWHERE_FIELD.format(name=council.name)}],
                         report_at={"council": council.id, "name": council.name, "url": url})


class NoCouncilServes(OutsideServiceArea):
    """422 outside_service_area: no council of this deployment looks after the point."""

    def __init__(self, area_name, lon, lat, field, noun):
        url = words.NATIONAL_URL.format(lat=round(lat, 6), lon=round(lon, 6))
        super().__init__(area_name, field=field, noun=noun)
        self.message = words.NATIONAL.format(noun=noun, area=area_name or general.THIS_COUNCIL, url=url)
        self.report_at = {"name": words.NATIONAL_NAME, "url": url}


def refusal(deps, lon, lat, field="lat", noun=None):
    """The error for a point (lon, lat) this council does not look after."""
    from ..config import links_base
    from .areas import holding
    from .council import council
    noun = noun or general.LOCATION
    others = [c for c in holding(lon, lat) if c != tenancy.current()]
    if not others:
        return NoCouncilServes(deps.area.name, lon, lat, field, noun)
    there = council(others[0])
    return ReportElsewhere(there, links_base(deps.settings, there) + REPORT_PATH, field, noun)
