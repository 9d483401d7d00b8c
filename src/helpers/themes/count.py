"""How many themes: the number whose NMF themes part the articles most clearly (silhouette).

For each candidate k, every article goes to its main NMF theme, and the silhouette of that
partition is measured in the TF-IDF space (cosine; Rousseeuw, "Silhouettes", 1987): how much
closer each article is to the articles of its own theme than to those of the nearest other theme.
A k that merges real groups leaves unlike articles together, a k that splits one cuts like
articles apart; both lower the silhouette. The largest theme must stay under half of the articles.
The silhouette is averaged over a few refits from different seeds: one fit's silhouette moves
with the seed where the curve is flat, and so did the chosen k. The refits' agreement (ARI
between their partitions) is kept in the curve.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from itertools import combinations
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.metrics.pairwise import cosine_distances

from helpers.errors import ParameterError

MIN_THEMES = 2
MAX_THEMES = 12
# A theme should gather at least this many articles on average.
MIN_DOCS_PER_THEME = 2
# The largest theme must hold less than this share of the articles (unless no k does).
MAX_LARGEST_SHARE = 0.5
# Larger corpora are measured on an even sample of this many articles (REFITS fits per k;
# 150 made the refits cost more than half of the themes' fit at 1,000 articles).
SAMPLE_DOCS = 100
# ... and on the sample's most widespread terms.
SAMPLE_TERMS = 400
# The fits per k stop earlier than the themes' own fit: only each article's main theme counts.
FIT_TOL = 1e-2
FIT_MAX_ITER = 100
# Fits per k, from seeds random_state, random_state + 1, ...: with 3, the k chosen on the
# evaluation pages still moved with the seed; with 5 it did not.
REFITS = 5


@dataclass(frozen=True)
class ThemeCount:
    """The number of themes chosen and the criterion's curve (k, silhouette, agreement,
    largest_share)."""

    k: int
    curve: pd.DataFrame


def candidate_counts(n_docs: int) -> list[int]:
    """Numbers of themes tried for a corpus: 2 to 12, at least two articles a theme."""
    if n_docs < 0:
        raise ParameterError("n_docs", n_docs, "an integer >= 0")
    return list(range(MIN_THEMES, min(MAX_THEMES, n_docs // MIN_DOCS_PER_THEME) + 1))


def contributions(doc_topic: np.ndarray, components: np.ndarray) -> np.ndarray:
    """How much of each article each theme explains: w_dk * |h_k|, the size of theme k's part
    of article d's reconstruction. NMF leaves each theme's scale free (w/c and c*h fit as well
    as w and h), so its raw document weights compare themes on arbitrary scales."""
    return doc_topic * np.linalg.norm(components, axis=1)[None, :]


def _main_themes(matrix: sparse.csr_matrix, k: int, random_state: int) -> np.ndarray:
    """Each article's main theme in a k-theme NMF fit (the themes' own start, a looser stop):
    the theme that explains most of it."""
    model = NMF(
        n_components=k,
        init="nndsvda",
        random_state=random_state,
        tol=FIT_TOL,
        max_iter=FIT_MAX_ITER,
    )
    with warnings.catch_warnings(), np.errstate(invalid="ignore"):
        warnings.simplefilter("ignore", ConvergenceWarning)
        doc_topic = np.asarray(model.fit_transform(matrix))
    return contributions(doc_topic, model.components_).argmax(axis=1)


class Separation(NamedTuple):
    """How clearly k themes part the articles, over the refits."""

    silhouette: float
    largest_share: float
    agreement: float


def separation(
    matrix: sparse.csr_matrix, k: int, random_state: int = 42, refits: int = REFITS
) -> Separation:
    """Mean silhouette (-1..1, cosine) of the articles' main themes over `refits` k-theme fits
    (seeds random_state, random_state + 1, ...), the largest theme's mean share of the
    articles, and the mean ARI between the refits' partitions (1: the same themes each time)."""
    if refits < 1:
        raise ParameterError("refits", refits, "an integer >= 1")
    distances = cosine_distances(matrix)  # once for all the refits
    silhouettes, shares, partitions = [], [], []
    for seed in range(random_state, random_state + refits):
        main = _main_themes(matrix, k, seed)
        sizes = np.bincount(main, minlength=k)
        used = (sizes > 0).sum()
        score = silhouette_score(distances, main, metric="precomputed") if used > 1 else -1.0
        silhouettes.append(float(score))
        shares.append(float(sizes.max() / matrix.shape[0]))
        partitions.append(main)
    pairs = [adjusted_rand_score(a, b) for a, b in combinations(partitions, 2)]
    return Separation(
        float(np.mean(silhouettes)), float(np.mean(shares)), float(np.mean(pairs)) if pairs else 1.0
    )


def _sample(matrix: sparse.csr_matrix, rows: int, columns: int) -> sparse.csr_matrix:
    """Evenly spread rows of a large matrix, on the columns most of these rows use."""
    if matrix.shape[0] > rows:
        matrix = matrix[np.unique(np.linspace(0, matrix.shape[0] - 1, rows).round().astype(int))]
    df = np.asarray(matrix.getnnz(axis=0))
    used = np.sort(np.argsort(-df, kind="stable")[: min(columns, int((df > 0).sum()))])
    return sparse.csr_matrix(matrix[:, used])


def choose_count(matrix: sparse.csr_matrix, random_state: int = 42) -> ThemeCount:
    """The number of themes with the best mean silhouette over refits for a TF-IDF matrix among
    those whose largest theme holds less than half of the articles (one theme below four)."""
    candidates = candidate_counts(matrix.shape[0])
    if len(candidates) <= 1 or matrix.shape[1] < MIN_THEMES:
        k = candidates[0] if candidates and matrix.shape[1] >= MIN_THEMES else 1
        return ThemeCount(
            k,
            pd.DataFrame(
                {"k": [k], "silhouette": [np.nan], "agreement": [np.nan], "largest_share": [np.nan]}
            ),
        )
    sample = _sample(matrix, SAMPLE_DOCS, SAMPLE_TERMS)
    candidates = [k for k in candidates if k <= min(sample.shape)]
    measured = [separation(sample, k, random_state) for k in candidates]
    curve = pd.DataFrame(
        {
            "k": candidates,
            "silhouette": [m.silhouette for m in measured],
            "agreement": [m.agreement for m in measured],
            "largest_share": [m.largest_share for m in measured],
        }
    )
    # A k whose largest theme holds half the articles lumps groups together; it wins only when
    # no k splits the corpus (one subject).
    balanced = curve[curve["largest_share"] < MAX_LARGEST_SHARE]
    pool = balanced if not balanced.empty else curve
    best = int(pool.loc[pool["silhouette"].idxmax(), "k"])
    return ThemeCount(best, curve)
