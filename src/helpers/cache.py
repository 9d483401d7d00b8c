"""Per-article cache in data/interim/: keyed by content hash and code version, safe to delete."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from helpers import import_graph, storage

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=16)
def code_version(module: str, extra: str = "", root: Path = import_graph.PACKAGE_DIR) -> str:
    """A short hash of the source of a module (give its __name__) and of every module of its
    package (whose folder is root) it imports, directly or not, and of extra (e.g. a model
    version): a cache keyed by it is invalidated by a change to the code its results come
    from, and only by that."""
    package = module.partition(".")[0]
    digest = hashlib.sha256(extra.encode("utf-8"))
    for name in sorted(import_graph.dependencies(module, package, root)):
        path = import_graph.module_file(name, package, root)
        if path is None:
            raise ValueError(f"{name!r} is not a module of the package in {root}")
        digest.update(name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def resources_digest(names: tuple[str, ...]) -> str:
    """A short hash of packaged data files (paths under helpers/, e.g. a registry or a fitted
    model): pass it as code_version's extra when a cached result depends on them."""
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode("utf-8"))
        digest.update((_PACKAGE_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def key_of(*parts: str) -> str:
    """A cache key from several strings (content hash, settings...)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class JsonCache:
    """JSON records under root/namespace/version/ab/abcdef....json; None root disables it."""

    root: Path | None
    namespace: str
    version: str

    @cached_property
    def _folder(self) -> str:
        assert self.root is not None
        return os.path.join(self.root, self.namespace, self.version)

    def _path(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], f"{key}.json")

    def get(self, key: str, fields: Collection[str] = ()) -> Any | None:
        """The cached record, or None when absent, unreadable or caching is off. With fields,
        a record that is not a dict holding them is absent too (a damaged or foreign file is a
        miss, recomputed and stored again)."""
        if self.root is None:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                record = json.loads(handle.read())
        except (OSError, ValueError):
            return None
        if fields and not (isinstance(record, dict) and all(f in record for f in fields)):
            return None
        return record

    def has(self, key: str) -> bool:
        """True when a record is stored under key (it may still be unreadable: get says)."""
        return self.root is not None and os.path.isfile(self._path(key))

    def put(self, key: str, record: Any) -> None:
        """Store a record atomically (no-op when caching is off)."""
        if self.root is not None:
            storage.write_text(Path(self._path(key)), json.dumps(record, ensure_ascii=False))

    def keep_only(self, key: str) -> None:
        """Delete every record of this namespace, whatever its version, but the one under key
        (for a namespace that only ever needs its latest record)."""
        if self.root is None:
            return
        kept = os.path.abspath(self._path(key))
        top = os.path.join(self.root, self.namespace)
        for folder, _, files in os.walk(top, topdown=False):
            for name in files:
                path = os.path.join(folder, name)
                if os.path.abspath(path) != kept:
                    with contextlib.suppress(OSError):
                        os.remove(path)
            if folder != top:
                with contextlib.suppress(OSError):
                    os.rmdir(folder)  # only when empty
