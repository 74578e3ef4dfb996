"""The SCIM views' work on one user or group: read the request, do the change (users.py, groups.py), answer
as RFC 7644 says (201 with Location, 200 with the resource and its ETag, 204 for a group's change and a
removal)."""
from ...api import http
from . import groups, users
from .resources import etag, group_view, user_view
from .views import answer, expected_version, nothing, sent


def create_user(deps, by):
    made = users.create(deps, by, sent())
    return _user(deps, made, 201)


def read_user(deps, user_id):
    return _user(deps, users.read(deps, user_id))


def change_user(deps, by, user_id, how):
    body, version = sent(), expected_version()
    made = users.patched(body) if how == "patch" else users.replaced(body)
    return _user(deps, users.change(deps, by, user_id, made, version))


def remove_user(deps, by, user_id):
    users.remove(deps, by, user_id)
    return nothing()


def create_group(deps, by):
    made = groups.create(deps, by, sent())
    view = group_view(made, deps.base_url)
    return answer(view, 201, {"Location": view["meta"]["location"], "ETag": etag(made)})


def read_group(deps, group_id):
    found = groups.read(deps, group_id)
    excluded = (http.request().query_params or {}).get("excludedAttributes") or ""
    members = "members" not in excluded.replace(" ", "").lower().split(",")
    return answer(group_view(found, deps.base_url, members), headers={"ETag": etag(found)})


def change_group(deps, by, group_id, how):
    body = sent()
    groups.change(deps, by, group_id, groups.patched(body) if how == "patch" else groups.replaced(body))
    return nothing()


def remove_group(deps, by, group_id):
    groups.remove(deps, by, group_id)
    return nothing()


def _user(deps, user, status=200):
    fresh = deps.directory.user(user.id) or user  # as stored now: its version and groups
    view = user_view(fresh, deps.base_url)
    headers = {"ETag": etag(fresh)}
    if status == 201:
        headers["Location"] = view["meta"]["location"]
    return answer(view, status, headers)
