"""Secrets a deployment keeps, found the same way for every key it needs.

An environment variable holding the value wins (tests, or a deployment that
injects it another way); else a Secrets Manager secret named by `<VAR>_ARN`
(AWS); else, on the local and test stages only, a value generated once and
kept in DOORSTEP_DATA_DIR/secrets. A deployed stage without either refuses
rather than inventing a key that the next cold start would not share.

A secret someone else issues (the payment provider's API key and webhook
secret) is `optional`: the variable, else its `<VAR>_ARN` secret, else None
(nothing generated). Either way a secret is read once per process (a cold
start) and kept; all of them through one Secrets Manager client.
"""
import os
import threading

from .config import data_dir, settings

_cache = {}
_clients = {}  # (region, endpoint) -> the process's one Secrets Manager client
_lock = threading.Lock()


class SecretMissing(Exception):
    pass


def secret(env_name, file_name, generate):
    """The secret's text. `generate()` makes a new one (local stages only)."""
    explicit = os.environ.get(env_name)
    if explicit:
        return explicit
    arn = os.environ.get(f"{env_name}_ARN")
    source = ("secret", arn) if arn else ("file", str(data_dir() / "secrets" / file_name))
    with _lock:
        if source not in _cache:
            _cache[source] = (_from_secrets_manager(arn) if arn
                              else _from_local_file(source[1], env_name, generate))
        return _cache[source]


UNSET = "unset"  # what a provider's secret holds until an operator puts the real one (infra/README.md)


def optional(env_name):
    """A secret another party issues: the variable's value, else the text of
    the Secrets Manager secret `<VAR>_ARN` names (read once per process),
    else None; a secret still holding UNSET is None too."""
    explicit = os.environ.get(env_name)
    if explicit:
        return explicit
    arn = os.environ.get(f"{env_name}_ARN")
    if not arn:
        return None
    with _lock:
        if ("secret", arn) not in _cache:
            _cache[("secret", arn)] = _from_secrets_manager(arn)
        value = _cache[("secret", arn)].strip()
    return value if value and value != UNSET else None


def by_id(secret_id):
    """The text of the Secrets Manager secret `secret_id` (a name or an ARN), read once per process;
    SecretMissing when there is none, or it holds nothing yet (UNSET)."""
    from botocore.exceptions import ClientError
    with _lock:
        if ("secret", secret_id) not in _cache:
            try:
                _cache[("secret", secret_id)] = _from_secrets_manager(secret_id)
            except ClientError as e:
                if e.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
                    raise
                raise SecretMissing(f"No secret {secret_id}.") from None
        value = _cache[("secret", secret_id)].strip()
    if not value or value == UNSET:
        raise SecretMissing(f"The secret {secret_id} holds nothing yet.")
    return value


def local_secret(path, name, generate):
    """A key this deployment makes for itself, kept at `path` on the local and test stages (made once,
    whoever races); SecretMissing on any other stage, where an operator makes it."""
    with _lock:
        if ("file", str(path)) not in _cache:
            _cache[("file", str(path))] = _from_local_file(str(path), name, generate)
        return _cache[("file", str(path))]


def _from_local_file(path, env_name, generate):
    if settings().stage not in ("local", "test"):
        raise SecretMissing(f"No {env_name} configured: set {env_name}_ARN.")
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    if not os.path.exists(path):
        # Written aside, then linked into place: link fails if the file exists,
        # so two processes starting at once keep one key, and no reader ever
        # sees a half-written file.
        tmp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
        with open(tmp, "w", opener=lambda p, flags: os.open(p, flags, 0o600)) as f:
            f.write(generate())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    with open(path) as f:
        return f.read().strip()


def _from_secrets_manager(arn):
    """(Called under _lock.) botocore is imported only here, when a secret is first needed."""
    s = settings()
    key = (s.region, s.aws_endpoint)
    if key not in _clients:
        import botocore.session
        _clients[key] = botocore.session.get_session().create_client(
            "secretsmanager", region_name=s.region, endpoint_url=s.aws_endpoint)
    return _clients[key].get_secret_value(SecretId=arn)["SecretString"]


# A council's own secrets (its back offices' logins and keys), which its settings name by
# reference (councils/backoffices.py): found per council, never generated.
def council_variable(council_id, name):
    """DOORSTEP_SECRET_<COUNCIL>_<NAME>: DOORSTEP_SECRET_NORTH_LANARKSHIRE_CIVICA_PASSWORD."""
    return "DOORSTEP_SECRET_" + f"{council_id}_{name}".upper().replace("-", "_")


def council_secret_id(council_id, name):
    """The Secrets Manager secret a deployed stage keeps it in: doorstep/<stage>/<council>/<name>."""
    return f"doorstep/{settings().stage}/{council_id}/{name}"


def council_secret_file(council_id, name):
    """Where the local and test stages keep it: DOORSTEP_DATA_DIR/secrets/<council>/<name>."""
    return data_dir() / "secrets" / council_id / name


def council_secret(council_id, name):
    """The text of the secret `name` of council `council_id`: its variable, else (local and test
    stages) its file, else (any other stage) its Secrets Manager secret, read once per process;
    None when there is none, or it still holds UNSET."""
    explicit = os.environ.get(council_variable(council_id, name))
    if explicit:
        return explicit
    if settings().stage in ("local", "test"):
        path = council_secret_file(council_id, name)
        value = path.read_text().strip() if path.is_file() else None
    else:
        arn = council_secret_id(council_id, name)
        with _lock:
            if ("secret", arn) not in _cache:
                _cache[("secret", arn)] = _from_secrets_manager(arn)
            value = _cache[("secret", arn)].strip()
    return value if value and value != UNSET else None


def council_secret_known(council_id, name):
    """Whether the deployment holds that secret for the council (a settings change naming one it
    does not is refused): its variable, its file, or a Secrets Manager secret of that name."""
    if os.environ.get(council_variable(council_id, name)):
        return True
    if settings().stage in ("local", "test"):
        return council_secret_file(council_id, name).is_file()
    try:
        return council_secret(council_id, name) is not None
    except Exception as e:  # botocore's ResourceNotFoundException (or no access): not one it can use
        if type(e).__name__ in ("ResourceNotFoundException", "AccessDeniedException", "ClientError"):
            return False
        raise
