"""The shared kernel's warm-up starts the NER model only when the corpus has a new file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEEDS_DIR
from helpers import config, ingest, kernel, nlp

SEED = sorted(SEEDS_DIR.glob("*.txt"))[0]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    return raw


def test_new_inputs_are_those_the_cache_never_read(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "interim"
    max_bytes = config.MAX_FILE_BYTES
    assert ingest.has_new_inputs(corpus, max_bytes, cache)  # empty cache
    assert ingest.has_new_inputs(corpus, max_bytes, None)  # no cache: everything is new
    ingest.ingest_corpus(corpus, max_bytes=max_bytes, cache_dir=cache)
    assert not ingest.has_new_inputs(corpus, max_bytes, cache)
    (corpus / "notes.pdf").write_bytes(b"%PDF")  # skipped by ingest: not an input
    assert not ingest.has_new_inputs(corpus, max_bytes, cache)
    (corpus / "new.txt").write_text("Un article de plus.", encoding="utf-8")
    assert ingest.has_new_inputs(corpus, max_bytes, cache)
    (corpus / "new.txt").unlink()
    edited = corpus / SEED.name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMise à jour.", encoding="utf-8")
    assert ingest.has_new_inputs(corpus, max_bytes, cache)


def test_warm_up_starts_the_model_only_for_new_files(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(nlp, "warm_up", lambda model=config.SPACY_MODEL: started.append(model))
    cache = tmp_path / "interim"
    max_bytes = config.MAX_FILE_BYTES
    assert kernel.warm_up(["json"], str(corpus), max_bytes, str(cache))
    ingest.ingest_corpus(corpus, max_bytes=max_bytes, cache_dir=cache)
    assert not kernel.warm_up(["json"], str(corpus), max_bytes, str(cache))
    assert not kernel.warm_up(["json"])  # no corpus given: imports only
    assert started == [config.SPACY_MODEL]


def test_warm_up_skips_a_module_that_fails_to_import() -> None:
    assert not kernel.warm_up(["helpers.no_such_module", "json"])


def test_reset_outside_a_kernel_releases_and_freezes(fresh_python) -> None:
    printed = fresh_python(
        "import gc\nfrom helpers import kernel\nkernel.reset()\nprint(gc.get_freeze_count() > 0)\n"
    )
    assert printed.strip() == "True"
