"""The demo council's depot: a shelf of each container on its list, so a
resident can order one in `make run` (stock is counted, never assumed)."""
DEMO_STOCK = 25


def demo_container_stock(deps):
    """Stocks the main depot when it holds nothing counted; returns how many containers were stocked."""
    from chalicelib.handlers.containers.limits import DEFAULT_SETTINGS
    depot, ids = DEFAULT_SETTINGS["depot"], [c["id"] for c in DEFAULT_SETTINGS["containers"]]
    if any(deps.containers.stock(depot, ids).values()):
        return 0
    for container in ids:
        deps.containers.set_stock(depot, container, DEMO_STOCK)
    return len(ids)
