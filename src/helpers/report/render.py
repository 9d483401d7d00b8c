"""The briefing's sections as HTML from Jinja2 templates, and its export to HTML and PDF.

Python prepares plain data (dates written out, numbers formatted, French typography set); the
templates in templates/sections/ lay it out, escaping every value. The export puts the executed
notebook's HTML outputs into templates/page/ with nbconvert, and WeasyPrint prints that page.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from helpers import figures, storage
from helpers.fastimport import skip_slow_optional_imports
from helpers.report import facts as briefing
from helpers.schemas import top_actors
from helpers.text.dates import format_date_en, format_date_fr
from helpers.text.typography import agree, count_in, percent_fr, quote_fr, quote_in, typo_fr
from helpers.wording import words

# Above this many articles, the printed annex lists only the articles the briefing cites.
ANNEX_PRINT_LIMIT = 80
ASIDE_PRINT_LIMIT = 30
# Rows of the timeline table and of the annex in the HTML version; the rest are in the Parquet
# tables (a 10,000-article corpus would otherwise give a 10 MB page that is slow to open).
HTML_ROW_LIMIT = 1000
SECTIONS = ("synthese", "chronologie", "themes", "acteurs", "changements", "methode", "annexe")
SECTION_KEYS = dict(
    zip(
        SECTIONS,
        ("summary", "chronology", "themes", "actors", "changes", "method", "annex"),
        strict=True,
    )
)
TEMPLATES = Path(__file__).parent / "templates"
# The page shell nbconvert fills with the notebook's outputs (templates/page/).
PAGE_TEMPLATE = "page"


def typeset(value: str, lang: str) -> str:
    """Plurals settled and, in French, French typography: the briefing's own sentences
    (the templates escape them)."""
    settled = agree(value, lang)
    return typo_fr(settled) if lang == "fr" else settled


@jinja2.pass_context
def _typeset_filter(context: jinja2.runtime.Context, value: str) -> str:
    """The templates' `typeset` filter: typeset in the language being rendered."""
    return typeset(value, context["lang"])


SECTION_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES / "sections"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
SECTION_TEMPLATES.filters["typeset"] = _typeset_filter


def render_template(name: str, lang: str, **data: Any) -> str:
    """One section template filled with data, the wording of lang at hand as `w`."""
    template = SECTION_TEMPLATES.get_template(name)
    return template.render(lang=lang, w=words(lang), **data)


def _chapter(section: str, lang: str) -> dict[str, str]:
    """The anchor and title of a chapter (templates/sections/chapter.html.j2)."""
    return {"section": section, "title": typeset(words(lang)[SECTION_KEYS[section]], lang)}


def plain(value: object) -> str:
    """A table value as text: "" for a missing one (None or NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def fmt_date(value: str | None, end: str | None, lang: str) -> str:
    """A partial date (or range) written out: "1er-2 juillet 2025" / "1-2 July 2025"."""
    if not isinstance(value, str) or not value:
        return words(lang)["no_date"]
    return format_date_fr(value, end) if lang == "fr" else format_date_en(value, end)


def source(file: str, articles: pd.DataFrame, lang: str) -> dict[str, str]:
    """A cited article: its outlet, its date written out, its file and its anchor in the annex."""
    row = articles.iloc[int((articles["file"].to_numpy() == file).argmax())]
    outlet = row["outlet"] if isinstance(row["outlet"], str) else words(lang)["unknown"]
    return {
        "file": file,
        "anchor": briefing.source_id(file),
        "outlet": outlet,
        "date": fmt_date(row["published"], None, lang),
    }


def data_uri(data: bytes, mime: str) -> str:
    """An embedded image (the HTML stays self-contained)."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def svg_figure(svg: str, caption: str, lang: str) -> dict[str, str]:
    """A figure of an SVG, embedded as an image so that the ids inside two figures never clash
    (it stays vector in the PDF); the alt text reads as the caption does."""
    alt = agree(caption, lang)
    return {
        "src": data_uri(svg.encode("utf-8"), "image/svg+xml"),
        "alt": alt,
        "caption": typeset(caption, lang),
    }


def png_figure(png: bytes, alt: str, caption: str, lang: str) -> dict[str, str]:
    """A figure of a PNG image with its alt text and caption."""
    return {"src": data_uri(png, "image/png"), "alt": alt, "caption": typeset(caption, lang)}


