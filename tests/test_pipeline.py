"""The batch runner: bad parameters stop it at once; a failing notebook is named with its cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.errors import StageError
from helpers.pipeline import main, run_notebook

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-p", "relevance_treshold=0.3"], "relevance_treshold"),
        (["-p", "n_themes=many"], "n_themes"),
        (["--language", "en", "-p", "date_from=July"], "date_from"),
    ],
    ids=["unknown_name", "wrong_type", "bad_pattern"],
)
def test_bad_parameter_stops_before_any_notebook(argv, message, tmp_path, capsys) -> None:
    assert main(["--raw-dir", str(tmp_path), "--out-dir", str(tmp_path / "out"), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "reports").exists()


def test_missing_corpus_folder_is_named(tmp_path, capsys) -> None:
    assert main(["--raw-dir", str(tmp_path / "nope"), "--out-dir", str(tmp_path)]) == 2
    assert "nope" in capsys.readouterr().err


def test_failing_notebook_is_named_with_its_cell_and_kept(tmp_path) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(FIXTURES / "failing.ipynb", notebooks / "failing.ipynb")
    with pytest.raises(StageError) as caught:
        run_notebook("failing.ipynb", {"x": 2}, tmp_path, notebooks, "ai-maroc-briefing")
    assert caught.value.notebook == "failing.ipynb"
    assert caught.value.cell == 3  # the injected-parameters cell counts
    assert "corpus has no usable article" in str(caught.value)
    kept = tmp_path / "reports" / "notebooks"
    assert (kept / "FAILED_failing.ipynb").exists()
    assert not (kept / "failing.ipynb").exists()
