"""`--debug` says where a scan's time went: one line on stderr, phases in order."""

from __future__ import annotations

import re
import time

from govern.timings import Timings, phase
from tests.conftest import FIXTURES
from tests.test_cli import run

LINE = re.compile(r"^govern: timings: rules \d+\.\d\d s, discover \d+\.\d\d s, plan \d+\.\d\d s, "
                  r"units \d+\.\d\d s, merge \d+\.\d\d s, suppress \d+\.\d\d s, "
                  r"report \d+\.\d\d s, total \d+\.\d\d s$")


def test_phases_add_up_in_the_order_they_first_ran() -> None:
    timings = Timings()
    with timings.phase("a"):
        time.sleep(0.01)
    with phase(timings, "b"):
        pass
    with timings.phase("a"):
        time.sleep(0.01)
    assert list(timings.phases) == ["a", "b"]
    assert timings.phases["a"] >= 0.02 > timings.phases["b"]
    assert re.fullmatch(r"timings: a 0\.0[2-9] s, b 0\.00 s, total 0\.\d\d s", timings.line())
    with phase(None, "c"):  # not timing: nothing to do
        pass


def test_a_debug_scan_ends_with_its_timings_on_stderr() -> None:
    example = str(FIXTURES / "examples" / "terraform-clean")
    code, out, err = run("scan", example, "--debug")
    assert code == 0 and "No findings." in out
    assert LINE.match(err.splitlines()[-1]), err
    code, _, err = run("scan", example)
    assert (code, err) == (0, "")