def cover(tables: briefing.Tables, lang: str, generated: dt.date, title: str | None = None) -> str:
    """Title page: period, generation date and what the corpus held."""
    w = words(lang)
    counts = briefing.corpus_counts(tables.articles, tables.problems)
    first, last = briefing.corpus_period(tables.articles)
    dates = f"{fmt_date(first, None, lang)} – {fmt_date(last, None, lang)}" if first else None
    return render_template(
        "cover.html.j2",
        lang,
        title=typeset(title or w["title"], lang),
        period=dates or w["unknown_period"],
        generated=fmt_date(generated.isoformat(), None, lang),
        files=counts["files"],
        counts=[
            {"n": counts[key], "label": typeset(w[key], lang)}
            for key in ("relevant", "offtopic", "duplicates", "unreadable")
        ],
    )


def toc(lang: str) -> str:
    """Table of contents with page numbers (filled in by the PDF renderer)."""
    items = [{"id": s, "title": _chapter(s, lang)["title"]} for s in SECTIONS]
    return render_template("toc.html.j2", lang, items=items)


def _place(place: object) -> str:
    """ ", Rabat" or "" for the inline place of an event."""
    return f", {place}" if isinstance(place, str) and place else ""


def _plural(word: str, n: int) -> str:
    """A kind name in the plural when n > 1 ("colloque" -> "colloques")."""
    if n <= 1 or word.endswith(("s", "x")):
        return word
    return " / ".join(part + "s" for part in word.split(" / "))


def summary_points(tables: briefing.Tables, lang: str, max_items: int = 3) -> list[dict[str, Any]]:
    """5 to 7 facts, each with its number (text), its sources and the table it comes from."""
    w = words(lang)
    arts, tl = tables.articles, tables.timeline
    core = briefing.core_articles(arts)
    points: list[dict[str, Any]] = []

    def point(key: str, table: str, files: Sequence[str] = (), **values: object) -> None:
        """One fact: the wording filled with values (counts with thousands separators), its
        sources, the table it comes from."""
        shown = {k: count_in(v, lang) if isinstance(v, int) else v for k, v in values.items()}
        points.append(
            {
                "text": typeset(w[key].format(**shown), lang),
                "sources": [source(f, arts, lang) for f in files],
                "table": table,
            }
        )

    def event(entry: pd.Series) -> dict[str, object]:
        """Label, written date and place of a timeline entry, for the wording."""
        date = fmt_date(entry["date"], entry["end"], lang)
        return {"label": entry["label"], "date": date, "place": _place(entry["place"])}

    if core.empty:  # nothing to sum up: say so, rather than "published between undated and..."
        point("pt_empty", "articles", n=briefing.corpus_counts(arts, tables.problems)["files"])
        return points
    first, last = briefing.corpus_period(arts)
    outlets = core["outlet"].dropna().nunique()
    if first is None:
        point("pt_corpus_undated", "articles", n=len(core), k=outlets)
    else:
        point(
            "pt_corpus",
            "articles",
            n=len(core),
            k=outlets,
            first=fmt_date(first, None, lang),
            last=fmt_date(last, None, lang),
        )
    landmark = briefing.since_landmark(tl)
    if landmark is not None:
        later = tl[(tl["date"] >= landmark["date"]) & (tl["kind"] != "objectif")]
        by_kind = later["kind"].value_counts().head(4)
        detail = ", ".join(
            f"{count_in(n, lang)} {_plural(w['kind_' + k].lower(), n)}" for k, n in by_kind.items()
        )
        dates = fmt_date(landmark["date"], landmark["end"], lang)
        since = f"{quote_in(landmark['label'], lang)} ({dates})"
        point(
            "pt_events",
            "timeline",
            [landmark["evidence_file"]],
            n=len(later),
            since=since,
            detail=detail,
        )
    top = briefing.most_covered(tl)
    if top is not None:
        files = list(top["sources"])[:max_items]
        counted = sources_count(int(top["n_sources"]), int(top["n_outlets"]), lang)
        point("pt_top_event", "timeline", files, counted=counted, **event(top))
    themes = briefing.theme_shares(tables.themes).head(3)
    if len(themes):
        listed = ", ".join(f"{t.label} ({percent_fr(t.share)})" for t in themes.itertuples())
        point("pt_themes", "themes", themes=listed)
    goals = briefing.targets(tl)
    if len(goals):
        listed = "; ".join(
            # The year is added only when the label does not say it ("d'ici 2030").
            g.label if g.date[:4] in g.label else f"{g.label} ({g.date[:4]})"
            for g in goals.head(4).itertuples()
        )
        files = list(goals["evidence_file"].drop_duplicates().head(max_items))
        point("pt_targets", "timeline", files, targets=listed)
    leaders = top_actors(tables.actors, core["file"], limit=3)
    if len(leaders):
        listed = ", ".join(
            f"{a.canonical} ({w['in_articles'].format(n=a.n_articles)})"
            for a in leaders.itertuples()
        )
        point("pt_actors", "actors", actors=listed)
    dated = tl[tl["kind"] != "objectif"]
    if len(dated):
        latest = dated.sort_values("date").iloc[-1]
        point("pt_latest", "timeline", [latest["evidence_file"]], **event(latest))
    return points[:7]


