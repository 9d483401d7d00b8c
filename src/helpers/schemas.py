"""The shared tables' contracts (pandera), validated lazily before every write."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

# A date at the precision the text states: YYYY, YYYY-MM or YYYY-MM-DD.
ISO_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

EVENT_KINDS = (
    "colloque",
    "assises",
    "conference",
    "salon",
    "partenariat",
    "annonce",
    "strategie",
    "loi",
    "nomination",
    "objectif",
    "autre",
)
ACTOR_TYPES = ("person", "organisation")


def _partial_date(series: pd.Series) -> pd.Series:
    """True where the value is null or a YYYY[-MM[-DD]] string."""
    return series.isna() | series.astype("string").str.fullmatch(ISO_PARTIAL_DATE.pattern).fillna(
        False
    )


def _is_list(series: pd.Series) -> pd.Series:
    """True where the value is a list-like of strings (Parquet gives numpy arrays back)."""
    return series.map(lambda v: hasattr(v, "__len__") and not isinstance(v, str))


def _pandas_types_only() -> None:
    """pandera matches each annotation against the Series and Index types of every installed
    backend, and imports dask.dataframe to list dask's (1.4 s per process; dask is installed
    for engine=dask). These models annotate pandas Series only: pandas' types are the answer."""
    import pandera.api.pandas.model as pandas_model
    from pandera.typing import Index

    if "dask.dataframe" in sys.modules:
        return
    if hasattr(pandas_model, "get_index_types"):
        setattr(pandas_model, "get_index_types", lambda: {Index})  # noqa: B010
    if hasattr(pandas_model, "get_series_types"):
        setattr(pandas_model, "get_series_types", lambda: {Series})  # noqa: B010


_pandas_types_only()


class _Table(pa.DataFrameModel):
    """Every shared table: undeclared columns dropped, declared ones coerced to their type."""

    class Config:
        strict = "filter"
        coerce = True


class _Dated(_Table):
    """The columns events and timeline entries share: a dated, classified, labelled event."""

    date: Series[str]
    end: Series[str] = pa.Field(nullable=True)
    precision: Series[str] = pa.Field(isin=["year", "month", "day"])
    kind: Series[str] = pa.Field(isin=list(EVENT_KINDS))
    label: Series[str]
    place: Series[str] = pa.Field(nullable=True)
    evidence: Series[str]

    @pa.check("date", "end")
    def dates_are_partial(cls, series: pd.Series) -> pd.Series:
        return _partial_date(series)


class Articles(_Table):
    """One row per input file, readable or not."""

    file: Series[str] = pa.Field(unique=True)
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    format: Series[str] = pa.Field(isin=["text", "html", "unreadable"])
    readable: Series[bool]
    title: Series[str] = pa.Field(nullable=True)
    published: Series[str] = pa.Field(nullable=True)
    outlet: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    language: Series[str] = pa.Field(nullable=True, str_matches=r"^[a-z]{2}$")
    relevance_score: Series[float] = pa.Field(ge=0, le=1)
    relevant: Series[bool]
    duplicate_of: Series[str] = pa.Field(nullable=True)
    text: Series[str]
    n_words: Series[int] = pa.Field(ge=0)
    chars_kept: Series[int] = pa.Field(ge=0)
    chars_removed: Series[int] = pa.Field(ge=0)
    problems: Series[str] = pa.Field(nullable=True)

    @pa.check("published")
    def published_is_partial_date(cls, series: pd.Series) -> pd.Series:
        return _partial_date(series)


class Events(_Dated):
    """Dated events found in every readable article (actors filled for the core ones)."""

    file: Series[str]
    actors: Series[object]
    date_phrase: Series[str]

    @pa.check("actors")
    def actors_is_list(cls, series: pd.Series) -> pd.Series:
        return _is_list(series)


class Actors(_Table):
    """People and organisations named in article bodies."""

    file: Series[str]
    name: Series[str]
    canonical: Series[str]
    type: Series[str] = pa.Field(isin=list(ACTOR_TYPES))
    mentions: Series[int] = pa.Field(ge=1)
    role: Series[str] = pa.Field(nullable=True)


class Timeline(_Dated):
    """Events merged across sources: one entry per real-world event."""

    n_sources: Series[int] = pa.Field(ge=1)
    n_outlets: Series[int] = pa.Field(ge=0)
    sources: Series[object]
    outlets: Series[object]
    evidence_file: Series[str]
    disagreement: Series[str] = pa.Field(nullable=True)


