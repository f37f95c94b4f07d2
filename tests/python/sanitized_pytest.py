#!/usr/bin/python3
"""Runs pytest in an interpreter that loads a sanitized newsevents module.

    sanitized_pytest.py --runtime LIB [--suppressions FILE] -- PYTEST_ARGS...

Python itself is not built with the sanitizers, so their runtime (LIB, e.g.
libasan.so) must be preloaded before the module can load. Every report of the
sanitizers goes to log files, read when pytest has finished:

- a memory error, undefined behaviour or data race fails the run;
- a leak fails the run when newsevents allocated it: a frame of its stack is
  in the module (_newsevents) or the library (libnewsevents). The interpreter
  frees neither its own startup objects nor extension types at exit; those
  leaks have no newsevents frame and are counted, not failed. Registrations
  that live as long as the module (pybind11's function records, made when it
  is imported) are listed in FILE, LeakSanitizer's suppressions.

Stacks are unwound by frame pointers (newsevents is built with them), fast
enough for the whole suite; they stop at the first interpreter frame, which
is what tells a leak newsevents code made from one the interpreter made. The
exit status is pytest's, or 1 when a report fails the run.
"""
import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

OURS = re.compile(r"_newsevents|libnewsevents")
ERRORS = ("ERROR: AddressSanitizer", "runtime error:", "WARNING: ThreadSanitizer",
          "ERROR: ThreadSanitizer", "ERROR: UndefinedBehaviorSanitizer")


def leak_reports(text):
    """The leak blocks of a LeakSanitizer report: header line and stack."""
    return re.findall(r"^(?:Direct|Indirect) leak of .*?(?=\n\n|\Z)", text, re.M | re.S)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtime", required=True, help="the sanitizer runtime to preload")
    parser.add_argument("--suppressions", help="LeakSanitizer suppressions")
    parser.add_argument("pytest", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    pytest_args = args.pytest[1:] if args.pytest[:1] == ["--"] else args.pytest

    with tempfile.TemporaryDirectory(prefix="newsevents-sanitized-") as scratch:
        logs = pathlib.Path(scratch) / "report"
        status_file = pathlib.Path(scratch) / "pytest-status"
        env = dict(os.environ)
        env["LD_PRELOAD"] = args.runtime
        env["NEWSEVENTS_PYTEST_STATUS"] = str(status_file)
        for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS"):
            env[name] = ":".join(filter(None, [env.get(name), f"log_path={logs}"]))
        env["ASAN_OPTIONS"] += ":detect_leaks=1"
        if args.suppressions:
            env["LSAN_OPTIONS"] = ":".join(filter(None, [
                env.get("LSAN_OPTIONS"), f"suppressions={args.suppressions}"]))
        result = subprocess.run([sys.executable, "-m", "pytest", *pytest_args], env=env)

        failures = []
        ignored = 0
        reports = [path.read_text(errors="replace")
                   for path in sorted(pathlib.Path(scratch).glob("report.*"))]
        for text in reports:
            if any(marker in text for marker in ERRORS):
                failures.append(text)
                continue
            for leak in leak_reports(text):
                if OURS.search(leak):
                    failures.append(leak)
                else:
                    ignored += 1
        finished = status_file.exists()
        pytest_status = int(status_file.read_text()) if finished else result.returncode or 1

    for failure in failures if finished else reports:
        print(failure, file=sys.stderr)
    if not finished:
        print(f"sanitized_pytest: pytest did not finish (exit status {result.returncode})",
              file=sys.stderr)
        return pytest_status
    print(f"sanitized_pytest: {len(failures)} sanitizer reports from newsevents code, "
          f"{ignored} leaks of the Python interpreter itself ignored", file=sys.stderr)
    if failures:
        return 1
    return pytest_status


if __name__ == "__main__":
    sys.exit(main())
