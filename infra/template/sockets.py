"""Live chat's WebSocket API on AWS, completed: the $connect route's REQUEST
authoriser, which keeps the council the page names for the connection's life
(handlers/conversations/socket_council.py). API Gateway's WebSocket API has
one address for every council, so `domainName` names none; its authoriser's
context is handed to every later event of the connection."""
from chalicelib.handlers.conversations.socket_council import FUNCTION as AUTHORISER_NAME

from .cfn import arn, ref, sub

AUTHORISER = "ChatSocketAuthorise"  # Chalice's resource for app.py's pure function
AUTHORISER_ROLE = "ChatSocketAuthoriseRole"
ROUTE_AUTHORISER = "ChatSocketCouncil"
# API Gateway calls the authoriser only when the identity source is there; without it, 401.
IDENTITY = "route.request.querystring.council"


def resources(app):
    names = {f.name for f in app.pure_lambda_functions}
    assert AUTHORISER_NAME in names, f"app.py has no {AUTHORISER_NAME}: the chat's sockets would not know a council"
    return {
        ROUTE_AUTHORISER: {"Type": "AWS::ApiGatewayV2::Authorizer", "Properties": {
            "ApiId": ref("WebsocketAPI"), "AuthorizerType": "REQUEST", "Name": sub("doorstep-${Stage}-socket-council"),
            "IdentitySource": [IDENTITY],
            "AuthorizerUri": sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                                 f"${{{AUTHORISER}.Arn}}/invocations")}},
        f"{AUTHORISER}InvokePermission": {"Type": "AWS::Lambda::Permission", "Properties": {
            "Action": "lambda:InvokeFunction", "FunctionName": ref(AUTHORISER), "Principal": "apigateway.amazonaws.com",
            "SourceArn": sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebsocketAPI}/"
                             f"authorizers/${{{ROUTE_AUTHORISER}}}")}},
        # Merged into Chalice's own route (`chalice package --merge-template` merges resource by resource).
        "WebsocketConnectRoute": {"Properties": {"AuthorizationType": "CUSTOM", "AuthorizerId": ref(ROUTE_AUTHORISER)}},
    }, {"ChatSocketAuthoriserArn": arn(AUTHORISER)}