class Themes(_Table):
    """Themes found by the factorisation."""

    theme_id: Series[int] = pa.Field(ge=0, unique=True)
    label: Series[str]
    top_terms: Series[object]
    weights: Series[object]
    n_docs: Series[int] = pa.Field(ge=0)
    share: Series[float] = pa.Field(ge=0, le=1)


class DocThemes(_Table):
    """Weight of each theme in each article."""

    file: Series[str]
    theme_id: Series[int] = pa.Field(ge=0)
    weight: Series[float] = pa.Field(ge=0, le=1)
    is_main: Series[bool]


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "articles": Articles,
    "events": Events,
    "actors": Actors,
    "timeline": Timeline,
    "themes": Themes,
    "doc_themes": DocThemes,
}


def _schema(name: str) -> type[pa.DataFrameModel]:
    """The schema of a shared table, by name."""
    if name not in SCHEMAS:
        raise ValueError(f"unknown table {name!r}: expected one of {sorted(SCHEMAS)}")
    return SCHEMAS[name]


def _mismatch(name: str, exc: pa.errors.SchemaErrors) -> ValueError:
    """The error for a table that does not match its schema, every failure listed."""
    return ValueError(f"table {name!r} does not match its schema:\n{exc.failure_cases}")


def validate(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate a shared table against its schema, reporting every failure at once."""
    try:
        return _schema(name).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise _mismatch(name, exc) from exc


def validate_rows(
    name: str, frame: pd.DataFrame, file_column: str = "file"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate a shared table, setting aside the rows that fail it instead of failing the
    table: (valid rows, set-aside rows as file and reason). One bad row never costs the run;
    a failure of the table as a whole (a missing column) still raises ValueError."""
    frame = frame.reset_index(drop=True)
    try:
        return _schema(name).validate(frame, lazy=True), pd.DataFrame(columns=["file", "reason"])
    except pa.errors.SchemaErrors as exc:
        if exc.failure_cases["index"].isna().any():
            raise _mismatch(name, exc) from exc
        cases = exc.failure_cases
    reasons: dict[int, list[str]] = {}
    for row, column, value, check in zip(
        cases["index"], cases["column"], cases["failure_case"], cases["check"], strict=True
    ):
        reasons.setdefault(int(row), []).append(f"{column} = {value!r} ({check})")
    bad = sorted(reasons)
    aside = pd.DataFrame(
        {
            "file": [str(frame.at[i, file_column]) for i in bad],
            "reason": [
                f"ligne écartée de la table {name}, schéma non respecté : {'; '.join(reasons[i])}"
                for i in bad
            ],
        }
    )
    return validate(name, frame.drop(index=bad)), aside


def core_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Relevant, readable, non-duplicate articles: the ones the briefing is about."""
    mask = articles["readable"] & articles["relevant"] & articles["duplicate_of"].isna()
    return articles[mask]


def outlet_names(articles: pd.DataFrame) -> dict[str, str | None]:
    """file -> outlet (None when unknown)."""
    return {
        file: outlet if isinstance(outlet, str) else None
        for file, outlet in zip(articles["file"], articles["outlet"], strict=True)
    }


def none_for_missing(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A text column with None (not NaN) where a group had no value: GroupBy.first skips
    missing values, so a group's role is its first stated one."""
    values = frame[column].astype(object)
    return frame.assign(**{column: values.where(values.notna(), None)})


def top_actors(actors: pd.DataFrame, files: Iterable[str], limit: int = 15) -> pd.DataFrame:
    """Most cited actors over the given articles: canonical name, type, role, articles, mentions."""
    subset = actors[actors["file"].isin(set(files))]
    if subset.empty:
        return pd.DataFrame(columns=["canonical", "type", "role", "n_articles", "mentions"])
    table = subset.groupby(["canonical", "type"], as_index=False).agg(
        role=("role", "first"), n_articles=("file", "nunique"), mentions=("mentions", "sum")
    )
    return (
        none_for_missing(table, "role")
        .sort_values(["n_articles", "mentions", "canonical"], ascending=[False, False, True])
        .head(limit)
        .reset_index(drop=True)
    )
