"""Whatever a holder of the council's own token sends to a user or a group (operations, paths, values, filters
drawn at random), the answer is never a 500 and every refusal is RFC 7644's error body."""
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings, strategies as st

from support.scim_support import Scim, councils_with_scim

ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
PATHS = st.one_of(st.sampled_from(["active", "userName", "displayName", "externalId", "name", "name.givenName",
                                   "emails", 'emails[type eq "work"].value', 'emails[type eq "work"]',
                                   "members", 'members[value eq "x"]', "members[value eq 1]", "title",
                                   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                                   "urn:ietf:params:scim:schemas:core:2.0:User:userName", "a.b.c", "[", ""]),
                  st.text(max_size=30), st.none())
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner,
                                                                                   max_size=3), max_leaves=8)
OPS = st.lists(st.fixed_dictionaries({"op": st.sampled_from(["add", "Replace", "remove", "move", 1]),
                                      "path": PATHS, "value": VALUES}), min_size=0, max_size=4)


def _in_shape(answer):
    assert answer.status_code < 500, answer.body
    if answer.status_code >= 400:
        body = answer.json_body
        assert body["schemas"] == [ERROR] and body["status"] == str(answer.status_code), body


def test_random_patches_filters_and_bodies_never_get_a_500(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("fuzzed@york.gov.uk")
    group = scim.make_group("fuzzed-group", "Fuzzed")

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(ops=OPS, filter_text=st.text(max_size=40), body=VALUES)
    def fuzz(ops, filter_text, body):
        for kind, resource in (("Users", user), ("Groups", group)):
            _in_shape(scim.call("PATCH", f"/{kind}/{resource['id']}", {"Operations": ops}))
            _in_shape(scim.call("GET", f"/{kind}?filter=" + quote(filter_text)))
            _in_shape(scim.call("POST", f"/{kind}", body))
            _in_shape(scim.call("PUT", f"/{kind}/{resource['id']}", body))
    fuzz()
