"""CloudFormation's intrinsic functions, spelled once."""


def sub(text):
    return {"Fn::Sub": text}


def ref(name):
    return {"Ref": name}


def arn(resource, attribute="Arn"):
    return {"Fn::GetAtt": [resource, attribute]}
