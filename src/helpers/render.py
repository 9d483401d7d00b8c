"""The briefing as HTML sections (escaped, typeset), and its export to HTML and PDF."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import briefing, figures, storage
from helpers.actors import top_actors
from helpers.dates import format_date_en, format_date_fr
from helpers.fastimport import skip_slow_optional_imports
from helpers.typography import agree, count_in, esc, percent_fr, quote_fr, quote_in, typo_fr
from helpers.wording import words

# Above this many articles, the printed annex lists only the articles the briefing cites.
ANNEX_PRINT_LIMIT = 80
ASIDE_PRINT_LIMIT = 30
# Rows of the timeline table and of the annex in the HTML version; the rest are in the Parquet
# tables (a 10,000-article corpus would otherwise give a 10 MB page that is slow to open).
HTML_ROW_LIMIT = 1000
SCREEN_ONLY = ' class="screen-only"'
# An annex row and a link to one.
_ANNEX_ROW = re.compile(r'<tr id="(src-[^"]+)">')
_SOURCE_HREF = re.compile(r'href="#(src-[^"]+)"')
_SCREEN_ONLY_ROW = re.compile(r'<tr class="screen-only".*?</tr>', re.DOTALL)
_ANNEX_FULL_ROW = re.compile(r'<tr id="(src-[^"]+)">.*?</tr>', re.DOTALL)
_ANNEX_END = "<!-- end of annex -->"
SECTIONS = ("synthese", "chronologie", "themes", "acteurs", "changements", "methode", "annexe")
SECTION_KEYS = dict(
    zip(
        SECTIONS,
        ("summary", "chronology", "themes", "actors", "changes", "method", "annex"),
        strict=True,
    )
)


def fmt_date(value: str | None, end: str | None, lang: str) -> str:
    """A partial date (or range) written out: "1er-2 juillet 2025" / "1-2 July 2025"."""
    if not isinstance(value, str) or not value:
        return words(lang)["no_date"]
    return format_date_fr(value, end) if lang == "fr" else format_date_en(value, end)


def text(value: str, lang: str) -> str:
    """Escaped text, plurals settled, with French typography when the briefing is in French
    (set before escaping: "&amp;" holds a ";" that is no punctuation)."""
    settled = agree(value, lang)
    return esc(typo_fr(settled) if lang == "fr" else settled)


def source_link(file: str, articles: pd.DataFrame, lang: str) -> str:
    """ "Outlet, date (file)" linked to the article's line in the annex."""
    row = articles.iloc[int((articles["file"].to_numpy() == file).argmax())]
    outlet = row["outlet"] if isinstance(row["outlet"], str) else words(lang)["unknown"]
    date = fmt_date(row["published"], None, lang)
    anchor = briefing.source_id(file)
    link = f'<a href="#{anchor}">{esc(outlet)}, {esc(date)}</a>'
    return f'{link} <span class="muted">({esc(file)})</span>'


def cover(tables: briefing.Tables, lang: str, generated: dt.date, title: str | None = None) -> str:
    """Title page: period, generation date and what the corpus held."""
    w = words(lang)
    counts = briefing.corpus_counts(tables.articles, tables.problems)
    first, last = briefing.corpus_period(tables.articles)
    dates = f"{fmt_date(first, None, lang)} – {fmt_date(last, None, lang)}" if first else None
    period = dates or w["unknown_period"]
    rows = "".join(
        f'<tr><td class="num">{counts[key]}</td><td>{text(w[key], lang)}</td></tr>'
        for key in ("relevant", "offtopic", "duplicates", "unreadable")
    )
    return (
        f'<section class="cover"><h1>{text(title or w["title"], lang)}</h1>'
        f'<div class="subtitle">{text(w["subtitle"], lang)}</div>'
        f"<dl><dt>{text(w['period'], lang)}</dt><dd>{esc(period)}</dd>"
        f"<dt>{text(w['generated'], lang)}</dt>"
        f"<dd>{esc(fmt_date(generated.isoformat(), None, lang))}</dd>"
        f"<dt>{text(w['articles'], lang)}</dt><dd>{counts['files']}</dd></dl>"
        f'<table class="counts"><tbody>{rows}</tbody></table></section>'
    )


