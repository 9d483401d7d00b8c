"""Events: which dated sentences are events, of what kind, with which label and place."""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import asdict

import pytest

from helpers.timeline import events as events_module
from helpers.timeline.events import classify_kind, extract_events
from helpers.timeline.ner import Entity

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


# Phrasings of Moroccan and African news pages (own sentences), with the page's date.
PHRASINGS = [
    pytest.param(
        "2025-06-24",
        "Le ministère organisera, les 1er et 2 juillet à Rabat, les premières Assises nationales de l'IA.",
        [("2025-07-01", "2025-07-02", "assises", "Rabat")],
        id="list_of_days_without_year",
    ),
    pytest.param(
        "2025-02-05",
        "La conférence régionale sur l'IA est prévue le 14 février à Tanger.",
        [("2025-02-14", None, "conference", "Tanger")],
        id="day_month_without_year_ahead",
    ),
    pytest.param(
        "2025-11-20",
        "Le colloque sur l'IA et la santé s'est tenu le 23 octobre à Fès.",
        [("2025-10-23", None, "colloque", "Fès")],
        id="day_month_a_month_before",
    ),
    pytest.param(
        "2025-08-27",
        "La ministre a présidé mardi par visioconférence la réunion du comité de pilotage.",
        [("2025-08-26", None, "conference", None)],
        id="weekday_past_tense",
    ),
    pytest.param(
        "2025-08-27",
        "The minister launched the national data platform on Wednesday in Kigali.",
        [("2025-08-27", None, "annonce", "Kigali")],
        id="weekday_same_day_english",
    ),
    pytest.param(
        "2025-09-26",
        "Le forum se tiendra jeudi prochain à Casablanca.",
        [("2025-10-02", None, "conference", "Casablanca")],
        id="weekday_prochain",
    ),
    pytest.param(
        "2025-07-03",
        "Présentées la veille à Rabat, les recommandations des ateliers ont été saluées.",
        [("2025-07-02", None, "annonce", "Rabat")],
        id="la_veille",
    ),
    pytest.param(
        "2025-03-05",
        "Le réseau des académies, un programme lancé au Maroc en 2018, s'étend.",
        [("2018", None, "annonce", None)],
        id="launch_years_back",
    ),
    pytest.param(
        "2025-03-05",
        "Le Maroc s'est engagé en novembre 2021 à appliquer la recommandation.",
        [("2021-11", None, "autre", None)],
        id="commitment_month_years_back",
    ),
    pytest.param(
        "2025-07-03",
        "Lors de la deuxième édition en 2023, le salon a accueilli 30 000 visiteurs.",
        [("2023", None, "salon", None)],
        id="edition_year",
    ),
    pytest.param(
        "2025-07-03",
        "12 mai 2025 : deuxième rencontre régionale sur l'IA et la santé.",
        [("2025-05-12", None, "conference", None)],
        id="full_date_heading_a_line",
    ),
    pytest.param(
        "2025-07-03",
        "Le 22 mars 2022, le Royaume a officiellement approuvé la recommandation.",
        [("2022-03-22", None, "autre", None)],
        id="full_date_heading_a_sentence_without_cue",
    ),
    pytest.param(
        "2025-07-03",
        "Les experts ont débattu le 12 mai 2025 à Oujda de l'IA en santé.",
        [("2025-05-12", None, "autre", "Oujda")],
        id="full_date_and_place_without_cue",
    ),
    pytest.param(
        None,
        "Le colloque organisé sur deux jours a refermé ses travaux mardi 3 décembre 2024 à Rabat.",
        [("2024-12-02", "2024-12-03", "colloque", "Rabat")],
        id="two_day_colloque_by_its_closing_day",
    ),
    pytest.param(
        "2025-03-12",
        "Magistrates began on Tuesday in Rabat a three-day seminar on AI and ethics.",
        [("2025-03-11", "2025-03-13", "colloque", "Rabat")],
        id="three_day_seminar_by_its_opening_day",
    ),
    pytest.param(
        "2025-07-01",
        "Les Assises de l'IA ont démarré mardi à Rabat, pour deux jours de débats.",
        [("2025-07-01", "2025-07-02", "assises", "Rabat")],
        id="two_days_of_debates",
    ),
    pytest.param(
        None,
        "Le Salon de l'IA 2023 ouvre ses portes à Casablanca.\nCe jeudi 25 mai, le ministre a inauguré le pavillon des start-up.",
        [("2023-05-25", None, "annonce", None)],
        id="year_from_the_article",
    ),
    pytest.param(
        "2025-04-15",
        "Le GITEX Africa, ouvert lundi à Marrakech et qui se poursuit jusqu'à mercredi, bat des records.",
        [("2025-04-14", "2025-04-16", "salon", "Marrakech")],
        id="fair_open_until_a_weekday",
    ),
    pytest.param(
        "2024-05-30",
        "Le salon, qui se tient jusqu'au 31 mai à Marrakech, a ouvert ses portes mercredi.",
        [("2024-05-29", "2024-05-31", "salon", "Marrakech")],
        id="fair_open_until_a_day",
    ),
    pytest.param(
        "2025-04-11",
        "Le salon a accueilli 1 500 exposants depuis sa première édition en 2023.",
        [("2023", None, "salon", None)],
        id="depuis_sa_premiere_edition",
    ),
    pytest.param(
        "2025-10-27",
        "L'équipe s'est imposée samedi à Tétouan face au club local.",
        [("2025-10-25", None, "autre", "Tétouan")],
        id="weekday_with_its_place_without_cue",
    ),
    pytest.param(
        "2025-04-15",
        "Since its first edition in 2023, the fair has doubled in size.",
        [("2023", None, "salon", None)],
        id="since_its_first_edition",
    ),
    pytest.param(
        None,
        "Le règlement européen est entré en vigueur le 1er août 2024.",
        [("2024-08-01", None, "loi", None)],
        id="entry_into_force",
    ),
    pytest.param(
        "2025-12",
        "Le forum de l'IA se tiendra du mardi 16 au jeudi 18 décembre à Rabat.",
        [("2025-12-16", "2025-12-18", "conference", "Rabat")],
        id="range_of_weekday_days",
    ),
    pytest.param(
        "2025-07-03",
        "Pas de pause : la Commission a publié le 10 juin 2025 son code de bonnes pratiques.",
        [("2025-06-10", None, "annonce", None)],
        id="lead_in_before_a_colon_is_body",
    ),
    pytest.param(
        "2026-01",
        "Rabat a présenté lundi 12 janvier la stratégie nationale « IA du Maroc ».",
        [("2026-01-12", None, "strategie", "Rabat")],
        id="day_month_of_a_month_dated_page",
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), PHRASINGS)
def test_phrasings(published: str | None, text: str, expected: list[tuple]) -> None:
    found = [(e.date, e.end, e.kind, e.place) for e in extract_events("a.txt", text, published)]
    assert found == expected


