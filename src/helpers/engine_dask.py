"""Opt-in Dask engine for stages 1-3: the local engine's tables, computed on a cluster.

When to use it: from about 1,000 articles, and mostly for stage 1. Measured on a shared
2-core machine (generated corpora, cluster start of 15-30 s not included): ingest 1,000
articles 34 s local / 22-31 s Dask, 10,000 articles 377 s / 231 s (the local engine uses one
core); themes 1,000: 9 s / 17 s, 10,000: 26 s / 43 s (hashing and the client-side vocabulary
sample cost more than they save on 2 cores: use Dask for themes only when the texts do not fit
in one machine's memory). Below 1,000 articles the cluster start costs more than it saves.

Point it at a cluster with `dask_client("tcp://host:8786")` or any `distributed.Client`
passed as `client=`: workers need this package installed (start them with
`dask worker tcp://host:8786 --preload helpers.engine_dask` to import it once per worker)
and the raw and cache folders at the same paths as the client.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

import dask
import dask.bag as db
import numpy as np
import pandas as pd
from distributed import Client, Future, LocalCluster
from distributed.utils import get_mp_context
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from helpers import config, extraction, ingest, themes, theming
from helpers.briefing import core_articles
from helpers.cache import JsonCache
from helpers.errors import ParameterError
from helpers.parallel import restore_main_spec
from helpers.sources import SourceRow, read_sources

logger = logging.getLogger(__name__)
T = TypeVar("T")

# A block repeated in at least this many files is site furniture (clean.repeated_among's default).
MIN_REPEATED_FILES = 2
# Files per ingest partition: enough work per task to hide the scheduler's ~1 ms overhead.
INGEST_PARTITION = 100
# Texts per NER partition (NER runs inside the Dask worker, which may not start processes).
NER_PARTITION = 100
# Documents per TF-IDF partition.
THEMES_PARTITION = 500
# Hashed feature space of the TF-IDF: a kept term shares its column with another term (a
# collision) in under 2% of the kept columns (see tests/test_engine_dask.py).
N_FEATURES = 2**20
# Documents whose terms name the hashed columns (columns unseen there stay unnamed).
VOCABULARY_SAMPLE = 2000


# ---------------------------------------------------------------------------- the cluster


def get_client(scheduler: str | None = None, n_workers: int = 2) -> Client:
    """A client joined to the scheduler at `scheduler` ("tcp://host:8786"), or to a new local
    cluster of n_workers single-threaded processes on 127.0.0.1 (close both: see dask_client)."""
    if scheduler is not None:
        if not isinstance(scheduler, str) or "://" not in scheduler:
            raise ParameterError(
                "scheduler", scheduler, 'None or an address like "tcp://host:8786"'
            )
        return Client(scheduler)
    if not isinstance(n_workers, int) or n_workers < 1:
        raise ParameterError("n_workers", n_workers, "an integer >= 1")
    restore_main_spec()  # a kernel whose namespace was reset lost it: the Nanny needs it
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        _preload_forkserver()
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
    return Client(cluster)


def _preload_forkserver() -> None:
    """Workers fork from a server that imported this module (pandas, spaCy, scikit-learn) once,
    instead of each spawned worker importing them again: ~10 s of CPU per worker saved."""
    get_mp_context()  # lets distributed set its own preload list first, so it will not undo ours
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", __name__])


@contextmanager
def dask_client(scheduler: str | None = None, n_workers: int = 2) -> Iterator[Client]:
    """get_client as a context manager: closes the client, and the local cluster if it made one."""
    client = get_client(scheduler, n_workers)
    cluster = client.cluster if scheduler is None else None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _client_or_local(client: Client | None) -> Iterator[Client]:
    """The given client, else a temporary local cluster for the duration of one call."""
    if client is not None:
        yield client
        return
    with dask_client() as local:
        yield local


def _scatter_partitions(client: Client, items: Sequence[T], partition_size: int) -> list[Future]:
    """In-memory items sent to the workers as data, one future per partition (a bag built
    from them with db.from_delayed runs only while the caller holds these futures)."""
    chunks = [list(items[i : i + partition_size]) for i in range(0, len(items), partition_size)]
    return client.scatter(chunks)


def _check_partition_size(partition_size: int) -> None:
    """Fail early on a partition size that is not a positive integer."""
    if not isinstance(partition_size, int) or partition_size < 1:
        raise ParameterError("partition_size", partition_size, "an integer >= 1")


# ---------------------------------------------------------------------------- stage 1: ingest


def _read_one(path: str, max_bytes: int, cache: JsonCache | None) -> ingest.ReadArticle:
    """Pass 1 on a worker: the worker reads the file itself (only the path travels)."""
    return ingest.read_article(Path(path), max_bytes, cache)


def _count_keys(reads: Iterable[ingest.ReadArticle]) -> Counter[str]:
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
    read: ingest.ReadArticle,
    repeated: frozenset[str],
    source_rows: dict[str, SourceRow],
    relevance_threshold: float,
    cache: JsonCache | None,
) -> dict[str, object]:
    """Pass 2 on a worker: the article's row."""
    source = source_rows.get(read.file)
    return ingest.describe_article(read, repeated, source, relevance_threshold, cache)


