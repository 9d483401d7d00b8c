"""The optional sources.csv of a corpus folder, and how its values combine with the text's."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from helpers.config import SOURCES_FILE
from helpers.ingest.outlets import date_from_url, display_name, outlet_from_url, outlet_of_url

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

# Where a resolved value came from; "none" when no evidence gave one.
Provenance = Literal["sources.csv", "text", "url", "none"]

# Columns sources.csv may have; `file` is required, the others optional.
REQUIRED_COLUMNS = ("file",)
OPTIONAL_COLUMNS = ("url", "outlet", "published")

# A published value: 2025-07-02, 2025-07 or 2025, optionally followed by a time (T10:00...).
PUBLISHED_VALUE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:[T ].*)?$")

# An absolute http(s) URL with a dotted host and no whitespace.
HTTP_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceRow:
    """One usable row of sources.csv: the file, and what the row says about it."""

    file: str
    url: str | None
    outlet: str | None
    published: str | None


def read_sources(
    corpus_dir: Path, files: Collection[str]
) -> tuple[dict[str, SourceRow], list[str]]:
    """Read corpus_dir/sources.csv into rows per known file, and messages for what was skipped."""
    path = Path(corpus_dir) / SOURCES_FILE
    if not path.is_file():
        return {}, []
    try:
        data = path.read_bytes()
    except OSError as error:
        return {}, [f"{SOURCES_FILE}: illisible ({error.__class__.__name__} : {error}) : ignoré"]
    text, notes = _decode_csv(data)
    rows, problems = _parse_sources(text, {_normalise_name(name): name for name in files})
    return rows, notes + problems


def _decode_csv(data: bytes) -> tuple[str, list[str]]:
    """The text of sources.csv: UTF-8 (with or without BOM), else Windows-1252, the usual
    export of a French spreadsheet (every byte decodes: nothing is refused), with a note."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        note = f"{SOURCES_FILE}: pas en UTF-8, lu en Windows-1252 (export de tableur)"
        return data.decode("cp1252", errors="replace"), [note]


def resolve_metadata(
    text_outlet: str | None,
    text_published: str | date | None,
    source: SourceRow | None,
) -> tuple[str | None, str | None, dict[str, Provenance]]:
    """Combine sources.csv, text and URL evidence into (outlet, published, provenance)."""
    url = source.url if source else None
    # A site the registry knows names its outlet best; then the name the text states; then
    # a readable form of the URL's site.
    known = outlet_of_url(url) if url else None
    outlet, outlet_from = _first_given(
        (source.outlet if source else None, "sources.csv"),
        (known.name if known else None, "url"),
        (display_name(text_outlet) if text_outlet else None, "text"),
        (outlet_from_url(url) if url else None, "url"),
    )
    text_date = text_published.isoformat() if isinstance(text_published, date) else text_published
    url_date = date_from_url(source.url) if source and source.url else None
    if text_date and url_date and len(url_date) > len(text_date) and url_date.startswith(text_date):
        # The URL agrees with a partial text date (2025-07) and is more precise (2025-07-02).
        text_date = None
    published, published_from = _first_given(
        (source.published if source else None, "sources.csv"),
        (text_date or None, "text"),
        (url_date, "url"),
    )
    return outlet, published, {"outlet": outlet_from, "published": published_from}


def parse_published(value: str) -> str | None:
    """Return a sources.csv published value as ISO (YYYY-MM-DD, YYYY-MM or YYYY), or None."""
    match = PUBLISHED_VALUE.match(value.strip())
    if match is None:
        return None
    year, month, day = match["y"], match["m"], match["d"]
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


def _parse_sources(text: str, known: dict[str, str]) -> tuple[dict[str, SourceRow], list[str]]:
    """Parse the CSV text; rows keyed by corpus file name, plus problem messages by line."""
    first = text.split("\n", 1)[0]
    if not first.strip():
        return {}, [f"{SOURCES_FILE}: fichier vide ou sans en-tête : ignoré"]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True, strict=True
    )
    try:
        return _parse_rows(reader, known)
    except csv.Error as error:
        # A broken quote shifts every later field: nothing after it can be trusted.
        return {}, [f"{SOURCES_FILE} ligne {reader.line_num} : CSV invalide ({error}) : ignoré"]


def _parse_rows(reader: CsvReader, known: dict[str, str]) -> tuple[dict[str, SourceRow], list[str]]:
    """Read the header and the data rows; rows by corpus file name, problems by line."""
    header = [cell.strip().lower() for cell in next(reader)]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        columns = ", ".join(missing)
        return {}, [f"{SOURCES_FILE} ligne 1 : colonne(s) manquante(s) {columns} : ignoré"]
    problems = [
        f"{SOURCES_FILE} ligne 1 : colonne inconnue {column!r} ignorée"
        for column in header
        if column and column not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    ]
    rows: dict[str, SourceRow] = {}
    first_line: dict[str, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        row, notes = _parse_row(cells, header, known)
        if row is not None and row.file in rows:
            first = first_line[row.file]
            notes = [f"ligne en double pour {row.file!r} (première à la ligne {first})"]
            row = None
        if row is None:
            problems.append(f"{SOURCES_FILE} ligne {line} : {notes[0]} : ligne ignorée")
            continue
        problems.extend(f"{SOURCES_FILE} ligne {line} : {note} : valeur ignorée" for note in notes)
        rows[row.file] = row
        first_line[row.file] = line
    return rows, problems


def _parse_row(
    cells: list[str], header: list[str], known: dict[str, str]
) -> tuple[SourceRow | None, list[str]]:
    """Validate one data row: the row, with the bad values it leaves out (one bad field does
    not cost the others), or None and the reason when the row names no corpus file."""
    if len(cells) > len(header):
        return None, [f"{len(cells)} champs pour {len(header)} colonnes"]
    values = {column: cell.strip() for column, cell in zip(header, cells, strict=False)}
    name = _normalise_name(values.get("file", ""))
    if not name:
        return None, ["nom de fichier vide"]
    if name not in known:
        return None, [f"fichier {name!r} absent du corpus"]
    file, notes = known[name], []
    url = values.get("url") or None
    if url is not None and not HTTP_URL.match(url):
        notes.append(f"fichier {file!r} : URL invalide {url!r}")
        url = None
    published_raw = values.get("published") or None
    published = parse_published(published_raw) if published_raw else None
    if published_raw and published is None:
        notes.append(f"fichier {file!r} : date invalide {published_raw!r} (AAAA-MM-JJ attendu)")
    outlet = values.get("outlet") or None
    return SourceRow(file=file, url=url, outlet=outlet, published=published), notes


def _normalise_name(name: str) -> str:
    """A file name as compared between sources.csv and the corpus listing."""
    return unicodedata.normalize("NFC", name.strip())


def _first_given(*candidates: tuple[str | None, Provenance]) -> tuple[str | None, Provenance]:
    """The first non-empty value with its provenance, or (None, "none")."""
    for value, provenance in candidates:
        if value:
            return value, provenance
    return None, "none"
