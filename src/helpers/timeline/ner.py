"""Named entities: the spaCy model with NER only, the sentences it reads, and the per-text
cache of what it found (keyed by this module's code and the model's version)."""

from __future__ import annotations

import bisect
import gc
import importlib.metadata
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from helpers import config
from helpers.cache import JsonCache, code_version, key_of, resources_digest
from helpers.text.spans import sentences
from helpers.text.stopwords import spacy_stop_words
from helpers.timeline import gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

# NER has its own tok2vec in the fr_core_news_* pipelines: everything else is excluded.
_UNUSED_COMPONENTS = [
    "tok2vec",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
]
# Bodies longer than this are cut for NER only (a 5 MB page is not an article).
MAX_NER_CHARS = 100_000
# A word starting with a capital letter: French and English names, organisations, places and
# acronyms all do, so a sentence without one (bar a stop word opening it) holds no entity.
_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ]\w*")
# What may come before the first word of a sentence.
_OPENERS = " «\"“‘'(-–—"
# An upper-case letter followed by one of these is an elision (L'État, D'ici), not a name.
_APOSTROPHES = "'’"
# Kept sentences are joined with this separator in the text given to the model.
_SEPARATOR = "\n"

EntityTuple = tuple[int, int, str, str]
# Texts given to nlp.pipe at a time.
BATCH = 64


@dataclass(frozen=True)
class Entity:
    """A named entity with its span in the text it was found in."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC

    def as_tuple(self) -> EntityTuple:
        """(start, end, text, label): how caches store it (dataclasses.astuple deep-copies
        every field, 50x slower on the 26,000 entities of 1,000 articles)."""
        return (self.start, self.end, self.text, self.label)


@lru_cache(maxsize=2)
def load_ner(model: str = config.SPACY_MODEL) -> Language:
    """Load the spaCy pipeline once per process, NER only. Its matrix products go through
    numpy's BLAS (OpenBLAS, tuned for the CPU it runs on) rather than thinc's default BLIS,
    whose generic kernels measured 6x slower here: the same entities, 1.75x the words/s."""
    import spacy
    from thinc.api import use_ops

    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(model, exclude=_UNUSED_COMPONENTS)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: run `make env` (it comes from the lock file)"
        ) from exc
    add_gazetteer_rulers(nlp)
    return nlp


def load_in_worker(model: str = config.SPACY_MODEL) -> None:
    """Worker process initializer: the model is loaded before the first text arrives. One
    BLAS thread per worker: the workers already fill the cores, more threads would contend."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    load_ner(model)
    gc.freeze()  # the model lives as long as the worker: later collections skip it


def add_gazetteer_rulers(nlp: Language) -> None:
    """Entity rulers before the statistical NER: names from the gazetteer come out whole and
    typed (the model then predicts around them). Names of two words or more match in any
    case; one-word names and acronyms only as written."""
    any_case, as_written = gazetteer.ruler_patterns()
    names = nlp.add_pipe(
        "entity_ruler",
        name="gazetteer_names",
        before="ner",
        config={"phrase_matcher_attr": "LOWER"},
    )
    names.add_patterns(any_case)  # type: ignore[attr-defined]
    acronyms = nlp.add_pipe("entity_ruler", name="gazetteer_acronyms", before="ner")
    acronyms.add_patterns(as_written)  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    """Stop words that may open a sentence with a capital and are never an entity."""
    return spacy_stop_words("fr") | spacy_stop_words("en")


def may_hold_entity(sentence: str) -> bool:
    """True when a sentence has a capitalised word that may be a name: not an elided article
    (L', D'), and not a stop word opening the sentence."""
    for match in _CAPITALISED.finditer(sentence):
        word = match.group()
        if len(word) == 1 and sentence[match.end() : match.end() + 1] in _APOSTROPHES:
            continue
        opening = not sentence[: match.start()].strip(_OPENERS)
        if not (opening and word.casefold() in _sentence_openers()):
            return True
    return False


