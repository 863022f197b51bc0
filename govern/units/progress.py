"""What a long scan shows while it runs, on standard error: a progress bar on a terminal
(`tqdm`: units done of all, elapsed, estimate), appearing only once the scan has run a
second; with `--verbose`, a line per unit with the time it took; nothing with `--quiet`
or when standard error is not a terminal (CI logs stay clean).

A live collection (`--aws`) has a bar of its own: readers done of those started (an
organization's accounts add theirs as they start), and the account, region and service
read last; with `--verbose`, a line per reader (`govern.collect.progress`)."""

from __future__ import annotations

import sys
from typing import IO, Any

from govern.units.work import UnitResult

SHOW_AFTER_SECONDS = 1.0
REDRAW_SECONDS = 0.2  # at most this often


class ScanProgress:
    """Told the number of units once (`start`), then each result as it comes."""

    def __init__(self, bar: bool, verbose: bool, stream: IO[str] | None = None) -> None:
        self._want_bar = bar
        self._verbose = verbose
        self._stream = stream or sys.stderr
        self._bar: Any = None

    @classmethod
    def for_terminal(cls, quiet: bool, verbose: bool) -> ScanProgress | None:
        """The progress `--quiet`/`--verbose` and standard error call for (None: none)."""
        if quiet:
            return None
        bar = sys.stderr.isatty()
        return cls(bar, verbose) if bar or verbose else None

    def start(self, total: int) -> None:
        if self._want_bar and total > 1:
            self._bar = self._new_bar(total, "unit", "scanning")

    def _new_bar(self, total: int, unit: str, description: str) -> Any:
        from tqdm import tqdm  # only when a bar is shown (start-up time)

        # no monitor thread: the pool forks its workers after the bar is drawn
        tqdm.monitor_interval = 0
        return tqdm(total=total, unit=unit, desc=description, file=self._stream,
                    leave=False, delay=SHOW_AFTER_SECONDS, miniters=1,
                    mininterval=REDRAW_SECONDS, dynamic_ncols=True)

    def advance(self, result: UnitResult) -> None:
        if self._verbose:
            for label, seconds in result.timings:
                self._line(f"govern: {label}: {seconds:.2f} s")
        if self._bar is not None:
            self._bar.update(result.units)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    # a live collection (`govern.collect.progress.LiveProgress`)

    def expect(self, readers: int) -> None:
        if not self._want_bar:
            return
        if self._bar is None:
            self._bar = self._new_bar(readers, "reader", "reading AWS")
        else:
            self._bar.total += readers
            self._bar.refresh()

    def read(self, account: str, region: str, service: str, seconds: float) -> None:
        if self._verbose:
            self._line(f"govern: aws {account} {region} {service}: {seconds:.2f} s")
        if self._bar is not None:
            self._bar.set_postfix_str(f"{account} {region} {service}", refresh=False)
            self._bar.update(1)

    def _line(self, text: str) -> None:
        if self._bar is not None:
            self._bar.write(text, file=self._stream)
        else:
            print(text, file=self._stream, flush=True)
