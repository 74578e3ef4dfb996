"""Photo storage in S3, through botocore (boto3 would add ~260 ms to a cold start).

Every file is a council's, as every record is (docs/decisions/councils.md): code names a
file by its kind and name (`photos/a.jpg`) and the store keeps it under the council the
work is for (`photos/york/a.jpg`), so two councils' files of one name (Modern.gov's paper
4108, each night's open data) never meet, and a link made at one council's address finds
nothing at another's. The kind stays first: the bucket's rules by prefix (uploads/
expiring after a day, each function's IAM prefixes) hold for every council.
"""
import threading

from .. import tenancy
from ..config import settings

_clients = {}
_lock = threading.Lock()

UPLOAD_PREFIX = "uploads/"
PHOTO_PREFIX = "photos/"
# Photos taken off public reports (moderation): kept for staff, never under
# photos/, so GET /v1/photos/{name} and every link it ever gave stop working.
HIDDEN_PHOTO_PREFIX = "hidden-photos/"
# Photos sent in live chats: the person's, deleted with their chat (retention, erasure). Apart from the
# reports' photos/, so what deletes chats may delete chats' photos and no report's (docs/decisions/retention.md).
CHAT_PHOTO_PREFIX = "chat-photos/"
PUBLIC_DATA_PREFIX = "public-data/"  # open data: rewritten daily, so never cached as immutable
IMMUTABLE = "public, max-age=31536000, immutable"


class BlobMissing(Exception):
    pass


def placed(key, council=None):
    """Where a file lies in the bucket: `photos/a.jpg` of York's is `photos/york/a.jpg`."""
    kind, sep, rest = key.partition("/")
    if not kind or not sep:
        raise ValueError(f"a file's key starts with its kind (photos/, uploads/...): {key!r}")
    return f"{kind}/{council or tenancy.current()}/{rest}"


def _unplaced(stored):
    """A listed key as code names it; the listing was of the council's own prefix."""
    kind, _, rest = stored.partition("/")
    return f"{kind}/{rest.partition('/')[2]}"


class BlobStore:
    def __init__(self):
        s = settings()
        self.bucket = s.photo_bucket
        self._where = (s.region, s.aws_endpoint)

    @property
    def client(self):
        # Built on first use: most routes never touch S3 (~100 ms saved).
        return _client(*self._where)

    def presigned_upload(self, key, content_type, max_bytes, expires_in):
        """A form POST a browser can send the file with, limited by type and size."""
        return self.client.generate_presigned_post(
            Bucket=self.bucket,
            Key=placed(key),
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=expires_in,
        )

    def size_of(self, key):
        from botocore.exceptions import ClientError
        try:
            return self.client.head_object(Bucket=self.bucket, Key=placed(key))["ContentLength"]
        except ClientError as e:
            if e.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise BlobMissing(key) from e
            raise

    def read(self, key):
        from botocore.exceptions import ClientError
        try:
            return self.client.get_object(Bucket=self.bucket, Key=placed(key))["Body"].read()
        except ClientError as e:
            if e.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise BlobMissing(key) from e
            raise

    def write(self, key, data, content_type, cache_control=IMMUTABLE):
        self.client.put_object(Bucket=self.bucket, Key=placed(key), Body=data, ContentType=content_type,
                               CacheControl=cache_control)

    def copy(self, source, target):
        self.client.copy_object(Bucket=self.bucket, Key=placed(target),
                                CopySource={"Bucket": self.bucket, "Key": placed(source)},
                                MetadataDirective="COPY")

    def delete(self, key):
        self.client.delete_object(Bucket=self.bucket, Key=placed(key))

    def keys(self, prefix):
        """Every key under `prefix` (a page of 1,000 per call)."""
        found, token = [], None
        while True:
            page = self.client.list_objects_v2(Bucket=self.bucket, Prefix=placed(prefix),
                                               **({"ContinuationToken": token} if token else {}))
            found += [_unplaced(item["Key"]) for item in page.get("Contents", ())]
            token = page.get("NextContinuationToken")
            if not token:
                return found

    def download_url(self, key, expires_in=3600, filename=None, content_type=None):
        """A link to the object for `expires_in` seconds; with `filename`, saved as that file
        (Content-Disposition: attachment) in `content_type`, never shown inside our origin."""
        params = {"Bucket": self.bucket, "Key": placed(key)}
        if filename:
            from urllib.parse import quote
            params["ResponseContentDisposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
        if content_type:
            params["ResponseContentType"] = content_type
        return self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in)

    def ensure_bucket(self):
        """For the local stack and tests; in AWS the bucket is infrastructure.

        CORS is applied every time: the web client posts photos to the bucket
        from another origin, and the local stack keeps objects, not bucket settings.
        """
        from botocore.exceptions import ClientError
        try:
            self.client.head_bucket(Bucket=self.bucket)
            state = "exists"
        except ClientError:
            self.client.create_bucket(
                Bucket=self.bucket,
                CreateBucketConfiguration={"LocationConstraint": settings().region})
            state = "created"
        self.client.put_bucket_cors(Bucket=self.bucket, CORSConfiguration={"CORSRules": [{
            "AllowedMethods": ["POST", "GET"], "AllowedOrigins": ["*"], "AllowedHeaders": ["*"],
            "MaxAgeSeconds": 3600}]})
        return state


def _client(region, endpoint):
    key = (region, endpoint)
    with _lock:
        if key not in _clients:
            import botocore.session
            from botocore.config import Config
            # Path-style addressing so a local emulator on 127.0.0.1 works too.
            config = Config(signature_version="s3v4", s3={"addressing_style": "path"},
                            retries={"max_attempts": 3, "mode": "standard"})
            _clients[key] = botocore.session.get_session().create_client(
                "s3", region_name=region, endpoint_url=endpoint, config=config)
        return _clients[key]