def ner_segments(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the runs of consecutive sentences that may hold an entity: the
    model reads only these (about a quarter to a third of news prose has no capitalised word)."""
    segments: list[tuple[int, int]] = []
    previous_kept = False
    for sentence in sentences(text):
        kept = may_hold_entity(sentence.text)
        if kept and previous_kept and "\n" not in text[segments[-1][1] : sentence.start]:
            segments[-1] = (segments[-1][0], sentence.end)
        elif kept:
            segments.append((sentence.start, sentence.end))
        previous_kept = kept
    return segments


def compact_text(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The segments worth NER joined by a separator (at most MAX_NER_CHARS), and for each
    segment (start in the compact text, start in the original, length)."""
    pieces: list[str] = []
    table: list[tuple[int, int, int]] = []
    position = 0
    for start, end in ner_segments(text):
        length = min(end - start, MAX_NER_CHARS - position)
        if length <= 0:
            break
        pieces.append(text[start : start + length])
        table.append((position, start, length))
        position += length + len(_SEPARATOR)
    return _SEPARATOR.join(pieces), table


def to_original(
    found: Sequence[EntityTuple], table: Sequence[tuple[int, int, int]]
) -> list[EntityTuple]:
    """Entities found in a compact text, with offsets in the original text (an entity that
    spans a separator is dropped)."""
    starts = [row[0] for row in table]
    result = []
    for start, end, text, label in found:
        i = bisect.bisect_right(starts, start) - 1
        compact_start, original_start, length = table[i]
        if end <= compact_start + length:
            shift = original_start - compact_start
            result.append((start + shift, end + shift, text, label))
    return result


def entity_tuples(texts: Sequence[str], model: str = config.SPACY_MODEL) -> list[list[EntityTuple]]:
    """Entities of each text as plain tuples, computed in this process (what a worker runs).
    The model reads only the sentences that may hold an entity (see ner_segments)."""
    nlp = load_ner(model)
    compacted = [compact_text(t) for t in texts]
    return [
        to_original([(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents], table)
        for doc, (_, table) in zip(
            nlp.pipe((c for c, _ in compacted), batch_size=BATCH), compacted, strict=True
        )
    ]


def find_entities(texts: Sequence[str], model: str = config.SPACY_MODEL) -> list[list[Entity]]:
    """Entities of each text, computed in this process."""
    return [[Entity(*e) for e in found] for found in entity_tuples(texts, model)] if texts else []


def _model_version(model: str) -> str:
    """The installed version of a spaCy model package ("unknown" if it has no metadata)."""
    try:
        return importlib.metadata.version(model.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def entity_cache(cache_dir: Path | None, model: str = config.SPACY_MODEL) -> JsonCache | None:
    """The per-text cache of entities (None: no cache), versioned by code and model."""
    if cache_dir is None:
        return None
    listed = resources_digest((gazetteer.GAZETTEER_FILE,))
    version = code_version(__name__, f"{model}=={_model_version(model)} gazetteer={listed}")
    return JsonCache(cache_dir, "entities", version)


def has_entities(text: str, cache: JsonCache | None) -> bool:
    """True when the entities of this text are in the cache (no model needed for it)."""
    return cache is not None and cache.has(key_of(text))


def cached_entities(
    texts: Sequence[str], cache_dir: Path | None, model: str = config.SPACY_MODEL
) -> Iterator[list[Entity]]:
    """Entities of each text, in order; texts seen before (same text, code and model) come
    from the cache and the model is loaded only if some text is new."""
    cache = entity_cache(cache_dir, model)
    keys = [key_of(text) for text in texts]
    known = {k: cache.get(k) for k in keys} if cache else {}
    missing = [i for i, k in enumerate(keys) if known.get(k) is None]
    fresh = iter(find_entities([texts[i] for i in missing], model))
    for key in keys:
        stored = known.get(key)
        if stored is not None:
            yield [Entity(*e) for e in stored]
            continue
        entities = next(fresh)
        if cache:
            cache.put(key, [list(e.as_tuple()) for e in entities])
        known[key] = [list(e.as_tuple()) for e in entities]
        yield entities
