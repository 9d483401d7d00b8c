"""spaCy's stop lists, read without importing spaCy's language classes."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def spacy_stop_words(language: str) -> frozenset[str]:
    """spaCy's stop list for a language, read from its stop_words.py alone: importing
    spacy.lang.fr would compile the French tokenizer's exception regex (about 5 s)."""
    spec = importlib.util.find_spec("spacy")
    assert spec is not None and spec.submodule_search_locations, "spaCy is not installed"
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / language / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location(f"_stop_words_{language}", path)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)