def toc(lang: str) -> str:
    """Table of contents with page numbers (filled in by the PDF renderer)."""
    w = words(lang)
    items = "".join(
        f'<li><a href="#{s}">{text(w[SECTION_KEYS[s]], lang)}</a></li>' for s in SECTIONS
    )
    return f'<nav class="toc"><h2>{text(w["toc"], lang)}</h2><ol>{items}</ol></nav>'


def _chapter(section: str, lang: str, inner: str) -> str:
    """A chapter starting on a new page, with its anchor."""
    title = text(words(lang)[SECTION_KEYS[section]], lang)
    return f'<section class="chapter" id="{section}"><h2>{title}</h2>{inner}</section>'


def _trace(table: str) -> str:
    """A link to the table a number comes from."""
    return f'<span class="trace">[<a href="../data/processed/{table}.parquet">{table}</a>]</span>'


def _sources(files: Sequence[str], articles: pd.DataFrame, lang: str) -> str:
    """The source links of a fact, separated by semicolons, in a muted span."""
    links = "; ".join(source_link(f, articles, lang) for f in files)
    return f' <span class="src">{links}</span> '


def _place(place: object) -> str:
    """ ", Rabat" or "" for the inline place of an event."""
    return f", {place}" if isinstance(place, str) and place else ""


def _plural(word: str, n: int) -> str:
    """A kind name in the plural when n > 1 ("colloque" -> "colloques")."""
    if n <= 1 or word.endswith(("s", "x")):
        return word
    return " / ".join(part + "s" for part in word.split(" / "))


def summary_points(tables: briefing.Tables, lang: str, max_items: int = 3) -> list[str]:
    """5 to 7 facts, each with its number, its source and the table it comes from."""
    w = words(lang)
    arts, tl = tables.articles, tables.timeline
    core = briefing.core_articles(arts)
    points = []

    def point(key: str, table: str, files: Sequence[str] = (), **values: object) -> None:
        """One fact: the wording filled with values (counts with thousands separators), its
        sources, the table it comes from."""
        sources = _sources(files, arts, lang) if len(files) else " "
        shown = {k: count_in(v, lang) if isinstance(v, int) else v for k, v in values.items()}
        points.append(text(w[key].format(**shown), lang) + sources + _trace(table))

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
        listed = "; ".join(f"{g.label} ({g.date[:4]})" for g in goals.head(4).itertuples())
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
    items = "".join(f"<li>{p}</li>" for p in summary_points(tables, lang))
    return _chapter("synthese", lang, f'<ul class="points">{items}</ul>')


def figure(svg_or_img: str, caption: str, lang: str) -> str:
    """A figure with its caption; an SVG is embedded as an image so that the ids inside two
    figures never clash (it stays vector in the PDF)."""
    caption = agree(caption, lang)  # the alt text reads as the caption does
    if svg_or_img.lstrip().startswith("<svg"):
        encoded = base64.b64encode(svg_or_img.encode("utf-8")).decode("ascii")
        svg_or_img = f'<img alt="{esc(caption)}" src="data:image/svg+xml;base64,{encoded}"/>'
    return f"<figure>{svg_or_img}<figcaption>{text(caption, lang)}</figcaption></figure>"


def png_img(data: bytes, alt: str) -> str:
    """An embedded PNG image (the HTML stays self-contained)."""
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img alt="{esc(alt)}" src="data:image/png;base64,{encoded}"/>'


def sources_count(n_articles: int, n_outlets: int, lang: str) -> str:
    """ "3 articles de 2 médias": files and the distinct known outlets among them."""
    w = words(lang)
    if n_outlets == 0:
        return agree(w["counted_no_outlet"].format(n=count_in(n_articles, lang)), lang)
    wording = w["counted"].format(n=count_in(n_articles, lang), m=count_in(n_outlets, lang))
    return agree(wording, lang)


