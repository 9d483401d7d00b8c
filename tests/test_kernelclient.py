"""Papermill's clients on the shared kernel are ready at once and lose no output."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jupyter_client.manager import KernelManager

from helpers import config, pipeline
from helpers.kernelclient import QuickReadyClient


@pytest.fixture(scope="module")
def kernel() -> Iterator[KernelManager]:
    pipeline.ensure_kernel(config.KERNEL_NAME)
    km = KernelManager(
        kernel_name=config.KERNEL_NAME, client_class="helpers.kernelclient.QuickReadyClient"
    )
    km.start_kernel(extra_arguments=["--log-level=ERROR"])
    try:
        yield km
    finally:
        km.shutdown_kernel(now=True)


def _printed(client: QuickReadyClient, code: str) -> str:
    out: list[str] = []

    def hook(message: dict[str, Any]) -> None:
        if message["msg_type"] == "stream":
            out.append(message["content"]["text"])

    client.execute_interactive(code, output_hook=hook, timeout=30)
    return "".join(out)


def test_each_new_client_sees_the_output_of_its_first_request(kernel: KernelManager) -> None:
    for attempt in range(6):  # as papermill does: a new client per notebook on one kernel
        client = kernel.client()
        assert isinstance(client, QuickReadyClient)
        client.start_channels()
        try:
            client.wait_for_ready(timeout=30)
            # Nothing of the readiness check is left unread on either channel.
            assert not client.shell_channel.msg_ready()
            assert not client.iopub_channel.msg_ready()
            assert _printed(client, f"print('run', {attempt})") == f"run {attempt}\n"
        finally:
            client.stop_channels()


def test_a_dead_kernel_is_reported() -> None:
    km = KernelManager(
        kernel_name=config.KERNEL_NAME, client_class="helpers.kernelclient.QuickReadyClient"
    )
    km.start_kernel(extra_arguments=["--log-level=ERROR"])
    client = km.client()
    client.start_channels()
    km.shutdown_kernel(now=True)
    try:
        with pytest.raises(RuntimeError):
            client.wait_for_ready(timeout=3)
    finally:
        client.stop_channels()
