"""Near-duplicate detection: republished dispatches are duplicates, same-event stories are not."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.errors import ParameterError
from helpers.ingest.dedup import (
    EMPTY,
    expected_lsh_recall,
    find_duplicates,
    jaccard,
    minhash_signature,
    normalise_words,
    shingle_hashes,
    text_signature,
)

DISPATCH = """\
Rabat, 2 juillet (MAP) - Les premières Assises nationales de l'intelligence artificielle se sont
ouvertes mardi à Rabat en présence de plusieurs membres du gouvernement, de chercheurs et de
chefs d'entreprise venus de tout le continent. La ministre déléguée chargée de la Transition
numérique a présenté les grandes lignes de la feuille de route nationale, qui prévoit la
formation de 100.000 jeunes aux métiers de la donnée d'ici 2030 et la création d'un réseau
d'instituts spécialisés dans chaque région du Royaume. Elle a insisté sur la nécessité de
disposer de données de qualité en arabe, en amazighe et en français pour entraîner des modèles
adaptés aux besoins des citoyens. Le président de l'Université Mohammed VI Polytechnique a
annoncé la mise en service prochaine d'un centre de calcul doté de plusieurs centaines de
processeurs graphiques, ouvert aux start-up et aux laboratoires publics. Les participants ont
également débattu de l'encadrement juridique de ces technologies, un projet de loi étant en
préparation pour protéger les données personnelles et garantir la transparence des algorithmes
utilisés par l'administration. Plusieurs conventions de partenariat ont été signées à l'issue
de la première journée, notamment avec des universités africaines et des groupes industriels.
Les travaux se poursuivent mercredi avec des ateliers consacrés à la santé, à l'agriculture,
à l'éducation et à la justice, avant l'adoption de recommandations finales.
"""

# The same dispatch on another site: its own title and header, one sentence reworded.
REPUBLISHED = (
    "IA : le Maroc pose les jalons de sa feuille de route\n"
    "Publié dans L'Opinion le 03 - 07 - 2025\n"
    + DISPATCH.replace(
        "Elle a insisté sur la nécessité de\ndisposer de données de qualité",
        "Selon elle, le pays doit\ndisposer de données de qualité",
    )
)

# The same dispatch with typography changed: accents, case, quotes, punctuation, line breaks.
RETYPED = DISPATCH.upper().replace("É", "E").replace("'", "’").replace(",", " ,").replace("\n", " ")

# A different article on the same event: same facts, written independently.
SAME_EVENT = """\
Assises de l'IA : Rabat veut former 100.000 talents d'ici 2030.
C'est un rendez-vous que l'écosystème attendait depuis longtemps. Réunis mardi dans la capitale,
ministres, universitaires et entrepreneurs ont discuté pendant deux jours de la place que le
pays compte occuper dans la course mondiale à l'intelligence artificielle. Sur scène, la
ministre chargée du numérique a promis un effort massif de formation, avec un objectif chiffré
de 100.000 jeunes formés à l'horizon 2030, et un maillage régional d'instituts. Côté
infrastructures, l'UM6P prépare un centre de calcul équipé de GPU que pourront utiliser les
jeunes pousses. Reste la question du cadre légal : un texte sur la protection des données et la
transparence des systèmes automatisés est en cours de rédaction, ont assuré les organisateurs.
Des accords ont été paraphés avec des universités du continent. Les ateliers thématiques de
mercredi porteront sur la santé, l'agriculture et l'éducation.
"""

# A short dispatch republished with a title, a dateline and a reworded sentence: Jaccard
# falls under 0.8 (0.77) because the header weighs more in a short text; containment is 0.92.
SHORT_DISPATCH = " ".join(DISPATCH.split()[:130])
SHORT_REPUBLISHED = (
    "Assises de l'IA : coup d'envoi à Rabat\n"
    "Publié dans Maroc Diplomatique le 02 - 07 - 2025\n"
    + SHORT_DISPATCH.replace(
        "Elle a insisté sur la nécessité de disposer", "Selon elle, il faut disposer"
    )
)

# An unrelated article of similar length.
OTHER = """\
La Caftan Week a réuni samedi à Marrakech une vingtaine de créateurs marocains. Brocarts,
broderies en fil d'or et coupes épurées ont défilé devant un public de professionnels et de
célébrités venus d'Europe et du Golfe. La styliste à l'honneur cette année a revisité le caftan
fassi avec des soies colorées et des ceintures en cuir travaillé. Les organisateurs soulignent
le rôle de l'artisanat dans l'économie et la montée des ventes en ligne.
"""

# A teaser: only the opening of the dispatch (an aggregator's excerpt), far shorter.
TEASER = " ".join(DISPATCH.split()[:45]) + " Lire la suite sur le site de la source."


@pytest.mark.parametrize(
    ("texts", "order", "expected"),
    [
        (
            {"a.txt": DISPATCH, "b.txt": REPUBLISHED},
            None,
            {"a.txt": None, "b.txt": "a.txt"},
        ),
        (
            {"a.txt": DISPATCH, "b.txt": REPUBLISHED},
            ["b.txt", "a.txt"],
            {"a.txt": "b.txt", "b.txt": None},
        ),
        (
            {"a.txt": SHORT_DISPATCH, "b.txt": SHORT_REPUBLISHED},
            None,
            {"a.txt": None, "b.txt": "a.txt"},
        ),
        (
            {"a.txt": DISPATCH, "b.txt": RETYPED},
            None,
            {"a.txt": None, "b.txt": "a.txt"},
        ),
        (
            {"a.txt": DISPATCH, "b.txt": DISPATCH},
            None,
            {"a.txt": None, "b.txt": "a.txt"},
        ),
        (
            {"a.txt": DISPATCH, "b.txt": SAME_EVENT},
            None,
            {"a.txt": None, "b.txt": None},
        ),
        (
            {"a.txt": DISPATCH, "b.txt": OTHER},
            None,
            {"a.txt": None, "b.txt": None},
        ),
        (
            {"a.txt": DISPATCH, "b.txt": TEASER},
            None,
            {"a.txt": None, "b.txt": None},
        ),
        (
            {"c.txt": REPUBLISHED, "a.txt": DISPATCH, "b.txt": RETYPED, "d.txt": SAME_EVENT},
            ["c.txt", "a.txt", "b.txt", "d.txt"],
            {"c.txt": None, "a.txt": "c.txt", "b.txt": "c.txt", "d.txt": None},
        ),
        (
            {"a.txt": "", "b.txt": "", "c.txt": "  \n"},
            None,
            {"a.txt": None, "b.txt": None, "c.txt": None},
        ),
        (
            {"a.txt": "Brève.", "b.txt": "Brève !", "c.txt": "Autre brève."},
            None,
            {"a.txt": None, "b.txt": "a.txt", "c.txt": None},
        ),
        ({}, None, {}),
    ],
    ids=[
        "republished_new_title_header_sentence",
        "order_decides_the_original",
        "short_republished_by_containment",
        "retyped_case_accents_punctuation",
        "identical",
        "same_event_different_article",
        "unrelated",
        "teaser_is_too_short_to_be_a_duplicate",
        "cluster_points_to_first_in_order",
        "empty_texts_are_never_duplicates",
        "short_texts_compared_whole",
        "no_texts",
    ],
)
def test_find_duplicates(
    texts: dict[str, str], order: list[str] | None, expected: dict[str, str | None]
) -> None:
    assert find_duplicates(texts, order=order) == expected


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(0.5, "a.txt"), (0.97, None)],
    ids=["loose_threshold_joins", "strict_threshold_separates"],
)
def test_threshold_controls_how_similar(threshold: float, expected: str | None) -> None:
    result = find_duplicates({"a.txt": DISPATCH, "b.txt": REPUBLISHED}, threshold=threshold)
    assert result["b.txt"] == expected


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"threshold": 0.0}, "threshold"),
        ({"threshold": 1.2}, "threshold"),
        ({"order": ["a.txt", "zzz.txt"]}, "order"),
        ({"order": ["a.txt", "a.txt"]}, "order"),
    ],
    ids=["zero_threshold", "threshold_above_one", "unknown_key_in_order", "duplicated_order"],
)
def test_bad_parameters_are_named(kwargs: dict[str, object], name: str) -> None:
    with pytest.raises(ParameterError, match=name):
        find_duplicates({"a.txt": DISPATCH}, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'Intelligence Artificielle, au Maroc !",
            ["l", "intelligence", "artificielle", "au", "maroc"],
        ),
        ("Fès — Tétouan_2025", ["fes", "tetouan", "2025"]),
        ("الذَّكَاءُ الاصطناعي", ["الذكاء", "الاصطناعي"]),
        ("", []),
    ],
    ids=["lower_punctuation", "accents_underscore_dash", "arabic_harakat", "empty"],
)
def test_normalise_words(text: str, expected: list[str]) -> None:
    assert normalise_words(text) == expected


def test_shingles_are_word_five_grams() -> None:
    assert len(shingle_hashes("un deux trois quatre cinq six sept")) == 3
    assert len(shingle_hashes("un deux trois")) == 1
    assert len(shingle_hashes("")) == 0


def test_minhash_estimates_jaccard() -> None:
    first, second = shingle_hashes(DISPATCH), shingle_hashes(REPUBLISHED)
    exact = jaccard(first, second)
    estimate = float(np.mean(minhash_signature(first) == minhash_signature(second)))
    assert 0.6 < exact < 0.95
    assert abs(estimate - exact) < 0.15
    assert np.array_equal(minhash_signature(first), minhash_signature(first.copy()))


def test_banding_finds_pairs_at_the_threshold() -> None:
    assert expected_lsh_recall(0.8, 4) > 0.99
    assert expected_lsh_recall(0.1, 4) < 0.01


def test_ten_thousand_texts_with_planted_copies() -> None:
    rng = np.random.default_rng(7)
    vocabulary = np.array([f"mot{i}" for i in range(20_000)])
    weights = 1.0 / np.arange(1, len(vocabulary) + 1)
    weights /= weights.sum()
    texts = {
        f"a{i:05d}": " ".join(rng.choice(vocabulary, size=250, p=weights)) for i in range(10_000)
    }
    copies = {}
    for i in range(0, 200, 2):
        words = texts[f"a{i:05d}"].split()
        words[100:112] = rng.choice(vocabulary, 12)
        copies[f"b{i:05d}"] = "Nouveau titre. Publié dans Autre Journal. " + " ".join(words)
    texts.update(copies)
    result = find_duplicates(texts)
    assert {key: result[key] for key in copies} == {key: "a" + key[1:] for key in copies}
    assert sum(value is not None for value in result.values()) == len(copies)


def test_signatures_given_or_computed_give_the_same_answer() -> None:
    texts = {
        "a": DISPATCH,
        "b": "Nouveau titre.\n" + DISPATCH,
        "c": "Autre chose entièrement.",
        "d": "",
    }
    given = {key: text_signature(text) for key, text in texts.items()}
    assert find_duplicates(texts, signatures=given) == find_duplicates(texts)
    assert find_duplicates(texts)["b"] == "a"
    assert text_signature("") == [int(EMPTY)] * 128
