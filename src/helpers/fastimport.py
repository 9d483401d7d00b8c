"""Skip optional imports that cost seconds and that nothing here uses."""

from __future__ import annotations

import sys

# jsonschema imports rfc3987_syntax, when it is installed (jupyter-events pulls it in), only to
# check the "iri" string format; importing it builds a Lark grammar, about 2 s on these
# machines, paid by every process that loads nbformat (papermill, nbconvert). Notebook schemas
# use no such format.
SLOW_OPTIONAL = ("rfc3987_syntax",)


def skip_slow_optional_imports() -> None:
    """Make the optional modules above look absent to this process, unless already loaded:
    the libraries importing them then take their documented fallback."""
    for name in SLOW_OPTIONAL:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
