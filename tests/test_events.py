"""Events: which dated sentences are events, of what kind, with which label and place."""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import asdict

import pytest

from helpers import events as events_module
from helpers.events import classify_kind, extract_events
from helpers.nlp import Entity

PUBLISHED = "2025-07-02"  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "date", "end", "kind", "place"),
    [
        (
            "Les 1er et 2 juillet 2025, Rabat a accueilli les premières Assises nationales de l'intelligence artificielle.",
            "2025-07-01",
            "2025-07-02",
            "assises",
            "Rabat",
        ),
        (
            "Un colloque national s'est tenu le 23 octobre 2023 à Salé sur l'IA responsable.",
            "2023-10-23",
            None,
            "colloque",
            "Salé",
        ),
        (
            "Le ministère a signé hier un mémorandum d'entente avec l'UNESCO à Rabat.",
            "2025-07-01",
            None,
            "partenariat",
            "Rabat",
        ),
        (
            "Le Gitex Africa se tiendra du 14 au 16 avril 2026 à Marrakech.",
            "2026-04-14",
            "2026-04-16",
            "salon",
            "Marrakech",
        ),
        (
            "La stratégie Maroc Digital 2030 a été présentée en septembre 2024.",
            "2024-09",
            None,
            "strategie",
            None,
        ),
        (
            "Le projet de loi sur les données a été adopté le 3/10/2023 par le Conseil.",
            "2023-10-03",
            None,
            "loi",
            None,
        ),
        (
            "Une conférence sur l'IA générative a eu lieu ce lundi à Casablanca.",
            "2025-06-30",
            None,
            "conference",
            "Casablanca",
        ),
        (
            "The ministry announced on July 1, 2025 a national AI strategy.",
            "2025-07-01",
            None,
            "strategie",
            None,
        ),
    ],
    ids=[
        "assises_range_1er_et_2",
        "colloque_day_place",
        "partenariat_hier",
        "salon_range_du_au",
        "strategie_month",
        "loi_dmy_slash",
        "conference_ce_lundi",
        "english_full_date",
    ],
)
def test_event_sentences(
    sentence: str, date: str, end: str | None, kind: str, place: str | None
) -> None:
    events = extract_events("a.txt", sentence, PUBLISHED)
    assert len(events) == 1, events
    ev = events[0]
    assert (ev.date, ev.end, ev.kind, ev.place) == (date, end, kind, place)
    assert ev.evidence == sentence
    assert ev.date_phrase in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Née en 1982 à Casablanca, la ministre a rejoint le gouvernement.",
        "Depuis 2018, le Maroc investit dans le numérique.",
        "Les candidatures sont ouvertes jusqu'au 15 septembre 2025.",
        "En 2010, la stratégie numérique du pays était encore embryonnaire.",
        "Le Maroc Digital 2030 vise la transformation du pays.",
        "Il fait beau ce mardi 1er juillet 2025 sur la côte atlantique.",
        "Rabat, le 2 juillet 2025 (MAP) - Le ministère a annoncé un plan national pour l'IA.",
    ],
    ids=[
        "biographical_nee_en",
        "duration_depuis",
        "deadline_jusqu_au",
        "history_far_before_publication",
        "year_in_a_name",
        "date_without_event",
        "dispatch_dateline",
    ],
)
def test_not_events(sentence: str) -> None:
    assert extract_events("a.txt", sentence, PUBLISHED) == []


def test_two_targets_in_one_sentence_are_two_events() -> None:
    sentence = "Le plan vise à former 100 000 talents et à créer 50 000 emplois d'ici 2030."
    events = extract_events("a.txt", sentence, PUBLISHED)
    assert [(e.kind, e.date) for e in events] == [("objectif", "2030"), ("objectif", "2030")]
    assert [e.label.split()[:2] for e in events] == [["100", "000"], ["50", "000"]]


def test_relative_dates_need_a_day_precise_publication_date() -> None:
    sentence = "Un colloque s'est tenu ce lundi à Salé."
    assert extract_events("a.txt", sentence, "2023-10") == []
    assert [e.date for e in extract_events("a.txt", sentence, "2023-10-24")] == ["2023-10-23"]


