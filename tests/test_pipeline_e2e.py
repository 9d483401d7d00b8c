"""End to end: the real pipeline on the seeds (plus bad inputs) into a temporary folder,
then the PDF read back and checked against the tables."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from pypdf import PdfReader

from helpers import schemas
from helpers.report import facts as briefing
from helpers.run.pipeline import main

pytestmark = pytest.mark.e2e


def _flat(text: str) -> str:
    """Whitespace folded (PDF extraction breaks lines and uses no-break spaces)."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def run(messy_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["--raw-dir", str(messy_corpus), "--out-dir", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def pdf_pages(run: Path) -> list[str]:
    return [
        _flat(page.extract_text() or "")
        for page in PdfReader(run / "reports" / "briefing.pdf").pages
    ]


@pytest.fixture(scope="module")
def tables(run: Path) -> briefing.Tables:
    return briefing.load_tables(run / "data" / "processed")


def test_every_table_matches_its_schema(run: Path) -> None:
    for name in schemas.SCHEMAS:
        frame = pd.read_parquet(run / "data" / "processed" / f"{name}.parquet")
        schemas.validate(name, frame)


def test_briefing_states_the_colloque_and_the_assises_with_their_sources(
    pdf_pages: list[str],
) -> None:
    text = " ".join(pdf_pages)
    assert re.search(r"Colloque[^.]{0,80}23 octobre 2023", text)
    assert re.search(r"Assises nationales de l'IA[^.]{0,120}1er et 2 juillet 2025", text)
    assert "L'Opinion, 24 octobre 2023" in text
    assert "Maroc Diplomatique, 2 juillet 2025" in text


def test_cover_counts_equal_the_tables(pdf_pages: list[str], tables: briefing.Tables) -> None:
    counts = briefing.corpus_counts(tables.articles, tables.problems)
    cover = pdf_pages[0]
    assert counts == {
        "files": 13,
        "relevant": 6,
        "offtopic": 1,
        "duplicates": 1,
        "unreadable": 5,
    }
    for key, words in (
        ("relevant", "retenus"),
        ("offtopic", "écartés"),
        ("duplicates", "doublons"),
        ("unreadable", "illisibles"),
    ):
        assert f"{counts[key]} {words}" in cover


def test_every_timeline_row_appears_in_the_pdf(
    pdf_pages: list[str], tables: briefing.Tables
) -> None:
    text = " ".join(pdf_pages)
    assert len(tables.timeline) >= 3
    for label in tables.timeline["label"]:
        assert _flat(label) in text


def test_no_code_in_the_pdf(pdf_pages: list[str]) -> None:
    text = " ".join(pdf_pages)
    for marker in ("import ", "def ", "helpers.", "display(", "In [", "Traceback"):
        assert marker not in text


def test_quotes_are_exact_substrings_of_their_sources(
    run: Path, pdf_pages: list[str], messy_corpus: Path
) -> None:
    text = " ".join(pdf_pages)
    quotes = re.findall(r"« ([^«»]{40,}?) » — ([^,]+), [^(]+\((\S+\.txt)\)", text)
    assert len(quotes) >= 2
    for quote, _outlet, file in quotes:
        source = _flat((messy_corpus / file).read_text(encoding="utf-8"))
        assert quote in source, (file, quote)


