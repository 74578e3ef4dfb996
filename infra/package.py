"""`make package`: dist/deployment.zip and dist/template.json, offline and
with no AWS account.

Chalice packages the app (its API definition, functions and log groups) with
its own packager, fed a vendor/ directory of wheels built for the Lambda
runtime (infra/vendor.py) and no requirements of its own, so nothing is ever
compiled on this machine; the rest of the deployment is merged into its
template (`--merge-template`, from infra/template/). The result is checked
before it is kept: at most MAX_ZIP_BYTES, and every shared object loadable on
the runtime. Its modules' bytecode is added, compiled by the runtime's Python
version where this machine has one (infra/bytecode.py).
"""
import collections
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import bytecode, elf, runtime, vendor

ROOT = vendor.ROOT
MAX_ZIP_BYTES = 16_000_000  # 14 MB until jsonschema, 15 MB until forms' retention and hand-ons; 17 MB for wave six, then back under 16 by leaving out what only builds; 1.67 MB under it with the dependencies as bytecode alone, issue 78 (docs/decisions/house.md)
CHALICE_STAGE = "aws"  # .chalice/config.json: what every deployed stage shares


class PackageRefused(Exception):
    pass


def build(dist=ROOT / "dist", build_dir=ROOT / "build"):
    """Write dist/ and return (zip path, template path)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".package.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # build/stage is shared by every build
        return _build(dist, build_dir)


def _build(dist, build_dir):
    sys.path.insert(0, str(ROOT))
    from app import app
    from .template import merge_template
    stage = _stage(build_dir, vendor.vendored(build=build_dir))
    merge = build_dir / "merge-template.json"
    merge.write_text(json.dumps(merge_template(app), indent=1))
    out = build_dir / "chalice-out"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "eu-west-2")}
    subprocess.run([str(Path(sys.executable).parent / "chalice"), "--project-dir", str(stage), "package",
                    "--stage", CHALICE_STAGE, "--merge-template", str(merge), str(out)], check=True, env=env)
    zip_path, template_path = dist / "deployment.zip", dist / "template.json"
    _add_bytecode(out / "deployment.zip")
    check(out / "deployment.zip")
    dist.mkdir(exist_ok=True)
    shutil.move(out / "deployment.zip", zip_path)
    # Written without Chalice's indentation: CloudFormation takes a template of at most 1 MB
    # (cfn-lint holds it to 1,000,000 bytes), and the API's routes alone took it past that indented.
    template = json.loads((out / "sam.json").read_text())
    template_path.write_text(json.dumps(template, separators=(",", ":")))  # CodeUri ./deployment.zip beside it
    return zip_path, template_path


def _add_bytecode(zip_path):
    python = runtime.interpreter()
    if python is None:
        if runtime.required():
            raise PackageRefused(runtime.missing())
        print(f"WARNING: {runtime.missing()}", file=sys.stderr)
        return
    bytecode.add(zip_path, python, runtime.CACHE_TAG)


def _stage(build_dir, vendored):
    """The app as Chalice should see it: code, config, our vendor/, and no
    requirements for it to resolve on its own."""
    stage = build_dir / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copy(ROOT / "app.py", stage)
    shutil.copytree(ROOT / "chalicelib", stage / "chalicelib",  # fixtures/: vendors' saved pages and answers, for tests only
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "fixtures"))
    shutil.copytree(ROOT / ".chalice", stage / ".chalice", ignore=shutil.ignore_patterns("deployments", "venv"))
    (stage / "requirements.txt").write_text("")
    (stage / "vendor").symlink_to(vendored)
    return stage


def check(zip_path):
    size = zip_path.stat().st_size
    if size > MAX_ZIP_BYTES:
        raise PackageRefused(f"{zip_path.name} is {size:,} bytes, over {MAX_ZIP_BYTES:,}")
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(zip_path) as z:
            z.extractall(tmp)
        found = elf.problems(tmp)
    if found:
        raise PackageRefused("shared objects that would not load on the runtime:\n  " + "\n  ".join(found))


def summary(zip_path, template_path):
    template = json.loads(template_path.read_text())
    kinds = collections.Counter(r["Type"] for r in template["Resources"].values())
    with zipfile.ZipFile(zip_path) as z:
        unzipped = sum(i.file_size for i in z.infolist())
    lines = [f"{zip_path}: {zip_path.stat().st_size:,} bytes zipped, {unzipped:,} unzipped",
             f"{template_path}: {sum(kinds.values())} resources"]
    lines += [f"  {n:3d} {kind}" for kind, n in sorted(kinds.items())]
    return "\n".join(lines)


def main():
    try:
        paths = build()
    except PackageRefused as e:
        sys.exit(f"package refused: {e}")
    print(summary(*paths))


if __name__ == "__main__":
    main()