def _decode_summary(read: ingest.ReadArticle) -> ingest.ReadArticle:
    """What assemble needs of a read (file, problems): the text stays on the worker."""
    return replace(read, text=None, html_meta={}, keys=frozenset())


def ingest_corpus_dask(
    raw_dir: Path,
    relevance_threshold: float = 0.5,
    duplicate_threshold: float = 0.8,
    max_bytes: int = config.MAX_FILE_BYTES,
    cache_dir: Path | None = None,
    client: Client | None = None,
    partition_size: int = INGEST_PARTITION,
) -> ingest.IngestResult:
    """ingest.ingest_corpus on a Dask cluster: both per-article passes run as a bag on the
    workers, the repeated blocks are reduced from per-partition counts, duplicates on the client."""
    _check_partition_size(partition_size)
    raw_dir = Path(raw_dir)
    paths, skipped = ingest.list_inputs(raw_dir)
    source_rows, source_problems = read_sources(raw_dir, [p.name for p in paths])
    read_cache, describe_cache = ingest.ingest_cache(cache_dir)
    if not paths:
        return ingest.assemble([], [], skipped, source_problems, duplicate_threshold)
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
    with _client_or_local(client) as active:
        row_list, summaries = active.gather(active.compute([rows, reads.map(_decode_summary)]))
    logger.info("ingest (dask): %d files in %d partitions", len(paths), files.npartitions)
    return ingest.assemble(row_list, summaries, skipped, source_problems, duplicate_threshold)


# ---------------------------------------------------------------------------- stage 3: timeline


def _events_partition(
    records: Iterable[extraction.ArticleRecord], cache_dir: Path | None
) -> list[extraction.PartEvents]:
    """One bag partition of stage 3: NER (model cached per worker), events and actors."""
    return extraction.extract_records(list(records), cache_dir)


def timeline_tables_dask(
    articles: pd.DataFrame,
    date_from: str | None = None,
    date_to: str | None = None,
    cache_dir: Path | None = None,
    client: Client | None = None,
    partition_size: int = NER_PARTITION,
) -> extraction.TimelineTables:
    """extraction.build_timeline_tables on a Dask cluster: NER, events and actor mentions per
    partition on the workers; merging into the timeline on the client."""
    _check_partition_size(partition_size)
    records = extraction.article_records(articles)
    parts: list[extraction.PartEvents] = []
    if records:
        with _client_or_local(client) as active:
            scattered = _scatter_partitions(active, records, partition_size)
            bag = db.from_delayed(scattered).map_partitions(_events_partition, cache_dir)
            parts = active.gather(active.compute(bag))
    return extraction.timeline_from_parts(articles, parts, date_from, date_to)


