"""`make audit` fails on a known vulnerability or an unexplained package it
cannot check, and passes what is explained (PyPI answers are made up here)."""
from infra import audit


def pypi(newest, *vulnerabilities):
    return {"info": {"version": newest}, "vulnerabilities": list(vulnerabilities)}


def test_a_known_vulnerability_in_a_runtime_package_is_a_finding():
    answers = {"pillow": pypi("13.0.0", {"id": "PYSEC-2099-1", "aliases": ["CVE-2099-1"], "fixed_in": ["13.0.1"]}),
               "six": pypi("1.17.0", {"id": "GHSA-old", "aliases": [], "fixed_in": [], "withdrawn": "2026-01-01"})}
    findings, explained = audit.audit([("pillow", "13.0.0"), ("six", "1.17.0")], answers.__getitem__)
    assert findings == ["pillow 13.0.0: PYSEC-2099-1, CVE-2099-1 (fixed in 13.0.1)"] and explained == []


def test_a_package_below_its_newest_release_must_be_explained(monkeypatch):
    answers = {"urllib3": pypi("3.0.0"), "python-dateutil": pypi("4.0.0")}
    findings, explained = audit.audit([("urllib3", "2.8.0"), ("python-dateutil", "2.9.0.post0")],
                                      answers.__getitem__)
    assert [f.split(":")[0] for f in findings] == ["urllib3 2.8.0"]
    assert [e.split(":")[0] for e in explained] == ["python-dateutil 2.9.0.post0"]
    monkeypatch.setitem(audit.EXPLAINED, "CVE-2099-2", "not reachable: the council's data only")
    answers = {"pyjwt": pypi("2.15.1", {"id": "PYSEC-2099-2", "aliases": ["CVE-2099-2"], "fixed_in": []})}
    findings, explained = audit.audit([("pyjwt", "2.15.1")], answers.__getitem__)
    assert findings == [] and "explained: not reachable" in explained[0]
