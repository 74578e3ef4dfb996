"""Open data's stable address: GET /v1/open-data describes the latest export
(licence, when, how many reports, each file's size and checksum) and links
each file at GET /v1/open-data/{name}, which redirects to it in the bucket.
The addresses never change; what they lead to is rewritten daily."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE

routes = Routes("opendata", schemas="chalicelib.handlers.opendata.schemas")
LINK_SECONDS = 3600  # how long a redirect's bucket link works
CACHE = {"Cache-Control": "public, max-age=300"}  # well inside the link's hour


@routes.get("/v1/open-data", ANYONE, {
    "summary": "Open data: the latest export of public reports (CSV, GeoJSON), its licence and links",
    "responses": {"200": json_response(ref("OpenData")), **errors(404)}})
def open_data_index():
    from . import files
    return http.ok(files.index(http.deps()), headers=CACHE)


@routes.get("/v1/open-data/{name}", ANYONE, {
    "summary": "One file of the latest export: redirects to it",
    "parameters": [path_param("name", {"type": "string", "enum": ["reports.csv", "reports.geojson",
                                                                 "reports.csv-metadata.json"]})],
    "responses": {"302": {"description": "Redirect to the file"}, **errors(404)}})
def open_data_file(name):
    from . import files
    return http.redirect(files.location(http.deps(), name, LINK_SECONDS), headers=CACHE)
