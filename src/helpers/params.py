"""Typed, validated notebook parameters: a wrong name, type or path stops the run at once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from helpers.errors import ParameterError

# A partial date as the timeline window takes it: "2023", "2023-01", "2023-01-01".
_PARTIAL_DATE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")
# How YAML writes "no value".
_YAML_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class StageParams(BaseModel):
    """Parameters shared by every stage."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    notebook: ClassVar[str] = ""

    out_dir: str = Field(description="output folder: data/processed/ and reports/ go under it")
    language: Literal["fr", "en"] = Field("fr", description="language of the briefing's fixed text")

    @property
    def processed_dir(self) -> Path:
        """Folder of the shared Parquet tables."""
        return Path(self.out_dir) / "data" / "processed"

    @property
    def interim_dir(self) -> Path:
        """Folder of the per-article cache."""
        return Path(self.out_dir) / "data" / "interim"

    @property
    def reports_dir(self) -> Path:
        """Folder of the briefing, figures and manifest."""
        return Path(self.out_dir) / "reports"

    @property
    def figures_dir(self) -> Path:
        """Folder of the figures the briefing embeds."""
        return self.reports_dir / "figures"


class ComputeParams(StageParams):
    """Parameters of the stages that can run on Dask."""

    engine: Literal["local", "dask"] = Field(
        "local", description="local: one process; dask: a cluster"
    )
    scheduler: str | None = Field(
        None, description="Dask scheduler address; None starts a local cluster"
    )


class IngestParams(ComputeParams):
    """Parameters of 01_ingest."""

    notebook: ClassVar[str] = "01_ingest.ipynb"
    raw_dir: str = Field(description="folder of article dumps (.txt, .html)")
    relevance_threshold: float = Field(0.5, ge=0.0, le=1.0)
    duplicate_threshold: float = Field(0.8, gt=0.0, le=1.0)
    max_file_mb: float = Field(5.0, gt=0.0)

    @field_validator("raw_dir")
    @classmethod
    def _raw_dir_exists(cls, value: str) -> str:
        if not Path(value).is_dir():
            raise ValueError(f"corpus folder {value!r} does not exist or is not a folder")
        return value


class ThemesParams(ComputeParams):
    """Parameters of 02_themes."""

    notebook: ClassVar[str] = "02_themes.ipynb"
    n_themes: int | None = Field(None, ge=1, le=50, description="None: most stable, 2 to 12")
    random_state: int = 42


class TimelineParams(ComputeParams):
    """Parameters of 03_timeline."""

    notebook: ClassVar[str] = "03_timeline.ipynb"
    date_from: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    date_to: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")

    @field_validator("date_from", "date_to", mode="before")
    @classmethod
    def _real_partial_date(cls, value: object) -> object:
        """A year (2023, "2023"), month ("2023-01") or day ("2023-01-01", a date) that exists;
        "2023-13" is refused, not silently read as a year."""
        if isinstance(value, dt.date | int) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        if value is None or not isinstance(value, str):
            return value
        text = value.strip()
        match = _PARTIAL_DATE.fullmatch(text)
        if match is None or not _exists(match):
            raise ValueError(f"{value!r} is no real YYYY, YYYY-MM or YYYY-MM-DD date")
        return text


def _exists(match: re.Match[str]) -> bool:
    """True when a _PARTIAL_DATE match names a real year, month or day."""
    try:
        dt.date(int(match["y"]), int(match["m"] or 1), int(match["d"] or 1))
    except ValueError:
        return False
    return True


class BriefingParams(StageParams):
    """Parameters of 04_briefing."""

    notebook: ClassVar[str] = "04_briefing.ipynb"
    previous: str | None = Field(None, description="an older output folder to compare with")
    max_timeline_rows: int = Field(25, ge=1, le=500)
    max_actors: int = Field(15, ge=1, le=200)
    title: str | None = None


STAGES: tuple[type[StageParams], ...] = (IngestParams, ThemesParams, TimelineParams, BriefingParams)


def describe(model: type[StageParams]) -> str:
    """One line per field: name, type and default, for error messages and --help."""
    lines = []
    for name, field in model.model_fields.items():
        default = "required" if field.is_required() else f"default {field.default!r}"
        annotation = field.annotation
        kind = (
            annotation.__name__
            if isinstance(annotation, type)
            else str(annotation).replace("typing.", "")
        )
        lines.append(f"{name} ({kind}, {default})")
    return "; ".join(lines)


def _parameter_error(
    model: type[StageParams], exc: ValidationError, values: Mapping[str, Any]
) -> ParameterError:
    """Turn pydantic's first error into a ParameterError naming the parameter."""
    first = exc.errors()[0]
    name = str(first["loc"][0]) if first["loc"] else "?"
    message = str(first["msg"]).removeprefix("Value error, ")
    allowed = f"{message} (in {model.notebook}: {describe(model)})"
    return ParameterError(name, values.get(name), allowed)


def validate_params(model: type[StageParams], values: Mapping[str, Any]) -> StageParams:
    """Validate values for one stage; unknown names and wrong types raise ParameterError."""
    unknown = sorted(set(values) - set(model.model_fields))
    if unknown:
        raise ParameterError(unknown[0], values[unknown[0]], f"one of {sorted(model.model_fields)}")
    try:
        return model.model_validate(dict(values))
    except ValidationError as exc:
        raise _parameter_error(model, exc, values) from exc


def from_namespace(model: type[StageParams], namespace: Mapping[str, Any]) -> StageParams:
    """Validate the declared parameters found in a notebook's globals.

    Only the model's fields are read: an analyst's own variables (a DataFrame from an earlier
    run of the notebook in the same kernel) are not parameters. Unknown `-p` names are refused
    before any notebook runs (`split_for_stages`).
    """
    declared = {name: namespace[name] for name in model.model_fields if name in namespace}
    return validate_params(model, declared)


def split_for_stages(values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Give each notebook the subset of pipeline parameters it declares; reject unknown names."""
    known = set().union(*(m.model_fields for m in STAGES))
    unknown = sorted(set(values) - known)
    if unknown:
        raise ParameterError(unknown[0], values[unknown[0]], f"one of {sorted(known)}")
    per_stage: dict[str, dict[str, Any]] = {}
    for model in STAGES:
        subset = {k: v for k, v in values.items() if k in model.model_fields}
        validate_params(model, subset)
        per_stage[model.notebook] = subset
    return per_stage


def _is_text(name: str) -> bool:
    """True when a parameter of this name holds free text (a title, a folder, an address):
    its command-line value is kept as written."""
    for model in STAGES:
        field = model.model_fields.get(name)
        if field is not None:
            return field.annotation in (str, str | None)
    return False


def from_text(name: str, text: str) -> Any:
    """A parameter value as written on the command line: kept as text for a text parameter
    (title=2025 is a title, date_from=2023-01-01 a date string; null is None), read as YAML
    otherwise (numbers, null, true). ValueError when it does not parse."""
    import yaml

    if _is_text(name):
        return None if text.strip() in _YAML_NULLS else text.strip()
    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, ValueError) as error:
        raise ValueError(" ".join(str(error).split())) from None
