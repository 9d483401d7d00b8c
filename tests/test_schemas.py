"""The shared tables' contracts reject what other tools could not read."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from helpers import schemas


def _article(**changes: object) -> pd.DataFrame:
    row = {
        "file": "a.txt", "sha256": "0" * 64, "format": "text", "readable": True,
        "title": "Titre", "published": "2025-07", "outlet": "Le Matin", "url": None,
        "language": "fr", "relevance_score": 0.9, "relevant": True, "duplicate_of": None,
        "text": "Corps.", "n_words": 1, "chars_kept": 6, "chars_removed": 0, "problems": None,
    }  # fmt: skip
    return pd.DataFrame([{**row, **changes}])


def test_a_good_row_passes_and_extra_columns_are_dropped() -> None:
    frame = _article().assign(scratch=1)
    assert list(schemas.validate("articles", frame).columns) == list(_article().columns)


@pytest.mark.parametrize(
    "changes",
    [
        {"sha256": "not-a-hash"},
        {"published": "juillet 2025"},
        {"published": "2025-13"},
        {"format": "pdf"},
        {"relevance_score": 1.5},
        {"n_words": -1},
        {"language": "French"},
    ],
    ids=lambda c: next(iter(c)),
)
def test_a_bad_value_is_reported_with_the_table_name(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="table 'articles' does not match"):
        schemas.validate("articles", _article(**changes))


def test_duplicate_files_are_rejected() -> None:
    with pytest.raises(ValueError, match="articles"):
        schemas.validate("articles", pd.concat([_article(), _article()]))


def test_validation_does_not_import_dask(fresh_python: Callable[[str], str]) -> None:
    code = (
        "import sys, pandas as pd; from helpers import schemas; "
        "schemas.validate('themes', pd.DataFrame({'theme_id': [0], 'label': ['x'], "
        "'top_terms': [['x']], 'weights': [[1.0]], 'n_docs': [1], 'share': [1.0]})); "
        "print('dask.dataframe' in sys.modules)"
    )
    assert fresh_python(code) == "False"
