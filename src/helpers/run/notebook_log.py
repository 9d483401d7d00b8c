"""What a notebook prints, relayed to the run's log line by line: its stdout (progress, the
closing summary) at INFO, its stderr (warnings, errors) at WARNING."""

from __future__ import annotations

import io
import logging

# The logger of each notebook's output: helpers.notebook.<notebook file name>.
LOGGER_PREFIX = "helpers.notebook"


class LogStream(io.TextIOBase):
    """A writable text stream that logs each complete line it receives at one level."""

    def __init__(self, logger: logging.Logger, level: int) -> None:
        super().__init__()
        self.logger, self.level, self.pending = logger, level, ""

    def write(self, text: str) -> int:
        """Log the complete lines of pending + text; keep a last partial line for later."""
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            if line.strip():
                self.logger.log(self.level, line.rstrip())
        return len(text)

    def flush(self) -> None:
        """Nothing to do: a partial line waits for its end (or for close)."""

    def close(self) -> None:
        """Log a last line that did not end with a newline, then close."""
        if self.pending.strip():
            self.logger.log(self.level, self.pending.rstrip())
        self.pending = ""
        super().close()


def notebook_streams(notebook: str) -> tuple[LogStream, LogStream]:
    """The (stdout, stderr) streams papermill writes a notebook's printed output to."""
    logger = logging.getLogger(f"{LOGGER_PREFIX}.{notebook}")
    return LogStream(logger, logging.INFO), LogStream(logger, logging.WARNING)
