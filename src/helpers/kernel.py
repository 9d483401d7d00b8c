"""What the pipeline's shared kernel runs outside the notebooks: the warm-up at start and the
reset between notebooks (helpers.pipeline sends these calls; they are plain functions so that
they can be tested without a kernel)."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from pathlib import Path

from helpers import memory

log = logging.getLogger(__name__)


def warm_up(
    modules: Sequence[str],
    raw_dir: str | None = None,
    max_bytes: int = 0,
    interim_dir: str | None = None,
) -> bool:
    """Import what the notebooks use, with the collector paused and the result frozen
    (helpers.memory), so that the first notebook starts with its libraries loaded.

    Given the corpus (raw_dir, the ingest cache), the NER model starts loading in a background
    process as soon as ingest is imported, but only if some file is new: stage 3 then likely
    needs it, and loading it takes ~6 s of a core, which a rebuild with every article cached
    would waste. Returns whether it started the model. A module that fails to import is
    skipped: the notebook importing it reports the error."""
    started = False
    with memory.collection_paused():
        if raw_dir is not None:
            from helpers import config, ingest, nlp

            cache = Path(interim_dir) if interim_dir else None
            if ingest.has_new_inputs(Path(raw_dir), max_bytes, cache):
                nlp.warm_up(config.SPACY_MODEL)
                started = True
        for name in modules:
            _import(name)
    return started


def _import(name: str) -> None:
    """Import a module by name; a failure is logged, not raised."""
    try:
        importlib.import_module(name)
    except Exception as exc:  # reported again by the notebook that imports it
        log.debug("warm-up: importing %s failed: %s", name, exc)


def reset() -> None:
    """Forget every variable of the previous notebook (imported modules stay loaded), give the
    memory they held back to the system (on 10,000 articles, ~0.5 GB after ingest), and freeze
    what survives (modules a notebook imported, module-level caches): it lives as long as the
    kernel, and IPython's reset runs full collections that would scan it each time."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.run_line_magic("reset", "-f")
    memory.release_freed_memory()
    memory.freeze_survivors()
