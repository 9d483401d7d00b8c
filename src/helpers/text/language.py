"""Language of an article body (ISO 639-1), with one lazily built lingua detector."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

from helpers.errors import ParameterError

DEFAULT_LANGUAGES = ("fr", "en", "ar", "es")

# Characters of the body sampled for detection: about 150 words, plenty for four languages
# in high-accuracy mode (half the cost of 2,000; the same answers on the seeds and 1,000
# generated articles).
SAMPLE_CHARS = 1000

# Fewer letters than this and the language is not decided (None).
MIN_LETTERS = 20

# URLs, e-mail addresses and @handles: not language, and English-looking.
NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|@\w+")
# What every NOT_PROSE match holds: without any of them, the pattern need not run.
NOT_PROSE_HINTS = ("http", "www.", "@")

# One letter in any script.
LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str | None:
    """Return the ISO 639-1 code of the text's language among `languages`, or None."""
    sample = _sample(text)
    if sample is None:
        return None
    found = _detector(_validated(languages)).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


def detect_languages(
    texts: Sequence[str], languages: Sequence[str] = DEFAULT_LANGUAGES
) -> list[str | None]:
    """Batch version of detect_language, run in parallel by lingua."""
    samples = [_sample(text) for text in texts]
    to_detect = [sample for sample in samples if sample is not None]
    found = iter(_detector(_validated(languages)).detect_languages_in_parallel_of(to_detect))
    codes: list[str | None] = []
    for sample in samples:
        language = next(found) if sample is not None else None
        codes.append(language.iso_code_639_1.name.lower() if language is not None else None)
    return codes


def _sample(text: str) -> str | None:
    """The opening of the body without URLs, or None when it has too few letters."""
    opening = text[: SAMPLE_CHARS * 2]
    if any(hint in opening for hint in NOT_PROSE_HINTS):
        opening = NOT_PROSE.sub(" ", opening)
    sample = " ".join(opening.split())[:SAMPLE_CHARS]
    return sample if len(LETTER.findall(sample)) >= MIN_LETTERS else None


def _validated(languages: Sequence[str]) -> tuple[str, ...]:
    """Lower-cased, de-duplicated, sorted language codes; raise on unknown ones."""
    if isinstance(languages, str):
        raise ParameterError("languages", languages, "a sequence of ISO 639-1 codes")
    codes = tuple(sorted({code.strip().lower() for code in languages}))
    if not codes:
        raise ParameterError("languages", languages, "at least one ISO 639-1 code")
    for code in codes:
        try:
            IsoCode639_1.from_str(code)
        except ValueError:
            raise ParameterError("languages", code, "an ISO 639-1 code known to lingua") from None
    return codes


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    """Build (once per language set) a lingua detector in high-accuracy mode."""
    isos = [IsoCode639_1.from_str(code) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()