def test_problems_are_named_in_the_manifest_and_the_run_went_on(run: Path) -> None:
    manifest = json.loads((run / "reports" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "ok"
    problems = {(p["file"], p["stage"]) for p in manifest["problems"]}
    for file in (
        "102_empty.txt",
        "103_binary.txt",
        "104_dropped.pdf",
        "105_notes.docx",
        "107_only_noise.txt",
    ):
        assert any(f == file for f, _ in problems), file
    assert any(f == "sources.csv" for f, _ in problems)  # the row for a missing file
    assert [s["stage"] for s in manifest["stages"]] == [
        "01_ingest.ipynb",
        "02_themes.ipynb",
        "03_timeline.ipynb",
        "04_briefing.ipynb",
        "export",
    ]
    assert len(manifest["inputs"]) == 14 and all(len(i["sha256"]) == 64 for i in manifest["inputs"])


def test_themes_and_timeline_ran_side_by_side_between_ingest_and_briefing(run: Path) -> None:
    manifest = json.loads((run / "reports" / "manifest.json").read_text(encoding="utf-8"))
    ingest, themes, timeline, brief, export = manifest["stages"]
    assert ingest["end"] <= min(themes["start"], timeline["start"])
    assert themes["start"] < timeline["end"] and timeline["start"] < themes["end"]
    assert max(themes["end"], timeline["end"]) <= brief["start"] < brief["end"] <= export["start"]
    for stage in manifest["stages"]:
        assert stage["seconds"] == pytest.approx(stage["end"] - stage["start"], abs=0.02)


def test_saved_html_page_is_read_with_its_metadata(tables: briefing.Tables) -> None:
    page = tables.articles.set_index("file").loc["106_saved_page.html"]
    assert (page["format"], page["published"], page["outlet"]) == (
        "html",
        "2025-03-12",
        "Le Journal Test",
    )
    assert page["relevant"]
    assert ("106_saved_page.html", "2025-03-11") in set(
        zip(tables.events["file"], tables.events["date"], strict=True)
    )


def test_html_is_self_contained_and_escaped(run: Path) -> None:
    html = (run / "reports" / "briefing.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert not re.search(r'src="(?!data:)', html)
    assert "Chronologie" in html and 'href="#src-004_23228f0a9bb6efbb-txt"' in html


def test_duplicate_and_off_topic_are_kept_in_articles_but_not_in_the_timeline(
    tables: briefing.Tables,
) -> None:
    arts = tables.articles.set_index("file")
    assert arts.loc["101_republished.txt", "duplicate_of"] == "004_23228f0a9bb6efbb.txt"
    assert not arts.loc["100_football.txt", "relevant"]
    sources = {f for files in tables.timeline["sources"] for f in files}
    assert "101_republished.txt" not in sources and "100_football.txt" not in sources
    # Events of every readable article (dates checkable on any text); the NER model reads only
    # the core articles, so the copy has events but no actors.
    assert (tables.events["file"] == "101_republished.txt").any()
    copy_events = tables.events[tables.events["file"] == "101_republished.txt"]
    assert all(len(found) == 0 for found in copy_events["actors"])
    assert not tables.actors["file"].isin(["101_republished.txt", "100_football.txt"]).any()


# As in Jupyter, each notebook run twice in one kernel with a changed parameter: what the
# second run is given, and what its output must then show.
RERUNS = [
    ("01_ingest.ipynb", {"relevance_threshold": 0.99}, {"relevance_threshold": 0.5}),
    ("02_themes.ipynb", {"n_themes": 2}, {"n_themes": 3}),
    ("03_timeline.ipynb", {}, {"date_from": "2025"}),
    ("04_briefing.ipynb", {}, {"title": "Note de test relancée"}),
]


def test_an_analyst_reruns_each_notebook_in_one_kernel_with_a_changed_parameter(
    run: Path, messy_corpus: Path, tmp_path: Path
) -> None:
    """As in Jupyter: run a notebook, change a parameter, run it again without restarting;
    the four notebooks in turn, in one kernel."""
    from jupyter_client.manager import start_new_kernel

    from helpers.config import KERNEL_NAME, NOTEBOOKS_DIR

    shutil.copytree(run / "data" / "processed", tmp_path / "data" / "processed")
    shutil.copytree(run / "data" / "interim", tmp_path / "data" / "interim")
    processed = tmp_path / "data" / "processed"
    common = {"out_dir": str(tmp_path), "raw_dir": str(messy_corpus)}
    manager, client = start_new_kernel(kernel_name=KERNEL_NAME, cwd=str(NOTEBOOKS_DIR))
    seen: dict[str, list] = {}
    try:
        for notebook, first, second in RERUNS:
            nb = nbformat.read(NOTEBOOKS_DIR / notebook, as_version=4)
            code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
            declared = code[0]
            for values in (first, second):
                given = {k: v for k, v in common.items() if f"{k} =" in declared} | values
                injected = "\n".join(f"{name} = {value!r}" for name, value in given.items())
                html: list[str] = []

                def keep_html(message: dict, html: list[str] = html) -> None:
                    html.append(message["content"].get("data", {}).get("text/html", ""))

                for source in [declared, injected, *code[1:]]:
                    reply = client.execute_interactive(source, timeout=300, output_hook=keep_html)
                    assert reply["content"]["status"] == "ok", (
                        notebook,
                        source[:80],
                        reply["content"],
                    )
                seen.setdefault(notebook, []).append(_rerun_output(notebook, processed, html))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    ingest_runs, themes_runs, timeline_runs, briefing_runs = (seen[nb] for nb, *_ in RERUNS)
    assert ingest_runs[0] < ingest_runs[1] == 7  # relevant files (a copy too): fewer at 0.99
    assert themes_runs == [2, 3]  # themes
    assert 0 < len(timeline_runs[1]) < len(timeline_runs[0])  # entries from 2025 on only
    assert min(timeline_runs[0]) < "2025" <= min(timeline_runs[1])
    assert briefing_runs == [False, True]  # the new title on the cover


def _rerun_output(notebook: str, processed: Path, html: list[str]) -> object:
    """What a run of the notebook changed that its parameter decides."""
    if notebook == "01_ingest.ipynb":
        return int(pd.read_parquet(processed / "articles.parquet")["relevant"].sum())
    if notebook == "02_themes.ipynb":
        return len(pd.read_parquet(processed / "themes.parquet"))
    if notebook == "03_timeline.ipynb":
        return [str(date) for date in pd.read_parquet(processed / "timeline.parquet")["date"]]
    return any("Note de test relancée" in part for part in html)
