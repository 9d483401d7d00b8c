"""Dask engine: same tables as the local engine on a small generated corpus (3 topics, noise)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client

from helpers import engine_dask, extraction, ingest, theming

pytestmark = pytest.mark.dask

# Site furniture repeated on every page: the repeated-block pass must remove it.
TICKER = (
    "Cours des devises du mercredi    Botola Pro : le Raja reprend la tête    "
    "Météo : fortes chaleurs attendues à Marrakech    Bourse de Casablanca : le MASI recule"
)
FOOTER = "Lire aussi : les autres articles de la rubrique Tech. Partager sur Facebook, X et LinkedIn."
OUTLETS = ("Médias24", "Le360", "Hespress FR", "L'Economiste", "TelQuel")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre")
CITIES = ("Rabat", "Casablanca", "Marrakech", "Tanger", "Fès", "Agadir", "Oujda", "Meknès")

# Headline and lead of each topic: the articles are about AI in Morocco (all relevant).
LEADS: dict[str, tuple[str, str]] = {
    "sante": ("L'IA entre à l'hôpital", "Au Maroc, l'intelligence artificielle transforme la santé."),
    "agriculture": ("L'IA au secours des champs", "Au Maroc, l'intelligence artificielle gagne l'agriculture."),
    "education": ("Former les talents de l'IA", "Au Maroc, l'intelligence artificielle s'invite à l'école."),
}
# Three clearly separate topics of AI in Morocco; {city}, {n} and {date} vary per article.
TOPICS: dict[str, list[str]] = {
    "sante": [
        "L'intelligence artificielle aide les médecins de l'hôpital de {city} à lire les radiographies.",
        "Un algorithme d'IA détecte le cancer du sein sur {n} mammographies au centre hospitalier.",
        "Le ministère de la Santé teste l'IA pour le diagnostic des patients dans {n} hôpitaux.",
        "Les radiologues de {city} utilisent un logiciel d'intelligence artificielle pour l'imagerie médicale.",
        "Le {date}, la clinique universitaire de {city} a lancé un service de télémédecine fondé sur l'IA.",
        "Les patients diabétiques sont suivis par une application d'IA qui analyse leurs dossiers médicaux.",
        "Selon les médecins, l'IA réduit de {n} % le temps d'attente des urgences hospitalières.",
        "La Fondation Cheikh Zaid équipe ses blocs opératoires de systèmes d'aide au diagnostic par IA.",
    ],
    "agriculture": [
        "Les agriculteurs de la région de {city} pilotent l'irrigation grâce à l'intelligence artificielle.",
        "Des capteurs et un modèle d'IA prévoient le rendement des récoltes de blé sur {n} hectares.",
        "L'OCP déploie l'IA pour recommander les engrais adaptés aux sols des exploitations agricoles.",
        "Face à la sécheresse, l'IA optimise l'eau des barrages et des nappes pour les cultures.",
        "Le {date}, le Crédit Agricole a présenté à {city} une plateforme d'IA pour les petits fermiers.",
        "Des drones équipés d'intelligence artificielle surveillent les oliviers et les agrumes.",
        "Les coopératives agricoles de {city} utilisent l'IA pour détecter les maladies des plantes.",
        "Le plan Génération Green soutient {n} projets d'agriculture de précision fondés sur l'IA.",
    ],
    "education": [
        "L'université Mohammed VI Polytechnique ouvre un master en intelligence artificielle à {city}.",
        "{n} étudiants ingénieurs suivent une formation en science des données et en IA.",
        "Le ministère de l'Enseignement supérieur veut former {n} talents du numérique d'ici 2030.",
        "Les écoles d'ingénieurs de {city} créent des cursus en apprentissage automatique.",
        "Le {date}, l'école 1337 a inauguré à {city} un campus dédié au codage et à l'IA.",
        "Les enseignants adaptent les programmes pour que les élèves apprennent à utiliser l'IA.",
        "La fuite des cerveaux inquiète les universités qui peinent à retenir leurs doctorants en IA.",
        "Des bourses financent {n} doctorants en intelligence artificielle dans les universités publiques.",
    ],
}


def _article(topic: str, index: int, rng: random.Random) -> str:
    """One noisy page: ticker, title, publication line, five topic sentences, footer."""
    day, month = rng.randint(1, 28), rng.choice(MONTHS)

    def fill(sentence: str) -> str:
        return sentence.format(
            city=rng.choice(CITIES), n=rng.randint(12, 9000),
            date=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2025",
        )

    sentences = [fill(s) for s in rng.sample(TOPICS[topic], 5)]
    headline, lead = LEADS[topic]
    return "\n\n".join(
        [
            TICKER,
            f"{headline} à {rng.choice(CITIES)}",
            f"Publié le {day} {month} 2025 par {rng.choice(OUTLETS)}",
            " ".join([lead, *sentences[:3]]),
            " ".join(sentences[3:]),
            FOOTER,
        ]
    )


def write_corpus(out_dir: Path, n: int, seed: int = 7) -> list[Path]:
    """n articles cycling over the three topics, named by topic so tests can read it back."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        topic = list(TOPICS)[index % len(TOPICS)]
        path = out_dir / f"{index:05d}_{topic}.txt"
        path.write_text(_article(topic, index, rng), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """42 generated articles, 14 per topic."""
    out_dir = tmp_path_factory.mktemp("dask_corpus")
    write_corpus(out_dir, 42)
    return out_dir


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A local cluster of two single-threaded worker processes."""
    with engine_dask.dask_client(n_workers=2) as started:
        yield started


@pytest.fixture(scope="module")
def local_result(corpus: Path) -> ingest.IngestResult:
    """The local engine's ingest."""
    return ingest.ingest_corpus(corpus)


def test_ingest_same_articles(corpus: Path, client: Client, local_result: ingest.IngestResult) -> None:
    """Same rows, values and order; same problems; the ticker was removed as repeated."""
    # Small partitions so that repeated blocks are found across partitions, not within one.
    dask_result = engine_dask.ingest_corpus_dask(corpus, client=client, partition_size=5)
    pd.testing.assert_frame_equal(dask_result.articles, local_result.articles)
    assert dask_result.problems == local_result.problems
    assert dask_result.skipped == local_result.skipped
    articles = dask_result.articles
    assert len(articles) == 42 and articles["relevant"].all()
    assert not articles["text"].str.contains("MASI recule").any()


def test_timeline_same_tables(client: Client, local_result: ingest.IngestResult) -> None:
    """Events, actors and timeline equal to extraction.build_timeline_tables."""
    articles = local_result.articles
    local = extraction.build_timeline_tables(articles, date_from="2025-01-01")
    dask_tables = engine_dask.timeline_tables_dask(
        articles, date_from="2025-01-01", client=client, partition_size=8
    )
    assert len(local.events) > 0 and len(local.actors) > 0 and len(local.timeline) > 0
    for name in ("events", "actors", "timeline"):
        pd.testing.assert_frame_equal(getattr(dask_tables, name), getattr(local, name), obj=name)


def _main_groups(doc_themes: pd.DataFrame) -> set[frozenset[str]]:
    """Documents grouped by main theme, whatever the theme ids."""
    main = doc_themes[doc_themes["is_main"]]
    return {frozenset(group) for _, group in main.groupby("theme_id")["file"]}


def test_themes_same_partition(client: Client, local_result: ingest.IngestResult) -> None:
    """Same number of themes and the same documents under each main theme (ids may differ)."""
    articles = local_result.articles
    local = theming.build_theme_tables(articles, n_themes=3)
    dask_tables = engine_dask.theme_tables_dask(articles, n_themes=3, client=client, partition_size=10)
    assert len(dask_tables.themes) == len(local.themes) == 3
    assert _main_groups(dask_tables.doc_themes) == _main_groups(local.doc_themes)
    by_topic = {frozenset(f.split("_", 1)[1] for f in group) for group in _main_groups(local.doc_themes)}
    assert by_topic == {frozenset({"sante.txt"}), frozenset({"agriculture.txt"}), frozenset({"education.txt"})}
    assert list(dask_tables.themes.columns) == list(local.themes.columns)
    assert list(dask_tables.doc_themes.columns) == list(local.doc_themes.columns)
    assert all(dask_tables.themes["top_terms"].map(len) > 0)
    assert (dask_tables.n_docs, dask_tables.n_undated) == (local.n_docs, local.n_undated)
    assert set(dask_tables.term_weights) == set(local.term_weights)


def test_ingest_rejects_bad_partition_size(corpus: Path, client: Client) -> None:
    """A partition size that is not a positive integer is refused before any work."""
    with pytest.raises(ValueError, match="partition_size"):
        engine_dask.ingest_corpus_dask(corpus, client=client, partition_size=0)
