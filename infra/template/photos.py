"""The photo bucket: private, encrypted, TLS only. Browsers post residents'
photos straight to it with a presigned form (hence CORS for the app's own
origin), and anything under uploads/ that no report claimed is gone a day
later (the report cleans and copies a photo to photos/ when it claims it)."""
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


def resources(app):
    bucket = {"Type": "AWS::S3::Bucket", **KEEP, "Properties": {
        **PRIVATE,
        "CorsConfiguration": {"CorsRules": [{
            "AllowedMethods": ["POST", "GET"], "AllowedOrigins": ORIGINS,
            "AllowedHeaders": ["*"], "MaxAge": 3600}]},
        "LifecycleConfiguration": {"Rules": [
            {"Id": "UnclaimedUploads", "Status": "Enabled", "Prefix": "uploads/", "ExpirationInDays": 1},
            {"Id": "AbandonedMultipartUploads", "Status": "Enabled",
             "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1}},
        ]},
    }}
    policy = {"Type": "AWS::S3::BucketPolicy", "Properties": {
        "Bucket": ref("PhotoBucket"),
        "PolicyDocument": {"Version": "2012-10-17", "Statement": [tls_only("PhotoBucket")]}}}
    return {"PhotoBucket": bucket, "PhotoBucketPolicy": policy}, {"PhotoBucketName": ref("PhotoBucket")}
