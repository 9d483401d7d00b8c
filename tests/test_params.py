"""Notebook parameters: typed, validated, and wrong ones named in the error."""

from __future__ import annotations

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
