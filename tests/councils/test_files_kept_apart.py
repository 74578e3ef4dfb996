"""A council's files (photos, meeting papers, open data, a form's files) are its own, as its
records are (docs/decisions/councils.md): the photo bucket keeps each council's under its id,
so two councils' files of one name never meet and one council's is never answered at another's."""
import pytest

from chalicelib import tenancy
from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, york


def test_a_file_written_for_one_council_is_never_read_or_listed_for_another(deps):
    from chalicelib.handlers.democracy.agendas import paper_key
    from chalicelib.storage.blobs import BlobMissing
    # Modern.gov numbers each council's papers on its own: both councils have a paper 4108.
    deps.blobs.write(paper_key("4108"), b"%PDF York's agenda", "application/pdf")
    with tenancy.acting_for("north-lanarkshire"):
        with pytest.raises(BlobMissing):
            deps.blobs.read(paper_key("4108"))
        assert deps.blobs.keys("meeting-papers/") == []
        deps.blobs.write(paper_key("4108"), b"%PDF North Lanarkshire's agenda", "application/pdf")
    assert deps.blobs.read(paper_key("4108")) == b"%PDF York's agenda"
    assert deps.blobs.keys("meeting-papers/") == [paper_key("4108")]


def test_the_nightly_open_data_of_one_council_is_not_published_at_anothers_address(client, deps):
    import app
    from conftest import pothole
    add(deps, york(), north_lanarkshire())
    made = client.post("/v1/reports", pothole(), at(YORK_HOST))
    assert made.status_code == 201, made.json_body
    app.export_open_data.func({})  # every council's export, one after the other
    assert client.get("/v1/open-data", at(YORK_HOST)).json_body["reports"] == 1
    theirs = client.get("/v1/open-data", at(NL_HOST)).json_body
    assert theirs["reports"] == 0 and made.json_body["id"] not in str(theirs)
