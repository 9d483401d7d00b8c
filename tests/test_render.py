"""Rendering: article text is escaped, French typography applied, dates written out."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from helpers import render
from helpers.briefing import Tables
from helpers.typography import NBSP, NNBSP, agree, typo_fr

MALICIOUS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _tables(title: str = "Titre", outlet: str | None = "Le Matin") -> Tables:
    articles = pd.DataFrame(
        [
            {
                "file": "a.txt",
                "sha256": "0" * 64,
                "format": "text",
                "readable": True,
                "title": title,
                "published": "2025-07-02",
                "outlet": outlet,
                "url": None,
                "language": "fr",
                "relevance_score": 0.9,
                "relevant": True,
                "duplicate_of": None,
                "text": f"Le 1er juillet 2025, {title} a été lancé à Rabat.",
                "n_words": 9,
                "chars_kept": 40,
                "chars_removed": 10,
                "problems": None,
            }
        ]
    )
    timeline = pd.DataFrame(
        [
            {
                "date": "2025-07-01",
                "end": "2025-07-02",
                "precision": "day",
                "kind": "assises",
                "label": title,
                "place": "Rabat",
                "n_sources": 1,
                "n_outlets": 1,
                "sources": ["a.txt"],
                "outlets": ["Le Matin"],
                "evidence": articles.loc[0, "text"],
                "evidence_file": "a.txt",
                "disagreement": None,
            }
        ]
    )
    empty = pd.DataFrame()
    return Tables(
        articles=articles,
        events=empty,
        actors=pd.DataFrame(columns=["file", "canonical", "type", "role", "mentions"]),
        timeline=timeline,
        themes=pd.DataFrame(columns=["theme_id", "label", "top_terms", "share", "n_docs"]),
        doc_themes=empty,
        problems=pd.DataFrame(columns=["file", "stage", "reason"]),
    )


@pytest.mark.parametrize(
    "section",
    [
        lambda t: render.annex(t, "fr"),
        lambda t: render.chronology(t, "fr", "<svg></svg>", 10),
        lambda t: render.summary(t, "fr"),
        lambda t: render.cover(t, "fr", dt.date(2025, 7, 3), title=MALICIOUS),
    ],
    ids=["annex", "chronology", "summary", "cover_title"],
)
def test_article_text_cannot_inject_markup(section) -> None:
    html = section(_tables(title=MALICIOUS, outlet=MALICIOUS))
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_cover_counts_and_period() -> None:
    html = render.cover(_tables(), "fr", dt.date(2025, 7, 3))
    assert "2 juillet 2025" in html and "3 juillet 2025" in html
    assert '<td class="num">1</td><td>retenus' in html


def test_english_wording_switches_fixed_text() -> None:
    html = render.chronology(_tables(), "en", "<svg></svg>", 10)
    assert "Timeline" in html and "1-2 July 2025" in html


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Synthèse : le Maroc", f"Synthèse{NBSP}: le Maroc"),
        ("Vraiment ? Oui !", f"Vraiment{NNBSP}? Oui{NNBSP}!"),
        ("« IA responsable »", f"«{NBSP}IA responsable{NBSP}»"),
        ("à 10:30 sur http://x.ma:80", "à 10:30 sur http://x.ma:80"),
    ],
    ids=["colon", "question_exclamation", "guillemets", "times_and_urls_untouched"],
)
def test_french_typography(raw: str, expected: str) -> None:
    assert typo_fr(raw) == expected


@pytest.mark.parametrize(
    ("date", "end", "lang", "expected"),
    [
        ("2025-07-01", None, "fr", "1er juillet 2025"),
        ("2023-10-23", None, "fr", "23 octobre 2023"),
        ("2025-07", None, "fr", "juillet 2025"),
        (None, None, "fr", "sans date"),
        ("2025-07-01", "2025-07-02", "fr", "1er et 2 juillet 2025"),
        ("2024-05-29", "2024-05-31", "fr", "du 29 au 31 mai 2024"),
        ("2025-07-01", None, "en", "1 July 2025"),
    ],
    ids=["premier", "plain_day", "month", "missing", "two_days", "day_range", "english"],
)
def test_fmt_date(date, end, lang: str, expected: str) -> None:
    assert render.fmt_date(date, end, lang) == expected


def test_print_annex_keeps_only_cited_rows_when_the_corpus_is_large() -> None:
    rows = "".join(f'<tr id="src-a{i}"><td>a{i}</td></tr>' for i in range(100))
    hidden = '<tr class="screen-only"><td><a href="#src-a9">y</a></td></tr>'
    html = f'<a href="#src-a7">x</a><table>{hidden}</table><table>{rows}</table>'
    bounded = render.bound_for_print(html, limit=80)
    assert '<tr id="src-a7">' in bounded
    assert '<tr class="screen-only" id="src-a9">' in bounded  # cited only by a hidden row
    assert bounded.count('class="screen-only"') == 100
    assert render.bound_for_print(html, limit=200) == html


def test_html_annex_keeps_only_cited_rows_past_the_html_limit() -> None:
    rows = "".join(f'<tr id="src-a{i}"><td>a{i}</td></tr>' for i in range(30))
    html = f'<a href="#src-a7">x</a><table><tbody>{rows}</tbody></table>{render._ANNEX_END}'
    bounded = render.bound_for_screen(html, "fr", limit=10)
    assert '<tr id="src-a7">' in bounded and bounded.count("<tr ") == 1
    assert "29 autres fichiers, non cités, ne figurent que dans articles.parquet" in bounded
    assert render.bound_for_screen(html, "fr", limit=30) == html


def test_pdf_document_drops_the_rows_it_would_hide() -> None:
    html = '<table><tr><td>kept</td></tr><tr class="screen-only" id="x"><td>gone</td></tr></table>'
    printed = render.for_print(html)
    assert "kept" in printed and "gone" not in printed


@pytest.mark.parametrize(
    ("n_rows", "max_html", "in_html", "parquet_only"),
    [
        (5, 1000, 5, 0),
        (30, 10, 10, 20),
        (30, 2, 3, 27),  # never fewer than the printed rows
    ],
)
def test_timeline_table_bounds_the_html_rows(
    n_rows: int, max_html: int, in_html: int, parquet_only: int
) -> None:
    tables = _tables()
    timeline = pd.concat([tables.timeline] * n_rows, ignore_index=True)
    timeline["n_sources"] = range(n_rows, 0, -1)
    html = render.timeline_table(
        timeline, tables.articles, "fr", max_rows=3, max_html_rows=max_html
    )
    assert html.count("<tr") - 1 == in_html  # minus the header row
    assert html.count('<tr class="screen-only"') == in_html - min(3, n_rows)
    note = f"{parquet_only} autres événements, les moins repris, ne figurent que dans"
    assert (note in html) == (parquet_only > 0)


@pytest.mark.parametrize(
    ("raw", "lang", "expected"),
    [
        ("5 articles de 3 média(s)", "fr", "5 articles de 3 médias"),
        ("UNESCO (1 article(s)), ONU (2 article(s))", "fr", "UNESCO (1 article), ONU (2 articles)"),
        ("0 article(s) sans date", "fr", "0 article sans date"),
        ("0 undated article(s)", "en", "0 undated articles"),
        (
            "1 article(s) pertinent(s) et non dupliqué(s)",
            "fr",
            "1 article pertinent et non dupliqué",
        ),
        ("1 000 fichier(s)", "fr", "1 000 fichiers"),
        (f"1{NBSP}000 fichier(s)", "fr", f"1{NBSP}000 fichiers"),
        ("2 événement(s) nouveau(x)", "fr", "2 événements nouveaux"),
        ("1 événement(s) nouveau(x)", "fr", "1 événement nouveau"),
        ("fichier(s) sans nombre", "fr", "fichiers sans nombre"),
    ],
)
def test_plural_marks_agree_with_the_number_before_them(raw: str, lang: str, expected: str) -> None:
    assert agree(raw, lang) == expected


def test_notebook_body_keeps_html_outputs_as_nbconvert_does(tmp_path) -> None:
    """The exporter without nbconvert's BeautifulSoup pass gives the same document: same text,
    same images with their alt text, same structure (only the pass's tabindex is absent)."""
    import nbformat
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    cells = [
        nbformat.v4.new_markdown_cell("narration, dropped"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("show()"),
    ]
    shown = '<h2>Synthèse</h2><p>3 articles &amp; 2 événements</p><img alt="Frise" src="data:image/png;base64,iVBORw0KGgo="/>'
    cells[2].outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": shown, "text/plain": "x"}),
        nbformat.v4.new_output("stream", name="stderr", text="progress, dropped"),
    ]
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"papermill": {"parameters": {}}})
    path = tmp_path / "04_briefing.ipynb"
    nbformat.write(nb, path)

    body, lang, _ = render.notebook_body(path)

    assert lang == "fr" and shown in body and "dropped" not in body and "x = 1" not in body
    options = dict(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                   exclude_output_prompt=True)  # fmt: skip
    clean = nbformat.read(path, as_version=4)
    clean.cells = [c for c in clean.cells if c.cell_type == "code"]
    for cell in clean.cells:
        cell.outputs = [
            {**o, "data": {"text/html": o["data"]["text/html"]}}
            for o in cell.outputs
            if o.output_type == "display_data"
        ]
    stock, _ = HTMLExporter(**options).from_notebook_node(clean)
    ours, theirs = BeautifulSoup(body, "html.parser"), BeautifulSoup(stock, "html.parser")
    for tag in theirs.find_all(attrs={"tabindex": True}):
        del tag["tabindex"]
    assert ours.get_text() == theirs.get_text()
    assert [t.name for t in ours.find_all()] == [t.name for t in theirs.find_all()]
    assert [dict(i.attrs) for i in ours.find_all("img")] == [
        dict(i.attrs) for i in theirs.find_all("img")
    ]


