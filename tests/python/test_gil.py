"""The compiled calls release the GIL: other Python threads run meanwhile."""

import threading
import time

import newsevents
from newsevents import _newsevents

DOCUMENT = b"Dell shares slipped 2.9% to $118.25. " * 5000


def longest_pause(call):
    """Runs `call()` while a pure-Python thread spins; returns the longest
    stretch of the call during which that thread could not run, and how long
    the call took. With the GIL held, the pause spans the whole call."""
    stop = threading.Event()
    ready = threading.Event()
    pauses = []

    def spin():
        last = time.perf_counter()
        ready.set()
        while not stop.is_set():
            now = time.perf_counter()
            if now - last > 0.001:
                pauses.append((last, now))
            last = now

    spinner = threading.Thread(target=spin)
    spinner.start()
    ready.wait()
    started = time.perf_counter()
    call()
    ended = time.perf_counter()
    stop.set()
    spinner.join()
    longest = max((min(end, ended) - max(begin, started)
                   for begin, end in pauses), default=0.0)
    return max(longest, 0.0), ended - started


def test_extract_releases_the_gil(extractor):
    # The shim itself, so that only the compiled call is measured.
    pause, elapsed = longest_pause(lambda: extractor._core.extract(
        DOCUMENT, "", "", _newsevents.ContentType.AUTO))
    assert elapsed > 0.03, "the document should take a while to read"
    assert pause < elapsed / 2, (pause, elapsed)


def test_extract_batch_releases_the_gil():
    core = newsevents.Extractor(threads=1)._core
    items = [(DOCUMENT, "", str(i), _newsevents.ContentType.AUTO)
             for i in range(2)]
    pause, elapsed = longest_pause(lambda: core.extract_batch(items))
    assert elapsed > 0.03, "the documents should take a while to read"
    assert pause < elapsed / 2, (pause, elapsed)
