"""Pointing a command at a stage's storage: a deployed stage's through the
environment, the local one's through the running stack (stack.json). Apart
from main.py so that the commands main.py dispatches to can connect too."""
import os


class StackNotRunning(Exception):
    pass


def connect(stage):
    """Point this process at the stage's storage."""
    os.environ["DOORSTEP_STAGE"] = stage
    if stage != "local":
        return
    if os.environ.get("DOORSTEP_AWS_ENDPOINT"):
        return
    from chalicelib.config import data_dir
    from doorstep_cli.local.stack import read_stack
    stack = read_stack(data_dir())
    if not stack:
        raise StackNotRunning(f"no local stack is running for {data_dir()}; start it with `make run`.")
    if stack.get("public_url"):  # links in messages point at the stack that is running
        os.environ["DOORSTEP_PUBLIC_URL"] = stack["public_url"]
    os.environ.update({"DOORSTEP_AWS_ENDPOINT": stack["emulator_url"],
                       "DOORSTEP_DYNAMODB_ENDPOINT": stack["dynamodb_url"],
                       "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"})
    if stack.get("queue_url"):
        os.environ["DOORSTEP_SQS_ENDPOINT"] = stack["queue_url"]
    from doorstep_cli.local import aws_clients
    aws_clients.install(stack["dynamodb_url"])
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-2")
