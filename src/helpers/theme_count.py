"""How many themes: the number whose NMF themes come back the same when the corpus is resampled.

Term stability (Greene, O'Callaghan and Cunningham, "How many topics? Stability analysis for
topic models", 2014): for each candidate k, the themes fitted on the corpus are compared with
those fitted on random 80 % subsamples; two themes agree as much as their ten top terms overlap
(Jaccard), matched one to one. A k that splits or merges real groups gives themes that change
from one subsample to the next; the k whose themes come back is the one the data supports.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning

from helpers.errors import ParameterError

MIN_THEMES = 2
MAX_THEMES = 12
# A theme should gather at least this many articles on average.
MIN_DOCS_PER_THEME = 2
REFITS = 2
# The largest theme must hold less than this share of the articles (unless no k does).
MAX_LARGEST_SHARE = 0.5
SUBSAMPLE_SHARE = 0.8
TOP_N = 10
# Larger corpora are measured on an even sample of this many articles (the refits dominate).
SAMPLE_DOCS = 150
# ... and on the sample's most widespread terms (a theme's top terms are among them).
SAMPLE_TERMS = 400
# The refits stop earlier than the themes' own fit: only their top terms are compared.
REFIT_TOL = 1e-2
REFIT_MAX_ITER = 100


@dataclass(frozen=True)
class ThemeCount:
    """The number of themes chosen and the criterion's curve (k, stability)."""

    k: int
    curve: pd.DataFrame


def candidate_counts(n_docs: int) -> list[int]:
    """Numbers of themes tried for a corpus: 2 to 12, at least two articles a theme."""
    if n_docs < 0:
        raise ParameterError("n_docs", n_docs, "an integer >= 0")
    return list(range(MIN_THEMES, min(MAX_THEMES, n_docs // MIN_DOCS_PER_THEME) + 1))


def _nmf(matrix: sparse.csr_matrix, k: int, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """Document-theme and theme-term weights of an NMF fit (the themes' own start, a looser
    stop)."""
    model = NMF(
        n_components=k,
        init="nndsvda",
        random_state=random_state,
        tol=REFIT_TOL,
        max_iter=REFIT_MAX_ITER,
    )
    with warnings.catch_warnings(), np.errstate(invalid="ignore"):
        warnings.simplefilter("ignore", ConvergenceWarning)
        doc_topic = model.fit_transform(matrix)
    return np.asarray(doc_topic), np.asarray(model.components_)


def _top_sets(components: np.ndarray) -> list[set[int]]:
    """The TOP_N strongest terms of each theme."""
    return [set(np.argsort(-row, kind="stable")[:TOP_N].tolist()) for row in components]


def agreement(first: list[set[int]], second: list[set[int]]) -> float:
    """Mean Jaccard overlap of two sets of themes' top terms, matched one to one."""
    jaccard = np.array([[len(a & b) / max(len(a | b), 1) for b in second] for a in first])
    rows, cols = linear_sum_assignment(jaccard, maximize=True)
    return float(jaccard[rows, cols].sum() / len(first))


def term_stability(
    matrix: sparse.csr_matrix, k: int, random_state: int = 42, refits: int = REFITS
) -> tuple[float, float]:
    """Agreement (0..1) of the k themes of the corpus with those of random 80 % subsamples,
    and the share of the articles the largest of these k themes holds."""
    doc_topic, components = _nmf(matrix, k, random_state)
    reference = _top_sets(components)
    largest = float(np.bincount(doc_topic.argmax(axis=1), minlength=k).max() / matrix.shape[0])
    rng = np.random.default_rng(random_state)
    n_docs = matrix.shape[0]
    size = max(k, round(SUBSAMPLE_SHARE * n_docs))
    scores = []
    for _ in range(refits):
        rows = np.sort(rng.choice(n_docs, size=size, replace=False))
        scores.append(agreement(reference, _top_sets(_nmf(matrix[rows], k, random_state)[1])))
    return float(np.mean(scores)), largest


def _sample(matrix: sparse.csr_matrix, rows: int, columns: int) -> sparse.csr_matrix:
    """Evenly spread rows of a large matrix, on the columns most of these rows use."""
    if matrix.shape[0] > rows:
        matrix = matrix[np.unique(np.linspace(0, matrix.shape[0] - 1, rows).round().astype(int))]
    df = np.asarray(matrix.getnnz(axis=0))
    used = np.sort(np.argsort(-df, kind="stable")[: min(columns, int((df > 0).sum()))])
    return sparse.csr_matrix(matrix[:, used])


def choose_count(matrix: sparse.csr_matrix, random_state: int = 42) -> ThemeCount:
    """The most stable number of themes for a TF-IDF matrix among those whose largest theme
    holds less than half of the articles (one theme below four articles)."""
    candidates = candidate_counts(matrix.shape[0])
    if len(candidates) <= 1 or matrix.shape[1] < MIN_THEMES:
        k = candidates[0] if candidates and matrix.shape[1] >= MIN_THEMES else 1
        return ThemeCount(
            k, pd.DataFrame({"k": [k], "stability": [np.nan], "largest_share": [np.nan]})
        )
    sample = _sample(matrix, SAMPLE_DOCS, SAMPLE_TERMS)
    candidates = [k for k in candidates if k <= min(sample.shape)]
    measured = [term_stability(sample, k, random_state) for k in candidates]
    curve = pd.DataFrame(
        {
            "k": candidates,
            "stability": [m[0] for m in measured],
            "largest_share": [m[1] for m in measured],
        }
    )
    # A k whose largest theme holds half the articles lumps groups together (a few broad
    # themes are always stable); it wins only when no k splits the corpus (one subject).
    balanced = curve[curve["largest_share"] < MAX_LARGEST_SHARE]
    pool = balanced if not balanced.empty else curve
    best = int(pool.loc[pool["stability"].idxmax(), "k"])
    return ThemeCount(best, curve)
