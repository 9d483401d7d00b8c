"""Themes on the themed corpus (tests/themed_corpus.py): French and English articles in eight
known groups, two of them sharing most of their words."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from helpers.text.stopwords import spacy_stop_words
from helpers.themes.model import (
    NAME_WEIGHT,
    fit_themes,
    language_bound,
    name_weights,
    shown_terms,
    theme_labels,
)
from themed_corpus import GROUPS, themed_articles


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return themed_articles()


@pytest.fixture(scope="module")
def model(articles: pd.DataFrame):
    return fit_themes(articles, random_state=42)


@pytest.fixture(scope="module")
def mains(model, articles: pd.DataFrame) -> pd.DataFrame:
    main = model.doc_themes.loc[model.doc_themes["is_main"], ["file", "theme_id"]]
    return articles.merge(main, on="file", how="left")


def test_corpus_shape(articles: pd.DataFrame) -> None:
    assert len(articles) >= 60
    assert set(articles["language"]) == {"fr", "en"}
    assert articles.groupby("topic").size().min() >= 6


def test_number_of_themes_is_the_number_of_groups(model) -> None:
    assert len(model.themes) == len(GROUPS)
    curve = model.k_curve.set_index("k")["silhouette"]
    assert curve.idxmax() == len(GROUPS)


def test_groups_found(mains: pd.DataFrame) -> None:
    assert adjusted_rand_score(mains["topic"], mains["theme_id"]) >= 0.9
    assert normalized_mutual_info_score(mains["topic"], mains["theme_id"]) >= 0.9


def test_language_is_not_a_theme(mains: pd.DataFrame) -> None:
    by_group = mains.groupby("topic")["theme_id"].agg(lambda s: s.mode().iloc[0])
    english = mains[mains["language"] == "en"]
    assert (
        english["theme_id"].to_numpy() == english["topic"].map(by_group).to_numpy()
    ).mean() >= 0.9


def test_no_theme_swallows_the_corpus(model) -> None:
    assert model.themes["share"].max() < 0.5


@pytest.mark.parametrize(
    "label",
    ["GITEX Africa", "Assises nationales de l'IA", "Maroc Digital 2030", "Instituts Jazari"],
)
def test_named_events_and_programmes_label_their_theme(model, label: str) -> None:
    assert label in model.themes["label"].tolist()


def test_labels_are_short_distinct_and_french(model) -> None:
    labels = model.themes["label"]
    assert labels.is_unique
    assert all(len(label.split()) <= 6 for label in labels)
    assert not any(word in label for label in labels for word in ("Conference", "Digital Morocco"))
    stops = spacy_stop_words("fr") | spacy_stop_words("en")
    assert not [label for label in labels if label.split()[0].lower() in stops]


def test_top_terms_hold_no_stop_word(model) -> None:
    stops = spacy_stop_words("fr") | spacy_stop_words("en")
    words = [w for terms in model.themes["top_terms"] for t in terms for w in t.lower().split()]
    assert words and not [w for w in words if w in stops]


def test_words_every_article_shares_are_not_top_terms(model) -> None:
    terms = {t.lower() for terms in model.themes["top_terms"] for t in terms}
    assert not terms & {"ia", "maroc", "numérique", "intelligence artificielle"}


@pytest.mark.parametrize(
    ("ranked", "expected"),
    [
        ([["GITEX Africa", "salon"]], ["GITEX Africa"]),
        ([["Rabat", "UNESCO", "GITEX Africa"]], ["GITEX Africa"]),
        ([["éthique", "UNESCO", "biais"]], ["UNESCO et éthique"]),
        ([["IA générative", "DGSSI", "banques"]], ["IA générative"]),
        ([["Égypte", "règlement européen sur l'IA", "calcul"]], ["Règlement européen sur l'IA"]),
        ([["Rwanda", "Kigali", "sommet", "CNDP", "Huawei"]], ["Kigali et sommet"]),
        ([["CNDP", "DGSSI", "Huawei"]], ["CNDP"]),
        ([["Rwanda", "France"]], ["Rwanda"]),
        ([["CNDP"]], ["CNDP"]),
        ([["accord", "protocole d'accord", "Huawei"]], ["Huawei et accord"]),
        ([["accord", "protocole d'accord"]], ["Protocole d'accord"]),
        (
            [["UNESCO", "évaluation de l'état de préparation", "éthique"]],
            ["UNESCO et éthique"],
        ),
        ([[]], ["Thème sans mots-clés"]),
        (
            [["éthique", "UNESCO"], ["éthique", "UNESCO", "biais"]],
            ["UNESCO et éthique", "UNESCO et biais"],
        ),
        ([["GITEX Africa"], ["GITEX Africa"]], ["GITEX Africa", "GITEX Africa (2)"]),
    ],
    ids=[
        "event_alone",
        "event_beats_stronger_names",
        "name_and_common_noun",
        "noun_phrase_alone",
        "elided_ia_is_no_name",
        "places_left_out",
        "never_two_names",
        "place_when_nothing_else",
        "single_term",
        "no_word_said_twice",
        "phrase_over_its_word",
        "at_most_six_words",
        "no_term",
        "repeat_takes_next",
        "numbered",
    ],
)
def test_theme_labels(ranked: list[list[str]], expected: list[str]) -> None:
    assert theme_labels(ranked) == expected


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["fr", "fr", "fr", "en"], [False, False, True, False]),
        (["fr", "fr", "fr", "fr"], [False, False, False, False]),
        (["en", "en", "en", "fr"], [False, False, True, False]),
        (["fr", "fr", "en", "en"], [False, False, False, False]),
    ],
    ids=["minority_english_word_dropped", "one_language", "minority_french_word", "halves"],
)
def test_language_bound(languages: list[str], expected: list[bool]) -> None:
    vocabulary = ["sante", "ia", "tools", "transition_numerique"]
    # Columns: a word of two French articles, a shared word, an English-only word, and an
    # English-only glossary feature (bilingual by construction: kept).
    counts = sparse.csr_matrix(
        np.array([[1, 1, 0, 0], [1, 1, 0, 0], [0, 1, 0, 0], [0, 1, 2, 1]], dtype=float)
    )
    assert language_bound(counts, vocabulary, languages).tolist() == expected


@pytest.mark.parametrize(
    ("term", "weight"),
    [
        ("gitex_africa", NAME_WEIGHT),
        ("unesco", NAME_WEIGHT),
        ("assise_national_ia", NAME_WEIGHT),
        ("apprentissage_automatique", 1.0),
        ("ia_generatif", 1.0),
        ("ethique_ia", 1.0),
        ("salon", 1.0),
        ("", 1.0),
    ],
    ids=[
        "event",
        "institution",
        "named_event_of_words",
        "glossary_common_noun",
        "kind_of_ai",
        "noun_of_ai",
        "word",
        "unnamed",
    ],
)
def test_name_weights(term: str, weight: float) -> None:
    assert name_weights([term], ["fr", "en"]).tolist() == [weight]


@pytest.mark.parametrize(
    ("term", "form", "shown"),
    [
        ("unesco", "UNESCO", True),
        ("gitex_africa", "GITEX Africa", True),
        ("enquete", "enquête", True),
        ("convention signer", "convention signée", True),
        ("maroc", "Maroc", False),
        ("ia", "IA", False),
        ("numerique", "numérique", False),
        ("necessiter", "nécessite", False),
        ("enquete mener", "enquête menée", False),
        ("", "", False),
    ],
    ids=[
        "institution",
        "event",
        "noun",
        "participle_as_adjective",
        "country_of_the_corpus",
        "subject_of_the_corpus",
        "digital_of_the_corpus",
        "verb",
        "phrase_ending_in_a_verb",
        "unnamed_column",
    ],
)
def test_shown_terms(term: str, form: str, shown: bool) -> None:
    assert shown_terms([term], [form]).tolist() == [shown]