def summary(tables: briefing.Tables, lang: str) -> str:
    """The one-page synthesis."""
    points = summary_points(tables, lang)
    return render_template("summary.html.j2", lang, points=points, **_chapter("synthese", lang))


def sources_count(n_articles: int, n_outlets: int, lang: str) -> str:
    """ "3 articles de 2 médias": files and the distinct known outlets among them."""
    w = words(lang)
    if n_outlets == 0:
        return agree(w["counted_no_outlet"].format(n=count_in(n_articles, lang)), lang)
    wording = w["counted"].format(n=count_in(n_articles, lang), m=count_in(n_outlets, lang))
    return agree(wording, lang)


def disagreement_flag(disagreement: object, lang: str) -> dict[str, str] | None:
    """The warning a table row carries when its sources give other dates or places."""
    if not isinstance(disagreement, str) or not disagreement:
        return None
    dates = disagreement.startswith("date") or "; date" in disagreement
    warning = words(lang)["date_disagreement" if dates else "place_disagreement"]
    return {"title": disagreement, "text": typeset(warning, lang)}


def printed_rows(timeline: pd.DataFrame, max_rows: int) -> set:
    """Index of the timeline entries the PDF shows: the most reported ones (then the latest)."""
    order = timeline.sort_values(["n_sources", "date"], ascending=[False, False])
    return set(order.head(max_rows).index)


def shown_rows(timeline: pd.DataFrame, max_rows: int, max_html_rows: int = HTML_ROW_LIMIT) -> set:
    """Index of the timeline entries the HTML page shows (never fewer than the printed ones)."""
    return printed_rows(timeline, max(max_html_rows, max_rows))


def timeline_rows(
    timeline: pd.DataFrame,
    articles: pd.DataFrame,
    lang: str,
    max_rows: int,
    max_html_rows: int = HTML_ROW_LIMIT,
) -> dict[str, Any]:
    """The entries table's rows (past max_rows, fewest sources first, on screen only; past
    max_html_rows only in timeline.parquet) and the notes saying where the others are."""
    w = words(lang)
    keep = printed_rows(timeline, max_rows)
    shown = shown_rows(timeline, max_rows, max_html_rows)
    rows = [
        {
            "printed": idx in keep,
            "date": fmt_date(row["date"], row["end"], lang),
            "flag": disagreement_flag(row["disagreement"], lang),
            "kind": typeset(w["kind_" + row["kind"]], lang),
            "label": typeset(row["label"], lang),
            "place": plain(row["place"]),
            "counted": typeset(sources_count(row["n_sources"], row["n_outlets"], lang), lang),
            "source": source(row["evidence_file"], articles, lang),
        }
        for idx, row in timeline[timeline.index.isin(shown)].iterrows()
    ]
    more, hidden = len(timeline) - len(keep), len(timeline) - len(shown)
    return {
        "rows": rows,
        "more_in_print": typeset(w["more_rows"].format(n=more), lang) if more > 0 else "",
        "more_in_html": typeset(w["more_rows_html"].format(n=hidden), lang) if hidden > 0 else "",
    }


def timeline_table(
    timeline: pd.DataFrame,
    articles: pd.DataFrame,
    lang: str,
    max_rows: int,
    max_html_rows: int = HTML_ROW_LIMIT,
) -> str:
    """The entries table, with the notes saying where the rows it leaves out are."""
    table = timeline_rows(timeline, articles, lang, max_rows, max_html_rows)
    return render_template("timeline_table.html.j2", lang, table=table)


