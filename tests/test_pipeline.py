"""The batch runner: bad parameters stop it at once; a failing notebook is named with its cell."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from helpers.errors import StageError
from helpers.run.pipeline import PLAN, main, run_notebook, run_step

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


def test_the_plan_runs_themes_and_timeline_side_by_side_after_ingest() -> None:
    assert PLAN == (
        ("01_ingest.ipynb",),
        ("02_themes.ipynb", "03_timeline.ipynb"),
        ("04_briefing.ipynb",),
    )


def test_the_notebooks_of_a_step_run_at_the_same_time() -> None:
    both_started = threading.Barrier(2, timeout=60)  # broken unless both wait at once
    ended: list[str] = []
    run_step(["a", "b"], lambda name: both_started.wait(), lambda t: ended.append(t["stage"]))
    assert ended == ["a", "b"]


@pytest.mark.parametrize(
    ("failing", "ended", "message"),
    [
        ({"b"}, ["a", "c"], "b failed"),
        ({"a", "c"}, ["b"], "a failed"),
    ],
    ids=["one_fails_the_others_end", "first_failure_in_plan_order"],
)
def test_a_failure_in_a_step_is_raised_after_the_others_end(failing, ended, message) -> None:
    def run_one(name: str) -> None:
        if name in failing:
            raise StageError(f"{name}.ipynb", 2, f"{name} failed")

    done: list[str] = []
    with pytest.raises(StageError, match=message):
        run_step(["a", "b", "c"], run_one, lambda t: done.append(t["stage"]))
    assert done == ended
