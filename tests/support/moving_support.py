"""Moves in tests: the old home (support/bins_support's HOME, a Monday refuse
and a Tuesday garden round), a new home in York on a Thursday refuse and a
Friday garden round, and one with no garden round."""
from support.bins_support import HOME, store_rounds, weekly_round
from support.pay_support import home_with_round

NEW_HOME, NO_GARDEN = "990000000777", "990000000888"
NEW_REFUSE, NEW_GARDEN = "REF-THU", "GDN-FRI"


def homes(deps):
    """The old home with its rounds, and the two new ones."""
    from chalicelib.storage.records import Address
    home_with_round(deps)
    store_rounds(deps, weekly_round(NEW_REFUSE, "refuse", 3), weekly_round(NEW_GARDEN, "garden", 4))
    deps.addresses.put_many([
        Address(uprn=NEW_HOME, lines=["12 Bootham", "York"], postcode="YO30 7BW", lat=53.9651, lon=-1.0895,
                ward="Clifton", bin_rounds={"refuse": NEW_REFUSE, "garden": NEW_GARDEN}),
        Address(uprn=NO_GARDEN, lines=["Flat 3, 40 Micklegate", "York"], postcode="YO1 6LF", lat=53.9573,
                lon=-1.0877, ward="Micklegate", bin_rounds={"refuse": NEW_REFUSE})])
    return HOME


def living_at(deps, person, uprn=HOME):
    user = deps.accounts.user(person.user.id)
    user.uprn, user.address = uprn, deps.addresses.get(uprn).text
    deps.accounts.save_user(user)


def move(client, person, body, key="move-one"):
    base = {"people": ["Ann Hartley"]}
    return client.post("/v1/me/moves", {**base, **body}, {**person.auth, "Idempotency-Key": key})


def signed_in_again(deps, person):
    """A fresh session (days later, the first one's access token has run out)."""
    from chalicelib.handlers.accounts import auth
    return {"Authorization": "Bearer " + auth.start_session(deps, person.user, deps.clock())["access_token"]}


def told_and_left_to_the_stream(client, deps, people, dies_after_commit):
    """(the resident, their move within York in three days from the council's morning), its request's own try
    of the move's changes never made (`dies_after_commit`): what follows is the stream's alone."""
    from datetime import date, timedelta
    homes(deps)
    resident = people()
    living_at(deps, resident)
    dies_after_commit()
    made = move(client, resident, {"move": "within", "date": (date(2026, 11, 24) + timedelta(days=3)).isoformat(),
                                   "to_uprn": NEW_HOME, "tenure": "sold"}).json_body
    return resident, made