def disagreement_flag(disagreement: object, lang: str) -> str:
    """The warning a table row carries when its sources give other dates or places."""
    if not isinstance(disagreement, str) or not disagreement:
        return ""
    dates = disagreement.startswith("date") or "; date" in disagreement
    warning = text(words(lang)["date_disagreement" if dates else "place_disagreement"], lang)
    return f'<br><span class="flag" title="{esc(disagreement)}">{warning}</span>'


def printed_rows(timeline: pd.DataFrame, max_rows: int) -> set:
    """Index of the timeline entries the PDF shows: the most reported ones (then the latest)."""
    order = timeline.sort_values(["n_sources", "date"], ascending=[False, False])
    return set(order.head(max_rows).index)


def timeline_table(
    timeline: pd.DataFrame,
    articles: pd.DataFrame,
    lang: str,
    max_rows: int,
    max_html_rows: int = HTML_ROW_LIMIT,
) -> str:
    """Entries table; rows past max_rows (fewest sources first) are shown on screen only, rows
    past max_html_rows only in timeline.parquet."""
    w = words(lang)
    keep = printed_rows(timeline, max_rows)
    shown = printed_rows(timeline, max(max_html_rows, max_rows))
    rows = []
    for idx, row in timeline[timeline.index.isin(shown)].iterrows():
        css = "" if idx in keep else ' class="screen-only"'
        rows.append(
            f'<tr{css}><td class="date">{esc(fmt_date(row["date"], row["end"], lang))}'
            f"{disagreement_flag(row['disagreement'], lang)}</td>"
            f"<td>{text(w['kind_' + row['kind']], lang)}</td><td>{text(row['label'], lang)}</td>"
            f"<td>{esc(row['place'])}</td>"
            f"<td>{text(sources_count(row['n_sources'], row['n_outlets'], lang), lang)}</td>"
            f'<td class="src">{source_link(row["evidence_file"], articles, lang)}</td></tr>'
        )
    head = "".join(
        f"<th>{text(w[k], lang)}</th>"
        for k in ("date", "kind", "event", "place", "n_outlets", "source")
    )
    more = len(timeline) - len(keep)
    note = ""
    if more > 0:  # the PDF says where the other rows are
        note = f'<p class="muted print-only">{text(w["more_rows"].format(n=more), lang)}</p>'
    if len(timeline) > len(shown):  # and so does the HTML page when it does not hold them all
        hidden = w["more_rows_html"].format(n=len(timeline) - len(shown))
        note += f'<p class="muted screen-only">{text(hidden, lang)}</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"


def chronology(tables: briefing.Tables, lang: str, timeline_svg: str, max_rows: int) -> str:
    """The timeline figure, the entries table and the evidence of the landmarks."""
    w = words(lang)
    n_articles = len(briefing.core_articles(tables.articles))
    n_dated = int((tables.timeline["kind"] != "objectif").sum())
    caption = w["timeline_caption"].format(n=1, events=n_dated, articles=n_articles)
    n_plotted = len(figures.plotted_entries(tables.timeline))
    if n_plotted < n_dated:
        caption += " " + w["timeline_top"].format(k=n_plotted)
    quotes = []
    printed = tables.timeline.loc[sorted(printed_rows(tables.timeline, max_rows))]
    for _, row in printed[printed["kind"].isin(["colloque", "assises"])].head(6).iterrows():
        quotes.append(
            '<div class="landmark">'
            f"<p><strong>{text(row['label'], lang)}</strong> — "
            f"{esc(fmt_date(row['date'], row['end'], lang))}"
            f"{esc(_place(row['place']))}</p><blockquote>{esc(quote_fr(row['evidence']))}</blockquote>"
            f'<p class="src">— {source_link(row["evidence_file"], tables.articles, lang)}</p></div>'
        )
    body = figure(timeline_svg, caption, lang) + timeline_table(
        tables.timeline, tables.articles, lang, max_rows
    )
    return _chapter("chronologie", lang, body + "".join(quotes))


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
    parts = []
    if over_time_svg:
        undated = w["undated_note"].format(k=n_undated) if n_undated else ""
        parts.append(
            figure(
                over_time_svg,
                w["themes_time_caption"].format(n=2, articles=n_articles, undated=undated),
                lang,
            )
        )
    for theme in briefing.theme_shares(tables.themes).itertuples():
        terms = list(theme.top_terms)[:8]
        files = list(
            tables.doc_themes[
                (tables.doc_themes["theme_id"] == theme.theme_id) & tables.doc_themes["is_main"]
            ].sort_values("weight", ascending=False)["file"]
        )
        quote = briefing.representative_quote(terms, files[:20], tables.articles)
        block = [
            f'<div class="theme"><h3>{text(theme.label, lang)}</h3>',
            f"<p>{text(w['share'] + ' :', lang)} {percent_fr(theme.share)} "
            f"({text(w['in_articles'].format(n=theme.n_docs), lang)}). "
            f"{text(w['top_terms'], lang)} : {esc(', '.join(terms))}.</p>",
        ]
        if theme.theme_id in clouds:
            block.append(
                figure(
                    png_img(clouds[theme.theme_id], theme.label),
                    w["cloud_caption"].format(label=theme.label, n=theme.n_docs),
                    lang,
                )
            )
        if quote:
            block.append(
                f"<blockquote>{esc(quote_fr(quote[0]))}</blockquote>"
                f'<p class="src">— {source_link(quote[1], tables.articles, lang)}</p>'
            )
        block.append("</div>")
        parts.append("".join(block))
    return _chapter("themes", lang, "".join(parts))


