"""Notebook parameters: typed, validated, and wrong ones named in the error."""

from __future__ import annotations

import datetime as dt
import types

import pytest

from helpers import params
from helpers.errors import ParameterError


@pytest.mark.parametrize(
    ("values", "bad_name"),
    [
        ({"out_dir": "/tmp", "raw_dir": "/nonexistent/corpus"}, "raw_dir"),
        (
            {"out_dir": "/tmp", "raw_dir": "/tmp", "relevance_threshold": "high"},
            "relevance_threshold",
        ),
        ({"out_dir": "/tmp", "raw_dir": "/tmp", "relevance_threshold": 1.5}, "relevance_threshold"),
        ({"out_dir": "/tmp", "raw_dir": "/tmp", "langage": "fr"}, "langage"),
        ({"out_dir": "/tmp", "raw_dir": "/tmp", "language": "de"}, "language"),
        ({"raw_dir": "/tmp"}, "out_dir"),
    ],
    ids=[
        "missing_folder",
        "wrong_type",
        "out_of_range",
        "unknown_name",
        "unknown_language",
        "required",
    ],
)
def test_bad_ingest_parameters_name_the_parameter(values: dict, bad_name: str) -> None:
    with pytest.raises(ParameterError) as caught:
        params.validate_params(params.IngestParams, values)
    assert caught.value.name == bad_name
    assert bad_name in str(caught.value)


def test_good_parameters_keep_their_values() -> None:
    p = params.validate_params(params.ThemesParams, {"out_dir": "/x", "n_themes": 3})
    assert p.n_themes == 3
    assert str(p.processed_dir) == "/x/data/processed"
    assert str(p.figures_dir) == "/x/reports/figures"


def test_from_namespace_reads_only_the_declared_parameters() -> None:
    namespace = {
        "out_dir": "/x",
        "pd": types.ModuleType("pd"),
        "display": print,
        "In": [],
        "_": None,
        "articles": [1, 2, 3],  # an analyst's variable from an earlier run in the same kernel
        "max_actor": 3,
    }
    p = params.from_namespace(params.BriefingParams, namespace)
    assert p.out_dir == "/x"
    with pytest.raises(ParameterError, match="max_actors"):
        params.from_namespace(params.BriefingParams, {**namespace, "max_actors": "many"})


def test_split_for_stages_gives_each_notebook_its_own_parameters(tmp_path) -> None:
    split = params.split_for_stages(
        {"raw_dir": str(tmp_path), "out_dir": "/o", "n_themes": 2, "previous": None}
    )
    assert split["01_ingest.ipynb"] == {"raw_dir": str(tmp_path), "out_dir": "/o"}
    assert split["02_themes.ipynb"] == {"out_dir": "/o", "n_themes": 2}
    assert split["04_briefing.ipynb"] == {"out_dir": "/o", "previous": None}
    with pytest.raises(ParameterError, match="n_theme"):
        params.split_for_stages({"raw_dir": str(tmp_path), "out_dir": "/o", "n_theme": 2})


@pytest.mark.parametrize(
    ("name", "written", "value"),
    [
        ("date_from", "2023-01-01", "2023-01-01"),
        ("date_from", "2023", "2023"),
        ("date_to", "2025-07", "2025-07"),
        ("title", "2025", "2025"),
        ("title", "Santé & IA", "Santé & IA"),
        ("title", "null", None),
        ("n_themes", "4", 4),
        ("relevance_threshold", "0.6", 0.6),
    ],
    ids=["day", "year", "month", "title_a_number", "title_text", "null", "int", "float"],
)
def test_command_line_values_are_read_as_their_parameter_wants(
    tmp_path, name: str, written: str, value: object
) -> None:
    read = params.from_text(name, written)
    assert read == value
    split = params.split_for_stages({"raw_dir": str(tmp_path), "out_dir": "/o", name: read})
    assert value in [stage.get(name) for stage in split.values()]


@pytest.mark.parametrize(
    "value",
    ["2023-13", "2024-02-30", "juillet 2023", "23", 2023.5],
    ids=["month_13", "30_fevrier", "words", "two_digits", "float"],
)
def test_impossible_window_dates_are_refused(value: object) -> None:
    with pytest.raises(ParameterError, match="date_from"):
        params.validate_params(params.TimelineParams, {"out_dir": "/o", "date_from": value})


@pytest.mark.parametrize(
    ("value", "kept"),
    [(2023, "2023"), (dt.date(2023, 1, 1), "2023-01-01")],
    ids=["papermill_int", "papermill_date"],
)
def test_window_dates_typed_by_papermill_are_read_as_text(value: object, kept: str) -> None:
    p = params.validate_params(params.TimelineParams, {"out_dir": "/o", "date_from": value})
    assert p.date_from == kept  # type: ignore[attr-defined]
