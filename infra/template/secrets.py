"""The keys a deployment keeps in Secrets Manager (chalicelib/keystore.py
reads them through DOORSTEP_*_ARN). Both outlive the stack: a lost signing
key signs everyone out, a lost VAPID key silently breaks every browser's
push subscription."""
from .cfn import ref
from .tables import KEEP


def resources(app):
    jwt = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the access-token signing key (made here; replace it to sign everyone out).",
        "GenerateSecretString": {"PasswordLength": 64, "ExcludePunctuation": True},
    }}
    # CloudFormation cannot make a P-256 key: the secret starts as a
    # placeholder that the first-time steps replace (infra/README.md); until
    # then push is "not configured" and the rest of the app works.
    vapid = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the Web Push VAPID private key, PEM (put it once; never change it).",
        "GenerateSecretString": {"PasswordLength": 32, "ExcludePunctuation": True},
    }}
    # Signs the links in bodies' e-mails (handlers/forwarding/officer_links.py):
    # replacing it makes every link already sent stop working.
    body_links = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the key that signs bodies' officer links in forwarded e-mails.",
        "GenerateSecretString": {"PasswordLength": 64, "ExcludePunctuation": True},
    }}
    # The payment provider's (GOV.UK Pay's) API key and webhook signing secret: issued by the
    # provider, so they start as "unset" (nothing can be paid for, every webhook is refused)
    # until an operator puts them (infra/README.md); kept out of parameters and the template.
    pay_key = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the payment provider's (GOV.UK Pay's) API key.", "SecretString": "unset"}}
    pay_webhook = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the payment provider's webhook signing secret.", "SecretString": "unset"}}
    # The revenues back office's (Civica's) service user and password: the council's, put by an operator.
    civica_user = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the revenues back office's (Civica OpenRevenues') service user.",
        "SecretString": "unset"}}
    civica_password = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the revenues back office's (Civica OpenRevenues') service password.",
        "SecretString": "unset"}}
    # Signs forms posted to a council's own system (handlers/forms/webhook.py); the receiver is given it.
    forms_webhook = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the key that signs forms posted to a council system's webhook.",
        "GenerateSecretString": {"PasswordLength": 64, "ExcludePunctuation": True},
    }}
    # Paying bills (handlers/bills): the key the parking system and finance's posting receivers
    # share with us (bearer key for a PCN's amount due, HMAC key of each posting): the council's.
    bill_office = {"Type": "AWS::SecretsManager::Secret", **KEEP, "Properties": {
        "Description": "Doorstep: the key shared with the bill offices (parking system, finance postings).",
        "SecretString": "unset"}}
    return ({"JwtSigningKey": jwt, "FormsWebhookKey": forms_webhook, "VapidPrivateKey": vapid, "BodyLinkKey": body_links, "PayApiKey": pay_key,
             "PayWebhookSecret": pay_webhook, "CivicaUser": civica_user, "CivicaPassword": civica_password,
             "BillOfficeSecret": bill_office},
            {"JwtSigningKeySecret": ref("JwtSigningKey"), "VapidPrivateKeySecret": ref("VapidPrivateKey"),
             "BodyLinkKeySecret": ref("BodyLinkKey"), "PayApiKeySecret": ref("PayApiKey"),
             "PayWebhookSigningSecret": ref("PayWebhookSecret"), "CivicaUserSecret": ref("CivicaUser"),
             "CivicaPasswordSecret": ref("CivicaPassword"), "FormsWebhookKeySecret": ref("FormsWebhookKey"),
             "BillOfficeSecretArn": ref("BillOfficeSecret")})
