"""The web app (web/) and the API behind one CloudFront domain: the app's
files from a private bucket, the API's paths from API Gateway, so the app
calls its API same-origin (no CORS, one certificate, one address to give
residents). `make deploy` copies web/ into SiteBucket."""
from chalicelib.api.security_headers import content_security_policy

from pathlib import Path

from .cfn import arn, ref, sub
from .photos import PRIVATE, tls_only

# AWS's managed CloudFront policies (their ids are fixed and documented).
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
# Every viewer header but Host (API Gateway answers 403 to a foreign Host);
# with caching disabled this forwards Authorization too.
ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
# Photos are POSTed to and read from S3 (path-style, chalicelib/storage/blobs.py).
PHOTOS_ORIGIN = "https://s3.${AWS::Region}.${AWS::URLSuffix}"
SOCKET_ORIGIN = "wss://${WebsocketAPI}.execute-api.${AWS::Region}.amazonaws.com"  # live chat (functions.py)
ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
# The address a resident typed, copied into X-Doorstep-Host on the API's paths (Host is not forwarded).
VIEWER_HOST = Path(__file__).with_name("viewer_host.js")


def api_path_patterns(app):
    """CloudFront path patterns covering every route of the app (chalicelib/api/registry.py's rule,
    which `make run` serves by too)."""
    from chalicelib.api.registry import api_path_patterns as patterns
    return patterns(app.routes)


def resources(app):
    host = {"Fn::Select": [2, {"Fn::Split": ["/", ref("PublicUrl")]}]}
    api_behaviours = [{
        "PathPattern": pattern, "TargetOriginId": "api", "ViewerProtocolPolicy": "https-only",
        "AllowedMethods": ALL_METHODS, "CachedMethods": ["GET", "HEAD"], "Compress": True,
        "CachePolicyId": CACHING_DISABLED, "OriginRequestPolicyId": ALL_VIEWER_EXCEPT_HOST,
        "FunctionAssociations": [{"EventType": "viewer-request", "FunctionARN": arn("SiteHost", "FunctionARN")}],
    } for pattern in api_path_patterns(app)]
    distribution = {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
        "Enabled": True, "Comment": sub("Doorstep ${Stage}"), "HttpVersion": "http2and3",
        "IPV6Enabled": True, "PriceClass": "PriceClass_100", "DefaultRootObject": "index.html",
        # PublicUrl's host and every council's own address (CouncilAddresses), one certificate for all.
        "Aliases": {"Fn::If": ["HasCertificate", {"Fn::If": ["HasCouncilAddresses", {"Fn::Split": [",", {
            "Fn::Join": [",", [host, {"Fn::Join": [",", ref("CouncilAddresses")]}]]}]}, [host]]},
            ref("AWS::NoValue")]},
        "ViewerCertificate": {"Fn::If": ["HasCertificate",
                                         {"AcmCertificateArn": ref("CertificateArn"), "SslSupportMethod": "sni-only",
                                          "MinimumProtocolVersion": "TLSv1.2_2021"},
                                         {"CloudFrontDefaultCertificate": True}]},
        "Origins": [
            {"Id": "site", "DomainName": arn("SiteBucket", "RegionalDomainName"),
             "S3OriginConfig": {"OriginAccessIdentity": ""}, "OriginAccessControlId": ref("SiteAccess")},
            {"Id": "api", "DomainName": sub("${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}"),
             "OriginPath": "/api",  # Chalice's API Gateway stage
             "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1.2"]}},
        ],
        "DefaultCacheBehavior": {
            "TargetOriginId": "site", "ViewerProtocolPolicy": "redirect-to-https", "Compress": True,
            "AllowedMethods": ["GET", "HEAD"], "CachePolicyId": CACHING_OPTIMIZED,
            "ResponseHeadersPolicyId": ref("SiteHeaders")},
        "CacheBehaviors": api_behaviours,
    }}}
    site_bucket = {"Type": "AWS::S3::Bucket", "Properties": dict(PRIVATE)}
    access = {"Type": "AWS::CloudFront::OriginAccessControl", "Properties": {"OriginAccessControlConfig": {
        "Name": sub("doorstep-${Stage}-site"), "OriginAccessControlOriginType": "s3",
        "SigningBehavior": "always", "SigningProtocol": "sigv4"}}}
    policy = {"Type": "AWS::S3::BucketPolicy", "Properties": {
        "Bucket": ref("SiteBucket"),
        "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Sid": "CloudFrontReads", "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"},
             "Action": "s3:GetObject", "Resource": sub("${SiteBucket.Arn}/*"),
             "Condition": {"StringEquals": {"AWS:SourceArn": sub(
                 "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Site}")}}},
            tls_only("SiteBucket"),
        ]}}}
    viewer_host = {"Type": "AWS::CloudFront::Function", "Properties": {
        "Name": sub("doorstep-${Stage}-viewer-host"), "AutoPublish": True,
        "FunctionCode": VIEWER_HOST.read_text(),
        "FunctionConfig": {"Comment": "The council's address, for the API", "Runtime": "cloudfront-js-2.0"}}}
    return ({"Site": distribution, "SiteHost": viewer_host, "SiteBucket": site_bucket, "SiteAccess": access, "SiteBucketPolicy": policy,
             "SiteHeaders": security_headers()},
            {"SiteUrl": sub("https://${Site.DomainName}"), "SiteDistributionId": ref("Site"),
             "SiteBucketName": ref("SiteBucket")})


def security_headers():
    """The app's pages carry the same policy as `make run` sends
    (chalicelib/api/security_headers.py), with HSTS besides."""
    return {"Type": "AWS::CloudFront::ResponseHeadersPolicy", "Properties": {"ResponseHeadersPolicyConfig": {
        "Name": sub("doorstep-${Stage}-site-headers"),
        "SecurityHeadersConfig": {
            "ContentSecurityPolicy": {"ContentSecurityPolicy": sub(content_security_policy([PHOTOS_ORIGIN, SOCKET_ORIGIN])),
                                      "Override": True},
            "ContentTypeOptions": {"Override": True},
            "FrameOptions": {"FrameOption": "DENY", "Override": True},
            "ReferrerPolicy": {"ReferrerPolicy": "strict-origin-when-cross-origin", "Override": True},
            "StrictTransportSecurity": {"AccessControlMaxAgeSec": 63072000, "IncludeSubdomains": True,
                                        "Override": True}}}}}