@pytest.mark.parametrize(
    ("copies", "lang", "expected"),
    [
        (1, "fr", "1 événement daté depuis la première rencontre relevée, «\u00a0Assises"),
        (1234, "fr", "1\u202f234 événements datés depuis"),
        (1234, "en", "1,234 dated events since the first gathering found, “Assises"),
    ],
    ids=["one_fr", "thousands_fr", "thousands_en"],
)
def test_synthesis_counts_events_since_the_first_gathering(
    copies: int, lang: str, expected: str
) -> None:
    tables = _tables(title="Assises nationales")
    first = tables.timeline.iloc[0]
    later = [first.to_dict() | {"kind": "annonce", "label": f"annonce {i}", "date": "2025-08-01", "end": None}
             for i in range(copies - 1)]  # fmt: skip
    tables.timeline = pd.concat([tables.timeline, pd.DataFrame(later)], ignore_index=True)
    points = " ".join(render.summary_points(tables, lang))
    assert expected in points.replace("&#x27;", "'")
    one = "1 article pertinent publié entre" if lang == "fr" else "1 relevant article published"
    assert one in points


def test_export_rehearsal_writes_nothing(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    render.rehearse_export()  # the same exporter and renderer as the real export, in memory
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("n_articles", "n_outlets", "lang", "expected"),
    [
        (3, 2, "fr", "3 articles de 2 médias"),
        (1, 1, "fr", "1 article de 1 média"),
        (2567, 0, "fr", "2\u202f567 articles, média inconnu"),
        (3, 2, "en", "3 articles from 2 outlets"),
    ],
    ids=["fr_plural", "fr_singular", "fr_no_known_outlet", "en"],
)
def test_sources_are_counted_as_articles_of_distinct_outlets(
    n_articles: int, n_outlets: int, lang: str, expected: str
) -> None:
    assert render.sources_count(n_articles, n_outlets, lang) == expected


@pytest.mark.parametrize(
    ("disagreement", "shown"),
    [
        ("date 2025-07-03 (Le Desk: c.txt)", "date divergente selon les sources"),
        ("place Salé (b.txt)", "lieu divergent selon les sources"),
        (None, None),
    ],
    ids=["date", "place", "agreement"],
)
def test_timeline_table_flags_sources_that_disagree(
    disagreement: str | None, shown: str | None
) -> None:
    tables = _tables()
    timeline = tables.timeline.assign(disagreement=[disagreement], n_sources=[3], n_outlets=[2])
    html = render.timeline_table(timeline, tables.articles, "fr", max_rows=3)
    assert "3 articles de 2 médias" in html
    if shown is None:
        assert 'class="flag"' not in html
    else:
        assert shown in html
        assert disagreement.split(" (")[0] in html  # the other value, in the flag's title
