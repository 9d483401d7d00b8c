"""The NER workers: same entities in a background process, in this process, and when the
workers cannot start."""

from __future__ import annotations

import pytest

from helpers import nlp

TEXTS = [
    "Ghita Mezzour a annoncé à Rabat une instance nationale dédiée à l'IA.",
    "",
    "Le ministère de la Transition numérique organise les Assises à Salé.",
]


@pytest.fixture(scope="module")
def in_process() -> list[list[nlp.Entity]]:
    return list(nlp.iter_entities(TEXTS, in_process=True))


def test_worker_gives_the_same_entities_as_this_process(in_process) -> None:
    assert nlp.find_entities(TEXTS) == in_process
    assert any(e.label == "LOC" and e.text == "Rabat" for e in in_process[0])
    assert in_process[1] == []


def test_ner_goes_on_here_when_workers_cannot_start(monkeypatch, in_process, caplog) -> None:
    def refuse(model: str, count: int) -> list:
        raise OSError("no more processes")

    monkeypatch.setattr(nlp._WORKERS, "ensure", refuse)
    assert nlp.find_entities(TEXTS) == in_process
    assert "could not start" in caplog.text


def test_empty_input_starts_nothing() -> None:
    assert nlp.find_entities([]) == []
