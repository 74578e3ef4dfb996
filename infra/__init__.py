"""Doorstep on AWS: the Lambda package and the one CloudFormation template
that deploys everything (`make package`, `make deploy`; see README.md)."""
