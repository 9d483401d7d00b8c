"""Exceptions that say which input failed, where, and why."""

from __future__ import annotations


class ArticleError(Exception):
    """An input file could not be used at a given stage."""

    def __init__(self, file: str, stage: str, reason: str) -> None:
        super().__init__(f"{file}: {stage}: {reason}")
        self.file = file
        self.stage = stage
        self.reason = reason


class ParameterError(ValueError):
    """A notebook or pipeline parameter is unknown, of the wrong type, or out of range."""

    def __init__(self, name: str, value: object, allowed: str) -> None:
        super().__init__(f"parameter {name!r}={value!r} is not valid: expected {allowed}")
        self.name = name
        self.value = value
        self.allowed = allowed


class StageError(RuntimeError):
    """A pipeline notebook failed; names the notebook and the failing cell."""

    def __init__(self, notebook: str, cell: int | None, reason: str) -> None:
        where = f"cell {cell}" if cell is not None else "before any cell ran"
        super().__init__(f"notebook {notebook} failed at {where}: {reason}")
        self.notebook = notebook
        self.cell = cell
        self.reason = reason


class RunError(RuntimeError):
    """A pipeline run failed: at which stage, why, and (for a full disk...) what to do."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"run failed at {stage}: {reason}")
        self.stage = stage
        self.reason = reason
