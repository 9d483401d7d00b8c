"""Date phrases: what find_dates reads in French and English press, and what it leaves alone."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import string
import sys

import pytest

from helpers.text import dates
from helpers.text.dates import (
    DateMention,
    find_dates,
    find_published,
    format_date_en,
    format_date_fr,
    names_month,
    parse_iso,
    weekday_by_tense,
)

TUE = dt.date(2023, 10, 24)  # a Tuesday: "Publié dans L'opinion le 24 - 10 - 2023"
WED = dt.date(2025, 7, 2)  # a Wednesday: "Publié dans Maroc Diplomatique le 02 - 07 - 2025"

Row = tuple[str, str, str | None, str, str]  # phrase, date, end_date, precision, kind


def mentions(text: str, anchor: dt.date | None = None) -> list[Row]:
    """find_dates as comparable rows, after checking every span points at its phrase."""
    found = find_dates(text, anchor)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.date, m.end_date, m.precision, m.kind) for m in found]


def day(phrase: str, iso: str, kind: str = "absolute") -> Row:
    """Expected row for a single day."""
    return (phrase, iso, None, "day", kind)


def month(phrase: str, iso: str, kind: str = "absolute") -> Row:
    """Expected row for a single month."""
    return (phrase, iso, None, "month", kind)


def year(phrase: str, iso: str, kind: str = "absolute") -> Row:
    """Expected row for a single year."""
    return (phrase, iso, None, "year", kind)


ABSOLUTE = [
    # full dates
    pytest.param(
        "Le colloque s'est tenu le 23 octobre 2023 à Rabat.",
        [day("23 octobre 2023", "2023-10-23")],
        id="fr_day_month_year",
    ),
    pytest.param(
        "La loi entre en vigueur le 1er juillet 2025.",
        [day("1er juillet 2025", "2025-07-01")],
        id="fr_1er_juillet",
    ),
    pytest.param(
        "Publié dans L'opinion le 02 - 07 - 2025",
        [day("02 - 07 - 2025", "2025-07-02")],
        id="numeric_spaced_hyphens",
    ),
    pytest.param(
        "Le 27/02/2025, le conseil a adopté le texte.",
        [day("27/02/2025", "2025-02-27")],
        id="dmy_slash",
    ),
    pytest.param(
        "La réunion du 3/10/2023 a été reportée.",
        [day("3/10/2023", "2023-10-03")],
        id="dmy_slash_not_mdy",
    ),
    pytest.param(
        "Mise en ligne : 2025-07-01T10:30:00Z",
        [day("2025-07-01", "2025-07-01")],
        id="iso_timestamp",
    ),
    pytest.param(
        "Rédigé par Ahmed X le Jeudi 28 Aout 2025",
        [day("Jeudi 28 Aout 2025", "2025-08-28")],
        id="weekday_prefix_in_span",
    ),
    pytest.param(
        "Revue de presse de ce mardi 7 octobre 2025",
        [day("mardi 7 octobre 2025", "2025-10-07")],
        id="weekday_with_date_absolute",
    ),
    pytest.param(
        "The summit opened on July 1, 2025 in Rabat.",
        [day("July 1, 2025", "2025-07-01")],
        id="en_month_day_year",
    ),
    pytest.param(
        "The accord was signed on 1 July 2025.",
        [day("1 July 2025", "2025-07-01")],
        id="en_day_month_year",
    ),
    pytest.param(
        "Tuesday, July 1, 2025 - Rabat",
        [day("Tuesday, July 1, 2025", "2025-07-01")],
        id="en_weekday_prefix",
    ),
    pytest.param(
        "It ends on the 3rd of March 2024.",
        [day("3rd of March 2024", "2024-03-03")],
        id="en_ordinal_of",
    ),
    pytest.param(
        "Lancement le 12 fevrier 2024 à Fès.",
        [day("12 fevrier 2024", "2024-02-12")],
        id="accents_optional",
    ),
    pytest.param(
        "Clôture des candidatures le 15 Sept. 2025.",
        [day("15 Sept. 2025", "2025-09-15")],
        id="abbreviated_month_dot",
    ),
    pytest.param(
        "SIGNATURE LE 5 MAI 2025 À CASABLANCA", [day("5 MAI 2025", "2025-05-05")], id="upper_case"
    ),
    # months
    pytest.param(
        "Le rapport, publié en juin 2024, alerte.",
        [month("juin 2024", "2024-06")],
        id="fr_month_year",
    ),
    pytest.param(
        "In June 2024, the ministry launched a call.",
        [month("June 2024", "2024-06")],
        id="en_month_year",
    ),
    pytest.param(
        "Au cours du mois de mars 2024, 12 projets.",
        [month("mars 2024", "2024-03")],
        id="mois_de_month_year",
    ),
    pytest.param(
        "77 MMDH de levées à fin août 2025",
        [month("fin août 2025", "2025-08")],
        id="fin_month_year",
    ),
    pytest.param(
        "Le salon ouvrira mi-juillet 2025.",
        [month("mi-juillet 2025", "2025-07")],
        id="mi_month_year",
    ),
    # years after a temporal cue
    pytest.param(
        "Le Maroc a adopté sa stratégie en 2018.", [year("2018", "2018")], id="year_after_en"
    ),
    pytest.param(
        "Le programme est actif depuis 2020 à Rabat.",
        [year("2020", "2020")],
        id="year_after_depuis",
    ),
    pytest.param(
        "Morocco joined the initiative in 2018.", [year("2018", "2018")], id="year_after_in"
    ),
    pytest.param(
        "L'année 2021 marque un tournant pour le secteur.",
        [year("2021", "2021")],
        id="year_after_l_annee",
    ),
    pytest.param(
        "Les résultats sont attendus avant 2027.", [year("2027", "2027")], id="year_after_avant"
    ),
    # vague parts of a year
    pytest.param(
        "Le centre ouvrira fin 2025 à Benguerir.", [year("fin 2025", "2025")], id="fin_year"
    ),
    pytest.param(
        "Les travaux démarrent début 2026.", [year("début 2026", "2026")], id="debut_year"
    ),
    pytest.param(
        "Un premier bilan est prévu à la mi-2025.", [year("mi-2025", "2025")], id="mi_year"
    ),
    pytest.param("Deliveries start in late 2025.", [year("late 2025", "2025")], id="en_late_year"),
    pytest.param(
        "Au premier trimestre 2025, la région a attiré 3 projets.",
        [("premier trimestre 2025", "2025-01", "2025-03", "month", "absolute")],
        id="quarter_fr",
    ),
    pytest.param(
        "Revenue grew in Q1 2025.",
        [("Q1 2025", "2025-01", "2025-03", "month", "absolute")],
        id="quarter_code",
    ),
    pytest.param(
        "Le décret sera publié au second semestre 2024.",
        [("second semestre 2024", "2024-07", "2024-12", "month", "absolute")],
        id="semester_fr",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute_dates(text: str, expected: list[Row]) -> None:
    assert mentions(text) == expected


NOT_DATES = [
    pytest.param(
        "Lors du Gitex Africa 2025, la stratégie Maroc Digital 2030 a été présentée.",
        id="name_year_is_not_date",
    ),
    pytest.param("L'édition 2025 de la CAN 2025 se jouera à Rabat.", id="edition_and_can_not_date"),
    pytest.param(
        "Adoption du projet de loi portant création de la « Fondation Maroc 2030 » après la COP28.",
        id="fondation_and_cop_not_date",
    ),
    pytest.param(
        "Objectif : 100 000 talents, 2.944 blessés et 38,5 MMDH investis.", id="numbers_not_dates"
    ),
    pytest.param("Le quota des bourses passe à 250 en 2025/2026.", id="season_not_date"),
    pytest.param("La séance reprend à 14h30 au siège du ministère.", id="time_not_date"),
    pytest.param("Le livre a été tiré en 2000 exemplaires.", id="quantity_after_cue_year"),
    pytest.param(
        "Le prix varie entre 2000 et 2010 dirhams selon la ville.", id="quantity_range_not_years"
    ),
    pytest.param("La réunion du 31/02/2025 n'a jamais eu lieu.", id="invalid_day_31_02"),
    pytest.param("Le site existe depuis 1850 environ.", id="year_out_of_range"),
    pytest.param(
        "L'IA de demain se prépare aujourd'hui, dit-on dans le monde d'aujourd'hui.",
        id="relative_no_anchor",
    ),
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert mentions(text) == []


RANGES = [
    pytest.param(
        "Les 1er et 2 juillet 2025, Rabat a accueilli les premières Assises.",
        ("1er et 2 juillet 2025", "2025-07-01", "2025-07-02", "day", "absolute"),
        id="range_1er_et_2_juillet",
    ),
    pytest.param(
        "Le forum se tient du 29 au 31 mai 2024 à Marrakech.",
        ("du 29 au 31 mai 2024", "2024-05-29", "2024-05-31", "day", "absolute"),
        id="range_du_au_same_month",
    ),
    pytest.param(
        "L'exposition est ouverte du 29 mai au 2 juin 2024.",
        ("du 29 mai au 2 juin 2024", "2024-05-29", "2024-06-02", "day", "absolute"),
        id="range_du_au_cross_month",
    ),
    pytest.param(
        "Congés du 28 décembre 2024 au 3 janvier 2025.",
        ("du 28 décembre 2024 au 3 janvier 2025", "2024-12-28", "2025-01-03", "day", "absolute"),
        id="range_across_years",
    ),
    pytest.param(
        "The event runs 1-2 July 2025 in Rabat.",
        ("1-2 July 2025", "2025-07-01", "2025-07-02", "day", "absolute"),
        id="range_en_days_hyphen",
    ),
    pytest.param(
        "The event runs July 1-2, 2025 in Rabat.",
        ("July 1-2, 2025", "2025-07-01", "2025-07-02", "day", "absolute"),
        id="range_en_month_days",
    ),
    pytest.param(
        "Le plan a été déployé entre 2023 et 2025.",
        ("entre 2023 et 2025", "2023", "2025", "year", "absolute"),
        id="range_years_entre",
    ),
    pytest.param(
        "Le programme couvre la période de 2024 à 2026.",
        ("de 2024 à 2026", "2024", "2026", "year", "absolute"),
        id="range_years_de_a",
    ),
    pytest.param(
        "Les inscriptions sont ouvertes de janvier à mars 2025.",
        ("de janvier à mars 2025", "2025-01", "2025-03", "month", "absolute"),
        id="range_months_de_a",
    ),
    pytest.param(
        "Funding rose between 2019 and 2022.",
        ("between 2019 and 2022", "2019", "2022", "year", "absolute"),
        id="range_en_between_years",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges_and_lists(text: str, expected: Row) -> None:
    assert mentions(text) == [expected]


def test_reversed_range_is_a_single_date() -> None:
    assert mentions("du 31 au 29 mai 2024") == [day("29 mai 2024", "2024-05-29")]


RELATIVE = [
    pytest.param(
        "qui s'est tenu ce lundi à Salé",
        TUE,
        [day("ce lundi", "2023-10-23", "relative")],
        id="ce_lundi_nearest_past",
    ),
    pytest.param(
        "le dossier sera clos ce vendredi",
        TUE,
        [day("ce vendredi", "2023-10-27", "relative")],
        id="ce_vendredi_nearest_ahead",
    ),
    pytest.param(
        "annoncé lundi dernier",
        dt.date(2023, 10, 23),
        [day("lundi dernier", "2023-10-16", "relative")],
        id="lundi_dernier_strictly_before",
    ),
    pytest.param(
        "reprise mardi prochain",
        TUE,
        [day("mardi prochain", "2023-10-31", "relative")],
        id="mardi_prochain_strictly_after",
    ),
    pytest.param(
        "as announced last Monday",
        TUE,
        [day("last Monday", "2023-10-23", "relative")],
        id="en_last_monday",
    ),
    pytest.param(
        "the vote is next Tuesday",
        TUE,
        [day("next Tuesday", "2023-10-31", "relative")],
        id="en_next_tuesday",
    ),
    pytest.param(
        "Le ministre a annoncé hier un plan.",
        TUE,
        [day("hier", "2023-10-23", "relative")],
        id="hier",
    ),
    pytest.param(
        "Le texte est voté aujourd'hui.",
        TUE,
        [day("aujourd'hui", "2023-10-24", "relative")],
        id="aujourd_hui",
    ),
    pytest.param(
        "La réunion aura lieu demain à Rabat.",
        TUE,
        [day("demain", "2023-10-25", "relative")],
        id="demain",
    ),
    pytest.param(
        "Il est arrivé avant-hier.",
        TUE,
        [day("avant-hier", "2023-10-22", "relative")],
        id="avant_hier",
    ),
    pytest.param(
        "The minister spoke yesterday.",
        TUE,
        [day("yesterday", "2023-10-23", "relative")],
        id="yesterday",
    ),
    pytest.param(
        "The vote takes place tomorrow.",
        TUE,
        [day("tomorrow", "2023-10-25", "relative")],
        id="tomorrow",
    ),
    pytest.param(
        "Le salon ouvre le 9 juin à Casablanca.",
        WED,
        [day("9 juin", "2025-06-09", "relative")],
        id="day_month_no_year_past",
    ),
    pytest.param(
        "Dépôt des dossiers le 18 février.",
        TUE,
        [day("18 février", "2024-02-18", "relative")],
        id="day_month_no_year_next_year",
    ),
    pytest.param(
        "Fête célébrée ce 14 juillet à Fès.",
        WED,
        [day("14 juillet", "2025-07-14", "relative")],
        id="ce_14_juillet",
    ),
    pytest.param(
        "Adopté le 18 février dernier.",
        WED,
        [day("18 février dernier", "2025-02-18", "relative")],
        id="day_month_dernier",
    ),
    pytest.param(
        "Mondial 2026 : billetterie le 10 septembre",
        WED,
        [day("10 septembre", "2025-09-10", "relative")],
        id="no_year_in_headline",
    ),
    pytest.param(
        "Rallye du Maroc, prévu du 10 au 17 octobre",
        dt.date(2025, 10, 7),
        [("du 10 au 17 octobre", "2025-10-10", "2025-10-17", "day", "relative")],
        id="range_without_year",
    ),
    pytest.param(
        "Le texte a été voté en juillet dernier.",
        dt.date(2025, 8, 28),
        [month("juillet dernier", "2025-07", "relative")],
        id="month_dernier",
    ),
    pytest.param(
        "Les travaux reprennent fin juillet.",
        WED,
        [month("fin juillet", "2025-07", "relative")],
        id="fin_month_no_year",
    ),
    pytest.param(
        "24 morts durant la semaine dernière",
        WED,
        [month("la semaine dernière", "2025-06", "relative")],
        id="semaine_derniere_one_month",
    ),
    pytest.param(
        "Le rapport sera publié la semaine prochaine.",
        TUE,
        [],
        id="semaine_prochaine_across_months",
    ),
    pytest.param(
        "The report is due next week.",
        WED,
        [month("next week", "2025-07", "relative")],
        id="next_week_one_month",
    ),
    pytest.param(
        "Le décret sera publié le mois prochain.",
        TUE,
        [month("le mois prochain", "2023-11", "relative")],
        id="mois_prochain",
    ),
    pytest.param(
        "Le salon s'est tenu le mois dernier.",
        dt.date(2025, 1, 15),
        [month("le mois dernier", "2024-12", "relative")],
        id="mois_dernier_across_year",
    ),
    pytest.param(
        "La loi entrera en vigueur l'année prochaine.",
        TUE,
        [year("l'année prochaine", "2024", "relative")],
        id="annee_prochaine",
    ),
    pytest.param(
        "Le budget avait baissé l'an dernier.",
        TUE,
        [year("l'an dernier", "2022", "relative")],
        id="an_dernier",
    ),
    pytest.param(
        "Cette année, le Maroc accélère.",
        TUE,
        [year("Cette année", "2023", "relative")],
        id="cette_annee",
    ),
    pytest.param(
        "Sales doubled last year.", WED, [year("last year", "2024", "relative")], id="en_last_year"
    ),
    pytest.param("Over the last year, sales doubled.", WED, [], id="the_last_year_is_not_a_date"),
    pytest.param(
        "Le ministre a annoncé hier et ce lundi un plan.", None, [], id="relative_without_anchor"
    ),
    pytest.param("Le salon ouvre le 9 juin à Casablanca.", None, [], id="no_year_without_anchor"),
    pytest.param(
        "Le Maroc et la France ont signé, lundi à Paris, un accord.",
        TUE,
        [day("lundi", "2023-10-23", "relative")],
        id="bare_weekday_past_tense",
    ),
    pytest.param(
        "The ministry announced on Tuesday a national fund.",
        TUE,
        [day("on Tuesday", "2023-10-24", "relative")],
        id="bare_weekday_english_same_day",
    ),
    pytest.param(
        "Le forum se tiendra jeudi à Rabat.",
        TUE,
        [day("jeudi", "2023-10-26", "relative")],
        id="bare_weekday_future_sentence",
    ),
    pytest.param("Ouvert du lundi au vendredi.", TUE, [], id="weekday_span_is_a_habit"),
    pytest.param("Le marché se tient les lundis.", TUE, [], id="plural_weekday_is_a_habit"),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), RELATIVE)
def test_relative_dates(text: str, anchor: dt.date | None, expected: list[Row]) -> None:
    assert mentions(text, anchor) == expected


TARGETS = [
    pytest.param(
        "un objectif de 100 000 talents formés d'ici 2030",
        None,
        year("d'ici 2030", "2030", "target"),
        id="target_d_ici",
    ),
    pytest.param(
        "Une stratégie à l'horizon 2030 pour le numérique.",
        None,
        year("à l'horizon 2030", "2030", "target"),
        id="target_a_l_horizon",
    ),
    pytest.param(
        "Plan Horizon 2030 : les grandes lignes",
        None,
        year("Horizon 2030", "2030", "target"),
        id="target_bare_horizon",
    ),
    pytest.param(
        "Morocco aims to train 100,000 people by 2030.",
        None,
        year("by 2030", "2030", "target"),
        id="target_by",
    ),
    pytest.param(
        "Le réseau sera couvert d'ici à 2030.",
        None,
        year("d'ici à 2030", "2030", "target"),
        id="target_d_ici_a",
    ),
    pytest.param(
        "Le data center sera livré d'ici fin 2027.",
        None,
        year("d'ici fin 2027", "2027", "target"),
        id="target_d_ici_fin",
    ),
    pytest.param(
        "The cloud will be ready by the end of 2025.",
        None,
        year("by the end of 2025", "2025", "target"),
        id="target_by_the_end_of",
    ),
    pytest.param(
        "Le texte sera adopté d'ici la fin de l'année.",
        WED,
        year("d'ici la fin de l'année", "2025", "target"),
        id="target_end_of_year_from_anchor",
    ),
    pytest.param(
        "Le portail ouvrira d'ici juin 2026.",
        None,
        month("d'ici juin 2026", "2026-06", "target"),
        id="target_month",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), TARGETS)
def test_targets(text: str, anchor: dt.date | None, expected: Row) -> None:
    assert mentions(text, anchor) == [expected]


def test_several_dates_sorted_and_not_overlapping() -> None:
    text = (
        "Publié le 02/07/2025. Les 1er et 2 juillet 2025, Rabat a accueilli les Assises, "
        "lancées en 2024, avec 100 000 talents à former d'ici 2030 et un bilan fin 2026."
    )
    found = mentions(text, WED)
    assert [row[0] for row in found] == [
        "02/07/2025",
        "1er et 2 juillet 2025",
        "2024",
        "d'ici 2030",
        "fin 2026",
    ]
    spans = [(m.start, m.end) for m in find_dates(text, WED)]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


PUBLISHED = [
    pytest.param(
        ["Publié dans L'opinion le 24 - 10 - 2023"],
        ("24 - 10 - 2023", "2023-10-24", "day"),
        id="publie_dans_outlet_le",
    ),
    pytest.param(
        ["Publié le 02/07/2025 à 10h30"],
        ("02/07/2025", "2025-07-02", "day"),
        id="publie_le_with_time",
    ),
    pytest.param(["Le 27/02/2025"], ("27/02/2025", "2025-02-27", "day"), id="le_numeric"),
    pytest.param(
        ["Jeudi 28 Aout 2025"], ("Jeudi 28 Aout 2025", "2025-08-28", "day"), id="bare_weekday_date"
    ),
    pytest.param(
        ["Rédigé par Ahmed X le Jeudi 28 Aout 2025"],
        ("Jeudi 28 Aout 2025", "2025-08-28", "day"),
        id="redige_par",
    ),
    pytest.param(
        ["Mis à jour le 03/07/2025", "Publié le 02/07/2025"],
        ("02/07/2025", "2025-07-02", "day"),
        id="publie_beats_mis_a_jour",
    ),
    pytest.param(
        ["Jeudi 28 Aout 2025", "Mis à jour le 29/08/2025"],
        ("Jeudi 28 Aout 2025", "2025-08-28", "day"),
        id="bare_date_beats_mis_a_jour",
    ),
    pytest.param(
        ["Updated July 3, 2025", "Published on July 2, 2025"],
        ("July 2, 2025", "2025-07-02", "day"),
        id="published_beats_updated",
    ),
    pytest.param(
        ["By Jane Doe | July 2, 2025"], ("July 2, 2025", "2025-07-02", "day"), id="by_line"
    ),
    pytest.param(["Posted: 2 July 2025"], ("2 July 2025", "2025-07-02", "day"), id="posted_colon"),
    pytest.param(
        ["Updated July 3, 2025 10:45 GMT"], ("July 3, 2025", "2025-07-03", "day"), id="updated_only"
    ),
    pytest.param(["Juillet 2025"], ("Juillet 2025", "2025-07", "month"), id="month_only_line"),
    pytest.param(
        ["Rabat (MAP), le 02/07/2025"],
        ("02/07/2025", "2025-07-02", "day"),
        id="place_and_agency_dateline",
    ),
    pytest.param(
        ["Article publié le 02/07/2025 à 10h30"],
        ("02/07/2025", "2025-07-02", "day"),
        id="cue_inside_short_line",
    ),
    pytest.param(
        ["Publié le 01/07/2025, mis à jour le 02/07/2025"],
        ("01/07/2025", "2025-07-01", "day"),
        id="publie_then_mis_a_jour_same_line",
    ),
    pytest.param(
        ["Le 27/02/2025", "Le 28/02/2025"],
        ("27/02/2025", "2025-02-27", "day"),
        id="first_of_equals",
    ),
]


@pytest.mark.parametrize(("lines", "expected"), PUBLISHED)
def test_find_published(lines: list[str], expected: tuple[str, str, str]) -> None:
    found = find_published(lines)
    assert found is not None
    assert (found.text, found.date, found.precision) == expected
    assert found.kind == "absolute" and found.end_date is None


NOT_PUBLISHED = [
    pytest.param(
        ["Les 1er et 2 juillet 2025, Rabat a accueilli les premières Assises nationales de l'IA."],
        id="date_in_sentence",
    ),
    pytest.param(
        ["Le rapport publié le 3 juillet 2025 montre que le Maroc avance"], id="cue_in_sentence"
    ),
    pytest.param(["Cours des devises du mercredi 16 juillet 2025"], id="ticker_cours_des_devises"),
    pytest.param(["Revue de presse du 7 octobre 2025"], id="ticker_revue_de_presse"),
    pytest.param(["Le temps qu'il fera ce mardi 7 octobre 2025"], id="ticker_meteo"),
    pytest.param(["© 2025 Tous droits réservés"], id="copyright_year"),
    pytest.param(["Le 27 février"], id="no_year"),
    pytest.param(["Publié il y a 2 heures"], id="no_date"),
    pytest.param(
        [
            "Le Maroc et l'Égypte intensifient leur collaboration depuis le 28 août 2025 "
            "en matière d'intelligence artificielle, mutualisant compétences et calcul."
        ],
        id="long_line",
    ),
    pytest.param([], id="no_lines"),
]


@pytest.mark.parametrize("lines", NOT_PUBLISHED)
def test_find_published_rejects(lines: list[str]) -> None:
    assert find_published(lines) is None


def test_find_published_span_is_in_its_line() -> None:
    line = "Publié dans Maroc Diplomatique le 02 - 07 - 2025"
    found = find_published(["Par la rédaction", line])
    assert isinstance(found, DateMention)
    assert line[found.start : found.end] == found.text


FORMATS = [
    pytest.param("2025-07-01", None, "1er juillet 2025", "1 July 2025", id="fr_1er"),
    pytest.param("2023-10-23", None, "23 octobre 2023", "23 October 2023", id="plain_day"),
    pytest.param("2025-07", None, "juillet 2025", "July 2025", id="month"),
    pytest.param("2025", None, "2025", "2025", id="year"),
    pytest.param(
        "2025-07-01",
        "2025-07-02",
        "1er et 2 juillet 2025",
        "1-2 July 2025",
        id="days_same_month_1er",
    ),
    pytest.param(
        "2024-05-29", "2024-05-31", "du 29 au 31 mai 2024", "29-31 May 2024", id="days_same_month"
    ),
    pytest.param(
        "2024-05-29",
        "2024-06-02",
        "du 29 mai au 2 juin 2024",
        "29 May-2 June 2024",
        id="days_across_months",
    ),
    pytest.param(
        "2024-12-30",
        "2025-01-02",
        "du 30 décembre 2024 au 2 janvier 2025",
        "30 December 2024-2 January 2025",
        id="days_across_years",
    ),
    pytest.param(
        "2025-01", "2025-03", "de janvier à mars 2025", "January-March 2025", id="months_same_year"
    ),
    pytest.param("2023", "2025", "2023-2025", "2023-2025", id="years"),
    pytest.param("2025-08-15", "2025-08-15", "15 août 2025", "15 August 2025", id="same_start_end"),
    pytest.param(
        "2025-07",
        "2025-08-15",
        "juillet 2025-15 août 2025",
        "July 2025-15 August 2025",
        id="mixed_precision",
    ),
]


@pytest.mark.parametrize(("iso", "end", "french", "english"), FORMATS)
def test_formatters(iso: str, end: str | None, french: str, english: str) -> None:
    assert format_date_fr(iso, end) == french
    assert format_date_en(iso, end) == english


def test_formatter_rejects_reversed_range() -> None:
    with pytest.raises(ValueError, match="2025-07-02"):
        format_date_fr("2025-07-02", "2025-07-01")


PARSED = [
    ("2025-07-01", dt.date(2025, 7, 1), "day"),
    ("2025-07", dt.date(2025, 7, 1), "month"),
    ("2025", dt.date(2025, 1, 1), "year"),
]


@pytest.mark.parametrize(("value", "first", "precision"), PARSED, ids=["day", "month", "year"])
def test_parse_iso(value: str, first: dt.date, precision: str) -> None:
    assert parse_iso(value) == (first, precision)


@pytest.mark.parametrize(
    "value",
    ["2025-13", "2025-02-30", "25-07", "2025/07/01", "", "2025-07-01x", "juillet 2025"],
    ids=["month_13", "feb_30", "short_year", "slashes", "empty", "trailing", "words"],
)
def test_parse_iso_rejects(value: str) -> None:
    with pytest.raises(ValueError, match=repr(value).replace("(", r"\(")):
        parse_iso(value)


def test_mentions_round_trip_through_formatter() -> None:
    for m in find_dates("Les 1er et 2 juillet 2025, puis fin 2026 et le 3/10/2023."):
        assert format_date_fr(m.date, m.end_date)  # every normalised value formats
        assert parse_iso(m.date)[1] == m.precision


def scan_every_rule(text: str, anchor: dt.date | None) -> list[DateMention]:
    """find_dates without its hints: every rule scanned over every window."""
    lowered = dates._lowercase(text)
    candidates = []
    for start, end in dates._windows(lowered):
        for order, rule in enumerate(dates._RULES):
            for m in rule.pattern.finditer(lowered, start, end):
                mention = rule.build(text, m, anchor)
                if mention is not None:
                    candidates.append((mention, order))
    return dates._longest_first(candidates)


@pytest.mark.parametrize(
    "text",
    [
        "Les 1er et 2 juillet 2025, puis du 29 au 31 mai 2024 et entre 2023 et 2025.",
        "July 1-2, 2025; May 29 - June 2, 2024; Tuesday, July 1, 2025; Sept. 3.",
        "Le 3/10/2023, le 02 - 07 - 2025 et le 2025-07-01T10:30.",
        "Au premier trimestre 2025, au T3-2024, en Q1 2025 et au second half of 2025.",
        "Fin 2025, mi-juillet, début de l'année 2026, early 2026 et la fin de l'année prochaine.",
        "D'ici 2030, à l'horizon 2035, by the end of 2025, no later than June 2026.",
        "En 2018, depuis 2020 et in 2019, pour 2000 dirhams.",
        "Hier, avant-hier, aujourd'hui, demain, yesterday and the day after tomorrow.",
        "Ce lundi, mardi dernier, last Monday, la semaine prochaine, next month, l'an dernier.",
        "Le forum ouvrira ſamedi, en juillet.",  # long s, which the case-blind weekday reads
        "Il viendra MARDİ, cette semaine.",  # dotted capital I, kept as is by _lowercase
        "The forum opens ſunday, this week, premier juillet.",
    ],
)
def test_hints_skip_no_match(text: str) -> None:
    """A rule is skipped only in windows where it cannot match: same mentions as scanning all."""
    for anchor in (None, WED):
        assert find_dates(text, anchor) == scan_every_rule(text, anchor)
    assert find_dates(text, WED)


def test_only_three_letters_pass_for_a_to_z_when_case_is_ignored() -> None:
    """What _WEEKDAY_ANY_CASE_HINT relies on: in lower-cased text, a case-blind a-z matches only
    a-z and "ı", "İ", "ſ"."""
    every_char = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    lowered = dates._lowercase(every_char)
    matched = set(re.findall("[a-z]", lowered, re.IGNORECASE))
    others = matched - set(string.ascii_lowercase)
    assert others == {"ı", "İ", "ſ"}
    assert all(dates._WEEKDAY_ANY_CASE_HINT.fullmatch(c) for c in others)


@pytest.mark.parametrize(
    "text",
    [
        "Réunion lundı, puis le 3 juillet 2025 à Rabat.",
        "Rendez-vous ce lundı, avant le 3 juillet 2025.",
    ],
)
def test_odd_letters_the_patterns_accept_do_not_break_the_look_ups(text: str) -> None:
    # "ı" (dotless i) matches "i" in the case-blind patterns; the weekday look-up used to raise.
    found = find_dates(text, anchor=dt.date(2025, 7, 3))
    assert any(m.text.startswith("3 juillet") or "juillet" in m.text for m in found)


# Weekdays, "la veille" and horizons as news pages write them, resolved against the page's date.
NEWS_PHRASINGS = [
    pytest.param(
        "Le forum a été ouvert lundi au siège de l'organisation à Rabat.",
        WED,
        [day("lundi", "2025-06-30", "relative")],
        id="weekday_before_au_siege",
    ),
    pytest.param(
        "Les travaux de l'atelier s'achèveront ce vendredi à Salé.",
        WED,
        [day("ce vendredi", "2025-07-04", "relative")],
        id="ce_weekday_future_tense",
    ),
    pytest.param(
        "Le comité s'est réuni ce vendredi au ministère.",
        WED,
        [day("ce vendredi", "2025-06-27", "relative")],
        id="ce_weekday_past_tense_latest_before",
    ),
    pytest.param(
        "Les Assises, tenues mardi et mercredi à Rabat, ont réuni 2 000 personnes.",
        dt.date(2025, 7, 4),
        [("mardi et mercredi", "2025-07-01", "2025-07-02", "day", "relative")],
        id="two_consecutive_weekdays",
    ),
    pytest.param(
        "The two ministers met on Tuesday and Wednesday in Kigali.",
        dt.date(2025, 7, 4),
        [("on Tuesday and Wednesday", "2025-07-01", "2025-07-02", "day", "relative")],
        id="two_consecutive_weekdays_english",
    ),
    pytest.param("Ouvert du lundi au mercredi.", WED, [], id="weekday_span_still_a_habit"),
    pytest.param(
        "La veille, la ministre avait reçu les experts.",
        WED,
        [day("La veille", "2025-07-01", "relative")],
        id="la_veille_of_publication",
    ),
    pytest.param(
        "Le texte a été adopté à la veille des élections.", WED, [], id="a_la_veille_de_is_no_day"
    ),
    pytest.param(
        "Une veille technologique est assurée par l'agence.", WED, [], id="veille_is_a_watch"
    ),
    pytest.param(
        "La feuille de route sera publiée avant la fin de l'année.",
        WED,
        [("avant la fin de l'année", "2025", None, "year", "target")],
        id="avant_la_fin_de_l_annee_target",
    ),
    pytest.param(
        "A national roadmap is to be unveiled before the end of 2025.",
        WED,
        [("before the end of 2025", "2025", None, "year", "target")],
        id="before_the_end_of_year_target",
    ),
    pytest.param(
        "Le réseau, lancé en 2018, compte aujourd'hui quarante écoles.",
        WED,
        [year("2018", "2018")],
        id="aujourd_hui_nowadays_is_no_day",
    ),
    pytest.param(
        "La plateforme a été lancée aujourd'hui à Rabat.",
        WED,
        [day("aujourd'hui", "2025-07-02", "relative")],
        id="aujourd_hui_of_publication",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), NEWS_PHRASINGS)
def test_news_phrasings(text: str, anchor: dt.date, expected: list[Row]) -> None:
    assert mentions(text, anchor) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("25 mai", True), ("en juin", True), ("mi-July", True), ("jeudi", False), ("hier", False)],
    ids=["day_month", "month", "english_month", "weekday", "relative_day"],
)
def test_names_month(phrase: str, expected: bool) -> None:
    assert names_month(phrase) is expected


@pytest.mark.parametrize(
    ("weekday", "future", "expected"),
    [
        (0, False, "2025-06-30"),
        (2, False, "2025-07-02"),
        (2, True, "2025-07-09"),
        (4, True, "2025-07-04"),
    ],
    ids=["monday_before", "same_day_past", "same_day_future_next_week", "friday_ahead"],
)
def test_weekday_by_tense(weekday: int, future: bool, expected: str) -> None:
    assert weekday_by_tense(WED, weekday, future).isoformat() == expected
