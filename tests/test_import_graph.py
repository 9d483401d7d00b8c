"""The package's import graph, read from the source: what a cache key and the layers rest on."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import import_graph


@pytest.mark.parametrize(
    ("source", "name", "is_package", "expected"),
    [
        ("import helpers.dates", "helpers.x", False, {"helpers.dates"}),
        ("from helpers import dates, clean", "helpers.x", False,
         {"helpers", "helpers.dates", "helpers.clean"}),
        ("from helpers.dates import parse", "helpers.x", False,
         {"helpers.dates", "helpers.dates.parse"}),
        ("from helpers.text import dates", "helpers.x", False,
         {"helpers.text", "helpers.text.dates"}),
        ("from helpers.text.dates import parse", "helpers.x", False,
         {"helpers.text.dates", "helpers.text.dates.parse"}),
        ("from . import dates", "helpers.text.spans", False,
         {"helpers.text", "helpers.text.dates"}),
        ("from .dates import parse", "helpers.text.spans", False,
         {"helpers.text.dates", "helpers.text.dates.parse"}),
        ("from ..ingest import clean", "helpers.text.spans", False,
         {"helpers.ingest", "helpers.ingest.clean"}),
        ("from .dates import parse", "helpers.text", True,
         {"helpers.text.dates", "helpers.text.dates.parse"}),
        ("def f():\n    if True:\n        import helpers.dates\n", "helpers.x", False,
         {"helpers.dates"}),
        ("try:\n    pass\nexcept ImportError:\n    from helpers import y\n", "helpers.x", False,
         {"helpers", "helpers.y"}),
    ],
    ids=["import_module", "from_package_import_modules", "from_module_import_name",
         "from_subpackage_import_module", "from_submodule_import_name", "relative_module",
         "relative_name", "relative_two_levels_up", "relative_in_a_package_init",
         "inside_a_function", "inside_an_except_clause"],
)  # fmt: skip
def test_imported_names(source: str, name: str, is_package: bool, expected: set[str]) -> None:
    assert import_graph.imported_names(source, name, is_package) == expected


@pytest.fixture()
def package(tmp_path: Path) -> Path:
    """pkg: a imports b and a name of c; b imports text.d; text.d imports a name of the
    package's __init__; e imports itself."""
    sources = {
        "__init__.py": "VERSION = 1\n",
        "a.py": "from pkg import b\nfrom pkg.text.c import X\nimport os\n",
        "b.py": "from .text import d\n",
        "text/__init__.py": "",
        "text/c.py": "X = 1\n",
        "text/d.py": "from pkg import VERSION\n",
        "e.py": "from pkg import e\n",
    }
    for relative, source in sources.items():
        path = tmp_path / "pkg" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return tmp_path / "pkg"


def test_direct_and_transitive_imports(package: Path) -> None:
    direct = import_graph.direct_imports("pkg.a", "pkg", package)
    assert direct == {"pkg.b", "pkg.text.c"}  # not os, not the __init__ of pkg or pkg.text
    assert import_graph.direct_imports("pkg.text.d", "pkg", package) == {"pkg"}
    assert import_graph.direct_imports("pkg.e", "pkg", package) == frozenset()
    assert import_graph.dependencies("pkg.a", "pkg", package) == {
        "pkg.a", "pkg.b", "pkg.text.c", "pkg.text.d", "pkg",
    }  # fmt: skip


def test_package_graph_names_every_module(package: Path) -> None:
    graph = import_graph.package_graph("pkg", package)
    assert set(graph) == {"pkg", "pkg.a", "pkg.b", "pkg.e", "pkg.text", "pkg.text.c", "pkg.text.d"}


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b"], ["c", "d"]]),
    ],
    ids=["none", "pair", "triangle_and_a_caller", "two_cycles"],
)
def test_cycles(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert import_graph.cycles(graph) == expected


def test_the_helpers_package_has_no_import_cycle() -> None:
    assert import_graph.cycles(import_graph.package_graph()) == []


# The layers of helpers (see the README's Architecture): the runner, the stages, the shared
# layer below them. Each folder -> the folders its modules may import besides their own
# ("" is the package's top-level modules).
STAGES = ("ingest", "themes", "timeline", "report")
SHARED = ("", "text", "compute")
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "run": (*STAGES, *SHARED),
    **{stage: SHARED for stage in STAGES},
    "text": ("",),
    "compute": ("",),
    "": ("text",),
}


def _folder(module: str) -> str:
    """The folder of a helpers module: "ingest" for helpers.ingest.clean, "" for helpers.cache."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def test_every_helpers_folder_has_its_place_in_the_layers() -> None:
    folders = {_folder(module) for module in import_graph.package_graph()}
    assert folders == set(MAY_IMPORT)


def test_imports_point_down() -> None:
    """A stage never imports another stage or the runner; the shared layer imports no stage."""
    wrong = [
        f"{module} imports {target}"
        for module, targets in import_graph.package_graph().items()
        for target in targets
        if _folder(target) not in (_folder(module), *MAY_IMPORT[_folder(module)])
    ]
    assert wrong == []
