"""The notebooks: stored without outputs, a parameters cell, and thin (logic lives in helpers)."""

from __future__ import annotations

import ast

import nbformat
import pytest

from helpers import params
from helpers.config import NOTEBOOKS_DIR

NOTEBOOKS = [model.notebook for model in params.STAGES]


@pytest.fixture(params=NOTEBOOKS, ids=NOTEBOOKS)
def notebook(request: pytest.FixtureRequest) -> tuple[str, nbformat.NotebookNode]:
    return request.param, nbformat.read(NOTEBOOKS_DIR / request.param, as_version=4)


def test_stored_without_outputs(notebook) -> None:
    _, nb = notebook
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_title_then_parameters_matching_the_typed_model(notebook) -> None:
    name, nb = notebook
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    cell = nb.cells[1]
    assert "parameters" in cell.metadata.get("tags", [])
    declared = {t.id for node in ast.parse(cell.source).body for t in node.targets}  # type: ignore[attr-defined]
    model = next(m for m in params.STAGES if m.notebook == name)
    assert declared == set(model.model_fields)


def test_no_long_function_definitions(notebook) -> None:
    _, nb = notebook
    for cell in nb.cells:
        if cell.cell_type == "code":
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.FunctionDef):
                    assert node.end_lineno - node.lineno < 5
