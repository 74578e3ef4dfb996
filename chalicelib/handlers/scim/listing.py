"""GET /Users and /Groups: a filter's matches, or every one of the council's, a page at a time (RFC 7644
section 3.4.2.4: startIndex from 1, count), always a ListResponse, empty when nothing matches."""
from . import groups as group_ops, users as user_ops
from .resources import group_view, list_response, user_view
from .views import answer, page


def users(deps, params):
    start, count = page(params)
    found = user_ops.find(deps, params.get("filter"))
    shown = found[start - 1:start - 1 + count]
    return answer(list_response([user_view(u, deps.base_url) for u in shown], len(found), start))


def groups(deps, params):
    start, count = page(params)
    found = group_ops.find(deps, params.get("filter"))
    members = "members" not in (params.get("excludedAttributes") or "").replace(" ", "").lower().split(",")
    shown = found[start - 1:start - 1 + count]
    return answer(list_response([group_view(g, deps.base_url, members) for g in shown], len(found), start))
