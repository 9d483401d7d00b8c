"""Number of themes: the candidates tried, the silhouette of a partition, the choice."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from helpers.errors import ParameterError
from helpers.themes.count import REFITS, candidate_counts, choose_count, contributions, separation


@pytest.mark.parametrize(
    ("n_docs", "expected"),
    [
        (0, []),
        (3, []),
        (4, [2]),
        (9, [2, 3, 4]),
        (40, list(range(2, 13))),
        (10**5, list(range(2, 13))),
    ],
    ids=["empty", "three", "four", "nine", "forty", "large"],
)
def test_candidate_counts(n_docs: int, expected: list[int]) -> None:
    assert candidate_counts(n_docs) == expected


def test_candidate_counts_rejects_negative() -> None:
    with pytest.raises(ParameterError):
        candidate_counts(-1)


def block_corpus(groups: int, per_group: int = 6, words: int = 8) -> sparse.csr_matrix:
    """Documents made of their group's own words (and one word every document shares)."""
    rng = np.random.default_rng(0)
    rows = []
    for g in range(groups):
        for _ in range(per_group):
            row = np.zeros(groups * words + 1)
            row[g * words + rng.choice(words, size=5, replace=False)] = rng.uniform(0.5, 1, 5)
            row[-1] = 0.3
            rows.append(row / np.linalg.norm(row))
    return sparse.csr_matrix(np.array(rows))


@pytest.mark.parametrize("groups", [3, 5, 7], ids=["three_groups", "five_groups", "seven_groups"])
def test_choose_count_finds_the_groups(groups: int) -> None:
    chosen = choose_count(block_corpus(groups))
    assert chosen.k == groups
    assert chosen.curve["k"].tolist() == candidate_counts(groups * 6)
    assert chosen.curve["silhouette"].between(-1, 1).all()
    assert chosen.curve["agreement"].between(-1, 1).all()
    assert chosen.curve.set_index("k").at[groups, "largest_share"] < 0.5
    assert chosen.curve.set_index("k").at[groups, "agreement"] == pytest.approx(1.0)


@pytest.mark.parametrize("seed", [0, 1, 7, 42], ids=["seed_0", "seed_1", "seed_7", "seed_42"])
def test_chosen_count_does_not_move_with_the_seed(seed: int) -> None:
    assert choose_count(block_corpus(5, per_group=5), random_state=seed).k == 5


@pytest.mark.parametrize(
    ("refits", "agreement"),
    [(1, 1.0), (REFITS, 1.0)],
    ids=["one_fit_agrees_with_itself", "refits_of_clear_groups_agree"],
)
def test_separation_agreement(refits: int, agreement: float) -> None:
    assert separation(block_corpus(3), 3, refits=refits).agreement == pytest.approx(agreement)


def test_separation_rejects_no_refit() -> None:
    with pytest.raises(ParameterError):
        separation(block_corpus(3), 3, refits=0)


def test_tiny_corpus_has_one_theme() -> None:
    chosen = choose_count(block_corpus(1, per_group=3))
    assert chosen.k == 1 and chosen.curve["silhouette"].isna().all()


@pytest.mark.parametrize(
    ("k", "best"),
    [(2, False), (4, True), (6, False)],
    ids=["merges_groups", "the_groups", "splits_groups"],
)
def test_separation_is_best_at_the_groups(k: int, best: bool) -> None:
    corpus = block_corpus(4)
    scores = {n: separation(corpus, n)[0] for n in (2, 4, 6)}
    assert (scores[k] == max(scores.values())) is best
    assert separation(corpus, 4)[1] == pytest.approx(0.25)


def test_an_article_goes_to_the_theme_that_explains_most_of_it() -> None:
    # Theme 0 has the larger raw weight, but theme 1's terms weigh four times more.
    doc_topic = np.array([[0.2, 0.1]])
    components = np.array([[0.6, 0.8, 0.0], [0.0, 0.0, 4.0]])
    assert contributions(doc_topic, components).argmax(axis=1).tolist() == [1]


def test_contributions_do_not_depend_on_the_scale_nmf_gives_a_theme() -> None:
    rng = np.random.default_rng(0)
    doc_topic, components = rng.random((6, 3)), rng.random((3, 8))
    scale = np.array([0.1, 1.0, 25.0])
    rescaled = contributions(doc_topic / scale, components * scale[:, None])
    assert np.allclose(rescaled, contributions(doc_topic, components))
