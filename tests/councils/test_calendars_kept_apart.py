"""A calendar's address made at one council opens nothing at another (issue 78): a resident's own
bin-day calendar, and a place's, opened at another council's address answer 404, not an empty
calendar that a phone would keep showing as if there were no collections."""
from urllib.parse import urlsplit

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, york
from support.moving_support import homes, living_at


def _status(client, path, host):
    return client.raw.http.request("GET", path, headers=at(host)).status_code


def test_a_residents_bin_calendar_made_at_one_council_answers_404_at_another(client, deps, people):
    add(deps, york(), north_lanarkshire())
    home = homes(deps)
    resident = people()
    living_at(deps, resident)
    mine = urlsplit(client.get("/v1/me", at(YORK_HOST, resident.auth)).json_body["bins_calendar_url"])
    assert _status(client, mine.path, YORK_HOST) == 200
    assert _status(client, mine.path, NL_HOST) == 404
    place = f"/v1/places/{home}/bins.ics"
    assert (_status(client, place, YORK_HOST), _status(client, place, NL_HOST)) == (200, 404)


def test_a_calendar_address_given_before_councils_were_named_in_it_stays_the_default_councils(
        client, deps, people):
    from chalicelib.handlers.accounts.bin_calendar import LABEL
    from chalicelib.handlers.shared.signed_links import seal
    add(deps, york(), north_lanarkshire())
    homes(deps)
    resident = people()
    living_at(deps, resident)
    given_before = f"/v1/feeds/my-bins/{seal(LABEL, [resident.user.id, '0'])}/bins.ics"
    assert (_status(client, given_before, YORK_HOST), _status(client, given_before, NL_HOST)) == (200, 404)