def test_actors_of_the_sentence_are_attached() -> None:
    text = "Le 23 octobre 2023, Ghita Mezzour a ouvert le colloque national à Rabat."
    start = text.index("Ghita")
    ents = [Entity(start, start + len("Ghita Mezzour"), "Ghita Mezzour", "PER")]
    (event,) = extract_events("a.txt", text, None, ents)
    assert event.actors == ["Ghita Mezzour"]


def test_same_day_reports_in_one_article_are_one_event() -> None:
    text = (
        "Un colloque national s'est tenu ce lundi à Salé.\n"
        "Le ministère a lancé une réflexion nationale, le 23 octobre 2023 à Rabat."
    )
    events = extract_events("a.txt", text, "2023-10-24")
    assert [(e.date, e.kind) for e in events] == [("2023-10-23", "colloque")]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Les Assises ont réuni des experts.", "assises"),
        ("Un accord de partenariat a été signé.", "partenariat"),
        ("Elle a été nommée directrice.", "nomination"),
        ("Le Maroc a lancé une plateforme.", "annonce"),
        ("Le temps est clément.", None),
    ],
    ids=["assises", "partenariat_over_annonce", "nomination", "annonce", "no_cue"],
)
def test_classify_kind(sentence: str, kind: str | None) -> None:
    assert classify_kind(sentence) == kind


def test_a_target_repeated_in_one_article_is_one_event() -> None:
    text = (
        "Le programme prévoit de former 1 000 ingénieurs d'ici 2030, selon le ministère. "
        "Le programme prévoit de former 1 000 ingénieurs d'ici 2030, selon l'université."
    )
    events = extract_events("x.txt", text, "2025-01-10")
    assert [(e.kind, e.date) for e in events] == [("objectif", "2030")]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("LES ASSISES ONT RÉUNI DES EXPERTS.", "assises"),
        ("Les aſſiſes ont réuni des experts.", "assises"),  # long s: ignoring case reads "s"
        ("Un MoU a été sıgné.", "partenariat"),  # dotless i
        ("Le plan a été sıgné.", "strategie"),
        ("Il a été nommé À RABAT.", "nomination"),
        ("Le texte a été SİGNÉ.", "annonce"),  # dotted capital I: two characters in lower case
        ("Le temps est clément, İstanbul aussi.", None),
    ],
)
def test_classify_kind_ignores_case(sentence: str, kind: str | None) -> None:
    first_cue = next((k for k, cue in events_module.KIND_CUES if cue.search(sentence)), None)
    assert classify_kind(sentence) == first_cue == kind


def test_lowering_matches_what_ignoring_case_matches() -> None:
    """What the lowered cues rely on: for a character that lower() keeps single, ignoring case
    takes it for a cue letter exactly when its lower case is that letter ("ı" and "ſ" aside,
    see _CASE_TRAPS), and lowering keeps word and space characters what they were."""
    code_points = itertools.chain(range(0xD800), range(0xE000, sys.maxunicode + 1))
    single = "".join(c for c in map(chr, code_points) if len(c.lower()) == 1)
    lowered = "".join(map(str.lower, single))
    cue_source = "".join(w for _, words in events_module._CUE_WORDS for w in words)
    assert not re.search(r"\\[A-Z]", cue_source)  # no escape that lower() would change
    cue_text = cue_source.lower()
    letters = sorted({c for c in cue_text if c.isalpha()})
    any_letter = "[" + "".join(letters) + "]"
    taken = {
        m.group()
        for m in re.finditer(any_letter, single, re.IGNORECASE)
        if not events_module._CASE_TRAPS.match(m.group())
    }
    assert taken == {single[m.start()] for m in re.finditer(any_letter, lowered)}
    for char in taken:
        for letter in letters:
            assert bool(re.fullmatch(letter, char, re.IGNORECASE)) == (char.lower() == letter)
    for char_class in (r"\w", r"\s"):
        positions = [m.start() for m in re.finditer(char_class, single)]
        assert positions == [m.start() for m in re.finditer(char_class, lowered)]


def test_event_row_is_asdict() -> None:
    text = "Les 1er et 2 juillet 2025, Rabat a accueilli les Assises nationales de l'IA."
    entities = [Entity(27, 32, "Rabat", "LOC"), Entity(0, 3, "Les", "ORG")]
    found = extract_events("a.txt", text, PUBLISHED, entities)
    assert found
    for event in found:
        assert event.to_row() == asdict(event)
        assert event.to_row()["actors"] is not event.actors
