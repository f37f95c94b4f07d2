"""Shared fixtures of the Python suite.

The package is imported from PYTHONPATH (the build tree's `python/` folder when
CTest runs the suite; see tests/python/CMakeLists.txt)."""

import os
import pathlib

import pytest

import newsevents


@pytest.fixture(scope="session")
def extractor():
    """One Extractor with the built-in rules, shared by the whole session
    (it is immutable, so tests cannot disturb each other through it)."""
    return newsevents.Extractor()


@pytest.fixture(scope="session")
def cli():
    """The path of the `newsevents` CLI binary (env NEWSEVENTS_CLI); skips
    the test when the CLI was not built."""
    path = os.environ.get("NEWSEVENTS_CLI")
    if not path:
        pytest.skip("NEWSEVENTS_CLI is not set (the CLI is not built)")
    assert os.access(path, os.X_OK), f"NEWSEVENTS_CLI={path} is not executable"
    return path


def pytest_sessionfinish(session, exitstatus):
    """Under tests/python/sanitized_pytest.py, writes pytest's own exit status
    where it asks: the process's exit status may be the sanitizer's."""
    path = os.environ.get("NEWSEVENTS_PYTEST_STATUS")
    if path:
        pathlib.Path(path).write_text(str(int(exitstatus)))
