"""Stage 1: raw dumps -> the articles table (clean body, metadata, relevance, duplicates)."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import clean, config, decode, dedup, language, outlets, relevance, schemas, sources, storage
from helpers.dates import find_published
from helpers.progress import progress

log = logging.getLogger("helpers")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, at one stage."""

    file: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.stage}: {self.reason}"


@dataclass
class IngestResult:
    """The articles table and every problem met on the way."""

    articles: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)


def list_inputs(raw_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Files the pipeline can read, sorted by name, and the ones it skips with the reason."""
    accepted = config.TEXT_SUFFIXES | config.HTML_SUFFIXES
    files, skipped = [], []
    for path in sorted(Path(raw_dir).iterdir()):
        if path.name.startswith(".") or path.is_dir() or path.name == config.SOURCES_FILE:
            continue
        if path.suffix.lower() in accepted:
            files.append(path)
        else:
            reason = f"unsupported file type {path.suffix or '(none)'!r}: expected .txt, .html or .htm"
            skipped.append(Problem(path.name, "ingest", reason))
    return files, skipped


def _published_anchor(published: str | None) -> str | None:
    """Keep a publication value only if it is a YYYY[-MM[-DD]] string."""
    return published if published and len(published) in (4, 7, 10) else None


def read_article(path: Path, max_bytes: int) -> tuple[decode.Decoded, dict[str, str | None]]:
    """Decode one file; HTML (declared or sniffed) goes through the HTML extractor."""
    decoded = decode.read_input(path, max_bytes=max_bytes)
    html_meta: dict[str, str | None] = {}
    if decoded.kind == "html" and decoded.text is not None:
        text, html_meta = decode.html_to_text(decoded.text)
        decoded = decode.Decoded(
            text=text, encoding=decoded.encoding, kind="html", problems=decoded.problems
        )
    return decoded, html_meta


def ingest_corpus(
    raw_dir: Path,
    relevance_threshold: float = 0.5,
    duplicate_threshold: float = 0.8,
    max_bytes: int = config.MAX_FILE_BYTES,
) -> IngestResult:
    """Read, clean and describe every article of a corpus folder."""
    raw_dir = Path(raw_dir)
    paths, skipped = list_inputs(raw_dir)
    source_rows, source_problems = sources.read_sources(raw_dir, [p.name for p in paths])
    problems = [Problem(config.SOURCES_FILE, "sources", msg) for msg in source_problems]

    decoded: dict[str, tuple[decode.Decoded, dict[str, str | None], str]] = {}
    for path in progress(paths, "ingest: read"):
        data_hash = hashlib.sha256(path.read_bytes()).hexdigest()
        dec, html_meta = read_article(path, max_bytes)
        decoded[path.name] = (dec, html_meta, data_hash)
        for message in dec.problems:
            problems.append(Problem(path.name, "decode", message))

    texts = {name: d.text for name, (d, _, _) in decoded.items() if d.text}
    repeated = clean.repeated_keys(texts.values())

    rows = []
    for name, (dec, html_meta, data_hash) in progress(decoded.items(), "ingest: clean"):
        rows.append(
            describe_article(
                name, dec, html_meta, data_hash, repeated, source_rows.get(name), relevance_threshold
            )
        )
        if rows[-1]["problems"] and not rows[-1]["readable"]:
            log.warning("%s: %s", name, rows[-1]["problems"])
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    for row in articles.itertuples():
        if row.readable and not row.text:
            problems.append(Problem(row.file, "clean", "no article text left after removing noise"))
    articles["duplicate_of"] = mark_duplicates(articles, duplicate_threshold)
    return IngestResult(articles=articles, problems=problems, skipped=skipped)


ARTICLE_COLUMNS = [
    "file",
    "sha256",
    "format",
    "readable",
    "title",
    "published",
    "outlet",
    "url",
    "language",
    "relevance_score",
    "relevant",
    "duplicate_of",
    "text",
    "n_words",
    "chars_kept",
    "chars_removed",
    "problems",
]


def describe_article(
    name: str,
    dec: decode.Decoded,
    html_meta: dict[str, str | None],
    data_hash: str,
    repeated: frozenset[str],
    source: sources.SourceRow | None,
    relevance_threshold: float,
) -> dict[str, object]:
    """One row of the articles table from a decoded file."""
    problems = "; ".join(dec.problems) or None
    if not dec.text or not dec.text.strip():
        return _unreadable_row(name, data_hash, problems or "no text could be read", source)
    result = clean.clean_text(dec.text, repeated=repeated)
    meta_lines = [b.text for b in result.blocks if b.label == "meta"]
    published_mention = find_published(meta_lines)
    text_published = published_mention.date if published_mention else html_meta.get("date")
    text_outlet = outlets.find_outlet(meta_lines) or html_meta.get("sitename")
    outlet, published, _provenance = sources.resolve_metadata(
        text_outlet, _published_anchor(text_published), source
    )
    title = result.title or html_meta.get("title")
    lang = language.detect_language(result.body) if result.body else None
    score = relevance.relevance_score(result.body, title, lang) if result.body else 0.0
    return {
        "file": name,
        "sha256": data_hash,
        "format": dec.kind if dec.kind in ("text", "html") else "text",
        "readable": True,
        "title": title,
        "published": published,
        "outlet": outlet,
        "url": source.url if source else html_meta.get("url"),
        "language": lang,
        "relevance_score": float(score),
        "relevant": relevance.is_relevant(score, relevance_threshold),
        "duplicate_of": None,
        "text": result.body,
        "n_words": len(result.body.split()),
        "chars_kept": result.chars_kept,
        "chars_removed": result.chars_removed,
        "problems": problems,
    }


def _unreadable_row(
    name: str, data_hash: str, reason: str, source: sources.SourceRow | None
) -> dict[str, object]:
    """A row for a file that gave no text: kept so that the briefing can count it."""
    return {
        "file": name,
        "sha256": data_hash,
        "format": "unreadable",
        "readable": False,
        "title": None,
        "published": source.published if source else None,
        "outlet": source.outlet if source else None,
        "url": source.url if source else None,
        "language": None,
        "relevance_score": 0.0,
        "relevant": False,
        "duplicate_of": None,
        "text": "",
        "n_words": 0,
        "chars_kept": 0,
        "chars_removed": 0,
        "problems": reason,
    }


def mark_duplicates(articles: pd.DataFrame, threshold: float) -> pd.Series:
    """duplicate_of for each row: the earliest-published (then first-named) near-identical text."""
    readable = articles[articles["readable"] & (articles["n_words"] > 0)]
    order = readable.assign(_p=readable["published"].fillna("9999")).sort_values(["_p", "file"])
    texts = dict(zip(readable["file"], readable["text"], strict=True))
    found = dedup.find_duplicates(texts, threshold=threshold, order=list(order["file"]))
    return articles["file"].map(lambda f: found.get(f))


def problems_table(result: IngestResult) -> pd.DataFrame:
    """Every problem of the run, skipped files first: file, stage, reason."""
    rows = [vars(p) for p in [*result.skipped, *result.problems]]
    return pd.DataFrame(rows, columns=["file", "stage", "reason"])


def write_outputs(result: IngestResult, processed_dir: Path) -> pd.DataFrame:
    """Validate and write articles.parquet and problems.parquet; return the validated articles."""
    articles = schemas.validate("articles", result.articles)
    storage.write_parquet(Path(processed_dir) / "articles.parquet", articles)
    storage.write_parquet(Path(processed_dir) / "problems.parquet", problems_table(result))
    return articles
