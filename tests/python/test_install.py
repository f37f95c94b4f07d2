"""The package imports and works from an installed tree alone.

Run by the CTest test `python_install`, which sets NEWSEVENTS_BUILD_DIR,
NEWSEVENTS_CMAKE and NEWSEVENTS_PYTHON_INSTALL_DIR; skipped without them (so
the plain `python` test does not install)."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

BUILD_DIR = os.environ.get("NEWSEVENTS_BUILD_DIR")
CMAKE = os.environ.get("NEWSEVENTS_CMAKE")
PYTHON_DIR = os.environ.get("NEWSEVENTS_PYTHON_INSTALL_DIR")
CONFIG = os.environ.get("NEWSEVENTS_INSTALL_CONFIG")

pytestmark = pytest.mark.skipif(
    not (BUILD_DIR and CMAKE and PYTHON_DIR),
    reason="run by the CTest test python_install (needs NEWSEVENTS_BUILD_DIR, "
           "NEWSEVENTS_CMAKE, NEWSEVENTS_PYTHON_INSTALL_DIR)")

# Run in a fresh interpreter that sees only the installed tree: it reports
# where the package, the module and libnewsevents.so were loaded from.
CHECK = textwrap.dedent("""
    import json, sys
    import newsevents
    from newsevents import _newsevents
    events = newsevents.extract(b"Dell shares slipped 2.9% to $118.25.")
    with open("/proc/self/maps") as maps:
        libraries = sorted({line.split()[-1] for line in maps
                            if "libnewsevents.so" in line})
    print(json.dumps({
        "package": newsevents.__file__,
        "module": _newsevents.__file__,
        "version": newsevents.__version__,
        "libraries": libraries,
        "types": [event.type for event in events],
    }))
""")


@pytest.fixture(scope="module")
def prefix(tmp_path_factory):
    """A fresh `cmake --install` of the build tree."""
    prefix = tmp_path_factory.mktemp("prefix")
    command = [CMAKE, "--install", BUILD_DIR, "--prefix", str(prefix)]
    if CONFIG:
        command += ["--config", CONFIG]
    run = subprocess.run(command, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, check=False, timeout=300)
    assert run.returncode == 0, run.stdout.decode(errors="replace")
    return prefix


def test_installed_files(prefix):
    package = prefix / PYTHON_DIR / "newsevents"
    names = {path.name for path in package.iterdir()}
    assert {"__init__.py", "__init__.pyi", "py.typed"} <= names
    assert any(name.startswith("_newsevents") and name.endswith(".so")
               for name in names), names


def run_from(root, cwd):
    """Runs CHECK with only `root`'s package on the path; returns its report."""
    site = root / PYTHON_DIR
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "LD_LIBRARY_PATH", "PYTHONHOME")}
    env["PYTHONPATH"] = str(site)
    if "ASAN_OPTIONS" in env:
        # Under sanitized_pytest: the interpreter's own leaks at exit would end
        # this child with the sanitizer's status; newsevents' leaks are checked
        # in the pytest process, which runs the same code.
        env["ASAN_OPTIONS"] += ":detect_leaks=0"
    run = subprocess.run([sys.executable, "-B", "-c", CHECK], cwd=cwd,
                         env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, check=False, timeout=120)
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    found = json.loads(run.stdout)
    assert found["package"].startswith(str(site)), found
    assert found["module"].startswith(str(site)), found
    assert "share_move" in found["types"], found
    if os.path.exists("/proc/self/maps"):
        assert found["libraries"], found
        for library in found["libraries"]:
            assert library.startswith(os.path.realpath(root) + os.sep), (
                f"libnewsevents.so loaded from outside {root}: {found}")
    return found


def test_imports_from_installed_tree_alone(prefix, tmp_path):
    import newsevents  # the build tree's, from this process's PYTHONPATH

    found = run_from(prefix, tmp_path)
    assert found["version"] == newsevents.__version__


def test_installed_tree_can_move(prefix, tmp_path):
    # The module finds libnewsevents.so relative to $ORIGIN, so a copy of the
    # tree elsewhere works on its own.
    moved = tmp_path / "moved"
    shutil.copytree(prefix, moved, symlinks=True)
    run_from(moved, tmp_path)
