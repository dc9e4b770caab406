"""Pinned dependencies: the lock files cover pyproject, carry hashes, and match what is installed.

``make install`` installs requirements.lock with ``--require-hashes`` (and
``make install-test`` requirements-test.lock), so a fresh machine gets the
versions that were tested. These tests catch a lock that drifted from
pyproject and a venv that drifted from the lock.
"""

from __future__ import annotations

import importlib.metadata as md
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_EXTRAS = ("server", "postgres", "scale")  # what `make lock` puts in requirements.lock

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.\-]*)==([^\s\\;]+)")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(name: str) -> dict[str, dict]:
    """name -> {"version": ..., "hashes": [...]} for each pinned requirement."""
    pins: dict[str, dict] = {}
    current = None
    for line in (ROOT / name).read_text().splitlines():
        if m := _PIN.match(line):
            current = pins.setdefault(norm(m[1]), {"version": m[2], "hashes": []})
        elif current is not None and (h := re.search(r"--hash=(sha256:[0-9a-f]{64})", line)):
            current["hashes"].append(h[1])
        elif not line.startswith(" "):
            current = None
    return pins


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def requirements(extras) -> list[Requirement]:
    p = project()
    reqs = [Requirement(r) for r in p["dependencies"]]
    for extra in extras:
        reqs += [Requirement(r) for r in p["optional-dependencies"][extra]]
    return reqs


LOCKS = {
    "requirements.lock": RUNTIME_EXTRAS,
    "requirements-test.lock": tuple(project()["optional-dependencies"]),
}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_is_exact_and_hashed(lock):
    pins = read_lock(lock)
    assert len(pins) > 50
    assert [n for n, p in pins.items() if not p["hashes"]] == []
    text = (ROOT / lock).read_text()
    # Nothing unpinned or loose slipped in (a range, a bare name, a URL).
    loose = [line for line in text.splitlines()
             if line and not line.startswith((" ", "#", "--")) and not _PIN.match(line)]
    assert loose == []


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_lock_covers_pyproject(lock):
    pins = read_lock(lock)
    missing, outside = [], []
    for req in requirements(LOCKS[lock]):
        pin = pins.get(norm(req.name))
        if pin is None:
            missing.append(req.name)
        elif req.specifier and not req.specifier.contains(pin["version"], prereleases=True):
            outside.append(f"{req.name}=={pin['version']} (pyproject: {req.specifier})")
    assert missing == [] and outside == []


def test_runtime_lock_agrees_with_test_lock():
    runtime, test = read_lock("requirements.lock"), read_lock("requirements-test.lock")
    assert set(runtime) <= set(test)
    assert {n: (p["version"], test[n]["version"]) for n, p in runtime.items()
            if p["version"] != test[n]["version"]} == {}


def test_installed_versions_match_the_lock():
    """Every locked package is installed at the locked version (run `make install-test` to fix)."""
    wrong = {}
    for name, pin in read_lock("requirements-test.lock").items():
        try:
            installed = md.version(name)
        except md.PackageNotFoundError:
            installed = None
        if installed != pin["version"]:
            wrong[name] = f"installed {installed}, locked {pin['version']}"
    assert wrong == {}


def test_makefile_installs_from_the_locks_with_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes --no-deps -r requirements.lock" in makefile
    assert "--require-hashes --no-deps -r requirements-test.lock" in makefile