def chronology(tables: briefing.Tables, lang: str, timeline_svg: str, max_rows: int) -> str:
    """The timeline figure, the entries table and the evidence of the landmarks."""
    w = words(lang)
    n_articles = len(briefing.core_articles(tables.articles))
    n_dated = int((tables.timeline["kind"] != "objectif").sum())
    caption = w["timeline_caption"].format(n=1, events=n_dated, articles=n_articles)
    n_plotted = len(figures.plotted_entries(tables.timeline))
    if n_plotted < n_dated:
        caption += " " + w["timeline_top"].format(k=n_plotted)
    printed = tables.timeline.loc[sorted(printed_rows(tables.timeline, max_rows))]
    landmarks = [
        {
            "label": typeset(row["label"], lang),
            "date": fmt_date(row["date"], row["end"], lang),
            "place": _place(row["place"]),
            "quote": {
                "text": quote_fr(row["evidence"]),
                "source": source(row["evidence_file"], tables.articles, lang),
            },
        }
        for _, row in printed[printed["kind"].isin(["colloque", "assises"])].head(6).iterrows()
    ]
    return render_template(
        "chronology.html.j2",
        lang,
        timeline=svg_figure(timeline_svg, caption, lang),
        table=timeline_rows(tables.timeline, tables.articles, lang, max_rows),
        landmarks=landmarks,
        **_chapter("chronologie", lang),
    )


def theme_quotes(tables: briefing.Tables) -> dict[int, tuple[str, str] | None]:
    """theme_id -> (sentence, file): the representative quote of each theme shown."""
    doc_themes = tables.doc_themes
    quotes: dict[int, tuple[str, str] | None] = {}
    for theme in briefing.theme_shares(tables.themes).itertuples():
        files = list(
            doc_themes[
                (doc_themes["theme_id"] == theme.theme_id) & doc_themes["is_main"]
            ].sort_values("weight", ascending=False)["file"]
        )
        terms = list(theme.top_terms)[:8]
        quotes[int(theme.theme_id)] = briefing.representative_quote(
            terms, files[:20], tables.articles
        )
    return quotes


def themes_section(
    tables: briefing.Tables,
    lang: str,
    clouds: dict[int, bytes],
    over_time_svg: str | None,
    n_undated: int,
) -> str:
    """Per theme: label, top terms, share, word cloud and a representative quote."""
    w = words(lang)
    n_articles = len(briefing.core_articles(tables.articles))
    over_time = None
    if over_time_svg:
        undated = w["undated_note"].format(k=n_undated) if n_undated else ""
        caption = w["themes_time_caption"].format(n=2, articles=n_articles, undated=undated)
        over_time = svg_figure(over_time_svg, caption, lang)
    quotes = theme_quotes(tables)
    themes = []
    for theme in briefing.theme_shares(tables.themes).itertuples():
        quote = quotes[int(theme.theme_id)]
        cloud = clouds.get(theme.theme_id)
        caption = w["cloud_caption"].format(label=theme.label, n=theme.n_docs)
        themes.append(
            {
                "label": typeset(theme.label, lang),
                "share": percent_fr(theme.share),
                "n_docs": typeset(w["in_articles"].format(n=theme.n_docs), lang),
                "terms": ", ".join(list(theme.top_terms)[:8]),
                "cloud": png_figure(cloud, theme.label, caption, lang) if cloud else None,
                "quote": {
                    "text": quote_fr(quote[0]),
                    "source": source(quote[1], tables.articles, lang),
                }
                if quote
                else None,
            }
        )
    return render_template(
        "themes.html.j2", lang, over_time=over_time, themes=themes, **_chapter("themes", lang)
    )


def actors_section(tables: briefing.Tables, lang: str, limit: int) -> str:
    """The people and institutions most cited, with counts."""
    leaders = top_actors(
        tables.actors, briefing.core_articles(tables.articles)["file"], limit=limit
    )
    kinds = {"person": "personne" if lang == "fr" else "person", "organisation": "organisation"}
    actors = [
        {
            "name": plain(a.canonical),
            "kind": kinds[a.type],
            "role": plain(a.role),
            "n_articles": a.n_articles,
            "mentions": a.mentions,
        }
        for a in leaders.itertuples()
    ]
    return render_template("actors.html.j2", lang, actors=actors, **_chapter("acteurs", lang))


def changes_section(
    changes: dict[str, list[str]] | None, lang: str, previous: str | None, when: str | None
) -> str:
    """What is new since the previous run, or why there is nothing to compare."""
    w = words(lang)
    items: list[str] = []
    if previous is None:
        intro = w["changes_none"]
    elif changes is None:
        intro = w["changes_missing"].format(path=previous)
    else:
        intro = w["changes_intro"].format(when=when or "?", path=previous)
        nothing = w["changes_nothing"]
        items = [
            w["changes_new_articles"].format(
                n=len(changes["articles"]), list=", ".join(changes["articles"][:20]) or nothing
            ),
            w["changes_new_events"].format(
                n=len(changes["events"]), list="; ".join(changes["events"][:20]) or nothing
            ),
            w["changes_grown"].format(list=", ".join(changes["themes"]) or nothing),
        ]
    return render_template(
        "changes.html.j2",
        lang,
        intro=typeset(intro, lang),
        items=[typeset(i, lang) for i in items],
        **_chapter("changements", lang),
    )


