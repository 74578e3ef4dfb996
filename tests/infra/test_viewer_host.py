"""The CloudFront Function on the API's paths, run as CloudFront runs it (JavaScript, its event's
shape), and its place in the template: every API path, and every council's address an alias."""
import json
import shutil
import subprocess

import pytest
from support.infra_support import template  # noqa: F401  (fixture)

pytestmark = pytest.mark.xdist_group("package")


def run_function(request):
    from infra.template.site import VIEWER_HOST
    script = VIEWER_HOST.read_text() + f"\nprocess.stdout.write(JSON.stringify(handler({json.dumps({'request': request})})));"
    done = subprocess.run([shutil.which("node"), "-e", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_address_typed_goes_to_the_api_in_x_doorstep_host_whatever_the_viewer_sent_in_it():
    sent = {"method": "GET", "uri": "/v1/council", "headers": {
        "host": {"value": "report.northlanarkshire.gov.uk"}, "x-doorstep-host": {"value": "york.example.org"},
        "authorization": {"value": "Bearer abc"}}}
    forwarded = run_function(sent)
    assert forwarded["headers"]["x-doorstep-host"] == {"value": "report.northlanarkshire.gov.uk"}
    assert forwarded["headers"]["authorization"] == {"value": "Bearer abc"} and forwarded["uri"] == "/v1/council"


def test_every_api_path_carries_the_address_and_every_councils_address_is_an_alias(template):  # noqa: F811
    config = template["Resources"]["Site"]["Properties"]["DistributionConfig"]
    function = template["Resources"]["SiteHost"]
    assert function["Type"] == "AWS::CloudFront::Function" and function["Properties"]["AutoPublish"] is True
    for behaviour in config["CacheBehaviors"]:
        assert behaviour["FunctionAssociations"] == [
            {"EventType": "viewer-request", "FunctionARN": {"Fn::GetAtt": ["SiteHost", "FunctionARN"]}}]
    assert "FunctionAssociations" not in config["DefaultCacheBehavior"]  # the app's files are the same for all
    assert "CouncilAddresses" in json.dumps(config["Aliases"])
    assert template["Parameters"]["CouncilAddresses"]["Type"] == "CommaDelimitedList"
