"""What each shared object in a package needs from the system, read from its
ELF headers (pyelftools, so it works the same on any build machine)."""
import os
import re
from dataclasses import dataclass

from . import runtime

SHARED = re.compile(r"\.so(\.\d+)*$")


@dataclass(frozen=True)
class SharedObject:
    path: str  # relative to the package root
    machine: str
    needed: tuple
    search: tuple  # directories (relative to the root) its RUNPATH/RPATH names
    glibc: tuple  # the newest GLIBC_x.y symbol version it asks for, or ()
    stripped: bool


def read(root, rel):
    from elftools.elf.dynamic import DynamicSection
    from elftools.elf.elffile import ELFFile
    from elftools.elf.gnuversions import GNUVerNeedSection
    with open(os.path.join(root, rel), "rb") as f:
        elf = ELFFile(f)
        needed, search, glibc = [], [], ()
        for section in elf.iter_sections():
            if isinstance(section, DynamicSection):
                for tag in section.iter_tags():
                    if tag.entry.d_tag == "DT_NEEDED":
                        needed.append(tag.needed)
                    elif tag.entry.d_tag in ("DT_RUNPATH", "DT_RPATH"):
                        paths = tag.runpath if tag.entry.d_tag == "DT_RUNPATH" else tag.rpath
                        search += [_expand(rel, p) for p in paths.split(":") if p]
            elif isinstance(section, GNUVerNeedSection):
                for _, aux in section.iter_versions():
                    for version in aux:
                        m = re.fullmatch(r"GLIBC_(\d+)\.(\d+)(?:\.\d+)?", version.name)
                        if m:
                            glibc = max(glibc, (int(m[1]), int(m[2])))
        return SharedObject(rel, elf["e_machine"], tuple(needed), tuple(search), glibc,
                            stripped=elf.get_section_by_name(".symtab") is None)


def _expand(rel, path):
    origin = os.path.dirname(rel)
    return os.path.normpath(path.replace("$ORIGIN", origin).replace("${ORIGIN}", origin))


def shared_objects(root):
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            if SHARED.search(name):
                found.append(read(root, os.path.relpath(os.path.join(folder, name), root)))
    return sorted(found, key=lambda so: so.path)


def resolve(root, so, name):
    """Where the loader finds `name` for `so`: a path inside the package,
    "runtime" for a library the Lambda runtime provides, or None."""
    for folder in so.search:
        candidate = os.path.normpath(os.path.join(folder, name))
        if os.path.isfile(os.path.join(root, candidate)):
            return candidate
    return "runtime" if name in runtime.RUNTIME_LIBRARIES else None


def problems(root):
    """Every reason a shared object under `root` would fail to load on the
    runtime: a library neither bundled nor provided, a glibc too new, the
    wrong machine, or an extension module built for another Python."""
    found = []
    suffixes = runtime.extension_suffixes()
    for so in shared_objects(root):
        if so.machine != "EM_X86_64":
            found.append(f"{so.path}: built for {so.machine}")
        for name in so.needed:
            if resolve(root, so, name) is None:
                found.append(f"{so.path}: needs {name}, which is neither in the package nor in the runtime")
        if so.glibc > runtime.GLIBC:
            found.append(f"{so.path}: needs glibc {'.'.join(map(str, so.glibc))}")
        if not is_bundled(so.path) and not so.path.endswith(suffixes):
            found.append(f"{so.path}: an extension module for another Python (wants {suffixes})")
    return found


def is_bundled(rel):
    # auditwheel puts a wheel's own copies of libraries in <dist>.libs/
    return os.path.dirname(rel).endswith(".libs")
