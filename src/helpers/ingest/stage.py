"""Stage 1: raw dumps -> the articles table (clean body, metadata, relevance, duplicates).

Two per-article passes around one corpus step, so that either engine (a local loop or a Dask
bag) can run them: read (decode, block fingerprints), then describe (clean with the corpus's
repeated blocks, metadata, language, relevance); duplicates are found over the whole corpus.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from helpers import config, schemas, storage
from helpers.cache import JsonCache, code_version, key_of, resources_digest
from helpers.compute import parallel
from helpers.ingest import clean, decode, dedup, inputs, outlets, relevance, sources
from helpers.ingest.published import page_date, top_end
from helpers.params import IngestParams
from helpers.storage import sha256_of
from helpers.text import language

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, at one stage."""

    file: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.stage}: {self.reason}"


@dataclass(frozen=True)
class ReadArticle:
    """Pass 1: one file decoded, with the fingerprints of its blocks."""

    file: str
    sha256: str
    text: str | None
    kind: str
    problems: tuple[str, ...]
    html_meta: dict[str, str | None]
    keys: frozenset[str]


@dataclass
class IngestResult:
    """The articles table and every problem met on the way."""

    articles: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)


# The packaged data files whose content shapes a cached ingest result.
INGEST_RESOURCES = (outlets.REGISTRY_FILE, relevance.MODEL_FILE)
# The reason given for a page whose text is only page furniture.
NO_BODY = "aucun texte d'article une fois le bruit retiré"
# The fields of a cached pass-1 record.
READ_FIELDS = ("text", "kind", "problems", "html_meta", "keys")
# The key of the near-duplicate signature in a described row (not a column of the table).
SIGNATURE = "_signature"
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


