"""sources.csv: reading it defensively, and resolving outlet and date with provenance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers.ingest.sources import SourceRow, parse_published, read_sources, resolve_metadata

FILES = ("a.txt", "b.txt", "c.txt")


def _write(tmp_path: Path, content: str | bytes) -> Path:
    """Write sources.csv into tmp_path and return the folder."""
    path = tmp_path / "sources.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("content", "expected_rows", "expected_problems"),
    [
        (
            "file,url\na.txt,https://www.hespress.com/x-1.html\nb.txt,\n",
            {
                "a.txt": SourceRow("a.txt", "https://www.hespress.com/x-1.html", None, None),
                "b.txt": SourceRow("b.txt", None, None, None),
            },
            [],
        ),
        (
            "file,url,outlet,published\n"
            "a.txt,https://lematin.ma/2025/07/02/x,Le Matin,2025-07-02\n"
            "c.txt,,TelQuel,2025-07\n",
            {
                "a.txt": SourceRow(
                    "a.txt", "https://lematin.ma/2025/07/02/x", "Le Matin", "2025-07-02"
                ),
                "c.txt": SourceRow("c.txt", None, "TelQuel", "2025-07"),
            },
            [],
        ),
        (
            "\ufefffile;url;outlet\na.txt;https://x.ma/1;X\n",
            {"a.txt": SourceRow("a.txt", "https://x.ma/1", "X", None)},
            [],
        ),
        (
            ' File , URL \n"a.txt", "https://x.ma/a,b"\n',
            {"a.txt": SourceRow("a.txt", "https://x.ma/a,b", None, None)},
            [],
        ),
        (
            "file,url\nzzz.txt,https://x.ma/1\na.txt,https://x.ma/2\n",
            {"a.txt": SourceRow("a.txt", "https://x.ma/2", None, None)},
            ["ligne 2 : fichier 'zzz.txt' absent du corpus"],
        ),
        (
            "file,url,outlet\na.txt,www.x.ma/1,X\nb.txt,ftp://x.ma/2,\nc.txt,https://x.ma/3,\n",
            {
                "a.txt": SourceRow("a.txt", None, "X", None),
                "b.txt": SourceRow("b.txt", None, None, None),
                "c.txt": SourceRow("c.txt", "https://x.ma/3", None, None),
            },
            [
                "ligne 2 : fichier 'a.txt' : URL invalide",
                "ligne 3 : fichier 'b.txt' : URL invalide",
            ],
        ),
        (
            "file,url,published\na.txt,https://x.ma/1,02/07/2025\nb.txt,,2025-02-30\n"
            "c.txt,,2025-07-02T10:00\n",
            {
                "a.txt": SourceRow("a.txt", "https://x.ma/1", None, None),
                "b.txt": SourceRow("b.txt", None, None, None),
                "c.txt": SourceRow("c.txt", None, None, "2025-07-02"),
            },
            [
                "ligne 2 : fichier 'a.txt' : date invalide",
                "ligne 3 : fichier 'b.txt' : date invalide",
            ],
        ),
        (
            "file,url\na.txt,https://x.ma/1\na.txt,https://x.ma/2\n",
            {"a.txt": SourceRow("a.txt", "https://x.ma/1", None, None)},
            ["ligne 3 : ligne en double pour 'a.txt' (première à la ligne 2)"],
        ),
        (
            "file,url\n,https://x.ma/1\nb.txt,https://x.ma/2,extra\n\n",
            {},
            ["ligne 2 : nom de fichier vide", "ligne 3 : 3 champs pour 2 colonnes"],
        ),
        (
            "url,outlet\nhttps://x.ma/1,X\n",
            {},
            ["ligne 1 : colonne(s) manquante(s) file"],
        ),
        (
            "file,url,notes\na.txt,https://x.ma/1,ok\n",
            {"a.txt": SourceRow("a.txt", "https://x.ma/1", None, None)},
            ["ligne 1 : colonne inconnue 'notes' ignorée"],
        ),
        (
            b"file,outlet\na.txt,M\xe9dias 24\n",
            {"a.txt": SourceRow("a.txt", None, "Médias 24", None)},
            ["lu en Windows-1252"],
        ),
        ("", {}, ["fichier vide"]),
        ('file,url\n"a.txt,https://x.ma/1\n', {}, ["CSV invalide"]),
    ],
    ids=[
        "minimal_columns",
        "all_columns",
        "semicolon_and_bom",
        "header_case_spaces_and_quoted_comma",
        "file_not_in_corpus",
        "bad_urls",
        "bad_published_values",
        "duplicate_file",
        "empty_name_and_extra_field",
        "missing_file_column",
        "unknown_column",
        "not_utf8",
        "empty_csv",
        "unterminated_quote",
    ],
)
def test_read_sources(
    tmp_path: Path,
    content: str | bytes,
    expected_rows: dict[str, SourceRow],
    expected_problems: list[str],
) -> None:
    rows, problems = read_sources(_write(tmp_path, content), FILES)
    assert rows == expected_rows
    assert len(problems) == len(expected_problems)
    for problem, expected in zip(problems, expected_problems, strict=True):
        assert problem.startswith("sources.csv")
        assert expected in problem


def test_missing_sources_csv_is_not_a_problem(tmp_path: Path) -> None:
    assert read_sources(tmp_path, FILES) == ({}, [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-02", "2025-07-02"),
        ("2025-07", "2025-07"),
        ("2025", "2025"),
        (" 2025-07-02 10:00:00 ", "2025-07-02"),
        ("2025-13", None),
        ("02/07/2025", None),
        ("juillet 2025", None),
    ],
    ids=["day", "month", "year", "with_time", "bad_month", "french_order", "words"],
)
def test_parse_published(value: str, expected: str | None) -> None:
    assert parse_published(value) == expected


HESPRESS = "https://www.hespress.com/2025/07/01/ia-maroc.html"
MAGHRESS = "https://www.maghress.com/fr/lopinion/12345"


@pytest.mark.parametrize(
    ("text_outlet", "text_published", "source", "expected"),
    [
        (
            "Hespress",
            "2025-07-02",
            None,
            ("Hespress", "2025-07-02", {"outlet": "text", "published": "text"}),
        ),
        (
            "Hespress",
            "2025-07-02",
            SourceRow("a.txt", HESPRESS, "Hespress FR", "2025-07-03"),
            ("Hespress FR", "2025-07-03", {"outlet": "sources.csv", "published": "sources.csv"}),
        ),
        (
            None,
            None,
            SourceRow("a.txt", HESPRESS, None, None),
            ("Hespress", "2025-07-01", {"outlet": "url", "published": "url"}),
        ),
        (
            "L'opinion",
            "2025-06-30",
            SourceRow("a.txt", HESPRESS, None, None),
            ("Hespress", "2025-06-30", {"outlet": "url", "published": "text"}),
        ),
        (
            "L'opinion",
            None,
            SourceRow("a.txt", "https://www.unknown-outlet.ma/a/1", None, None),
            ("L'Opinion", None, {"outlet": "text", "published": "none"}),
        ),
        (
            None,
            None,
            SourceRow("a.txt", "https://www.unknown-outlet.ma/a/1", None, None),
            ("Unknown Outlet", None, {"outlet": "url", "published": "none"}),
        ),
        (
            None,
            "2025-07",
            SourceRow("a.txt", HESPRESS, None, None),
            ("Hespress", "2025-07-01", {"outlet": "url", "published": "url"}),
        ),
        (
            None,
            "2025-06",
            SourceRow("a.txt", HESPRESS, None, None),
            ("Hespress", "2025-06", {"outlet": "url", "published": "text"}),
        ),
        (
            None,
            date(2025, 7, 2),
            SourceRow("a.txt", MAGHRESS, None, None),
            ("L'Opinion", "2025-07-02", {"outlet": "url", "published": "text"}),
        ),
        (
            None,
            None,
            SourceRow("a.txt", "https://www.msn.com/fr-fr/actualite/x/ar-AA1", None, None),
            (None, None, {"outlet": "none", "published": "none"}),
        ),
        (None, None, None, (None, None, {"outlet": "none", "published": "none"})),
        (
            "",
            "",
            SourceRow("a.txt", None, "", None),
            (None, None, {"outlet": "none", "published": "none"}),
        ),
    ],
    ids=[
        "text_only",
        "sources_csv_wins",
        "url_fills_both",
        "known_site_beats_text",
        "text_beats_unknown_site",
        "unknown_site_read_as_words",
        "url_refines_partial_text_date",
        "text_month_disagrees_with_url",
        "aggregator_url_gives_original_outlet",
        "aggregator_without_outlet",
        "nothing_known",
        "empty_strings_are_missing",
    ],
)
def test_resolve_metadata(
    text_outlet: str | None,
    text_published: str | date | None,
    source: SourceRow | None,
    expected: tuple[str | None, str | None, dict[str, str]],
) -> None:
    assert resolve_metadata(text_outlet, text_published, source) == expected