def method_section(
    paragraphs: Sequence[str], lang: str, set_aside: pd.DataFrame, manifest: dict
) -> str:
    """How the briefing was made, what was set aside and why, and the run's manifest summary."""
    w = words(lang)
    more = len(set_aside) - ASIDE_PRINT_LIMIT
    env = manifest.get("environment", {})
    run = {
        "python": env.get("python", "?"),
        "commit": env.get("git_commit") or "?",
        "packages": ", ".join(f"{k} {v}" for k, v in env.get("packages", {}).items()),
        "parameters": ", ".join(f"{k} = {v}" for k, v in manifest.get("parameters", {}).items()),
    }
    return render_template(
        "method.html.j2",
        lang,
        paragraphs=[typeset(p, lang) for p in paragraphs],
        set_aside=[
            {
                "file": plain(r.file),
                "reason": typeset(r.reason, lang),
                "printed": i < ASIDE_PRINT_LIMIT,
            }
            for i, r in enumerate(set_aside.itertuples())
        ],
        aside_note=typeset(w["aside_note"].format(n=more), lang) if more > 0 else "",
        run=run,
        **_chapter("methode", lang),
    )


@dataclass(frozen=True)
class Citations:
    """The files the briefing links to: from its printed parts, and from anywhere in its page."""

    printed: frozenset[str]
    shown: frozenset[str]


def citations(tables: briefing.Tables, lang: str, max_timeline_rows: int) -> Citations:
    """The files the summary, the chronology (its printed or shown rows, its landmarks) and the
    themes' quotes link to."""
    timeline = tables.timeline
    summary_files = {s["file"] for p in summary_points(tables, lang) for s in p["sources"]}
    printed_entries = timeline.loc[sorted(printed_rows(timeline, max_timeline_rows))]
    shown_entries = timeline.loc[sorted(shown_rows(timeline, max_timeline_rows))]
    quoted = {q[1] for q in theme_quotes(tables).values() if q is not None}
    printed = summary_files | set(printed_entries["evidence_file"]) | quoted
    return Citations(frozenset(printed), frozenset(printed | set(shown_entries["evidence_file"])))


def annex(
    tables: briefing.Tables,
    lang: str,
    cited: Citations,
    print_limit: int = ANNEX_PRINT_LIMIT,
    html_limit: int = HTML_ROW_LIMIT,
) -> str:
    """Every source article: outlet, date, title, file and what was done with it. Past
    html_limit articles the page lists only the cited ones (all stay in articles.parquet), and
    past print_limit the PDF lists only those its printed parts cite."""
    w = words(lang)
    ordered = tables.articles.sort_values(["published", "file"], na_position="last")
    records = ordered.to_dict("records")
    listed = (
        [r for r in records if r["file"] in cited.shown] if len(records) > html_limit else records
    )
    bounded = len(listed) > print_limit
    rows = []
    for row in listed:
        status = briefing.status_of(row)
        label = w["st_" + status]
        rows.append(
            {
                "anchor": briefing.source_id(row["file"]),
                "printed": not bounded or row["file"] in cited.printed,
                "outlet": plain(row["outlet"]) or w["unknown"],
                "date": fmt_date(row["published"], None, lang),
                "title": plain(row["title"]) or "—",
                "file": row["file"],
                "status": typeset(label.format(of=row["duplicate_of"]), lang),
            }
        )
    left_out = len(records) - len(listed)
    return render_template(
        "annex.html.j2",
        lang,
        rows=rows,
        print_note=typeset(w["annex_note"].format(n=len(records)), lang)
        if len(records) > print_limit
        else "",
        html_note=typeset(w["annex_html_note"].format(n=left_out), lang) if left_out else "",
        **_chapter("annexe", lang),
    )


def stylesheet() -> str:
    """The briefing's CSS, for screen and A4 print."""
    return (TEMPLATES / PAGE_TEMPLATE / "briefing.css").read_text(encoding="utf-8")


