"""Stage 2 on a Dask cluster: the themes fitted on a hashed TF-IDF built by the workers.

themes.fit_themes's model, computed with a stateless vectorizer so that each partition counts
its terms on its own; the vocabulary is named from a sample, the NMF runs on the client.
stage.run_stage picks it when the parameters ask for the Dask engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

import dask
import dask.bag as db
import numpy as np
import pandas as pd
from distributed import Client
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from helpers.compute import dask_engine
from helpers.errors import ParameterError
from helpers.themes import model as themes

# Documents per TF-IDF partition.
PARTITION = 500
# Hashed feature space of the TF-IDF: a kept term shares its column with another term (a
# collision) in under 2% of the kept columns (see tests/test_dask_engine.py).
N_FEATURES = 2**20
# Documents whose terms name the hashed columns (columns unseen there stay unnamed).
VOCABULARY_SAMPLE = 2000


def prepared_features(prepared: str) -> list[str]:
    """Terms of a prepared text as model.py counts them: each word, and each bigram of two
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
    """Columns kept as model.py prunes terms: document-frequency limits (relaxed when nothing
    survives them), then the max_features most frequent; sorted column indices."""
    limits = (themes.min_doc_frequency(n_docs), themes.max_doc_frequency(n_docs))
    for min_df, max_df in (limits, (1, 1.0)):
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
        body, forms = themes.prepare_with_forms(text, language)
        counts.update(prepared_features(body))
        written.setdefault(language, Counter()).update(forms)
    terms = sorted(counts, key=lambda t: (-counts[t], t))  # a collision keeps the commoner term
    columns = _hasher(_single_term).transform(terms).indices if terms else np.zeros(0, dtype=int)
    name_of: dict[int, str] = {}
    for term, column in zip(terms, columns.tolist(), strict=True):
        name_of.setdefault(column, term)
    names = [name_of.get(column, "") for column in keep.tolist()]
    forms_of = themes.surface_forms(written)
    surface = [forms_of.get(t) or " ".join(forms_of.get(w, w) for w in t.split()) for t in names]
    return names, surface


def _documents(core: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Texts and two-letter languages of the articles, as themes.fit_themes reads them."""
    texts = core["text"].fillna("").astype(str).tolist()
    if "language" not in core.columns:
        return texts, ["fr"] * len(texts)
    return texts, [themes.language_key(v) for v in core["language"]]


def fit_themes_dask(
    core: pd.DataFrame,
    client: Client,
    n_themes: int | None = None,
    random_state: int = 42,
    max_features: int = 20000,
    partition_size: int = PARTITION,
) -> themes.ThemeModel:
    """themes.fit_themes with a hashed TF-IDF built on the workers; NMF on the client."""
    dask_engine.check_partition_size(partition_size)
    themes.check_articles(core)
    if n_themes is not None and n_themes < 1:
        raise ParameterError("n_themes", n_themes, "None or an integer >= 1")
    files = core["file"].astype(str).tolist()
    texts, languages = _documents(core)
    if not files:
        return themes.empty_model(files)
    scattered = dask_engine.scatter_partitions(
        client, list(zip(texts, languages, strict=True)), partition_size
    )
    counts = client.persist(db.from_delayed(scattered).map_partitions(_hashed_counts))
    n_docs, df, totals = client.compute(counts.reduction(_column_stats, _sum_stats)).result()
    keep = kept_columns(df, totals, n_docs, max_features)
    if keep.size == 0:
        return themes.empty_model(files)
    sample = _sample_rows(len(texts))
    names, surface = column_names([texts[i] for i in sample], [languages[i] for i in sample], keep)
    # Columns in model.py's order (alphabetical terms): NMF's nndsvda start depends on it.
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
