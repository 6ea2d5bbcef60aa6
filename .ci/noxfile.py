"""Test sessions, one per supported Python, run by ``.ci/run``.

Each session installs the built wheel (``$BELATAM_WHEEL``) with its test
extras into a fresh environment and runs the suite from a copy of the tests
outside the checkout (``$BELATAM_SUITE``), so it tests what users install.
"""

from __future__ import annotations

import os

import nox

nox.options.error_on_missing_interpreters = False
nox.options.reuse_existing_virtualenvs = False

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    wheel = os.environ["BELATAM_WHEEL"]
    suite = os.environ["BELATAM_SUITE"]
    session.install(f"{wheel}[test]")
    session.chdir(suite)
    session.run("python", "-c", "import belatam, sys; assert 'site-packages' in belatam.__file__, belatam.__file__")
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
