"""`doorstep open311-keys`: issue, list and revoke partner api keys.

A key is printed once, when created, and stored only as its SHA-256: a lost
key is revoked and a new one created, never looked up.
"""
from chalicelib import ids


def add_parser(commands):
    keys = commands.add_parser("open311-keys", help="issue, list and revoke Open311 partner api keys")
    sub = keys.add_subparsers(dest="keys_command", required=True)
    create = sub.add_parser("create", help="issue a key for a partner system (printed once)")
    create.add_argument("--name", required=True, help="the partner, e.g. fixmystreet")
    create.add_argument("--categories", help="comma list of service codes it may post to (default: all)")
    sub.add_parser("list", help="partners, when their keys were issued, revoked or not, and scope")
    revoke = sub.add_parser("revoke", help="revoke every key of a partner")
    revoke.add_argument("--name", required=True)


class KeyCommandError(Exception):
    pass


def run(args, deps):
    from chalicelib.storage.staff.open311_keys import Open311KeyStore
    store = Open311KeyStore()
    return {"create": create, "list": list_keys, "revoke": revoke}[args.keys_command](args, deps, store)


def create(args, deps, store):
    from chalicelib.handlers.open311.keys import ENV_PARTNER, new_key
    from chalicelib.storage.records import Open311Key
    name = args.name.strip()
    if not name or name == ENV_PARTNER:
        raise KeyCommandError(f"--name must be a partner's name (not empty, not {ENV_PARTNER!r}).")
    # One live key per partner: the name is what its update_ids are kept
    # under, and what `revoke` takes. To rotate, revoke and create again.
    if any(k.name == name and not k.revoked for k in store.all()):
        raise KeyCommandError(f"{name} already has a key; revoke it first to issue another.")
    categories = [c.strip() for c in (args.categories or "").split(",") if c.strip()] or None
    unknown = [c for c in categories or () if deps.services.get(c) is None]
    if unknown:
        raise KeyCommandError(f"no such category: {', '.join(unknown)}")
    key = new_key()
    store.add(Open311Key(key_hash=ids.digest(key), name=name, created_at=deps.clock(), categories=categories))
    print(f"api key for {name}" + (f" (categories: {', '.join(categories)})" if categories else "") + ":")
    print(key)
    print("it is shown only now: give it to the partner over a secure channel")
    return 0


def list_keys(args, deps, store):
    rows = store.all()
    for k in rows:
        state = f"revoked {k.revoked_at:%Y-%m-%d}" if k.revoked and k.revoked_at else (
            "revoked" if k.revoked else "active")
        scope = ",".join(k.categories) if k.categories else "all categories"
        print(f"{k.name}\tcreated {k.created_at:%Y-%m-%d %H:%M}\t{state}\t{scope}")
    if not rows:
        print("no Open311 keys issued (OPEN311_API_KEYS may still hold some)")
    return 0


def revoke(args, deps, store):
    live = [k for k in store.all() if k.name == args.name.strip() and not k.revoked]
    if not live:
        raise KeyCommandError(f"{args.name} has no key to revoke.")
    for k in live:
        store.revoke(k, deps.clock())
    print(f"revoked {len(live)} key(s) of {args.name}; its posts are refused from now on")
    return 0
