"""Themes: text preparation, NMF themes on a corpus of known topics, periods, word clouds."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from helpers.errors import ParameterError
from helpers.themes import wordclouds
from helpers.themes.model import (
    UNDATED,
    _vectorise,
    fit_themes,
    fold,
    min_doc_frequency,
    period_of,
    prepare_text,
    prepare_with_forms,
    split_lead,
    stop_words,
    theme_terms_by_period,
    themes_from_matrix,
    themes_over_time,
)
from helpers.themes.wordclouds import word_cloud_png, word_cloud_svg

# Teasers, share buttons and bylines as they survive in cleaned bodies.
NOISE = "Lire aussi : cliquez ici pour lire l'article. Publié le 3 mars. Partager sur Facebook."

TOPICS: dict[str, list[str]] = {
    "education": [
        "L'université forme des ingénieurs en intelligence artificielle. Les étudiants suivent "
        "une formation aux compétences numériques et les talents sont recrutés par les écoles.",
        "Les écoles d'ingénieurs ouvrent des masters. La formation des talents et des étudiants "
        "en compétences numériques est une priorité de l'université.",
        "Le ministère finance des bourses pour les étudiants. Les universités veulent retenir "
        "les talents et renforcer la formation des ingénieurs.",
        "Un programme de formation certifiante accueille mille étudiants. Les compétences "
        "acquises à l'université répondent aux besoins des écoles et des talents.",
        "La fuite des talents inquiète les universités. Les ingénieurs formés dans les écoles "
        "partent à l'étranger malgré la formation et les bourses d'étudiants.",
        "Les enseignants de l'université adaptent la formation. Les étudiants et les ingénieurs "
        "développent des compétences recherchées, les écoles attirent les talents.",
    ],
    "football": [
        "L'équipe nationale de football a gagné le match. Les joueurs ont marqué deux buts "
        "devant les supporters au stade et l'entraîneur a salué le championnat.",
        "Le championnat de football reprend. L'entraîneur prépare les joueurs pour le match "
        "au stade, les supporters attendent des buts.",
        "Les supporters ont rempli le stade pour le match. Le gardien et les joueurs de "
        "l'équipe ont encaissé trois buts, l'entraîneur est critiqué.",
        "Le club de football recrute un attaquant. Les joueurs du championnat et l'entraîneur "
        "visent la victoire au prochain match devant les supporters.",
        "La finale du championnat a lieu au stade. L'équipe de football compte sur ses joueurs "
        "et ses buts, les supporters chantent pour l'entraîneur.",
        "Le sélectionneur annonce la liste des joueurs. Le match amical au stade permettra "
        "à l'équipe de football de tester des buteurs devant les supporters.",
    ],
    "water": [
        "La sécheresse menace les récoltes. Les agriculteurs demandent plus d'eau pour "
        "l'irrigation et les barrages sont presque vides cette année.",
        "Le dessalement de l'eau de mer doit soutenir l'agriculture. Les barrages et "
        "l'irrigation goutte-à-goutte aident les agriculteurs face à la sécheresse.",
        "Les nappes phréatiques baissent. La sécheresse oblige les agriculteurs à réduire "
        "l'irrigation, l'eau des barrages est rationnée pour l'agriculture.",
        "Les récoltes de céréales chutent à cause de la sécheresse. L'agriculture pluviale "
        "dépend de l'eau, les barrages et l'irrigation ne suffisent plus.",
        "Une nouvelle station de dessalement fournit de l'eau potable et de l'eau pour "
        "l'irrigation. Les agriculteurs saluent ce soutien à l'agriculture.",
        "Le stress hydrique frappe l'agriculture. Les agriculteurs économisent l'eau, "
        "modernisent l'irrigation et surveillent le niveau des barrages.",
    ],
}
# Noise words that must never reach the top terms (teasers, bylines, French stop words).
FORBIDDEN = ["article", "lire", "cliquez", "publié", "partager", "facebook", "le", "les", "des"]


def corpus(with_noise: bool = True) -> pd.DataFrame:
    """The 18 articles of the three topics, one dated per month, every fourth undated."""
    rows: list[dict[str, object]] = []
    for topic, texts in TOPICS.items():
        for i, text in enumerate(texts):
            number = len(rows)
            rows.append(
                {
                    "file": f"{topic}_{i}.txt",
                    "text": f"{text} {NOISE}" if with_noise else text,
                    "language": "fr",
                    "published": None if number % 4 == 3 else f"2025-{number % 3 + 1:02d}-15",
                    "title": f"{topic.capitalize()} : article {i}",
                    "topic": topic,
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return corpus()


@pytest.fixture(scope="module")
def model(articles: pd.DataFrame):
    return fit_themes(articles, random_state=42)


def main_themes(model, articles: pd.DataFrame) -> pd.DataFrame:
    """file, topic and main theme of each article."""
    main = model.doc_themes.loc[model.doc_themes["is_main"], ["file", "theme_id"]]
    return articles[["file", "topic"]].merge(main, on="file", how="left")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Les données", "fr", "donnee"),
        ("une donnée", "fr", "donnee"),
        ("Souveraineté alimentaire", "fr", "souverainete alimentaire"),
        ("souverainete ALIMENTAIRE", "fr", "souverainete alimentaire"),
        ("L'IA au Maroc", "fr", "ia\nmaroc"),
        ("J'ai lu l'article", "fr", ""),
        ("Cliquez ici pour lire la suite. Publié le 12 mars", "fr", ""),
        ("la chaîne de valeur", "fr", "chaine valeur"),
        ("les talents, les écoles", "fr", "talent\necole"),
        ("The AI models of the data centres", "en", "ia\nmodel\ncentre_donnee"),
        ("Les centres de données de l'IA", "fr", "centre_donnee\nia"),
        (
            "The Ministry of Digital Transition and Administrative Reform",
            "en",
            "ministere_transition_numerique_reforme_administration",
        ),
        (
            "Le ministère de la Transition numérique et de la Réforme de l'administration",
            "fr",
            "ministere_transition_numerique_reforme_administration",
        ),
        ("the national AI conference in Rabat", "en", "assise_national_ia\nrabat"),
        ("les Assises nationales de l'IA à Rabat", "fr", "assise_national_ia\nrabat"),
        ("Read more: click to share", "en", ""),
        ("5G et IA 2030", "fr", "ia"),
        ("La co-création qu'il propose avec El Othmani", "fr", "creation\nproposer\nothmani"),
    ],
    ids=[
        "plural_noun_lemma",
        "singular_noun_not_verb",
        "bigram_kept_in_one_phrase",
        "accents_and_case_folded",
        "ia_kept_au_cuts_phrase",
        "verb_ai_is_a_stop_word",
        "teaser_boilerplate_dropped",
        "phrase_spans_de",
        "comma_cuts_phrase",
        "english_ai_and_glossary_phrase",
        "french_glossary_phrase_is_one_feature",
        "ministry_in_english",
        "ministry_in_french_same_feature",
        "event_in_english",
        "event_in_french_same_feature",
        "english_boilerplate_dropped",
        "digits_dropped",
        "elisions_and_particles_dropped",
    ],
)
def test_prepare_text(text: str, language: str, expected: str) -> None:
    assert prepare_text(text, language) == expected


def test_topics_are_separated(model, articles: pd.DataFrame) -> None:
    assert len(model.themes) == 3
    mains = main_themes(model, articles)
    by_topic = mains.groupby("topic")["theme_id"].agg(lambda s: sorted(set(s)))
    assert all(len(ids) == 1 for ids in by_topic), by_topic.to_dict()
    assert len({ids[0] for ids in by_topic}) == 3, by_topic.to_dict()


def test_themes_table(model) -> None:
    themes = model.themes
    assert themes["theme_id"].tolist() == [0, 1, 2]
    assert themes["n_docs"].tolist() == [6, 6, 6]
    assert themes["share"].sum() == pytest.approx(1.0)
    assert all(len(files) == 3 for files in themes["representative_files"])
    assert themes["label"].is_unique
    for row in themes.itertuples():
        assert row.label.split(" et ")[0].lower() == row.top_terms[0].lower()
        assert len(row.top_terms) == len(row.weights) > 3


def test_doc_weights_sum_to_one(model, articles: pd.DataFrame) -> None:
    sums = model.doc_themes.groupby("file")["weight"].sum()
    assert sorted(sums.index) == sorted(articles["file"])
    assert np.allclose(sums.to_numpy(), 1.0)
    assert (model.doc_themes.groupby("file")["is_main"].sum() == 1).all()


def content_words(model) -> set[str]:
    """Folded first and last words of every top and cloud term ("de" inside a phrase is glue)."""
    terms = [t for row in model.themes["top_terms"] for t in row]
    terms += [t for weights in model.term_weights.values() for t in weights]
    return {fold(w) for t in terms for w in (t.split()[0], t.split()[-1].split("'")[-1])}


@pytest.mark.parametrize("word", FORBIDDEN)
def test_noise_never_in_top_terms(model, word: str) -> None:
    assert fold(word) not in content_words(model)


@pytest.mark.parametrize("word", ["article", "lire", "cliquez", "publié", "partager", "facebook"])
def test_boilerplate_never_shown_even_inside_phrases(model, word: str) -> None:
    terms = [t for row in model.themes["top_terms"] for t in row]
    terms += [t for weights in model.term_weights.values() for t in weights]
    assert not any(fold(word) in fold(t).replace("'", " ").split() for t in terms)


def test_top_terms_have_no_stop_word(model) -> None:
    assert not content_words(model) & stop_words("fr")


def test_top_terms_keep_accents(model) -> None:
    terms = {t for row in model.themes["top_terms"] for t in row}
    assert "sécheresse" in terms
    assert "secheresse" not in terms


def test_lemmas_counted_once() -> None:
    texts = [
        "Les données sont stockées. Une donnée publique est utile. Les données ouvertes.",
        "La donnée de santé. Les données de santé sont protégées. Les données.",
        "Le football et les buts. Le stade et les buts du match.",
        "Le match au stade. Les buts du football.",
    ]
    articles = pd.DataFrame({"file": [f"d{i}" for i in range(4)], "text": texts, "language": "fr"})
    model = fit_themes(articles, n_themes=2)
    assert "donnee" in model.vocabulary
    assert "donnees" not in model.vocabulary
    all_terms = [t for weights in model.term_weights.values() for t in weights]
    assert all_terms.count("données") >= 1
    assert "donnée" not in all_terms  # one written form per lemma: the most frequent one


def test_tfidf_matches_scikit_learn(articles: pd.DataFrame) -> None:
    prepared = [prepare_text(t, "fr") for t in articles["text"]]
    matrix, vocabulary, _ = _vectorise(prepared, max_features=20000)

    def analyzer(text: str) -> list[str]:
        terms: list[str] = []
        for line in text.split("\n"):
            words = line.split()
            terms += words + [f"{a} {b}" for a, b in pairwise(words) if a != b]
        return terms

    reference = TfidfVectorizer(
        analyzer=analyzer, min_df=min_doc_frequency(18), max_df=0.9, sublinear_tf=True
    )
    expected = reference.fit_transform(prepared)
    assert vocabulary == reference.get_feature_names_out().tolist()
    assert abs(matrix - expected).max() < 1e-6


def test_english_articles_keep_their_own_words() -> None:
    english = [
        "The football team won the match. The players scored goals in the stadium.",
        "The coach praised the players after the match and the goals in the stadium.",
    ]
    articles = pd.DataFrame(
        {
            "file": ["fr0", "fr1", "en0", "en1"],
            "text": TOPICS["water"][:2] + english,
            "language": ["fr", "fr", "en", "en"],
        }
    )
    model = fit_themes(articles, n_themes=2)
    mains = model.doc_themes[model.doc_themes["is_main"]].set_index("file")["theme_id"]
    assert mains["fr0"] == mains["fr1"] != mains["en0"] == mains["en1"]
    assert {"player", "goal", "match"} <= set(model.vocabulary)
    assert not content_words(model) & (stop_words("en") | stop_words("fr"))


def test_themes_from_matrix_matches_fit_and_hides_unnamed_columns(model, articles) -> None:
    args = (model.doc_term, list(model.vocabulary), list(model.surface_terms), model.term_counts)
    again = themes_from_matrix(*args, articles, random_state=42)
    pd.testing.assert_frame_equal(again.themes, model.themes)
    hidden = model.vocabulary.index("secheresse")
    vocabulary = ["" if i == hidden else t for i, t in enumerate(model.vocabulary)]
    blind = themes_from_matrix(model.doc_term, vocabulary, args[2], args[3], articles)
    assert "sécheresse" not in {t for weights in blind.term_weights.values() for t in weights}


def test_reproducible(articles: pd.DataFrame, model) -> None:
    again = fit_themes(articles.copy(), random_state=42)
    pd.testing.assert_frame_equal(again.themes, model.themes)
    pd.testing.assert_frame_equal(again.doc_themes, model.doc_themes)
    assert again.term_weights == model.term_weights


def test_single_article() -> None:
    articles = pd.DataFrame({"file": ["a.txt"], "text": [TOPICS["water"][0]], "language": ["fr"]})
    model = fit_themes(articles)
    assert len(model.themes) == 1
    assert model.doc_themes.to_dict("records") == [
        {"file": "a.txt", "theme_id": 0, "weight": 1.0, "is_main": True}
    ]
    top_terms = model.themes["top_terms"][0]
    assert {"sécheresse", "barrages", "irrigation"} <= set(top_terms)
    assert not any(" " in term for term in top_terms)  # each phrase occurs once: no phrase


def test_five_articles_two_themes() -> None:
    articles = corpus().iloc[[0, 1, 2, 6, 7]]
    model = fit_themes(articles)
    assert len(model.themes) == 2
    mains = main_themes(model, articles)
    assert mains.groupby("topic")["theme_id"].nunique().tolist() == [1, 1]
    assert mains["theme_id"].nunique() == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titre\n\nChapeau.\n\nSuite.", ("Titre\n\nChapeau.", "Suite.")),
        ("Titre\n \nChapeau.\n\n\nSuite.\n\nFin.", ("Titre\n\nChapeau.", "Suite.\n\nFin.")),
        ("Titre\n\nChapeau.", ("", "Titre\n\nChapeau.")),
        ("Un seul paragraphe\nsur deux lignes.", ("", "Un seul paragraphe\nsur deux lignes.")),
        ("", ("", "")),
    ],
    ids=["three_paragraphs", "blank_lines_with_spaces", "two_paragraphs", "one_paragraph", "empty"],
)  # fmt: skip
def test_split_lead(text: str, expected: tuple[str, str]) -> None:
    assert split_lead(text) == expected


def test_headline_and_lead_are_counted_twice() -> None:
    body, forms = prepare_with_forms("Cigognes\n\nLes nids.\n\nLes toits.", "fr")
    assert body.split("\n") == ["cigogne", "nid", "cigogne", "nid", "toit"]
    assert Counter(forms) == {"Cigognes": 2, "nids": 2, "toits": 1}


def test_headline_and_lead_decide_between_two_subjects() -> None:
    """An article on water whose second half is about football goes to the water theme: its
    headline and lead say what it is about, the rest of it mentions another subject."""
    others = corpus(with_noise=False)
    others = others[others["topic"] != "education"]
    water, football = TOPICS["water"], TOPICS["football"]
    mixed = "\n\n".join(["La sécheresse et les barrages", water[1], football[2], football[4]])
    article = pd.DataFrame(
        [{"file": "mixed.txt", "text": mixed, "language": "fr", "topic": "water"}]
    )
    articles = pd.concat([others, article], ignore_index=True)
    mains = main_themes(fit_themes(articles, n_themes=2), articles).set_index("file")
    water_theme = mains.loc["water_0.txt", "theme_id"]
    assert mains.loc["mixed.txt", "theme_id"] == water_theme


def test_empty_and_contentless_corpus() -> None:
    empty = fit_themes(pd.DataFrame({"file": [], "text": [], "language": []}))
    assert empty.themes.empty and empty.doc_themes.empty
    stops_only = pd.DataFrame({"file": ["x"], "text": ["Le la les et de."], "language": ["fr"]})
    assert fit_themes(stops_only).themes.empty


@pytest.mark.parametrize(
    ("articles", "kwargs", "parameter"),
    [
        (pd.DataFrame({"file": ["a"]}), {}, "articles"),
        (pd.DataFrame({"file": ["a", "a"], "text": ["x", "y"]}), {}, "articles"),
        (pd.DataFrame({"file": ["a"], "text": ["eau"]}), {"n_themes": 0}, "n_themes"),
    ],
    ids=["missing_text_column", "repeated_file", "zero_themes"],
)
def test_fit_rejects_bad_input(articles: pd.DataFrame, kwargs: dict, parameter: str) -> None:
    with pytest.raises(ParameterError) as error:
        fit_themes(articles, **kwargs)
    assert error.value.name == parameter


def test_more_themes_than_articles_is_lowered() -> None:
    articles = corpus().iloc[:3]
    assert len(fit_themes(articles, n_themes=10).themes) == 3


@pytest.mark.parametrize(
    ("published", "freq", "expected"),
    [
        ("2025-07-16", "M", "2025-07"),
        ("2025-07", "M", "2025-07"),
        ("2025", "M", "2025"),
        ("2025-07-16", "Y", "2025"),
        (None, "M", UNDATED),
        (float("nan"), "M", UNDATED),
        ("", "M", UNDATED),
        ("2025-13", "M", UNDATED),
        ("16/07/2025", "M", UNDATED),
    ],
    ids=["day", "month", "year_only", "yearly", "none", "nan", "blank", "bad_month", "not_iso"],
)
def test_period_of(published: object, freq: str, expected: str) -> None:
    assert period_of(published, freq) == expected


def test_themes_over_time(model, articles: pd.DataFrame) -> None:
    table = themes_over_time(model, articles)
    assert list(table.columns) == ["period", "theme_id", "n_docs", "share"]
    periods = list(dict.fromkeys(table["period"]))
    assert periods == ["2025-01", "2025-02", "2025-03", UNDATED]
    undated = int(articles["published"].isna().sum())
    assert table.loc[table["period"] == UNDATED, "n_docs"].sum() == undated == 4
    assert table["n_docs"].sum() == len(articles)
    assert np.allclose(table.groupby("period")["share"].sum(), 1.0)


def test_themes_over_time_rejects_unknown_freq(model, articles: pd.DataFrame) -> None:
    with pytest.raises(ParameterError):
        themes_over_time(model, articles, freq="W")


def test_theme_terms_by_period(model, articles: pd.DataFrame) -> None:
    before = model.components.copy()
    table = theme_terms_by_period(model, articles, freq="M", top_n=5)
    assert (model.components == before).all()  # no re-fitting
    assert table["n_docs"].sum() == len(articles)
    for row in table.itertuples():
        assert 0 < len(row.top_terms) <= 5
        theme_terms = set(model.term_weights[row.theme_id])
        assert row.top_terms[0] in theme_terms | set(model.surface_terms)
    water = int(main_themes(model, articles).query("topic == 'water'")["theme_id"].iloc[0])
    water_terms = {
        t for row in table[table["theme_id"] == water].itertuples() for t in row.top_terms
    }
    assert water_terms & {"eau", "irrigation", "barrages", "sécheresse", "agriculteurs"}


def test_terms_by_period_show_what_the_themes_show() -> None:
    """A word every article shares (Maroc: kept in a corpus under ten articles) and verbs take
    part in the fit but are never shown, in a period's top terms either."""
    articles = corpus(with_noise=False).iloc[[0, 1, 2, 6, 7, 8]].copy()
    articles["text"] = articles["text"] + " Le Maroc révèle ses chiffres."
    model = fit_themes(articles)
    assert "maroc" in model.vocabulary
    table = theme_terms_by_period(model, articles, freq="M", top_n=50)
    shown = {t for row in table.itertuples() for t in row.top_terms}
    assert shown and not shown & {"Maroc", "révèle", "Maroc révèle", "révèle chiffres"}


def test_word_cloud_svg(model) -> None:
    weights = model.term_weights[0]
    svg = word_cloud_svg(weights)
    assert svg.startswith("<svg") and "</svg>" in svg
    assert max(weights, key=weights.__getitem__) in svg
    assert word_cloud_svg(weights) == svg
    assert word_cloud_svg(weights, random_state=7) != svg


def test_word_cloud_png(model, tmp_path) -> None:
    path = tmp_path / "cloud.png"
    data = word_cloud_png(model.term_weights[-1], path, width=400, height=200)
    assert data.startswith(b"\x89PNG") and path.read_bytes() == data
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (800, 400)  # 150 dpi: twice the layout size


@pytest.mark.parametrize(
    "weights", [{}, {"eau": 0.0}, {"eau": -1.0}], ids=["empty", "zero", "negative"]
)
def test_word_cloud_needs_positive_weights(weights: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="positive weight"):
        word_cloud_svg(weights)


def test_word_cloud_falls_back_to_bundled_font(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(wordclouds, "DEJAVU_SANS", tmp_path / "absent.ttf")
    assert wordclouds.font_path() == wordclouds.BUNDLED_FONT
    assert word_cloud_svg({"eau": 1.0, "irrigation": 0.5}).startswith("<svg")
