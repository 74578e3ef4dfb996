"""First deploy of a stage: give its VAPID secret a real P-256 key.

CloudFormation can only fill a secret with random text, which the app reads
as "push not configured". This puts a newly made key there once; a secret
that already holds a PEM key is never touched, since browsers' push
subscriptions are bound to it. Usage: python -m infra.vapid_key SECRET_ARN
"""
import sys


def ensure_key(secret_id, client=None):
    """Returns "kept" or "created"."""
    if client is None:
        import boto3
        client = boto3.client("secretsmanager")
    current = client.get_secret_value(SecretId=secret_id)["SecretString"]
    if "BEGIN PRIVATE KEY" in current:
        return "kept"
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    client.put_secret_value(SecretId=secret_id, SecretString=pem.decode("ascii"))
    return "created"


if __name__ == "__main__":
    print(f"VAPID key {ensure_key(sys.argv[1])}")
