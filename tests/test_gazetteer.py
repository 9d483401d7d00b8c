"""The packaged gazetteer: rows read and checked, names looked up in any written form, rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.timeline import gazetteer

HEADER = "name,acronym,type,variants\n"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Caisse de dépôt et de gestion", "Caisse de dépôt et de gestion"),
        ("CDG", "Caisse de dépôt et de gestion"),
        ("caisse de depot et de gestion", "Caisse de dépôt et de gestion"),
        ("ministère de l’Education nationale", gazetteer.lookup("MENPS").canonical),
        ("Ministry of Digital Transition", gazetteer.lookup("MTNRA").canonical),
        ("Akhannouch", "Aziz Akhannouch"),
        ("Digital Morocco 2030", "Maroc Digital 2030"),
        ("Haut Commissariat au Plan", "Haut-Commissariat au Plan"),
        ("cdg", None),
        ("add", None),
        ("Ministère de la Pluie", None),
    ],
    ids=[
        "canonical",
        "acronym",
        "lower_case_no_accents",
        "curly_apostrophe_unaccented_capital",
        "english_variant",
        "surname_variant",
        "programme_variant",
        "hyphen_or_space",
        "acronym_in_lower_case_is_a_word",
        "english_verb_is_not_the_agency",
        "unknown",
    ],
)
def test_lookup(written: str, canonical: str | None) -> None:
    known = gazetteer.lookup(written)
    assert (known.canonical if known else None) == canonical


@pytest.mark.parametrize(
    ("name", "is_actor"),
    [
        ("AI Movement", True),
        ("Maroc Digital 2030", False),
        ("GITEX Africa", False),
        ("Programme des Nations unies pour le développement", True),
    ],
    ids=["programme_named_like_a_person", "strategy", "event", "un_programme_is_an_agency"],
)
def test_types(name: str, is_actor: bool) -> None:
    assert gazetteer.lookup(name).is_actor is is_actor


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("name,type,variants\nX,person,\n", "missing column(s) acronym"),
        (HEADER + "X,,person,\n,,person,\n", ":3: empty name"),
        (HEADER + "X,,company,\n", ":2: type 'company' is not one of"),
    ],
    ids=["missing_column", "empty_name", "unknown_type"],
)
def test_bad_rows_are_named(csv_text: str, message: str) -> None:
    with pytest.raises(
        gazetteer.GazetteerError, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        gazetteer.parse_rows(csv_text, source="g.csv")


def test_rows_keep_every_form_once() -> None:
    (row,) = gazetteer.parse_rows(HEADER + "Agence X,AX,organisation,Agence X | X Agency|\n")
    assert row.forms == ("Agence X", "X Agency")
    assert (row.acronym, row.label) == ("AX", "ORG")


def test_every_packaged_form_leads_back_to_its_row() -> None:
    for row in gazetteer.entries():
        for form in row.forms:
            assert gazetteer.lookup(form) is not None, form


def test_ruler_patterns_match_acronyms_as_written_and_names_in_any_case() -> None:
    any_case, as_written = gazetteer.ruler_patterns()
    written = {p["pattern"] for p in as_written}
    assert {"CDG", "UM6P", "UM6P."} <= written
    assert not any(" " in p for p in written)
    assert all(" " in p["pattern"] for p in any_case)
    labels = {p["pattern"]: p["label"] for p in any_case}
    assert labels["Maroc Digital 2030"] == "MISC"
    assert labels["Caisse de dépôt et de gestion"] == "ORG"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Ministère de l'Éducation", "Ministère de l'Education"),
        ("Conseil de l’Europe", "Conseil de l'Europe"),
    ],
    ids=["unaccented_initials", "straight_apostrophe"],
)
def test_spellings(form: str, expected: str) -> None:
    assert expected in gazetteer.spellings(form)


def test_official_words_come_from_organisation_names() -> None:
    words = gazetteer.official_words()
    assert {"numérique", "administration", "droits"} <= words
    assert not {"Maroc", "de", "des", "2030"} & words


def test_caches_are_keyed_by_the_gazetteer_content(monkeypatch, tmp_path) -> None:
    from helpers import cache
    from helpers.timeline import ner
    from helpers.timeline import stage as extraction

    def versions() -> tuple[str, str]:
        entities, extract = ner.entity_cache(tmp_path), extraction.extract_cache(tmp_path)
        assert entities is not None and extract is not None
        return entities.version, extract.version

    before = versions()
    package = tmp_path / "helpers"
    shutil.copytree(Path(cache.__file__).parent, package)  # the package, resources/ included
    edited = package / gazetteer.GAZETTEER_FILE
    edited.write_text(edited.read_text(encoding="utf-8") + "Agence X,,organisation,\n", "utf-8")
    monkeypatch.setattr(cache, "_PACKAGE_DIR", package)
    changed = versions()
    monkeypatch.undo()
    assert changed[0] != before[0] and changed[1] != before[1]
    assert versions() == before
