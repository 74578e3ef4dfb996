"""`make audit`: known vulnerabilities in what the Lambda package vendors
(requirements.txt and everything it pulls in), resolved as `make package`
resolves them.

pip-audit asks PyPI's per-release JSON (/pypi/NAME/VERSION/json) or OSV;
neither is reachable from this project's machines or CI, which reach PyPI's
package index and its per-project JSON only. That JSON lists the known
vulnerabilities (from the Python Packaging Advisory Database, as pip-audit
reads them) of the project's newest release. So a dependency at its newest
release is checked against that list; one held below it (by a pin, or by
another dependency's range) cannot be checked and must be explained, as must
every vulnerability found. Explanations: EXPLAINED below. Exit code 1 when
anything is left unexplained.
"""
import json
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_JSON = "https://pypi.org/pypi/{name}/json"

# Why a package may stay below its newest release, or a vulnerability stay.
EXPLAINED = {
    "python-dateutil": "botocore (through pynamodb) requires python-dateutil<3; 2.9.0.post0 is the newest 2.x. "
                       "Only botocore uses it; no Doorstep code parses dates with it.",
}


def resolved():
    """[(name, version)] that pip resolves requirements.txt to, as for the package."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                        "--report", str(report), "-r", str(ROOT / "requirements.txt")], check=True)
        installed = json.loads(report.read_text())["install"]
    return sorted((i["metadata"]["name"], i["metadata"]["version"]) for i in installed)


def project(name):
    with urllib.request.urlopen(PROJECT_JSON.format(name=name), timeout=60) as answer:
        return json.loads(answer.read())


def audit(packages, fetch=project):
    """(findings, explained): each a list of lines."""
    findings, explained = [], []
    for name, version in packages:
        data = fetch(name)
        newest = data["info"]["version"]
        if version != newest:
            line = f"{name} {version}: below its newest release ({newest}), so PyPI's list cannot check it"
            (explained if name in EXPLAINED else findings).append(
                line + (f" - explained: {EXPLAINED[name]}" if name in EXPLAINED else ""))
            continue
        for vulnerability in data.get("vulnerabilities") or []:
            if vulnerability.get("withdrawn"):
                continue
            ids = [vulnerability["id"], *vulnerability.get("aliases", [])]
            why = next((EXPLAINED[i] for i in ids if i in EXPLAINED), None)
            fixed = ", ".join(vulnerability.get("fixed_in") or []) or "no release yet"
            line = f"{name} {version}: {', '.join(ids)} (fixed in {fixed})"
            (explained if why else findings).append(line + (f" - explained: {why}" if why else ""))
    return findings, explained


def main():
    packages = resolved()
    findings, explained = audit(packages)
    print(f"{len(packages)} runtime packages audited against PyPI's advisory data")
    for line in explained:
        print(f"  explained  {line}")
    for line in findings:
        print(f"  FOUND      {line}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
