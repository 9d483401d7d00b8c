"""The page's own publication date: top ISO lines, datelines, stamps; never an event's date."""

from __future__ import annotations

import pytest

from helpers.ingest.published import page_date, top_end


@pytest.mark.parametrize(
    ("top", "meta", "expected"),
    [
        pytest.param(
            ["date 2025-07", "Le Maroc lance sa stratégie"], [], "2025-07", id="prefix_month"
        ),
        pytest.param(["date 2024-09-30", "Titre"], [], "2024-09-30", id="prefix_day"),
        pytest.param(["2025-07-01", "Titre"], [], "2025-07-01", id="bare_iso_line"),
        pytest.param(["2025-07-01T10:30:00+01:00"], [], "2025-07-01", id="iso_with_time"),
        pytest.param(["date: 2025-11"], [], "2025-11", id="prefix_with_colon"),
        pytest.param(
            ["date 2025-07", "Titre"],
            ["Publié le 02/07/2025"],
            "2025-07-02",
            id="dateline_refines_month",
        ),
        pytest.param(
            ["date 2025-07", "Titre"],
            ["Publié le 28/06/2025"],
            "2025-07",
            id="top_line_wins_over_other_month",
        ),
        pytest.param(
            [
                "Titre",
                "Rabat, 15 avr 2025 (MAP) - Le ministère a présenté mardi sa feuille de route.",
            ],
            [],
            "2025-04-15",
            id="agency_dateline_abbreviated_month",
        ),
        pytest.param(
            ["Titre", "Dakar, 3 juil. 2025 (Agence Ecofin) - La conférence s'est ouverte hier."],
            [],
            "2025-07-03",
            id="agency_in_brackets_two_words",
        ),
        pytest.param(
            ["Titre", "Par Karim B.", "12/05/25 10:30"], [], "2025-05-12", id="two_digit_year_stamp"
        ),
        pytest.param(
            ["Publié le 12/05/25 à 10h30"], [], "2025-05-12", id="two_digit_year_published"
        ),
        pytest.param(["Edition N°:7034 Le 12/06/2025"], [], "2025-06-12", id="edition_then_date"),
        pytest.param(["Titre"], ["Le 27/02/2025"], "2025-02-27", id="meta_dateline"),
        pytest.param(["2025-13-01"], [], None, id="invalid_month"),
        pytest.param(["Titre", "Texte sans date."], [], None, id="nothing_stated"),
        pytest.param(
            [
                "Titre",
                "Les Assises se tiendront les 1er et 2 juillet 2025 à Rabat, a annoncé le ministère.",
            ],
            [],
            None,
            id="event_date_in_body_is_not_published",
        ),
        pytest.param(
            [
                "Le forum du 14 mai 2025 a réuni 300 participants venus de tout le continent africain."
            ],
            [],
            None,
            id="event_sentence_at_the_top",
        ),
    ],
)
def test_page_date(top: list[str], meta: list[str], expected: str | None) -> None:
    assert page_date(top, meta) == expected


def test_top_end_covers_the_first_non_empty_lines() -> None:
    text = "\n\n".join(f"ligne {i}" for i in range(20))
    head = text[: top_end(text)]
    assert head.count("ligne") == 10 and head.endswith("ligne 9")
