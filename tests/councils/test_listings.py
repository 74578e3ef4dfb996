"""A council's list of its wards and of its bodies costs what it returns, however many councils
the deployment holds (storage/listing.py): a Scan would read every council's to keep one's."""
from support.councils_support import add, north_lanarkshire, with_categories, york

from chalicelib import tenancy
from chalicelib.storage import metering
from chalicelib.storage.places.wards import Ward


def square(w, s, size=0.01):
    return {"type": "Polygon", "coordinates": [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]]}


def test_a_councils_wards_are_listed_by_one_query_of_its_own_whatever_another_holds(deps):
    add(deps, york(), north_lanarkshire())
    with tenancy.acting_for("north-lanarkshire"):
        theirs = [Ward(f"nl-{n}", f"Ward {n}", square(-3.95 + n * 0.01, 55.80), []) for n in range(30)]
        deps.for_council().wards.put_many(theirs)
    ours = [Ward("acomb", "Acomb", square(-1.12, 53.95), []), Ward("micklegate", "Micklegate", square(-1.09, 53.95), [])]
    deps.wards.put_many(ours)
    with metering.metered() as meter:
        assert [w.name for w in deps.wards.all()] == ["Acomb", "Micklegate"]
    assert (meter.calls, meter.items) == (1, 2)  # a Scan read 32 items to keep 2


def test_a_councils_bodies_are_listed_by_one_query_of_its_own(deps):
    from chalicelib.handlers.bodies import admin
    add(deps, york(), north_lanarkshire())
    with_categories("north-lanarkshire")
    with tenancy.acting_for("north-lanarkshire"):
        there = deps.for_council()
        for n in range(5):
            admin.create_body(there, {"id": f"nl-body-{n}", "name": f"Body {n}", "area": {"kind": "council"},
                                      "categories": ["pothole"], "contact_text": "Elsewhere.", "send_method": "inbox"})
    admin.create_body(deps, {"id": "ours", "name": "Ours", "area": {"kind": "council"}, "categories": ["pothole"],
                             "contact_text": "Here.", "send_method": "inbox"})
    with metering.metered() as meter:
        assert [b.id for b in deps.bodies.all()] == ["ours"]
    assert (meter.calls, meter.items) == (1, 1)


def test_a_council_with_no_categories_yet_reads_none_of_anothers_to_say_so(client, deps):
    from chalicelib.storage.reports.services import clear_cache
    add(deps, york(), north_lanarkshire())  # York's 19 categories are the tests' storage's
    clear_cache()
    with tenancy.acting_for("north-lanarkshire"), metering.metered() as meter:
        assert deps.for_council().services.all() == []
    assert (meter.calls, meter.items) == (1, 0)
