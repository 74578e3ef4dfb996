"""A confirmation message's feedback link is the council's own address from its settings, never where
the request came from, and its token is that council's alone (issue 72): North Lanarkshire's link goes
to North Lanarkshire's site and opens nowhere else."""
from chalicelib import tenancy
from support.councils_support import NL, add, north_lanarkshire, york

NL_SITE = "https://doorstep.northlanarkshire.example.gov.uk"


def test_a_councils_feedback_link_is_its_own_address_whatever_the_request_came_from(deps):
    from chalicelib.handlers.feedback import tokens
    from chalicelib.handlers.feedback.counting import link, question
    from datetime import datetime, timezone
    add(deps, york(), {**north_lanarkshire(), "public_url": NL_SITE})
    with tenancy.acting_for(NL):
        here = deps.for_council().replace(base_url="http://attacker.example")  # a forged Host, say
        asked = question("halls", "HB-000072", "assisted", datetime(2027, 11, 20, 12, tzinfo=timezone.utc))
        sent = link(here, asked)
    assert sent.startswith(f"{NL_SITE}/feedback/give?service=halls&token=")
    assert tokens.opened(asked["token"], NL) == {"service": "halls", "channel": "assisted", "month": "2027-11"}
    assert tokens.opened(asked["token"], "york") is None
