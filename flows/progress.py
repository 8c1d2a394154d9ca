"""Progress over batches: a bar with pages/s on a terminal, nothing extra in logs (one line per batch there)."""
from __future__ import annotations

import sys
import time

BAR_WIDTH = 30


class Progress:
    """Draws `stage [#####.....] 1,250/10,000 pages  830 pages/s` on stderr when it is a terminal."""

    def __init__(self, stage: str, total: int, stream=None):
        self.stage, self.total, self.done = stage, total, 0
        self.stream = stream or sys.stderr
        self.enabled = total > 0 and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.started = time.perf_counter()

    def line(self) -> str:
        share = self.done / self.total if self.total else 1.0
        rate = self.done / max(time.perf_counter() - self.started, 1e-9)
        filled = int(share * BAR_WIDTH)
        return (f"{self.stage:<8} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
                f"{self.done:,}/{self.total:,} pages  {rate:,.0f} pages/s")

    def advance(self, pages: int) -> None:
        self.done += pages
        if self.enabled:
            end = "\n" if self.done >= self.total else ""
            self.stream.write("\r" + self.line() + end)
            self.stream.flush()
