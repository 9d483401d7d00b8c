"""Compiled regular expressions kept on disk between runs, for the few very long patterns
spaCy's French tokenizer builds every time the model loads.

`spacy.lang.fr.tokenizer_exceptions` joins ~300 hyphenation rules over the whole Unicode
alphabet into one pattern of ~2 MB; Python's `re` spends ~3.6 s of a core parsing it and
optimising its character classes, in every process that loads the model (twice per large
run, once per rebuild). The program `re` compiles it to depends only on the pattern, the
flags and the Python build, so it is stored once and handed back to `_sre.compile`, which
builds the very same Pattern object from it in milliseconds.

This reaches into CPython's `re._compiler` (3.11+). Where its internals are not the ones
expected, nothing is patched and patterns compile as usual.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from helpers import config, storage

log = logging.getLogger(__name__)

# Only patterns this long are worth a file (the French tokenizer's is ~2 MB; most are short).
MIN_LENGTH = 20_000
_LOCK = threading.Lock()


def cache_folder() -> Path:
    """Per-user cache of compiled programs ($XDG_CACHE_HOME or ~/.cache), safe to delete."""
    return config.user_cache_dir() / "regex"


def share_into(cache_home: Path) -> None:
    """Let processes run with XDG_CACHE_HOME=cache_home use this user's compiled programs (a
    link), so that the tests and the bench, which keep their own cache, do not compile the
    tokenizer's pattern again."""
    source = cache_folder()
    target = Path(cache_home) / config.user_cache_dir().name / "regex"
    if source.is_dir() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(source)


def _internals() -> tuple[Any, Any, Any] | None:
    """(re._compiler, re._parser, _sre) when they have the functions used here, else None."""
    compiler = getattr(re, "_compiler", None)
    parser = getattr(re, "_parser", None)
    try:
        import _sre
    except ImportError:
        return None
    needed = (
        hasattr(compiler, "compile")
        and hasattr(compiler, "_code")
        and hasattr(parser, "parse")
        and hasattr(_sre, "compile")
    )
    return (compiler, parser, _sre) if needed else None


def _key(pattern: str, flags: int, sre: Any) -> str:
    """What the compiled program depends on: pattern, flags, Python build, engine version."""
    digest = hashlib.sha256(pattern.encode("utf-8", "surrogatepass"))
    digest.update(f"\x1f{flags}\x1f{sys.version}\x1f{getattr(sre, 'MAGIC', '')}".encode())
    return digest.hexdigest()


def compile_with_cache(pattern: str, flags: int, folder: Path) -> re.Pattern[str]:
    """re's internal compile of a string pattern, its program read from folder when stored
    there before, else computed and stored. Same result as re.compile(pattern, flags)."""
    internals = _internals()
    if internals is None:
        return re.compile(pattern, flags)
    compiler, parser, sre = internals
    path = folder / f"{_key(pattern, flags, sre)}.pickle"
    try:
        stored = pickle.loads(path.read_bytes())
        return sre.compile(pattern, *stored)
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError, RuntimeError):
        pass  # not stored yet, or unreadable: compile it
    parsed = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]  # opcodes are named int subclasses
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        dict(groupindex),
        tuple(indexgroup),
    )
    try:
        storage.write_bytes(path, pickle.dumps(program, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:
        log.debug("could not store a compiled pattern in %s: %s", folder, exc)
    return sre.compile(pattern, *program)


@contextmanager
def long_patterns_cached(
    folder: Path | None = None, min_length: int = MIN_LENGTH
) -> Iterator[None]:
    """Within the block, string patterns of at least min_length characters compiled by `re`
    (re.compile, re.match...) go through compile_with_cache; shorter ones as usual."""
    internals = _internals()
    if internals is None:
        yield
        return
    compiler = internals[0]
    target = folder or cache_folder()
    original = compiler.compile

    def compile(p: Any, flags: int = 0) -> Any:
        if isinstance(p, str) and len(p) >= min_length:
            return compile_with_cache(p, flags, target)
        return original(p, flags)

    with _LOCK:
        compiler.compile = compile
        try:
            yield
        finally:
            compiler.compile = original