def test_a_paragraph_names_the_year_of_its_day_months_when_the_page_has_several() -> None:
    text = (
        "Le salon, lancé en 2019, a bien grandi.\n"
        "Pour le GITEX Africa 2025, le salon, ouvert du 14 au 16 avril à Marrakech, innove."
    )
    found = [(e.date, e.end, e.kind) for e in extract_events("a.txt", text, None)]
    assert ("2025-04-14", "2025-04-16", "salon") in found


def test_a_fair_reported_by_its_opening_day_takes_the_days_given_elsewhere() -> None:
    text = (
        "Le salon se tiendra du 14 au 16 avril 2026 à Marrakech.\n"
        "Le salon ouvrira ses portes le 14 avril 2026 avec 1 500 exposants."
    )
    found = [(e.date, e.end, e.kind) for e in extract_events("a.txt", text, "2026-03-01")]
    assert found == [("2026-04-14", "2026-04-16", "salon")]


# What is not an event of the page, with the page's date.
NOT_EVENTS = [
    pytest.param("2025-07-03", "Il a rejoint le ministère en 2010.", id="life_story"),
    pytest.param(
        "2025-02-20",
        "The minister, who took office in October 2024, spoke at the forum.",
        id="took_office",
    ),
    pytest.param("2025-07-03", "Article publié le 3 juillet 2025 à 10h.", id="page_own_date"),
    pytest.param(
        "2025-07-02",
        "Rabat, le 2 juillet 2025 (MAP) - Le ministère a annoncé un plan.",
        id="dateline_of_publication",
    ),
    pytest.param(
        "2025-07-03",
        "En 2012, le pays comptait peu de start-up selon la stratégie de l'époque.",
        id="history_without_act",
    ),
    pytest.param(
        "2025-07-03", "Le texte a été annoncé à la veille des élections.", id="a_la_veille_de"
    ),
    pytest.param(
        "2025-03-05",
        "Le réseau, lancé en Europe et qui compte aujourd'hui quarante écoles, s'étend.",
        id="aujourd_hui_nowadays",
    ),
    pytest.param(
        "2025-06-12",
        "Le guide s'inscrit dans la stratégie nationale de cybersécurité à l'horizon 2030.",
        id="horizon_in_a_strategy_name",
    ),
    pytest.param(
        "2025-06-24",
        "À lire aussi : le forum de l'IA s'est tenu lundi à Rabat.",
        id="teaser_of_another_article",
    ),
    pytest.param(
        "2025-04-20",
        "Le salon revendique cette année plus de 1 500 exposants.",
        id="this_year_is_a_period",
    ),
    pytest.param(
        "2025-10-27",
        "Coupe de la CAF : le club affrontera le 23 novembre à Berkane son rival.",
        id="headline_under_a_rubric",
    ),
    pytest.param(
        "2025-06-24",
        "À lire aussi : le plan vise 240 000 emplois d'ici 2030.",
        id="target_in_a_teaser",
    ),
]