def list_inputs(raw_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Files the pipeline can read as articles, sorted by name, and the entries it skips with
    the reason (unsupported type, broken link, link out of the folder, special file...)."""
    entries, refused = inputs.list_entries(Path(raw_dir))
    files, skipped = [], [Problem(name, "ingest", reason) for name, reason in refused]
    for path in entries:
        reason = inputs.unsupported_reason(path)
        if reason is not None:
            skipped.append(Problem(path.name, "ingest", reason))
        elif path.name != config.SOURCES_FILE:
            files.append(path)
    return files, sorted(skipped, key=lambda problem: problem.file)


def _read_key(path: Path, data_hash: str, max_bytes: int) -> str:
    """The cache key of pass 1 for one file."""
    return key_of(data_hash, path.suffix.lower(), str(max_bytes))


def read_article(
    path: Path, max_bytes: int, cache: JsonCache | None = None, data_hash: str | None = None
) -> ReadArticle:
    """Pass 1 for one file: decode (HTML through the extractor) and fingerprint its blocks.
    data_hash: the file's SHA-256 when the caller has it already."""
    # sha256_of reads in chunks: a 50 MB dump is not held in memory twice.
    data_hash = data_hash or sha256_of(path)
    key = _read_key(path, data_hash, max_bytes)
    cached = cache.get(key, READ_FIELDS) if cache else None
    if cached is not None:
        return ReadArticle(
            file=path.name,
            sha256=data_hash,
            text=cached["text"],
            kind=cached["kind"],
            problems=tuple(cached["problems"]),
            html_meta=cached["html_meta"],
            keys=frozenset(cached["keys"]),
        )
    decoded = decode.read_input(path, max_bytes=max_bytes)
    text, html_meta = decoded.text, dict[str, str | None]()
    if decoded.kind == "html" and text is not None:
        text, html_meta = decode.html_to_text(text)
    keys = clean.block_keys(text) if text else frozenset()
    read = ReadArticle(path.name, data_hash, text, decoded.kind, decoded.problems, html_meta, keys)
    if cache:
        record = {**asdict(read), "keys": sorted(keys), "problems": list(read.problems)}
        cache.put(key, record)
    return read


def describe_article(
    read: ReadArticle,
    repeated: frozenset[str],
    source: sources.SourceRow | None,
    relevance_threshold: float,
    cache: JsonCache | None = None,
) -> dict[str, object]:
    """Pass 2 for one file: the article's row (clean body, metadata, language, relevance)."""
    key = _describe_key(read, repeated, source, relevance_threshold)
    cached = cache.get(key, ARTICLE_COLUMNS) if cache else None
    if cached is not None:
        return {**cached, "file": read.file}
    row = _describe(read, repeated, source, relevance_threshold)
    if cache:
        cache.put(key, row)
    return row


def _describe_key(
    read: ReadArticle, repeated: frozenset[str], source: sources.SourceRow | None, threshold: float
) -> str:
    """The cache key of pass 2 for one file."""
    return key_of(read.sha256, "|".join(sorted(read.keys & repeated)), repr(source), str(threshold))


def _describe(
    read: ReadArticle, repeated: frozenset[str], source: sources.SourceRow | None, threshold: float
) -> dict[str, object]:
    """describe_article without the cache."""
    problems = "; ".join(read.problems) or None
    if not read.text or not read.text.strip():
        return _unreadable_row(read, problems or "aucun texte lisible", source)
    result = clean.clean_text(read.text, repeated=repeated)
    meta_lines = [b.text for b in result.blocks if b.label == "meta"]
    # Every top block, kept or not: the cleaner drops the top date line of a dump.
    top = top_end(read.text)
    top_blocks = [b.text for b in result.blocks if b.start < top]
    text_published = page_date(top_blocks, meta_lines) or read.html_meta.get("date")
    footer_lines = [b.text for b in result.blocks if b.reason == "footer"]
    text_outlet = (
        outlets.find_outlet(meta_lines + footer_lines)
        or read.html_meta.get("sitename")
        or outlets.find_site_name(read.text.splitlines())
    )
    outlet, published, _provenance = sources.resolve_metadata(
        text_outlet, _partial_date(text_published), source
    )
    title = result.title or read.html_meta.get("title")
    lang = language.detect_language(result.body) if result.body else None
    moroccan_outlet = outlets.outlet_country(outlet) == "MA"
    score = (
        relevance.relevance_score(result.body, title, lang, moroccan_outlet) if result.body else 0.0
    )
    text = f"{result.title}\n\n{result.body}" if result.title and result.body else result.body
    if not result.body:  # only page furniture: nothing to read, counted with the unreadable
        reason = "; ".join(filter(None, [problems, NO_BODY]))
        return {
            **_unreadable_row(read, reason, source),
            "format": "html" if read.kind == "html" else "text",
            "readable": False,
            "chars_removed": result.chars_removed,
        }
    return {
        "file": read.file,
        "sha256": read.sha256,
        "format": "html" if read.kind == "html" else "text",
        "readable": True,
        "title": title,
        "published": published,
        "outlet": outlet,
        "url": source.url if source else read.html_meta.get("url"),
        "language": lang,
        "relevance_score": float(score),
        "relevant": relevance.is_relevant(score, threshold),
        "duplicate_of": None,
        # The headline heads the text: it is the article's first line for every later stage.
        "text": text,
        "n_words": len(text.split()),
        "chars_kept": result.chars_kept,
        "chars_removed": result.chars_removed,
        "problems": problems,
        # Not a column: the near-duplicate signature, computed here so that it is cached and
        # made in the worker processes (assemble takes it out).
        SIGNATURE: dedup.text_signature(text),
    }


def _partial_date(value: str | None) -> str | None:
    """Keep a date only if it is a YYYY[-MM[-DD]] string (HTML metadata can hold anything)."""
    return value if isinstance(value, str) and schemas.ISO_PARTIAL_DATE.match(value) else None


def _unreadable_row(
    read: ReadArticle, reason: str, source: sources.SourceRow | None
) -> dict[str, object]:
    """A row for a file that gave no text: kept so that the briefing can count it."""
    return {
        "file": read.file,
        "sha256": read.sha256,
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


def ingest_cache(cache_dir: Path | None) -> tuple[JsonCache | None, JsonCache | None]:
    """The caches of the two passes (None when caching is off)."""
    if cache_dir is None:
        return None, None
    version = code_version(__name__, resources_digest(INGEST_RESOURCES))
    return JsonCache(cache_dir, "read", version), JsonCache(cache_dir, "describe", version)


def ingest_corpus(
    raw_dir: Path,
    relevance_threshold: float = 0.5,
    duplicate_threshold: float = 0.8,
    max_bytes: int = config.MAX_FILE_BYTES,
    cache_dir: Path | None = None,
) -> IngestResult:
    """Read, clean and describe every article of a corpus folder (locally, one process)."""
    raw_dir = Path(raw_dir)
    paths, skipped = list_inputs(raw_dir)
    source_rows, source_problems = sources.read_sources(raw_dir, [p.name for p in paths])
    read_cache, describe_cache = ingest_cache(cache_dir)
    hashed = [(path, sha256_of(path)) for path in paths]  # each file hashed once

    def read_cached(item: tuple[Path, str]) -> bool:
        return read_cache is not None and read_cache.has(_read_key(*item, max_bytes))

    def described(item: tuple[ReadArticle, sources.SourceRow | None]) -> bool:
        read, source = item
        key = _describe_key(read, repeated, source, relevance_threshold)
        return describe_cache is not None and describe_cache.has(key)

    with parallel.Pool() as workers:  # both passes share the worker processes
        reads = parallel.map_uncached(
            partial(_read_chunk, max_bytes=max_bytes, cache=read_cache),
            hashed,
            read_cached,
            "ingest: read",
            workers,
        )
        repeated = clean.repeated_among(r.keys for r in reads)
        sourced = [(read, source_rows.get(read.file)) for read in reads]
        rows = parallel.map_uncached(
            partial(
                _describe_chunk,
                repeated=repeated,
                threshold=relevance_threshold,
                cache=describe_cache,
            ),
            sourced,
            described,
            "ingest: clean",
            workers,
        )
    return assemble(rows, reads, skipped, source_problems, duplicate_threshold)


def _read_chunk(
    items: list[tuple[Path, str]], max_bytes: int, cache: JsonCache | None
) -> list[ReadArticle]:
    """Pass 1 for some (file, SHA-256) pairs (what a worker process runs)."""
    return [read_article(path, max_bytes, cache, data_hash) for path, data_hash in items]


def _describe_chunk(
    items: list[tuple[ReadArticle, sources.SourceRow | None]],
    repeated: frozenset[str],
    threshold: float,
    cache: JsonCache | None,
) -> list[dict[str, object]]:
    """Pass 2 for some (read, source row) pairs (what a worker process runs)."""
    return [describe_article(read, repeated, source, threshold, cache) for read, source in items]


def assemble(
    rows: list[dict[str, object]],
    reads: list[ReadArticle],
    skipped: list[Problem],
    source_problems: list[str],
    duplicate_threshold: float,
) -> IngestResult:
    """The corpus step: the articles table with duplicates marked, and every problem."""
    problems = [Problem(config.SOURCES_FILE, "sources", msg) for msg in source_problems]
    problems += [Problem(r.file, "decode", msg) for r in reads for msg in r.problems]
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    for row in articles.itertuples():
        if row.format != "unreadable" and not row.readable:
            problems.append(Problem(row.file, "clean", NO_BODY))
    signatures = {
        str(r["file"]): cast(list[int], r[SIGNATURE]) for r in rows if r.get(SIGNATURE) is not None
    }
    articles["duplicate_of"] = mark_duplicates(articles, duplicate_threshold, signatures)
    return IngestResult(articles=articles, problems=problems, skipped=skipped)


def mark_duplicates(
    articles: pd.DataFrame, threshold: float, signatures: dict[str, list[int]] | None = None
) -> pd.Series:
    """duplicate_of for each row: the earliest-published (then first-named) near-identical text
    (signatures by file, from the per-article pass, spare computing them again)."""
    readable = articles[articles["readable"] & (articles["n_words"] > 0)]
    order = readable.assign(_p=readable["published"].fillna("9999")).sort_values(["_p", "file"])
    texts = dict(zip(readable["file"], readable["text"], strict=True))
    found = dedup.find_duplicates(
        texts, threshold=threshold, order=list(order["file"]), signatures=signatures
    )
    return articles["file"].map(lambda f: found.get(f))


def problems_table(result: IngestResult) -> pd.DataFrame:
    """Every problem of the run, skipped files first: file, stage, reason."""
    rows = [vars(p) for p in [*result.skipped, *result.problems]]
    return pd.DataFrame(rows, columns=["file", "stage", "reason"])


def write_outputs(result: IngestResult, processed_dir: Path) -> pd.DataFrame:
    """Validate and write articles.parquet and problems.parquet; return the validated articles.
    A row that fails the schema is set aside as a problem (added to result.problems)."""
    articles, aside = schemas.validate_rows("articles", result.articles)
    result.problems.extend(Problem(r.file, "ingest", r.reason) for r in aside.itertuples())
    storage.write_parquet(Path(processed_dir) / "articles.parquet", articles)
    storage.write_parquet(Path(processed_dir) / "problems.parquet", problems_table(result))
    return articles


# ---------------------------------------------------------------------------- the Dask engine
# A block repeated in at least this many files is site furniture (clean.repeated_among's default).
MIN_REPEATED_FILES = 2
# Files per Dask partition: enough work per task to hide the scheduler's ~1 ms overhead.
DASK_PARTITION = 100


def _read_one(path: str, max_bytes: int, cache: JsonCache | None) -> ReadArticle:
    """Pass 1 on a worker: the worker reads the file itself (only the path travels)."""
    return read_article(Path(path), max_bytes, cache)


def _count_keys(reads: Iterable[ReadArticle]) -> Counter[str]:
    """Files of one partition that contain each block key."""
    counts: Counter[str] = Counter()
    for read in reads:
        counts.update(read.keys)
    return counts


def _merge_counts(partition_counts: Iterable[Counter[str]]) -> Counter[str]:
    """Sum per-partition key counts (also applied to its own results in a tree reduction)."""
    total: Counter[str] = Counter()
    for counts in partition_counts:
        total.update(counts)
    return total


def _repeated_blocks(counts: Counter[str]) -> frozenset[str]:
    """Keys found in at least MIN_REPEATED_FILES files of the corpus."""
    return frozenset(key for key, n in counts.items() if n >= MIN_REPEATED_FILES)


def _describe_one(
    read: ReadArticle,
    repeated: frozenset[str],
    source_rows: dict[str, sources.SourceRow],
    relevance_threshold: float,
    cache: JsonCache | None,
) -> dict[str, object]:
    """Pass 2 on a worker: the article's row."""
    source = source_rows.get(read.file)
    return describe_article(read, repeated, source, relevance_threshold, cache)


def _decode_summary(read: ReadArticle) -> ReadArticle:
    """What assemble needs of a read (file, problems): the text stays on the worker."""
    return replace(read, text=None, html_meta={}, keys=frozenset())


def ingest_corpus_dask(
    raw_dir: Path,
    relevance_threshold: float = 0.5,
    duplicate_threshold: float = 0.8,
    max_bytes: int = config.MAX_FILE_BYTES,
    cache_dir: Path | None = None,
    client: Client | None = None,
    partition_size: int = DASK_PARTITION,
) -> IngestResult:
    """ingest_corpus on a Dask cluster: both per-article passes run as a bag on the
    workers, the repeated blocks are reduced from per-partition counts, duplicates on the client."""
    import dask  # the cluster engine's libraries: a local run does not load them
    import dask.bag as db

    from helpers.compute import dask_engine

    dask_engine.check_partition_size(partition_size)
    raw_dir = Path(raw_dir)
    paths, skipped = list_inputs(raw_dir)
    source_rows, source_problems = sources.read_sources(raw_dir, [p.name for p in paths])
    read_cache, describe_cache = ingest_cache(cache_dir)
    if not paths:
        return assemble([], [], skipped, source_problems, duplicate_threshold)
    files = db.from_sequence([str(p) for p in paths], partition_size=partition_size)
    reads = files.map(_read_one, max_bytes, read_cache)
    repeated = reads.reduction(_count_keys, _merge_counts).apply(_repeated_blocks)
    rows = reads.map(
        _describe_one,
        repeated=repeated,
        source_rows=dask.delayed(source_rows),
        relevance_threshold=relevance_threshold,
        cache=describe_cache,
    )
    with dask_engine.client_or_local(client, preload=(__name__,)) as active:
        row_list, summaries = active.gather(active.compute([rows, reads.map(_decode_summary)]))
    log.info("ingest (dask): %d files in %d partitions", len(paths), files.npartitions)
    return assemble(row_list, summaries, skipped, source_problems, duplicate_threshold)


def run_stage(p: IngestParams) -> IngestResult:
    """Stage 1 on the engine the parameters ask for (local loop or Dask cluster)."""
    options: dict[str, Any] = {
        "relevance_threshold": p.relevance_threshold,
        "duplicate_threshold": p.duplicate_threshold,
        "max_bytes": int(p.max_file_mb * 1024 * 1024),
        "cache_dir": p.interim_dir,
    }
    if p.engine == "dask":
        from helpers.compute.dask_engine import dask_client

        with dask_client(p.scheduler, preload=(__name__,)) as client:
            return ingest_corpus_dask(Path(p.raw_dir), client=client, **options)
    return ingest_corpus(Path(p.raw_dir), **options)