def actors_section(tables: briefing.Tables, lang: str, limit: int) -> str:
    """The people and institutions most cited, with counts."""
    w = words(lang)
    leaders = top_actors(
        tables.actors, briefing.core_articles(tables.articles)["file"], limit=limit
    )
    kinds = {"person": "personne" if lang == "fr" else "person", "organisation": "organisation"}
    rows = "".join(
        f"<tr><td>{esc(a.canonical)}</td><td>{esc(kinds[a.type])}</td><td>{esc(a.role)}</td>"
        f'<td class="num">{a.n_articles}</td><td class="num">{a.mentions}</td></tr>'
        for a in leaders.itertuples()
    )
    head = "".join(f"<th>{text(w[k], lang)}</th>" for k in ("name", "kind", "role")) + "".join(
        f'<th class="num">{text(w[k], lang)}</th>' for k in ("n_articles", "mentions")
    )
    return _chapter(
        "acteurs",
        lang,
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>" + _trace("actors"),
    )


def changes_section(
    changes: dict[str, list[str]] | None, lang: str, previous: str | None, when: str | None
) -> str:
    """What is new since the previous run, or why there is nothing to compare."""
    w = words(lang)
    if previous is None:
        return _chapter("changements", lang, f"<p>{text(w['changes_none'], lang)}</p>")
    if changes is None:
        return _chapter(
            "changements", lang, f"<p>{text(w['changes_missing'].format(path=previous), lang)}</p>"
        )
    items = [
        w["changes_new_articles"].format(
            n=len(changes["articles"]),
            list=", ".join(changes["articles"][:20]) or w["changes_nothing"],
        ),
        w["changes_new_events"].format(
            n=len(changes["events"]), list="; ".join(changes["events"][:20]) or w["changes_nothing"]
        ),
        w["changes_grown"].format(list=", ".join(changes["themes"]) or w["changes_nothing"]),
    ]
    body = (
        f"<p>{text(w['changes_intro'].format(when=when or '?', path=previous), lang)}</p><ul>"
        + "".join(f"<li>{text(i, lang)}</li>" for i in items)
        + "</ul>"
    )
    return _chapter("changements", lang, body)


