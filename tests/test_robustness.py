"""One bad file, value or row never costs the run: it is set aside with its reason."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from helpers import schemas, storage
from helpers.ingest import sources
from helpers.ingest import stage as ingest
from helpers.report import facts as briefing
from helpers.report import render
from helpers.run import manifest
from helpers.text.dates import find_dates
from helpers.timeline import stage as extraction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Réunion le 00/07/2025 à Rabat.", []),
        ("Archive du 0/01/1900.", []),
        ("Mis en ligne 2025-07-00.", []),
        ("Le 31/02/2025, rien.", []),
        ("Le 29/02/2023, rien.", []),
        ("Le 29/02/2024 à Rabat.", [("2024-02-29", None)]),
        ("Du 29 au 31 mai 2024 à Rabat.", [("2024-05-29", "2024-05-31")]),
    ],
    ids=["day_00", "day_0_1900", "iso_day_00", "31_fevrier", "29_fevrier_2023", "29_fevrier_2024",
         "range_ok"],
)  # fmt: skip
def test_the_date_grammar_never_emits_an_impossible_date(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.date, m.end_date) for m in find_dates(text)] == expected


def _event(file: str, day: str, **changes: object) -> dict[str, object]:
    row = {
        "file": file, "date": day, "end": None, "precision": "day", "kind": "annonce",
        "label": "annonce", "place": None, "evidence": "Le texte.", "actors": [],
        "date_phrase": day,
    }  # fmt: skip
    return {**row, **changes}


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({"date": "2025-07-00"}, "date = '2025-07-00'"),
        ({"precision": "week"}, "precision = 'week'"),
        ({"kind": "fête"}, "kind = 'fête'"),
    ],
    ids=["impossible_day", "unknown_precision", "unknown_kind"],
)
def test_a_row_failing_its_schema_is_set_aside_with_its_file_and_reason(
    bad: dict[str, object], named: str
) -> None:
    frame = pd.DataFrame([_event("a.txt", "2025-07-01"), _event("b.txt", "2025-07-02", **bad)])
    valid, aside = schemas.validate_rows("events", frame)
    assert list(valid["file"]) == ["a.txt"]
    assert list(aside["file"]) == ["b.txt"]
    assert named in aside["reason"].iloc[0]
    assert aside["reason"].iloc[0].startswith("ligne écartée de la table events")


def test_a_table_missing_a_column_still_fails_as_a_whole() -> None:
    frame = pd.DataFrame([_event("a.txt", "2025-07-01")]).drop(columns=["label"])
    with pytest.raises(ValueError, match="table 'events' does not match"):
        schemas.validate_rows("events", frame)


def test_stage_3_writes_the_good_rows_and_the_set_aside_ones_as_problems(tmp_path: Path) -> None:
    events = pd.DataFrame([_event("a.txt", "2025-07-01"), _event("b.txt", "2025-07-00")])
    tables = extraction.TimelineTables(
        events=events,
        actors=pd.DataFrame(columns=["file", "name", "canonical", "type", "mentions", "role"]),
        timeline=pd.DataFrame(
            columns=[*events.columns.drop(["file", "actors", "date_phrase"]), "n_sources",
                     "n_outlets", "sources", "outlets", "evidence_file", "disagreement"]
        ),
    )  # fmt: skip
    extraction.write_outputs(tables, tmp_path)
    assert list(pd.read_parquet(tmp_path / "events.parquet")["file"]) == ["a.txt"]
    problems = storage.read_problems(tmp_path)
    assert list(problems["file"]) == ["b.txt"]
    assert list(problems["stage"]) == ["timeline"]


def test_an_article_row_failing_its_schema_is_set_aside_in_stage_1(tmp_path: Path) -> None:
    good = {
        "file": "a.txt", "sha256": "0" * 64, "format": "text", "readable": True,
        "title": "Titre", "published": "2025-07", "outlet": None, "url": None,
        "language": "fr", "relevance_score": 0.9, "relevant": True, "duplicate_of": None,
        "text": "Corps.", "n_words": 1, "chars_kept": 6, "chars_removed": 0, "problems": None,
    }  # fmt: skip
    bad = {**good, "file": "b.txt", "published": "2025-07-00"}
    result = ingest.IngestResult(articles=pd.DataFrame([good, bad]))
    articles = ingest.write_outputs(result, tmp_path)
    assert list(articles["file"]) == ["a.txt"]
    problems = storage.read_problems(tmp_path)
    assert list(problems["file"]) == ["b.txt"]
    assert "published = '2025-07-00'" in problems["reason"].iloc[0]


# The entries of a hostile corpus folder, each made by a function of the folder and of a folder
# outside it, with the reason it is skipped (None: read as an article).
def _fifo(corpus: Path, name: str) -> None:
    os.mkfifo(corpus / name)


ZOO_ENTRIES: list[tuple[str, Callable[[Path, Path], object], str | None]] = [
    ("ok.txt", lambda c, o: (c / "ok.txt").write_text("Texte.", encoding="utf-8"), None),
    ("dangling.txt", lambda c, o: (c / "dangling.txt").symlink_to(c / "gone.txt"), "cassé"),
    ("passwd.txt", lambda c, o: (c / "passwd.txt").symlink_to(o / "secret"), "hors du dossier"),
    ("zero.txt", lambda c, o: (c / "zero.txt").symlink_to("/dev/zero"), "hors du dossier"),
    ("pipe.txt", lambda c, o: _fifo(c, "pipe.txt"), "tube nommé"),
    ("folder.txt", lambda c, o: (c / "folder.txt").mkdir(), "dossier"),
    (".hidden.txt", lambda c, o: (c / ".hidden.txt").write_text("x", encoding="utf-8"), "caché"),
    ("inner.txt", lambda c, o: (c / "inner.txt").symlink_to(c / "ok.txt"), None),
    ("loop.txt", lambda c, o: (c / "loop.txt").symlink_to(c / "loop.txt"), "cassé"),
    ("notes.docx", lambda c, o: (c / "notes.docx").write_bytes(b"PK"), "non pris en charge"),
]
# Entries skipped without a word.
ZOO_QUIET = [
    (".gitkeep", lambda c, o: (c / ".gitkeep").write_bytes(b"")),
    ("archives", lambda c, o: (c / "archives").mkdir()),
]


@pytest.fixture
def zoo(tmp_path: Path) -> Path:
    """A corpus folder holding every entry of ZOO_ENTRIES and ZOO_QUIET."""
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret").write_text("root:x:0:0", encoding="utf-8")
    for _, make, *_ in [*ZOO_ENTRIES, *ZOO_QUIET]:
        make(corpus, outside)
    return corpus


@pytest.mark.parametrize(
    ("name", "reason"), [(name, reason) for name, _, reason in ZOO_ENTRIES], ids=lambda v: str(v)
)
def test_every_entry_of_the_zoo_is_read_or_skipped_with_its_reason(
    zoo: Path, name: str, reason: str | None
) -> None:
    files, skipped = ingest.list_inputs(zoo)
    reasons = {problem.file: problem.reason for problem in skipped}
    if reason is None:
        assert name in [path.name for path in files]
    else:
        assert reason in reasons[name]
        assert name not in [path.name for path in files]


def test_quiet_entries_are_neither_read_nor_reported(zoo: Path) -> None:
    files, skipped = ingest.list_inputs(zoo)
    named = {path.name for path in files} | {problem.file for problem in skipped}
    assert named.isdisjoint({name for name, _ in ZOO_QUIET})


def test_the_manifest_hashes_no_file_outside_the_corpus_nor_a_special_one(zoo: Path) -> None:
    hashed = {entry["file"] for entry in manifest.input_files(zoo)}
    assert hashed == {"ok.txt", "inner.txt", "notes.docx"}


@pytest.mark.parametrize(
    "damaged",
    [{"txt": "autre forme"}, ["une", "liste"], "texte", None],
    ids=["wrong_keys", "a_list", "a_string", "null"],
)
def test_a_cache_record_of_the_wrong_shape_is_a_miss(tmp_path: Path, damaged: object) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = corpus / "a.txt"
    page.write_text("Titre\n\nLe ministère a présenté sa stratégie numérique à Rabat.\n")
    cache_dir = tmp_path / "interim"
    first = ingest.ingest_corpus(corpus, cache_dir=cache_dir).articles
    records = sorted((cache_dir / "read").rglob("*.json")) + sorted(
        (cache_dir / "describe").rglob("*.json")
    )
    assert records
    for record in records:
        record.write_text(json.dumps(damaged), encoding="utf-8")
    again = ingest.ingest_corpus(corpus, cache_dir=cache_dir).articles
    assert again["text"].tolist() == first["text"].tolist()


@pytest.mark.parametrize(
    ("encoding", "noted"),
    [("utf-8", False), ("utf-8-sig", False), ("cp1252", True)],
    ids=["utf8", "utf8_bom", "cp1252_spreadsheet_export"],
)
def test_sources_csv_from_a_french_spreadsheet_is_read(
    tmp_path: Path, encoding: str, noted: bool
) -> None:
    csv_text = "file;url;outlet\nété.txt;https://www.exemple.ma/a;Le Média Économique\n"
    (tmp_path / "sources.csv").write_bytes(csv_text.encode(encoding))
    rows, problems = sources.read_sources(tmp_path, ["été.txt"])
    assert rows["été.txt"].outlet == "Le Média Économique"
    assert any("Windows-1252" in p for p in problems) == noted


def test_the_method_section_lists_bad_sources_rows_but_not_decode_notes() -> None:
    articles = pd.DataFrame(
        columns=["file", "readable", "relevant", "duplicate_of", "relevance_score", "problems"]
    )
    problems = pd.DataFrame(
        [
            ("x.docx", "ingest", "type de fichier non pris en charge"),
            ("sources.csv", "sources", "sources.csv ligne 3 : URL invalide : ligne ignorée"),
            ("a.txt", "decode", "encodage cp1252 détecté"),
            ("b.txt", "timeline", "ligne écartée de la table events"),
        ],
        columns=["file", "stage", "reason"],
    )
    aside = briefing.set_aside(articles, problems, "fr")
    assert list(aside["file"]) == ["x.docx", "sources.csv", "b.txt"]


def test_identical_notebooks_give_identical_html_whatever_papermill_s_cell_ids(
    tmp_path: Path,
) -> None:
    import nbformat

    def executed(cell_id: str) -> Path:
        cell = nbformat.v4.new_code_cell("display(HTML('<p>x</p>'))", id=cell_id)
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<p>Santé</p>"})]
        path = tmp_path / f"{cell_id}.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
        return path

    first = render.briefing_page(executed("aa05efea"))
    second = render.briefing_page(executed("4ba22651"))
    assert first == second and "Santé" in first
