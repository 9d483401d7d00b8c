"""Which modules of a package each module imports, read from the source with ast (nothing runs)."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

# The package this project's code lives in, and its folder.
PACKAGE = __name__.rpartition(".")[0]
PACKAGE_DIR = Path(__file__).resolve().parent


def module_file(name: str, package: str = PACKAGE, root: Path = PACKAGE_DIR) -> Path | None:
    """The source file of module `name` of the package whose folder is root (a sub-package's
    __init__.py), or None when it is not a module of that package."""
    parts = name.split(".")
    if parts[0] != package:
        return None
    base = root.joinpath(*parts[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def imported_names(source: str, name: str, is_package: bool = False) -> set[str]:
    """Absolute dotted names that module `name` imports, anywhere in its body (functions too):
    for `from a import b`, both a and a.b (b may be a module or a name defined in a)."""
    found: set[str] = set()
    for node in _statements(ast.parse(source).body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, name, is_package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def _statements(nodes: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every statement, nested ones too (imports are statements: expressions need no visit)."""
    for node in nodes:
        yield node
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, block, None)
            if isinstance(inner, list):
                yield from _statements(inner)


def _absolute(module: str | None, level: int, name: str, is_package: bool) -> str:
    """The absolute name of a `from` import's module, relative ones resolved from `name`."""
    if level == 0:
        return module or ""
    parts = name.split(".")
    anchor = parts if is_package else parts[:-1]
    anchor = anchor[: len(anchor) - (level - 1)]
    return ".".join([*anchor, module] if module else anchor)


@lru_cache(maxsize=512)
def direct_imports(name: str, package: str = PACKAGE, root: Path = PACKAGE_DIR) -> frozenset[str]:
    """The modules of the package that module `name` imports itself (a package's __init__
    counts only when something other than its modules is taken from it)."""
    path = module_file(name, package, root)
    if path is None:
        return frozenset()
    imported = imported_names(path.read_text("utf-8"), name, path.name == "__init__.py")
    modules = {n for n in imported if module_file(n, package, root) is not None}
    # `from a import b` with b a module: the import names a.b, not a's __init__ (unless it
    # also takes a name from a).
    taken_from = {n.rpartition(".")[0] for n in imported if n not in modules}
    kept = {n for n in modules if n in taken_from or not _is_parent_of_any(n, modules)}
    return frozenset(kept - {name})


def _is_parent_of_any(name: str, modules: set[str]) -> bool:
    """True when some module of the set is inside package `name`."""
    return any(other.startswith(f"{name}.") for other in modules)


def package_graph(package: str = PACKAGE, root: Path = PACKAGE_DIR) -> dict[str, frozenset[str]]:
    """Every module of the package -> the package's modules it imports."""
    names = [_module_name(path, package, root) for path in sorted(root.rglob("*.py"))]
    return {name: direct_imports(name, package, root) for name in names}


def _module_name(path: Path, package: str, root: Path) -> str:
    """The dotted name of a source file of the package."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join([package, *(parts[:-1] if parts[-1] == "__init__" else parts)])


def reachable(name: str, imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """name and every module it imports (imports_of: a module's direct imports), directly
    or not."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(imports_of(current))
    return seen


def dependencies(name: str, package: str = PACKAGE, root: Path = PACKAGE_DIR) -> set[str]:
    """Module `name` and every module of the package it imports, directly or not."""
    return reachable(name, lambda module: direct_imports(module, package, root))


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The import cycles of a graph: each group of two or more modules that import one
    another, directly or not, sorted."""
    reach = {name: reachable(name, lambda module: graph.get(module, ())) for name in graph}
    groups = {frozenset(m for m in reach[name] if name in reach[m]) for name in graph}
    return sorted(sorted(group) for group in groups if len(group) > 1)