def method_section(
    paragraphs: Sequence[str], lang: str, set_aside: pd.DataFrame, manifest: dict
) -> str:
    """How the briefing was made, what was set aside and why, and the run's manifest summary."""
    w = words(lang)
    paras = "".join(f"<p>{text(p, lang)}</p>" for p in paragraphs)
    rows = "".join(
        f"<tr{'' if i < ASIDE_PRINT_LIMIT else SCREEN_ONLY}><td>{esc(r.file)}</td>"
        f"<td>{text(r.reason, lang)}</td></tr>"
        for i, r in enumerate(set_aside.itertuples())
    )
    more = len(set_aside) - ASIDE_PRINT_LIMIT
    note = f'<p class="muted">{text(w["aside_note"].format(n=more), lang)}</p>' if more > 0 else ""
    aside = f"<h3>{text(w['set_aside'], lang)}</h3><table><tbody>{rows}</tbody></table>{note}"
    env = manifest.get("environment", {})
    packages = ", ".join(f"{k} {v}" for k, v in env.get("packages", {}).items())
    parameters = ", ".join(f"{k} = {v}" for k, v in manifest.get("parameters", {}).items())
    run = (
        f'<h3>{text(w["reproducibility"], lang)}</h3><p class="muted">'
        f"Python {esc(env.get('python', '?'))} ; code {esc(env.get('git_commit') or '?')} ; "
        f'{esc(packages)}.</p><p class="muted">{text(w["parameters"] + " :", lang)} '
        f"{esc(parameters)}.</p>"
    )
    return _chapter("methode", lang, paras + (aside if rows else "") + run)


def annex(tables: briefing.Tables, lang: str) -> str:
    """Every source article: outlet, date, title, file and what was done with it."""
    w = words(lang)
    ids = briefing.source_ids(tables.articles)
    rows = []
    ordered = tables.articles.sort_values(["published", "file"], na_position="last")
    for row in ordered.to_dict("records"):
        status = briefing.status_of(row)
        label = (
            w["st_" + status].format(of=row["duplicate_of"])
            if status == "duplicate"
            else w["st_" + status]
        )
        rows.append(
            f'<tr id="{ids[row["file"]]}"><td>{esc(row["outlet"] or w["unknown"])}</td>'
            f'<td class="date">{esc(fmt_date(row["published"], None, lang))}</td>'
            f'<td>{esc(row["title"] or "—")}</td><td class="src">{esc(row["file"])}</td>'
            f"<td>{text(label, lang)}</td></tr>"
        )
    head = "".join(
        f"<th>{text(w[k], lang)}</th>" for k in ("outlet", "date", "headline", "file", "status")
    )
    note = ""
    if len(rows) > ANNEX_PRINT_LIMIT:
        note = f'<p class="muted">{text(w["annex_note"].format(n=len(rows)), lang)}</p>'
    return _chapter(
        "annexe",
        lang,
        f"{note}<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + _ANNEX_END,
    )


def bound_for_screen(html_text: str, lang: str, limit: int = HTML_ROW_LIMIT) -> str:
    """Keep in the HTML page only the annex rows something cites, when there are more than
    limit (all rows stay in articles.parquet), and say so under the table."""
    rows = _ANNEX_FULL_ROW.findall(html_text)
    if len(rows) <= limit:
        return html_text
    cited = set(_SOURCE_HREF.findall(html_text))
    kept = _ANNEX_FULL_ROW.sub(lambda m: m.group(0) if m.group(1) in cited else "", html_text)
    note = words(lang)["annex_html_note"].format(n=len(set(rows) - cited))
    return kept.replace(_ANNEX_END, f'<p class="muted screen-only">{text(note, lang)}</p>', 1)


def for_print(html_text: str) -> str:
    """The document WeasyPrint renders: rows the PDF hides are removed rather than styled away
    (laying out thousands of hidden rows is most of the cost of a large corpus's PDF)."""
    return _SCREEN_ONLY_ROW.sub("", html_text)


def bound_for_print(html_text: str, limit: int = ANNEX_PRINT_LIMIT) -> str:
    """Hide from print the annex rows no part of the briefing cites, when there are many."""
    rows = _ANNEX_ROW.findall(html_text)
    if len(rows) <= limit:
        return html_text
    printed = _SCREEN_ONLY_ROW.sub("", html_text)  # links in rows the PDF hides do not count
    cited = set(_SOURCE_HREF.findall(printed))
    return _ANNEX_ROW.sub(
        lambda m: m.group(0) if m.group(1) in cited else f'<tr{SCREEN_ONLY} id="{m.group(1)}">',
        html_text,
    )


