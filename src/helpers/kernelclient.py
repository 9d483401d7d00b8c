"""The Jupyter client classes of the pipeline's shared kernel: a client ready as soon as the
kernel has answered (without jupyter_client's fixed 0.2 s wait), and a manager for a kernel
left on standby by an earlier run."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from queue import Empty
from typing import Any

from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager

from helpers.standby import Record


class QuickReadyClient(BlockingKernelClient):
    """A blocking client whose wait_for_ready ends when the kernel has replied to kernel_info
    and this client has received, on IOPub, the kernel's "idle" status for that request.

    jupyter_client's own wait_for_ready then drains IOPub until it has been silent for 0.2 s,
    which costs 0.2 s every time; papermill creates a client per notebook (four per run).
    Seeing our request's "idle" status proves the same two things: the IOPub subscription is
    live (no output of the first cell can be lost) and nothing of the request is left unread.
    """

    def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (60.0 if timeout is None else timeout)
        while True:
            request = self.kernel_info()
            try:
                reply: dict[str, Any] = self.get_shell_msg(timeout=1)
            except Empty:
                reply = {"msg_type": "none"}
            answered = reply["msg_type"] == "kernel_info_reply"
            if answered and self._idle_after(request, timeout=0.5):
                self._handle_kernel_info_reply(reply)
                return
            if not self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    def _idle_after(self, request: str, timeout: float) -> bool:
        """True once IOPub brings the kernel's "idle" status for request (within timeout)."""
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            try:
                message: dict[str, Any] = self.get_iopub_msg(timeout=left)
            except Empty:
                return False
            if (
                message["msg_type"] == "status"
                and message["parent_header"].get("msg_id") == request
                and message["content"].get("execution_state") == "idle"
            ):
                return True
        return False


class StandbyKernelManager(KernelManager):
    """The manager of a kernel that an earlier run started and left on standby
    (helpers.standby): it reaches the kernel through the recorded connection info, and tells
    whether it runs, or stops it, through the recorded process."""

    def __init__(self, record: Record, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.load_connection_info(record.connection)  # type: ignore[arg-type]
        self.record = record

    @property
    def has_kernel(self) -> bool:
        return self.record.running()

    def is_alive(self) -> bool:
        return self.record.running()

    def interrupt_kernel(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(self.record.pid, signal.SIGINT)

    def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        self.record.stop()
