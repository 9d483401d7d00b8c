"""Skipping slow optional imports keeps the libraries that use them working."""

from __future__ import annotations

from collections.abc import Callable


def test_skipped_module_is_not_imported_and_notebooks_still_validate(
    fresh_python: Callable[[str], str],
) -> None:
    out = fresh_python(
        """
        import sys
        from helpers.fastimport import skip_slow_optional_imports
        skip_slow_optional_imports()
        import nbformat
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
        nbformat.validate(nb)
        bad = nbformat.from_dict({"cells": [], "metadata": {}, "nbformat": 4})
        try:
            nbformat.validate(bad)
        except nbformat.ValidationError:
            print("invalid rejected")
        print(sys.modules.get("rfc3987_syntax") is None)
        """
    )
    assert out.splitlines() == ["invalid rejected", "True"]


def test_a_module_already_loaded_is_left_alone(fresh_python: Callable[[str], str]) -> None:
    out = fresh_python(
        """
        import sys, types
        sys.modules["rfc3987_syntax"] = types.ModuleType("rfc3987_syntax")
        from helpers.fastimport import skip_slow_optional_imports
        skip_slow_optional_imports()
        print(sys.modules["rfc3987_syntax"] is not None)
        """
    )
    assert out == "True"
