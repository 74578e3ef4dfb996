"""The containers desk's trade waste requests: one Query of the sparse trade
index, newest first (what it returns). The premises and the business's trading
name and bins: the ratepayer's name stays with the business rates office."""
from ...stamps import stamp


def trade_requests(deps):
    rows = deps.businesses.trade_requests()
    return {"requests": [{"business_id": r["start_id"], "address": r.get("address"),
                          "trading_name": r.get("trading_name"), "starts": r.get("starts"), "bins": r.get("bins", []),
                          "weekly": r.get("weekly"), "first": r.get("first"), "requested_at": stamp(r["updated_at"])}
                         for r in rows]}
