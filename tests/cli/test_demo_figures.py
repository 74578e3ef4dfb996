"""make run's figures of channel shift: each demo council's last year and this one so far, drawn the
same way every time, the online share rising, never over a council's own figures, and enough in a
month for the figures page to show take-up rather than withhold it."""
from datetime import date, datetime, timezone

import time_machine

from chalicelib import tenancy
from support.councils_support import NL, add, north_lanarkshire, other_council, york

TODAY = date(2026, 11, 27)


def test_each_council_gets_its_year_once_and_the_figures_page_shows_its_take_up_rising(client, deps):
    from doorstep_cli.demo_figures import demo_figures
    from support.councils_support import NL_HOST, at
    add(deps, york(), north_lanarkshire())
    assert demo_figures(deps, TODAY) == 2
    assert demo_figures(deps, TODAY) == 0  # a restart: each has figures now
    with time_machine.travel(datetime(2026, 11, 27, 10, tzinfo=timezone.utc)):  # TODAY
        year = client.get("/v1/figures?year=2026", at(NL_HOST)).json_body
    halls = {m["month"]: m for m in year["services"]["halls"]}
    assert halls["2026-04"]["digital_take_up"] is not None and halls["2026-10"]["digital_take_up"] is not None
    assert halls["2026-10"]["digital_take_up"] > halls["2026-04"]["digital_take_up"]  # the shift the case hoped for
    assert halls["2026-11"]["counts"]["assisted"] is not None  # this month so far: an officer's booking moves it
    assert "2026-12" not in halls  # a month to come: not given, rather than as a month of nothing


def test_a_council_with_figures_of_its_own_gets_none(deps):
    from doorstep_cli.demo_figures import demo_figures
    add(deps, york(), north_lanarkshire())
    with tenancy.acting_for(NL):
        deps.for_council().feedback.add("2026-11", "bills", {"finished_online": 1})
    assert demo_figures(deps, TODAY) == 1  # York's alone
    with tenancy.acting_for(NL):
        assert set(deps.for_council().feedback.year("2025-04", "2026-11")) == {("2026-11", "bills")}


def test_only_the_demo_councils_get_figures_and_a_restart_reads_the_same_with_20_more_councils(deps):
    from chalicelib.councils import registry
    from chalicelib.storage import metering
    from doorstep_cli.demo_figures import demo_figures
    add(deps, york(), north_lanarkshire())
    assert demo_figures(deps, TODAY) == 2
    registry.forget()
    with metering.metered() as two:  # `make run` again: a process that has kept nothing
        assert demo_figures(deps, TODAY) == 0
    add(deps, *(other_council(i) for i in range(20)))
    assert demo_figures(deps, TODAY) == 0  # a council added to the stage is no demo council: no made-up figures
    with tenancy.acting_for("other-07"):
        assert deps.for_council().feedback.year("2025-04", "2026-11") == {}
    registry.forget()
    with metering.metered() as more:
        assert demo_figures(deps, TODAY) == 0
    assert (more.calls, more.queries, more.items) == (two.calls, two.queries, two.items)


def test_a_year_is_written_in_a_few_calls_and_a_booking_counted_this_month_while_it_is_written_is_kept(deps):
    """Months before last go in 25 to a call; this month and last by ADD, so a transaction counted into
    them meanwhile (a booking as `doorstep seed` runs against a live stack) adds to the demo's draw."""
    from chalicelib.storage import metering
    from doorstep_cli import demo_figures as figures
    add(deps, york())
    with tenancy.acting_for("york"):
        there = deps.for_council()
        drawn = {}
        real = there.feedback.add

        def booked_meanwhile(month, service, counts):  # the booking lands just before the draw's own ADD
            if (month, service) == ("2026-11", "halls"):
                real(month, service, {"finished_assisted": 1})
            drawn[month, service] = counts
            return real(month, service, counts)
        there.feedback.add = booked_meanwhile
        deps.for_council = lambda: there
        with metering.metered() as cost:
            assert figures.demo_figures(deps, TODAY) == 1
        year = there.feedback.year("2025-04", "2026-11")
    assert {month for month, _ in drawn} == {"2026-10", "2026-11"}
    months = figures.months_to(TODAY)

    def draw(service, month, part=1.0):
        n, share = figures.VOLUMES[service]
        return figures.drawn("york", service, month, n, share + figures.SHIFT * months.index(month), part)
    assert year["2026-11", "halls"]["finished_assisted"] == draw("halls", "2026-11", TODAY.day / 30)["finished_assisted"] + 1
    assert year["2025-04", "reports"]["finished_online"] == draw("reports", "2025-04")["finished_online"]
    assert len(year) > 250 and cost.calls < 60  # 20 months of 13 services: one UpdateItem each was 260
