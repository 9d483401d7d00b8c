"""Rendering: article text is escaped, French typography applied, dates written out."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from helpers.report import render
from helpers.report.facts import Tables
from helpers.text.typography import NBSP, NNBSP, agree, typo_fr

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
        lambda t: render.annex(t, "fr", render.citations(t, "fr", 10)),
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


def _many_articles(n: int) -> Tables:
    """_tables() with n articles a0.txt ... a{n-1}.txt."""
    tables = _tables()
    first = tables.articles.iloc[0].to_dict()
    tables.articles = pd.DataFrame([first | {"file": f"a{i}.txt"} for i in range(n)])
    return tables


@pytest.mark.parametrize(
    ("n_articles", "printed", "shown", "rows", "screen_only", "html_note"),
    [
        (30, {"a7.txt"}, {"a7.txt", "a9.txt"}, 30, 0, None),
        (100, {"a7.txt"}, {"a7.txt", "a9.txt"}, 100, 99, None),
        (
            1001,
            {"a7.txt"},
            {"a7.txt", "a9.txt"},
            2,
            0,
            "999 autres fichiers, non cités, ne figurent que dans articles.parquet",
        ),
        (
            1001,
            {"a7.txt"},
            {f"a{i}.txt" for i in range(90)},
            90,
            89,
            "911 autres fichiers, non cités",
        ),
    ],
    ids=[
        "small_corpus_all_printed",
        "past_print_limit_cited_only",
        "past_html_limit_cited_only",
        "both_limits",
    ],
)
def test_annex_lists_the_cited_articles_when_the_corpus_is_large(
    n_articles: int, printed: set, shown: set, rows: int, screen_only: int, html_note: str | None
) -> None:
    cited = render.Citations(frozenset(printed), frozenset(printed | shown))
    html = render.annex(_many_articles(n_articles), "fr", cited)
    assert html.count('id="src-') == rows
    assert html.count('<tr class="screen-only" id="src-') == screen_only
    assert '<tr id="src-a7-txt">' in html  # cited by a printed part: always printed
    assert ("la version imprimée ne liste que les articles cités" in html) == (n_articles > 80)
    if html_note is None:
        assert "autres fichiers" not in html
    else:
        assert f'<p class="muted screen-only">{html_note}' in html


def test_citations_are_the_files_the_printed_and_the_shown_parts_link_to() -> None:
    tables = _tables()
    timeline = pd.concat([tables.timeline] * 5, ignore_index=True)
    timeline["n_sources"] = range(5, 0, -1)
    timeline["kind"] = "annonce"
    timeline["evidence_file"] = [f"a{i}.txt" for i in range(5)]
    timeline["sources"] = [[f"a{i}.txt"] for i in range(5)]
    tables.timeline = timeline
    tables.articles = _many_articles(6).articles
    cited = render.citations(tables, "fr", max_timeline_rows=2)
    assert cited.printed == {"a0.txt", "a1.txt", "a4.txt"}  # top 2 rows; the latest, in the summary
    assert cited.shown == {f"a{i}.txt" for i in range(5)}


def test_pdf_document_drops_the_elements_it_would_hide() -> None:
    page = (
        '<!DOCTYPE html>\n<html><body><table><tr><td>kept</td></tr><tr class="screen-only" id="x">'
        '<td>gone</td></tr></table><p class="muted screen-only">gone too</p><p>tail</p></body></html>'
    )
    printed = render.printable(page)
    assert "kept" in printed and "tail" in printed and "gone" not in printed
    assert printed.startswith("<!DOCTYPE html>")


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


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        (
            "display_data",
            '<h2>Synthèse</h2><p>3 articles &amp; 2 événements</p><img alt="Frise" src="data:image/png;base64,iVBORw0KGgo="/>',
        ),
        ("execute_result", "<p>une valeur affichée</p>"),
    ],
    ids=["display_data", "execute_result"],
)
def test_briefing_page_holds_the_html_outputs_only(tmp_path, kind: str, shown: str) -> None:
    """The page is the shell around the notebook's HTML outputs, verbatim and in order: no
    code, no narration, no streams, no other representation of an output."""
    import nbformat

    cells = [
        nbformat.v4.new_markdown_cell("narration, dropped"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("show()"),
        nbformat.v4.new_code_cell("show_more()"),
    ]
    extra = {"execution_count": 1} if kind == "execute_result" else {}
    cells[2].outputs = [
        nbformat.v4.new_output(
            kind, data={"text/html": shown, "text/plain": "plain, dropped"}, **extra
        ),
        nbformat.v4.new_output("stream", name="stderr", text="progress, dropped"),
    ]
    cells[3].outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": "<p>second</p>"}),
        nbformat.v4.new_output(
            "display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "fig, dropped"}
        ),
    ]
    parameters = {"language": "en", "title": "Santé & IA"}
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"papermill": {"parameters": parameters}})
    path = tmp_path / "04_briefing.ipynb"
    nbformat.write(nb, path)

    page = render.briefing_page(path)

    body = page[page.index("<body>") + len("<body>") : page.index("</body>")]
    assert body.split() == f"{shown}\n<p>second</p>".split()
    assert '<html lang="en">' in page and "<title>Santé &amp; IA</title>" in page
    assert render.stylesheet() in page and "dropped" not in page and "x = 1" not in page


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
    points = " ".join(p["text"] for p in render.summary_points(tables, lang))
    assert expected in points
    one = "1 article pertinent publié entre" if lang == "fr" else "1 relevant article published"
    assert one in points


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("100 000 talents formés d'ici 2030", "100 000 talents formés d'ici 2030."),
        ("100 000 talents formés", "100 000 talents formés (2030)."),
    ],
    ids=["year_in_label", "year_added"],
)
def test_a_target_states_its_year_once(label: str, expected: str) -> None:
    tables = _tables()
    target = tables.timeline.iloc[0].to_dict() | {
        "kind": "objectif", "label": label, "date": "2030", "end": None, "precision": "year"
    }  # fmt: skip
    tables.timeline = pd.DataFrame([target])
    points = [p["text"] for p in render.summary_points(tables, "fr")]
    assert any(expected in typo for typo in points), points


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


@pytest.mark.parametrize(
    ("value", "html"),
    [
        ("Santé & IA", "Santé &amp; IA"),
        ("Quoi ? Oui", "Quoi\u202f? Oui"),
        ("<b>x</b> : y", "&lt;b&gt;x&lt;/b&gt;\u00a0: y"),
        ("L'IA « responsable »", "L&#39;IA «\u00a0responsable\u00a0»"),
    ],
    ids=["ampersand_escaped_once", "question_mark", "markup_escaped", "apostrophe_and_guillemets"],
)
def test_templates_set_french_typography_then_escape(value: str, html: str) -> None:
    tables = _tables(title=value)
    table = render.timeline_table(tables.timeline, tables.articles, "fr", max_rows=3)
    chapter = render.chronology(tables, "fr", "<svg></svg>", 10)
    assert f"<td>{html}</td>" in table  # the event label
    assert f"<strong>{html}</strong>" in chapter  # the landmark's label
    assert "&amp;amp;" not in chapter and "&amp;lt;" not in chapter


@pytest.mark.parametrize(
    ("outlet", "link"),
    [
        (
            "Le Matin",
            '<a href="#src-a-txt">Le Matin, 2 juillet 2025</a> <span class="muted">(a.txt)</span>',
        ),
        (
            None,
            '<a href="#src-a-txt">non indiqué, 2 juillet 2025</a> <span class="muted">(a.txt)</span>',
        ),
        ("Santé & Co", '<a href="#src-a-txt">Santé &amp; Co, 2 juillet 2025</a>'),
    ],
    ids=["outlet", "unknown_outlet", "outlet_escaped"],
)
def test_a_quote_comes_with_its_source_link(outlet: str | None, link: str) -> None:
    tables = _tables(outlet=outlet)
    html = render.chronology(tables, "fr", "<svg></svg>", 10)
    quote = "<blockquote>«\u00a0Le 1er juillet 2025, Titre a été lancé à Rabat.\u00a0»</blockquote>"
    assert f'{quote}\n<p class="src">— {link}' in html
    assert f'<tr id="src-a-txt"><td>{link.split(">")[1].split(",")[0]}</td>' in render.annex(
        tables, "fr", render.citations(tables, "fr", 10)
    )  # the anchor the link points to, with the same outlet


@pytest.mark.parametrize(
    ("max_rows", "printed_labels"),
    [(2, {"événement 0", "événement 1"}), (4, {f"événement {i}" for i in range(4)})],
    ids=["two_printed", "four_printed"],
)
def test_the_pdf_holds_the_printed_rows_and_the_page_all_of_them(
    tmp_path, max_rows: int, printed_labels: set[str]
) -> None:
    import nbformat
    from pypdf import PdfReader
    from weasyprint import HTML

    tables = _tables()
    timeline = pd.concat([tables.timeline] * 6, ignore_index=True)
    timeline["n_sources"] = range(6, 0, -1)
    timeline["label"] = [f"événement {i}" for i in range(6)]
    html = render.timeline_table(timeline, tables.articles, "fr", max_rows=max_rows)
    cell = nbformat.v4.new_code_cell("display(HTML(table))")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    page = render.page_of(nbformat.v4.new_notebook(cells=[cell]))
    HTML(string=render.printable(page)).write_pdf(tmp_path / "b.pdf")
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "b.pdf").pages)

    shown = {f"événement {i}" for i in range(6)}
    assert {label for label in shown if label in pdf} == printed_labels
    assert all(label in page for label in shown)
    assert f"{6 - max_rows} autres événements figurent dans timeline.parquet" in pdf
    assert "les moins repris" not in pdf  # the screen's note is not printed
