#!/usr/bin/env bash
# `make deploy STAGE=name ...`: dist/ (from `make package`) to the stage's
# stack, then the web app into its bucket. Parameters: infra/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${STAGE:?STAGE=name}" "${PUBLIC_URL:?PUBLIC_URL=https://host}" "${EMAIL_FROM:?EMAIL_FROM=sender}"
: "${SES_IDENTITY:?SES_IDENTITY=verified domain or address}" "${ARTIFACT_BUCKET:?ARTIFACT_BUCKET=an S3 bucket for the zip}"
command -v aws >/dev/null || { echo "the AWS CLI is needed (aws)"; exit 1; }
stack="doorstep-$STAGE"

aws cloudformation package --template-file dist/template.json --use-json \
    --s3-bucket "$ARTIFACT_BUCKET" --s3-prefix "$stack" --output-template-file dist/packaged.json
aws cloudformation deploy --template-file dist/packaged.json --stack-name "$stack" \
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
    --parameter-overrides "Stage=$STAGE" "PublicUrl=$PUBLIC_URL" "EmailFrom=$EMAIL_FROM" \
        "SesIdentity=$SES_IDENTITY" "CertificateArn=${CERTIFICATE_ARN:-}" "AlarmEmail=${ALARM_EMAIL:-}" \
        "CouncilAddresses=${COUNCIL_ADDRESSES:-}" \
        "ApiRateLimit=${API_RATE_LIMIT:-50}" "ApiBurstLimit=${API_BURST_LIMIT:-100}" \
        "OpenDataLicence=${OPEN_DATA_LICENCE:-OGL-UK-3.0}"

output() {
    aws cloudformation describe-stacks --stack-name "$stack" --output text \
        --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue"
}
.venv/bin/python -m infra.vapid_key "$(output VapidPrivateKeySecret)"
aws s3 sync web/ "s3://$(output SiteBucketName)/" --delete
aws cloudfront create-invalidation --distribution-id "$(output SiteDistributionId)" --paths '/*' >/dev/null
echo "Doorstep $STAGE is at $(output SiteUrl) (PUBLIC_URL $PUBLIC_URL)"