def document(body: str, lang: str, title: str) -> str:
    """A complete, self-contained HTML document around the briefing's body."""
    css = resources.files("helpers").joinpath("resources/briefing.css").read_text(encoding="utf-8")
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8"/>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f"<title>{esc(title)}</title><style>{css}</style></head><body>{body}</body></html>\n"
    )


def notebook_body(notebook_path: Path) -> tuple[str, str, str]:
    """(body HTML, language, title) of an executed briefing notebook, code and narration removed."""
    skip_slow_optional_imports()
    import nbformat

    return _body_of(nbformat.read(notebook_path, as_version=4))


def _body_of(nb: Any) -> tuple[str, str, str]:
    """notebook_body of a notebook already read (an nbformat NotebookNode)."""
    parameters = nb.metadata.get("papermill", {}).get("parameters", {})
    lang = parameters.get("language", "fr")
    nb.cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"  # papermill gives its injected cell a random id each run
        cell.outputs = [
            out
            for out in cell.outputs
            if out.output_type in ("display_data", "execute_result")
            and "text/html" in out.get("data", {})
        ]
        for out in cell.outputs:
            out["data"] = {"text/html": out["data"]["text/html"]}
    exporter = _exporter_class()(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    title = parameters.get("title") or words(lang)["title"]
    return body, lang, title


@lru_cache(maxsize=1)
def _exporter_class() -> type[Any]:
    """nbconvert's HTMLExporter without its last pass, which parses the whole page again
    with BeautifulSoup to give images without one an alt text and JupyterLab's cells a
    tabindex: the briefing's images have their alt text and it has no cells to focus. On a
    10,000-article briefing (76,000 tags) that pass took about 5 s, most of the export."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class BriefingExporter(HTMLExporter):
        def from_notebook_node(  # type: ignore[override]
            self, nb: Any, resources: dict[str, Any] | None = None, **kw: Any
        ) -> tuple[str, dict[str, Any]]:
            # HTMLExporter.from_notebook_node up to its BeautifulSoup pass (nbconvert 7).
            info = nb.metadata.get("language_info", {})
            lexer = info.get("pygments_lexer", info.get("name", None))
            highlight = self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
            )
            resources = self._init_resources(resources)
            data_types = WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            )
            self.register_filter("highlight_code", highlight)
            self.register_filter("filter_data_type", data_types)
            html: str
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return html, resources

    return BriefingExporter


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
    page = (
        _REHEARSAL_HTML
        + figure(_REHEARSAL_SVG, "Figure", "fr")
        + figure(png_img(png.getvalue(), "Nuage"), "Nuage", "fr")
        + "</section>"
    )
    cell = nbformat.v4.new_code_cell("display(HTML(page))")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": page})]
    notebook = nbformat.v4.new_notebook(cells=[cell])
    body, lang, title = _body_of(notebook)
    HTML(string=for_print(document(body, lang, title))).write_pdf()


def export_briefing(notebook_path: Path, reports_dir: Path) -> list[Path]:
    """Write reports/briefing.html (self-contained) and reports/briefing.pdf (A4) atomically."""
    quiet_renderer_logs()
    from weasyprint import HTML

    body, lang, title = notebook_body(notebook_path)
    html_text = bound_for_print(bound_for_screen(document(body, lang, title), lang))
    html_path, pdf_path = Path(reports_dir) / "briefing.html", Path(reports_dir) / "briefing.pdf"
    # Both are complete before either replaces the previous run's: never a new HTML beside
    # an old PDF.
    with storage.atomic_path(pdf_path) as pdf_tmp, storage.atomic_path(html_path) as html_tmp:
        html_tmp.write_text(html_text, encoding="utf-8")
        HTML(string=for_print(html_text), base_url=str(reports_dir)).write_pdf(pdf_tmp)
    return [html_path, pdf_path]
