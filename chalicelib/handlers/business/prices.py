"""The council's trade waste price list and its most bins, from its settings (business.trade_waste)."""


def _trade(deps):
    return ((deps.council.document or {}).get("business") or {}).get("trade_waste") or {}


def price_list(deps):
    return list(_trade(deps).get("containers") or [])


def most_bins(deps):
    return int(_trade(deps).get("most_bins") or 10)
