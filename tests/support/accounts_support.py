"""Signing up and in as the PWA does, and reading the links mailed to an address."""
import re


def outbox_links(to, path):
    from chalicelib.storage.outbox import OutboxModel
    bodies = [m.body for m in OutboxModel.recipient_index.query(to)]
    return [t for b in bodies for t in re.findall(path + r"\?token=([\w-]+)", b)]


def register(client, email="ada@example.org", password="correct horse battery", name="Ada Resident"):
    return client.post("/v1/auth/register", {"email": email, "password": password, "name": name})


def login(client, email="ada@example.org", password="correct horse battery"):
    return client.post("/v1/auth/login", {"email": email, "password": password})


def bearer(tokens):
    return {"Authorization": f"Bearer {tokens['access_token']}"}