# ---------------------------------------------------------------------------- stage 2: themes


def prepared_features(prepared: str) -> list[str]:
    """Terms of a prepared text as themes.py counts them: each word, and each bigram of two
    different consecutive words within one phrase (one phrase per line)."""
    features: list[str] = []
    for line in prepared.split("\n"):
        words = line.split()
        features.extend(words)
        features.extend(f"{a} {b}" for a, b in pairwise(words) if a != b)
    return features


def _single_term(term: str) -> list[str]:
    """Analyzer that hashes a term as it is (to find the column of a known term)."""
    return [term]


def _hasher(analyzer: object = prepared_features) -> HashingVectorizer:
    """The stateless vectorizer shared by workers and client: raw counts, no sign flipping."""
    return HashingVectorizer(
        n_features=N_FEATURES, alternate_sign=False, norm=None, analyzer=analyzer
    )


def _hashed_counts(docs: Iterable[tuple[str, str]]) -> list[sparse.csr_matrix]:
    """Counts of one partition's (text, language) documents over the hashed columns."""
    prepared = [themes.prepare_text(text, language) for text, language in docs]
    return [sparse.csr_matrix(_hasher().transform(prepared), dtype=np.float64)]


def _column_stats(counts: Iterable[sparse.csr_matrix]) -> tuple[int, np.ndarray, np.ndarray]:
    """Documents, document frequency and total count of each column in one partition."""
    n_docs, df, totals = 0, np.zeros(N_FEATURES), np.zeros(N_FEATURES)
    for matrix in counts:
        n_docs += matrix.shape[0]
        df += np.bincount(matrix.indices, minlength=N_FEATURES)
        totals += np.asarray(matrix.sum(axis=0)).ravel()
    return n_docs, df, totals


def _sum_stats(
    parts: Iterable[tuple[int, np.ndarray, np.ndarray]],
) -> tuple[int, np.ndarray, np.ndarray]:
    """Sum the partitions' column statistics (also applied to its own results in a tree)."""
    n_docs, df, totals = 0, np.zeros(N_FEATURES), np.zeros(N_FEATURES)
    for part_docs, part_df, part_totals in parts:
        n_docs, df, totals = n_docs + part_docs, df + part_df, totals + part_totals
    return n_docs, df, totals


def kept_columns(df: np.ndarray, totals: np.ndarray, n_docs: int, max_features: int) -> np.ndarray:
    """Columns kept as themes.py prunes terms: document-frequency limits (relaxed when nothing
    survives them), then the max_features most frequent; sorted column indices."""
    for min_df, max_df in ((themes._min_df(n_docs), themes._max_df(n_docs)), (1, 1.0)):
        keep = np.flatnonzero((df >= min_df) & (df <= max_df * n_docs) & (df > 0))
        if keep.size:
            break
    if keep.size > max_features:
        best = keep[np.lexsort((keep, -totals[keep]))[:max_features]]
        keep = np.sort(best)
    return keep


def smooth_idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """scikit-learn's smoothed idf: ln((1 + n) / (1 + df)) + 1."""
    return np.log((1.0 + n_docs) / (1.0 + df)) + 1.0


