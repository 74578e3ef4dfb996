"""Container requests in tests: a home on refuse, recycling and garden
rounds (Monday, Wednesday, Tuesday), its depot stocked, and a resident's
request paid through the local provider."""
import uuid

RECYCLING_ROUND = "REC-WED"


def stocked_home(deps, count=5, garden=True, containers=("refuse-bin", "recycling-box", "recycling-bin", "garden-bin")):
    """The home on its rounds; the main depot holding `count` of each container."""
    from support.bins_support import HOME, store_home, store_rounds, weekly_round
    from support.pay_support import GARDEN_ROUND, ROUND
    store_rounds(deps, weekly_round(ROUND, "refuse", 0), weekly_round(GARDEN_ROUND, "garden", 1),
                 weekly_round(RECYCLING_ROUND, "recycling", 2))
    store_home(deps, {"refuse": ROUND, "recycling": RECYCLING_ROUND, **({"garden": GARDEN_ROUND} if garden else {})})
    for container in containers:
        deps.containers.set_stock("main", container, count)
    return HOME


def ask(client, person, container="recycling-box", reason="damaged", key=None, **extra):
    from support.bins_support import HOME
    return client.post("/v1/waste/containers/requests", {"uprn": HOME, "container": container, "reason": reason,
                                                        **extra},
                       {**person.auth, "Idempotency-Key": key or str(uuid.uuid4())})


def paid(client, made):
    """The resident pays on the provider's page and comes back (the return is only a nudge)."""
    from support.pay_support import SUCCESS, pay_with
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])
