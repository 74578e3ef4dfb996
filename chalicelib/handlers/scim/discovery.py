"""What a SCIM client reads to learn this endpoint (RFC 7644 section 4; RFC 7643 sections 5 to 7): what it
takes (PATCH, filter; no bulk, sort, changePassword or ETag-less If-Match), its two resource types, and the
attributes it keeps of each. Attributes a directory sends that are not here are taken and let be."""
from .resources import ENTERPRISE, GROUP, LIST, USER

CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"
MAX_RESULTS = 200


def service_provider_config(base):
    return {"schemas": [CONFIG], "patch": {"supported": True}, "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": True, "maxResults": MAX_RESULTS}, "changePassword": {"supported": False},
            "sort": {"supported": False}, "etag": {"supported": True},
            "authenticationSchemes": [{"type": "oauthbearertoken", "name": "OAuth Bearer Token",
                                       "description": "The council's SCIM token, as its settings name it",
                                       "primary": True}],
            "meta": {"resourceType": "ServiceProviderConfig", "location": f"{base}/scim/v2/ServiceProviderConfig"}}


def resource_types(base):
    found = [{"schemas": [RESOURCE_TYPE], "id": "User", "name": "User", "endpoint": "/Users", "schema": USER,
              "schemaExtensions": [{"schema": ENTERPRISE, "required": False}],
              "meta": {"resourceType": "ResourceType", "location": f"{base}/scim/v2/ResourceTypes/User"}},
             {"schemas": [RESOURCE_TYPE], "id": "Group", "name": "Group", "endpoint": "/Groups", "schema": GROUP,
              "meta": {"resourceType": "ResourceType", "location": f"{base}/scim/v2/ResourceTypes/Group"}}]
    return _listed(found)


def _attribute(name, kind="string", required=False, multi=False, exact=False, mutability="readWrite",
               uniqueness="none", sub=None):
    found = {"name": name, "type": kind, "multiValued": multi, "required": required, "caseExact": exact,
             "mutability": mutability, "returned": "default", "uniqueness": uniqueness}
    if sub:
        found["subAttributes"] = sub
    return found


def schemas(base):
    user = [_attribute("userName", required=True, uniqueness="server"), _attribute("externalId", exact=True),
            _attribute("active", "boolean"), _attribute("displayName"),
            _attribute("name", "complex", sub=[_attribute(p) for p in
                                                ("formatted", "familyName", "givenName", "middleName",
                                                 "honorificPrefix", "honorificSuffix")]),
            _attribute("emails", "complex", multi=True, sub=[_attribute("value"), _attribute("type"),
                                                             _attribute("primary", "boolean"),
                                                             _attribute("display")]),
            _attribute("groups", "complex", multi=True, mutability="readOnly",
                       sub=[_attribute("value", mutability="readOnly"), _attribute("$ref", "reference",
                                                                                   mutability="readOnly")])]
    group = [_attribute("displayName", required=True), _attribute("externalId", exact=True),
             _attribute("members", "complex", multi=True, sub=[_attribute("value", mutability="immutable"),
                                                               _attribute("$ref", "reference",
                                                                          mutability="immutable")])]
    found = [{"schemas": [SCHEMA], "id": USER, "name": "User", "description": "A council officer",
              "attributes": user, "meta": {"resourceType": "Schema", "location": f"{base}/scim/v2/Schemas/{USER}"}},
             {"schemas": [SCHEMA], "id": GROUP, "name": "Group", "description": "A directory group",
              "attributes": group, "meta": {"resourceType": "Schema", "location": f"{base}/scim/v2/Schemas/{GROUP}"}}]
    return _listed(found)


def _listed(resources):
    return {"schemas": [LIST], "totalResults": len(resources), "startIndex": 1, "itemsPerPage": len(resources),
            "Resources": resources}