@pytest.mark.parametrize(("published", "sentence"), NOT_EVENTS)
def test_not_events_of_the_page(published: str, sentence: str) -> None:
    assert extract_events("a.txt", sentence, published) == []


LABELS = [
    pytest.param(
        "La plateforme Chikaya, lancée en 2018, recueille les réclamations.",
        "Lancement de la plateforme Chikaya",
        id="participle_object_before",
    ),
    pytest.param(
        "AI Movement a été désigné en novembre 2023 comme centre de catégorie II de l'UNESCO.",
        "Nomination d'AI Movement comme centre de catégorie II de l'UNESCO",
        id="passive_subject_is_the_object",
    ),
    pytest.param(
        "Le Conseil de gouvernement a adopté le 25 septembre 2025 le projet de décret sur les instituts.",
        "Adoption du projet de décret sur les instituts",
        id="active_verb_object_after",
    ),
    pytest.param(
        "Le colloque « IA et droits de l'Homme » s'est tenu le 3 décembre 2024 à Rabat.",
        "Colloque « IA et droits de l'Homme »",
        id="quoted_title",
    ),
    pytest.param(
        "Un colloque s'est tenu le 23 octobre 2025 à Fès sur l'IA responsable.",
        "Colloque sur l'IA responsable",
        id="bare_noun_completed_by_topic",
    ),
    pytest.param(
        "Les premières Assises nationales de l'intelligence artificielle se tiendront les 1er et 2 juillet 2025.",
        "Premières Assises nationales de l'IA",
        id="named_occasion_with_its_rank",
    ),
    pytest.param(
        "The ministry launched the Digital Skills Hub on 1 July 2025.",
        "Launch of Digital Skills Hub",
        id="english_act",
    ),
    pytest.param(
        "Présentées le 2 juillet 2025 par la ministre déléguée, Leila Bennani, les recommandations ont été saluées.",
        "Présentation des recommandations",
        id="heading_participle_past_an_apposition",
    ),
    pytest.param(
        "Les auditions débuteront le 15 mai 2025 au siège de l'autorité.",
        "Début des auditions",
        id="intransitive_verb_names_its_subject",
    ),
    pytest.param(
        "Les travaux de la commission doivent démarrer le 15 mai 2025 à Rabat.",
        "Démarrage des travaux de la commission",
        id="subject_before_a_modal",
    ),
    pytest.param(
        "Le Conseil a lancé le 3 mars 2025 des programmes de formation à l'IA.",
        "Lancement des programmes de formation à l'IA",
        id="object_with_des",
    ),
    pytest.param(
        "Par Karim Alaoui Le colloque international « IA et santé » s'est tenu le 3 mars 2025.",
        "Colloque international « IA et santé »",
        id="byline_never_starts_a_name",
    ),
    pytest.param(
        "The country's national report was published in May 2025.",
        "Publication of country's national report",
        id="english_passive",
    ),
    pytest.param(
        "According to a survey published in May 2025, most firms use AI tools.",
        "Publication of survey",
        id="english_participle_qualifying_a_noun",
    ),
    pytest.param(
        "La cérémonie d'ouverture a eu lieu le 3 mars 2025 en présence des artistes.",
        "Cérémonie d'ouverture",
        id="what_took_place_is_the_subject",
    ),
    pytest.param(
        "Le Sénégal et la Tunisie ont signé, le 4 mars 2025 à Dakar, un protocole d'accord.",
        "Protocole d'accord entre le Sénégal et la Tunisie",
        id="partnership_names_its_parties",
    ),
    pytest.param(
        "L'Office national des pêches (ONP) et l'Agence du numérique (ANUM) ont signé le 4 mars "
        "2025 un accord-cadre.",
        "Accord-cadre entre ONP et ANUM",
        id="parties_by_their_acronyms",
    ),
    pytest.param(
        "La Haute autorité de régulation de la communication audiovisuelle et numérique (HARCAN) et "
        "l'OCDE ont signé le 4 mars 2025 une convention.",
        "Convention entre HARCAN et l'OCDE",
        id="a_long_name_read_as_its_acronym",
    ),
    pytest.param(
        "Le conseil a signé le 4 mars 2025 un accord avec la région de Fès.",
        "Accord avec la région de Fès",
        id="partnership_with_its_partner_already",
    ),
    pytest.param(
        "Le Sénat a adopté le 4 mars 2025, en deuxième lecture, le projet de loi sur les données.",
        "Adoption du projet de loi sur les données",
        id="object_past_an_incise",
    ),
    pytest.param(
        "Le règlement sur les données, entré en vigueur le 1er mars 2025, s'applique aux banques.",
        "Entrée en vigueur du règlement sur les données",
        id="coming_into_force_names_its_text",
    ),
    pytest.param(
        "Le guide s'inspire de la Charte africaine sur les données, adoptée le 4 mars 2025 par les "
        "États membres.",
        "Adoption de la Charte africaine sur les données",
        id="participle_after_a_verb_and_its_preposition",
    ),
]


