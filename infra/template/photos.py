"""The photo bucket: private, encrypted, TLS only. Browsers post residents'
photos straight to it with a presigned form (hence CORS for the app's own
origin), and anything under uploads/ that no report claimed is gone a day
later (the report cleans and copies a photo to photos/ when it claims it).

Versioned: a file replaced or deleted stays as an old version, the files' backup, for as long as
the tables' point-in-time recovery keeps theirs; a council that leaves has each of its files tagged
with its retention.backup_days before it is deleted (storage/offboarding/deleting.py), and a rule
for each number of days expires the old versions so tagged after that many."""
from chalicelib.councils.offboarding.steps import POINT_IN_TIME_DAYS
from chalicelib.storage.offboarding.deleting import BACKUP_TAG

from .cfn import arn, ref, sub
from .tables import KEEP

# PublicUrl and every council's own address post photos from the resident's phone (CORS).
ORIGINS = {"Fn::If": ["HasCouncilAddresses", {"Fn::Split": [",", {"Fn::Join": [",", [ref("PublicUrl"), {
    "Fn::Join": ["", ["https://", {"Fn::Join": [",https://", ref("CouncilAddresses")]}]]}]]}]}, [ref("PublicUrl")]]}

PRIVATE = {
    "PublicAccessBlockConfiguration": {
        "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
    "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
    # SSE-S3: presigned uploads need no KMS permission from the signing role.
    "BucketEncryption": {"ServerSideEncryptionConfiguration": [
        {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]},
}


def tls_only(bucket):
    """The statement refusing plain HTTP to every caller, for a bucket policy."""
    return {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": [arn(bucket), sub(f"${{{bucket}.Arn}}/*")],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}


def backup_days_rules():
    """A rule for each backup_days a council may set (its settings' schema: 1 to the tables' days):
    the old versions of the files tagged with it expire after that many days."""
    return [{"Id": f"BackupDays{days}", "Status": "Enabled", "TagFilters": [{"Key": BACKUP_TAG, "Value": str(days)}],
             "NoncurrentVersionExpiration": {"NoncurrentDays": days}} for days in range(1, POINT_IN_TIME_DAYS + 1)]


def resources(app):
    bucket = {"Type": "AWS::S3::Bucket", **KEEP, "Properties": {
        **PRIVATE,
        "CorsConfiguration": {"CorsRules": [{
            "AllowedMethods": ["POST", "GET"], "AllowedOrigins": ORIGINS,
            "AllowedHeaders": ["*"], "MaxAge": 3600}]},
        "VersioningConfiguration": {"Status": "Enabled"},
        "LifecycleConfiguration": {"Rules": [
            {"Id": "UnclaimedUploads", "Status": "Enabled", "Prefix": "uploads/", "ExpirationInDays": 1},
            {"Id": "AbandonedMultipartUploads", "Status": "Enabled",
             "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1}},
            {"Id": "OldVersions", "Status": "Enabled",
             "NoncurrentVersionExpiration": {"NoncurrentDays": POINT_IN_TIME_DAYS}},
            {"Id": "DeleteMarkers", "Status": "Enabled", "ExpiredObjectDeleteMarker": True},
            *backup_days_rules(),
        ]},
    }}
    policy = {"Type": "AWS::S3::BucketPolicy", "Properties": {
        "Bucket": ref("PhotoBucket"),
        "PolicyDocument": {"Version": "2012-10-17", "Statement": [tls_only("PhotoBucket")]}}}
    return {"PhotoBucket": bucket, "PhotoBucketPolicy": policy}, {"PhotoBucketName": ref("PhotoBucket")}
