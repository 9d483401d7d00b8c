"""What the shared kernel runs outside the notebooks: the warm-up's imports, the reset."""

from __future__ import annotations

import sys

from helpers import kernel


def test_warm_up_skips_a_module_that_fails_to_import() -> None:
    kernel.warm_up(["helpers.no_such_module", "json.tool"])
    assert "json.tool" in sys.modules


def test_reset_outside_a_kernel_releases_and_freezes(fresh_python) -> None:
    printed = fresh_python(
        "import gc\nfrom helpers import kernel\nkernel.reset()\nprint(gc.get_freeze_count() > 0)\n"
    )
    assert printed.strip() == "True"