@pytest.mark.parametrize(("sentence", "label"), LABELS)
def test_labels_name_the_event(sentence: str, label: str) -> None:
    events = extract_events("a.txt", sentence, "2025-11-20")
    assert [e.label for e in events] == [label]


TARGET_LABELS = [
    pytest.param(
        "La stratégie vise à former 100 000 jeunes par an d'ici 2030.",
        ["100 000 jeunes par an d'ici 2030"],
        id="target_with_its_horizon",
    ),
    pytest.param(
        "Le plan prévoit 240 000 emplois numériques et 3 000 start-up à l'horizon 2030.",
        ["240 000 emplois numériques à l'horizon 2030", "3 000 start-up à l'horizon 2030"],
        id="two_targets",
    ),
    pytest.param(
        "The plan aims to add MAD 100 billion to GDP and create 50,000 AI-related jobs by 2030.",
        ["100 billion to GDP by 2030", "50,000 AI-related jobs by 2030"],
        id="english_two_targets_never_cut_mid_phrase",
    ),
    pytest.param(
        "L'opérateur doit couvrir 70 % de la population en 5G d'ici 2026.",
        ["70 % de la population d'ici 2026"],
        id="a_technology_name_is_no_quantity",
    ),
]


@pytest.mark.parametrize(("sentence", "labels"), TARGET_LABELS)
def test_targets_read_as_targets(sentence: str, labels: list[str]) -> None:
    events = extract_events("a.txt", sentence, "2025-07-03")
    assert [e.label for e in events] == labels
    assert {e.kind for e in events} == {"objectif"}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Le mémorandum a été signé lors du Forum Africa Tech.", "partenariat"),
        ("Un accord a été annoncé en marge du GITEX Africa.", "partenariat"),
        ("La ministre a pris la parole lors du sommet.", "conference"),
        ("La ministre a tenu une conférence de presse au ministère.", "annonce"),
        ("Les pays ont adopté une déclaration à la clôture du sommet.", "autre"),
        ("The National Conference on AI closed in Rabat.", "assises"),
    ],
    ids=[
        "setting_lors_du",
        "setting_en_marge_du",
        "setting_alone_still_counts",
        "press_conference",
        "adoption_at_a_closing",
        "english_name_of_assises",
    ],
)
def test_kind_of_an_act_held_at_a_gathering(sentence: str, kind: str) -> None:
    assert classify_kind(sentence) == kind


def test_the_date_of_a_setting_in_apposition_dates_the_gathering() -> None:
    sentence = "La feuille de route a été annoncée lors des Assises de l'IA, tenues les 1er et 2 juillet à Rabat."
    events = extract_events("a.txt", sentence, "2025-09-26")
    assert [(e.date, e.end, e.kind) for e in events] == [("2025-07-01", "2025-07-02", "assises")]


OCCASION_NAMES = [
    pytest.param(
        "Le Salon Maghreb Tech 2025 ouvre ses portes à Oujda.\n"
        "Le salon, ouvert du 3 au 5 mars 2025 à Oujda, accueille 90 exposants.",
        ["Salon Maghreb Tech 2025"],
        id="generic_noun_takes_the_name_of_its_article",
    ),
    pytest.param(
        "Le Salon Maghreb Tech vise l'Afrique.\nAprès sa deuxième édition en 2024, le salon grandit.",
        ["Deuxième édition du Salon Maghreb Tech"],
        id="ranked_edition_of_a_named_fair",
    ),
    pytest.param(
        "Les Assises nationales de l'IA se tiendront le 3 mars 2025 à Rabat. Le Salon Maghreb Tech suivra.",
        ["Assises nationales de l'IA"],
        id="a_label_with_a_name_is_kept",
    ),
]


@pytest.mark.parametrize(("text", "labels"), OCCASION_NAMES)
def test_gatherings_are_named_as_their_occasion(text: str, labels: list[str]) -> None:
    assert [e.label for e in extract_events("a.txt", text, "2025-11-20")] == labels