def page_of(nb: Any) -> str:
    """The briefing page of an executed notebook (an nbformat NotebookNode): its HTML outputs,
    in order, inside templates/page/ (no code, no narration, no prompts)."""
    from nbconvert import TemplateExporter

    parameters = nb.metadata.get("papermill", {}).get("parameters", {})
    lang = parameters.get("language", "fr")
    title = parameters.get("title") or words(lang)["title"]
    exporter = TemplateExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name=PAGE_TEMPLATE,
        template_file="index.html.j2",
    )
    page, _ = exporter.from_notebook_node(
        nb, resources={"briefing": {"lang": lang, "title": title, "css": stylesheet()}}
    )
    return page


def briefing_page(notebook_path: Path) -> str:
    """The briefing page of an executed briefing notebook file."""
    skip_slow_optional_imports()
    import nbformat

    return page_of(nbformat.read(notebook_path, as_version=4))


def printable(page: str) -> str:
    """The page WeasyPrint lays out: the elements shown on screen only (display: none in print)
    are left out rather than styled away; WeasyPrint parses and styles hidden rows too, about
    3 ms each, and a 1,000-article page has some 2,000 of them."""
    import lxml.html

    root = lxml.html.document_fromstring(page)
    for element in root.find_class("screen-only"):
        element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def quiet_renderer_logs() -> None:
    """Only warnings from WeasyPrint and fontTools: they report every rendering step at INFO
    ("Step 2 - Fetching and parsing CSS"), already when WeasyPrint is imported."""
    for name in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(name).setLevel(logging.WARNING)


# A miniature briefing page: the elements and fonts of the real one (cover grid, running
# headers, headings, table, quote, SVG and PNG figures), for rehearse_export.
_REHEARSAL_HTML = (
    '<section class="cover"><h1>Briefing</h1><p class="subtitle">Répétition</p>'
    "<dl><dt>Corpus</dt><dd>1 article</dd></dl></section>"
    '<section class="chapter"><h2>Synthèse</h2><h3>Points clés</h3><p>Texte <b>gras</b>, '
    '<i>italique</i>, <a href="#src-a">lien</a>.</p><blockquote>« Citation »</blockquote>'
    '<table><tr><th>Date</th><th>Entrée</th></tr><tr id="src-a"><td>1 juillet 2025</td>'
    '<td class="src">Assises</td></tr></table>'
)
_REHEARSAL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" '
    'height="20" fill="#0b3d5c"/><text x="2" y="14" font-family="DejaVu Sans">IA</text></svg>'
)


def rehearse_export() -> None:
    """Run the export once on a miniature page, in memory, writing nothing.

    A process's first export pays for loading nbconvert's templates, fontconfig and the
    fonts, and WeasyPrint's first layout: 1-2 s more than the next one on the 1,000-article
    briefing. The pipeline rehearses in its background thread while the notebooks run, so the
    real export starts warm."""
    skip_slow_optional_imports()
    import io

    import nbformat
    from PIL import Image
    from weasyprint import HTML

    quiet_renderer_logs()
    png = io.BytesIO()
    Image.new("RGB", (8, 4), "#0b3d5c").quantize(colors=4).save(png, format="PNG")
    figure = SECTION_TEMPLATES.get_template("macros.html.j2").module.figure  # type: ignore[attr-defined]
    page = (
        _REHEARSAL_HTML
        + figure(svg_figure(_REHEARSAL_SVG, "Figure", "fr"))
        + figure(png_figure(png.getvalue(), "Nuage", "Nuage", "fr"))
        + "</section>"
    )
    cell = nbformat.v4.new_code_cell("display(HTML(page))")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": page})]
    HTML(string=printable(page_of(nbformat.v4.new_notebook(cells=[cell])))).write_pdf()


def export_briefing(notebook_path: Path, reports_dir: Path) -> list[Path]:
    """Write reports/briefing.html (self-contained) and reports/briefing.pdf (A4) atomically."""
    quiet_renderer_logs()
    from weasyprint import HTML

    page = briefing_page(notebook_path)
    html_path, pdf_path = Path(reports_dir) / "briefing.html", Path(reports_dir) / "briefing.pdf"
    # Both are complete before either replaces the previous run's: never a new HTML beside
    # an old PDF.
    with storage.atomic_path(pdf_path) as pdf_tmp, storage.atomic_path(html_path) as html_tmp:
        html_tmp.write_text(page, encoding="utf-8")
        HTML(string=printable(page), base_url=str(reports_dir)).write_pdf(pdf_tmp)
    return [html_path, pdf_path]
