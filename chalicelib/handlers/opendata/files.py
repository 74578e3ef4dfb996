"""What GET /v1/open-data answers: the last export's index with a stable link
per file, and where each link leads (a bucket link for an hour)."""
from ...errors import NotFound
from ...storage.blobs import PUBLIC_DATA_PREFIX
from .export import FILES, published
from .wording import NOTHING_PUBLISHED, NO_FILE


def index(deps):
    found = _published(deps)
    files = [{**f, "url": f"{deps.base_url}/v1/open-data/{f['name']}"} for f in found["files"]]
    return {**found, "files": files}


def location(deps, name, seconds):
    if name not in FILES:
        raise NotFound(NO_FILE.format(name=name), code="no_such_file")
    _published(deps)
    return deps.blobs.download_url(PUBLIC_DATA_PREFIX + name, expires_in=seconds)


def _published(deps):
    found = published(deps)
    if found is None:
        raise NotFound(NOTHING_PUBLISHED, code="not_published_yet")
    return found
