"""What a council's staff sign-in must be that its schema (schema_staff.py) cannot say: each group
gives roles the council has (its own, or the deployment's where it names none) and is mapped once,
each provider has an id of its own and serves addresses that are the council's."""
from . import wording as words


def problems(document):
    section = document.get("staff_sign_in") if isinstance(document, dict) else None
    if not isinstance(section, dict):
        return []
    return _group_problems(document, section) + _provider_problems(document, section)


def _group_problems(document, section):
    from ..auth.desks import packaged_configuration
    own = (document.get("staff_roles") or {}).get("roles") if isinstance(document.get("staff_roles"), dict) else None
    known = set(own if isinstance(own, dict) else packaged_configuration()["roles"])
    found, seen = [], set()
    for n, group in enumerate(section.get("groups") or []):
        if not isinstance(group, dict):
            continue
        if group.get("group") in seen:
            found.append((f"$.staff_sign_in.groups[{n}].group", words.GROUP_TWICE))
        seen.add(group.get("group"))
        missing = [r for r in group.get("roles") or [] if isinstance(r, str) and r not in known]
        if missing:
            found.append((f"$.staff_sign_in.groups[{n}].roles", words.not_roles(missing, sorted(known))))
    return found


def _provider_problems(document, section):
    found, seen, hosts = [], set(), set(document.get("hosts") or [])
    for n, provider in enumerate(section.get("providers") or []):
        if not isinstance(provider, dict):
            continue
        if provider.get("id") in seen:
            found.append((f"$.staff_sign_in.providers[{n}].id", words.PROVIDER_TWICE))
        seen.add(provider.get("id"))
        strange = [h for h in provider.get("hosts") or [] if isinstance(h, str) and h not in hosts]
        if strange:
            found.append((f"$.staff_sign_in.providers[{n}].hosts", words.not_hosts(strange)))
    return found
