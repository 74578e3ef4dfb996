"""A council's sign-in providers, as its settings' `sign_in` section names them
(councils/schema.py): where each is, the client id it gave the council, the level of
assurance the council asks of a sign-in, and the relying party's private key by reference,
`{"secret": "scotaccount-key"}`, as a council's back offices name theirs: the council's own
secret of that name, its variable DOORSTEP_SECRET_<COUNCIL>_<NAME>, else on a local or test
stage DOORSTEP_DATA_DIR/secrets/<council>/<name> (made once: the key is the council's own,
no one issues it), else the Secrets Manager secret doorstep/<stage>/<council>/<name>."""
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    issuer: str
    client_id: str
    client_key: str  # the council's secret's name, never the key
    level: str
    council: str = ""
    attributes: dict | None = field(default=None)
    verified_attributes: tuple = ()  # what else it is asked to share: ("email",) (assurance.py)

    @classmethod
    def of_settings(cls, entry, council):
        return cls(id=entry["id"], name=entry["name"], issuer=entry["issuer"], client_id=entry["client_id"],
                   client_key=entry["client_key"]["secret"], level=entry["level"], council=council,
                   attributes=entry.get("attributes"),
                   verified_attributes=tuple(entry.get("verified_attributes") or ()))

    def private_key(self):
        """The relying party's private key (PEM); keystore.SecretMissing when the deployment holds none."""
        from .. import keystore
        from ..config import settings
        # Found where the council's other secrets are (keystore.council_*), but made once on a local stage:
        # nobody issues it to us.
        variable = keystore.council_variable(self.council, self.client_key)
        if os.environ.get(variable) or settings().stage in ("local", "test"):
            return keystore.secret(variable, f"{self.council}/{self.client_key}", new_private_key)
        return keystore.by_id(keystore.council_secret_id(self.council, self.client_key))

    def public_key(self):
        """The public half (PEM), which the council registers with the provider."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.serialization import load_pem_private_key
        return load_pem_private_key(self.private_key().encode(), None).public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def new_private_key():
    """An EC P-256 key (ES256), as ScotAccount suggests: smaller and faster than RSA for the same strength."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()


def of_council(council):
    """The council's providers, in its settings' order."""
    section = (council.document or {}).get("sign_in") or {}
    return [Provider.of_settings(entry, council.id) for entry in section.get("providers") or []]


def named(council, provider_id):
    return next((p for p in of_council(council) if p.id == provider_id), None)