def _tfidf_rows(counts: sparse.csr_matrix, keep: np.ndarray, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear, l2-normalised TF-IDF rows of one partition, on the kept columns."""
    rows = sparse.csr_matrix(counts[:, keep], dtype=np.float64)
    rows.data = 1.0 + np.log(rows.data)
    rows = sparse.csr_matrix(rows.multiply(idf[np.newaxis, :]))
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sparse.csr_matrix(sparse.diags(scale) @ rows, dtype=np.float32)


def _sample_rows(n_docs: int, limit: int = VOCABULARY_SAMPLE) -> list[int]:
    """Evenly spread rows of the vocabulary sample (all rows for small corpora)."""
    if n_docs <= limit:
        return list(range(n_docs))
    return np.unique(np.linspace(0, n_docs - 1, limit).round().astype(int)).tolist()


def column_names(
    texts: Sequence[str], languages: Sequence[str], keep: np.ndarray
) -> tuple[list[str], list[str]]:
    """Term and written form of each kept column, from the terms of a sample of documents
    hashed with the same vectorizer ("" for a column no sample term falls in)."""
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for text, language in zip(texts, languages, strict=True):
        body, forms = themes._prepare(text, language)
        counts.update(prepared_features(body))
        written.setdefault(language, Counter()).update(forms)
    terms = sorted(counts, key=lambda t: (-counts[t], t))  # a collision keeps the commoner term
    columns = _hasher(_single_term).transform(terms).indices if terms else np.zeros(0, dtype=int)
    name_of: dict[int, str] = {}
    for term, column in zip(terms, columns.tolist(), strict=True):
        name_of.setdefault(column, term)
    names = [name_of.get(column, "") for column in keep.tolist()]
    forms_of = themes._surface_forms(written)
    surface = [forms_of.get(t) or " ".join(forms_of.get(w, w) for w in t.split()) for t in names]
    return names, surface


def _documents(core: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Texts and two-letter languages of the articles, as themes.fit_themes reads them."""
    texts = core["text"].fillna("").astype(str).tolist()
    if "language" not in core.columns:
        return texts, ["fr"] * len(texts)
    return texts, [themes._language_key(v) for v in core["language"]]


def fit_themes_dask(
    core: pd.DataFrame,
    client: Client,
    n_themes: int | None = None,
    random_state: int = 42,
    max_features: int = 20000,
    partition_size: int = THEMES_PARTITION,
) -> themes.ThemeModel:
    """themes.fit_themes with a hashed TF-IDF built on the workers; NMF on the client."""
    themes._check_articles(core)
    if n_themes is not None and n_themes < 1:
        raise ParameterError("n_themes", n_themes, "None or an integer >= 1")
    files = core["file"].astype(str).tolist()
    texts, languages = _documents(core)
    if not files:
        return themes._empty_model(files)
    scattered = _scatter_partitions(
        client, list(zip(texts, languages, strict=True)), partition_size
    )
    counts = client.persist(db.from_delayed(scattered).map_partitions(_hashed_counts))
    n_docs, df, totals = client.compute(counts.reduction(_column_stats, _sum_stats)).result()
    keep = kept_columns(df, totals, n_docs, max_features)
    if keep.size == 0:
        return themes._empty_model(files)
    sample = _sample_rows(len(texts))
    names, surface = column_names([texts[i] for i in sample], [languages[i] for i in sample], keep)
    # Columns in themes.py's order (alphabetical terms): NMF's nndsvda start depends on it.
    order = sorted(range(keep.size), key=lambda i: (not names[i], names[i], keep[i]))
    keep = keep[order]
    idf = dask.delayed(smooth_idf(df[keep], n_docs))
    tfidf = counts.map(_tfidf_rows, keep=dask.delayed(keep), idf=idf)
    matrix = sparse.csr_matrix(sparse.vstack(client.compute(tfidf).result()), dtype=np.float32)
    columns = [names[i] for i in order]
    return themes.themes_from_matrix(
        themes.weigh_names(matrix, columns, languages),
        columns,
        [surface[i] for i in order],
        totals[keep],
        core,
        n_themes,
        random_state,
    )


def theme_tables_dask(
    articles: pd.DataFrame,
    n_themes: int | None = None,
    random_state: int = 42,
    client: Client | None = None,
    partition_size: int = THEMES_PARTITION,
) -> theming.ThemeTables:
    """theming.build_theme_tables with the themes fitted by fit_themes_dask."""
    _check_partition_size(partition_size)
    core = core_articles(articles)
    with _client_or_local(client) as active:
        model = fit_themes_dask(core, active, n_themes, random_state, partition_size=partition_size)
    return theming.tables_from_model(model, core)
