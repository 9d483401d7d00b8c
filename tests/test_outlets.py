"""Outlet and date from meta lines and URLs."""

from __future__ import annotations

import pytest

from helpers.ingest.outlets import (
    date_from_url,
    find_outlet,
    find_site_name,
    is_aggregator,
    load_registry,
    outlet_country,
    outlet_from_url,
    readable_name,
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Publié dans Maroc Diplomatique le 02 - 07 - 2025"], "Maroc Diplomatique"),
        (["Publié dans L'opinion le 24 - 10 - 2023"], "L'Opinion"),
        (["Publié dans Le Matin - 12/03/2025"], "Le Matin"),
        (["Publiée sur Hespress FR le 3 juillet 2025"], "Hespress FR"),
        (["Rédaction de lanouvelletribune"], "La Nouvelle Tribune"),
        (["La rédaction de Médias24"], "Médias24"),
        (["© 2025 Hespress. Tous droits réservés"], "Hespress"),
        (["Tous droits réservés © Le360 2025"], "Le360"),
        (["Copyright © 2024-2025 TelQuel - All rights reserved"], "TelQuel"),
        (["Source : MAP"], "MAP"),
        (["Source: Le Matin, avec agences"], "Le Matin"),
        (["Source : https://www.hespress.com/economie/1234.html"], "Hespress"),
        (["Rabat, 2 juillet (MAP) - Le ministère a annoncé..."], "MAP"),
        (["Published in Morocco World News on July 2, 2025"], "Morocco World News"),
        (["© 2025 Morocco World News"], "Morocco World News"),
        (["Par Ahmed Alami", "Le 27/02/2025"], None),
        (["By Jane Doe", "July 2, 2025"], None),
        (["Publié par Karim Benali le 02/07/2025"], None),
        (["Published by Jane Doe on July 2, 2025"], None),
        (["Published on July 2, 2025"], None),
        (["La rédaction", "Rédigé par le Jeudi 28 Aout 2025"], None),
        (["© 2025 Maghress"], None),
        ([], None),
        (["", "   "], None),
        (
            ["© 2025 Maghress. Tous droits réservés", "Publié dans L'opinion le 24 - 10 - 2023"],
            "L'Opinion",
        ),
        (["Par Ahmed Alami", "© 2025 Hespress. Tous droits réservés"], "Hespress"),
        (["Publié dans la rubrique Économie le 2 - 07 - 2025"], None),
    ],
    ids=[
        "publie_dans_fr",
        "publie_dans_apostrophe",
        "publie_dans_dash_date",
        "publiee_sur",
        "redaction_de",
        "la_redaction_de",
        "copyright_fr",
        "copyright_name_then_year",
        "copyright_year_range_en",
        "source_agency",
        "source_with_comma",
        "source_url",
        "agency_dateline",
        "published_in_en",
        "copyright_en",
        "person_byline_fr",
        "person_byline_en",
        "publie_par_person",
        "published_by_person",
        "published_on_date_only",
        "generic_newsroom",
        "aggregator_copyright_ignored",
        "no_lines",
        "blank_lines",
        "original_outlet_beats_aggregator_footer",
        "byline_then_footer",
        "section_not_outlet",
    ],
)
def test_find_outlet(lines: list[str], expected: str | None) -> None:
    assert find_outlet(lines) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.hespress.com/economie/ia-maroc-123456.html", "Hespress"),
        ("https://fr.hespress.com/412345-ia.html", "Hespress FR"),
        ("fr.le360.ma", "Le360"),
        ("https://fr.le360.ma/economie/article_1234/", "Le360"),
        ("http://LEMATIN.ma/article/x", "Le Matin"),
        ("https://www.bbc.co.uk/news/world-africa-1", "BBC"),
        ("https://www.maghress.com/fr/lopinion/12345", "L'Opinion"),
        ("https://www.maghress.com/lematin/987", "Le Matin"),
        ("https://www.maghress.com/fr/ouarzazatenews/987", "Ouarzazate News"),
        ("https://www.examplenews.ma/ia/12", "Example News"),
        ("https://mcg24.example-tv.com/ia/12", "Example TV"),
        ("https://www.maghress.com/fr/", None),
        ("https://www.msn.com/fr-fr/actualite/monde/le-maroc-et-l-ia/ar-AA1abcD", None),
        ("https://fr.news.yahoo.com/maroc-ia-123456789.html", None),
        ("https://news.google.com/articles/CBMiWmh0dHBzOi8v?hl=fr", None),
        ("https://news.google.com/url?url=https://www.medias24.com/2025/07/02/x/", "Médias24"),
        ("https://www.pressreader.com/morocco/le-matin/20250702/281500756", "Le Matin"),
        ("not a url", None),
        ("", None),
        ("https://192.168.0.1/article", None),
        ("https://localhost/article", None),
    ],
    ids=[
        "www_stripped",
        "language_subdomain_is_its_own_outlet",
        "bare_subdomain",
        "language_subdomain",
        "upper_case_host",
        "country_second_level",
        "maghress_with_language",
        "maghress_without_language",
        "maghress_unknown_slug_read_as_words",
        "unknown_domain_read_as_words",
        "unknown_subdomain_uses_registered_domain",
        "maghress_no_outlet",
        "msn_not_the_outlet",
        "yahoo_not_the_outlet",
        "google_news_encoded",
        "google_news_redirect_param",
        "pressreader_newspaper",
        "text_not_url",
        "empty",
        "ip_address",
        "single_label_host",
    ],
)
def test_outlet_from_url(url: str, expected: str | None) -> None:
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.maghress.com/fr/lopinion/12345", True),
        ("https://fr.news.yahoo.com/x.html", True),
        ("https://www.hespress.com/x.html", False),
        ("nonsense", False),
    ],
    ids=["maghress", "yahoo_subdomain", "outlet", "invalid"],
)
def test_is_aggregator(url: str, expected: bool) -> None:
    assert is_aggregator(url) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.medias24.com/2025/07/01/le-maroc-et-lia/", "2025-07-01"),
        ("/2025/07/01/", "2025-07-01"),
        ("https://lematin.ma/2025/7/1/slug", "2025-07-01"),
        ("https://www.mapexpress.ma/2025/07/", "2025-07"),
        ("https://x.ma/actualite/2025/07/123456-slug", "2025-07"),
        ("https://www.pressreader.com/morocco/le-matin/20250828/281500756", "2025-08-28"),
        ("https://x.ma/article-2025-08-28-ia.html", "2025-08-28"),
        ("https://x.ma/news/2025_08_28/slug", "2025-08-28"),
        ("https://x.ma/a?date=2025-08-28", "2025-08-28"),
        ("https://x.ma/2025/02/30/slug", None),
        ("https://x.ma/2025/13/slug", None),
        ("https://x.ma/article/20251399", None),
        ("https://x.ma/id/123456789012", None),
        ("https://x.ma/ia-maroc-123456.html", None),
        ("https://x.ma/1870/05/04/", None),
        ("https://20250828.example.ma/slug", None),
        ("", None),
    ],
    ids=[
        "year_month_day",
        "path_only",
        "single_digit_month_day",
        "year_month",
        "year_month_then_id",
        "compact_id",
        "dashed_in_slug",
        "underscored",
        "in_query",
        "invalid_day_not_month_either",
        "invalid_month",
        "compact_invalid",
        "long_number_not_a_date",
        "id_not_a_date",
        "implausible_year",
        "host_ignored",
        "empty",
    ],
)
def test_date_from_url(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Par LeSiteinfo avec MAP"], "Le Site Info"),
        (["Par Nadia Salah – Le Matin"], "Le Matin"),
        (["By Sara Alami | Morocco World News"], "Morocco World News"),
        (["Par Nadia Salah – Fatima Alaoui"], None),
        (["Infomédiaire (Casablanca)"], "Infomédiaire"),
        (["Karim Bennani (Rabat)"], None),
        (["Al Bayane © Tous droits réservés"], "Al Bayane"),
        (["© 2025 hespress fr. Tous droits réservés"], "Hespress FR"),
        (["Rédaction de lanouvelletribune"], "La Nouvelle Tribune"),
    ],
    ids=[
        "byline_outlet_with_agency",
        "byline_person_dash_outlet",
        "byline_en_bar_outlet",
        "byline_two_people",
        "source_credit_with_city",
        "person_with_city_not_an_outlet",
        "name_before_copyright_sign",
        "registry_spelling",
        "slug_to_registry_name",
    ],
)
def test_find_outlet_names_as_readers_do(lines: list[str], expected: str | None) -> None:
    assert find_outlet(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["TelQuel", "Maroc Digital 2030 : l'IA au cœur du plan", "Texte..."], "TelQuel"),
        (["Menu", "Titre de l'article", "Texte.", "Médias24"], "Médias24"),
        (["Le Matin publie un dossier sur l'intelligence artificielle au Maroc"], None),
        (["Maroc", "Texte"], None),
    ],
    ids=["site_name_at_top", "site_name_at_bottom", "name_inside_a_sentence", "not_an_outlet"],
)
def test_find_site_name(lines: list[str], expected: str | None) -> None:
    assert find_site_name(lines) == expected


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("examplenews.ma", "Example News"),
        ("www.lagazettedumaroc.com", "La Gazette Du Maroc"),
        ("mcg24.com", "MCG24"),
        ("atlas-info-tv.ma", "Atlas Info TV"),
        ("sub.example-press.co.uk", "Example Press"),
        ("maghrebinfo", "Maghreb Info"),
    ],
    ids=["two_words", "article_and_particles", "acronym", "hyphens", "registered_domain", "slug"],
)
def test_readable_name(site: str, expected: str) -> None:
    assert readable_name(site) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://fr.allafrica.com/stories/202311150318.html", "2023-11-15"),
        ("https://example.ma/a/2025071512345", "2025-07-15"),
        ("https://example.ma/article/123456789012", None),
        ("https://example.ma/p/20251340123.html", None),
    ],
    ids=["yyyymmdd_glued_to_id", "glued_without_extension", "plain_id", "invalid_glued_date"],
)
def test_date_from_url_glued_to_id(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


def test_allafrica_names_no_outlet_of_its_own() -> None:
    assert outlet_from_url("https://fr.allafrica.com/stories/202504030412.html") is None
    assert is_aggregator("https://fr.allafrica.com/stories/202504030412.html")


def test_registry_rows_are_usable() -> None:
    registry = load_registry()
    outlets = set(registry.by_domain.values())
    assert len(outlets) >= 200
    for outlet in outlets:
        assert outlet.name and outlet.name == outlet.name.strip()
        assert all("." in domain and domain == domain.lower() for domain in outlet.domains)
        assert outlet.country is None or len(outlet.country) == 2
        assert (
            "." not in outlet.name
            or outlet.name in {"Bladi.net", "Abidjan.net"}
            or (outlet.name.endswith((".net", ".cd", ".com", ".ma", ".io")))
        )


@pytest.mark.parametrize(
    ("name", "country"),
    [("Hespress FR", "MA"), ("Jeune Afrique", "FR"), ("TechCabal", "NG"), ("Inconnu", None)],
    ids=["moroccan", "french", "nigerian", "unknown"],
)
def test_outlet_country(name: str, country: str | None) -> None:
    assert outlet_country(name) == country
