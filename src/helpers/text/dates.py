"""Date phrases in French and English text: found by a regex grammar, normalised, with spans.

Spans cover the date itself plus the words that change its meaning (a weekday, "fin", "mi-",
"du ... au", "d'ici", "dernier"); plain prepositions and articles before it ("le", "en",
"depuis", "in", "les") stay outside, so a caller can read them just before ``start``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from helpers.text.normalize import strip_accents as _strip_accents

Precision = Literal["year", "month", "day"]
Kind = Literal["absolute", "relative", "target"]

MIN_YEAR = 1900
MAX_YEAR = 2100
# A published line longer than this is prose, not a dateline or byline.
MAX_DATELINE_WORDS = 15
# Characters scanned before and after each trigger word: more than any phrase reaches
# ("au premier trimestre de l'année 2025" starts 31 characters before its last trigger).
WINDOW_BEFORE = 48
WINDOW_AFTER = 32
# Capitalised words besides the date (and a time) that a bare dateline may carry
# ("Rabat (MAP), le ...").
MAX_DATELINE_EXTRA_WORDS = 2


@dataclass(frozen=True)
class DateMention:
    """One date phrase: its span in the text, its normalised value, precision and kind."""

    start: int  # char offset of the phrase in the input text
    end: int  # text[start:end] == phrase
    text: str  # the phrase as written
    date: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD" (first day of a range)
    end_date: str | None  # last day/month/year of a range or list, else None
    precision: Precision
    kind: Kind  # absolute: stated; relative: resolved from the anchor; target: a horizon


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------


def _fold(token: str) -> str:
    """Lower-case, accent-free, dot-free, single-spaced form of a token, for table look-ups.
    Dotless ı and long ſ, which the case-blind patterns match as i and s, fold to them too."""
    plain = _strip_accents(token.lower()).replace("ı", "i").replace("ſ", "s")
    return " ".join(plain.replace(".", "").replace("’", "'").replace("ʼ", "'").split())


def _folded(table: dict[str, int]) -> dict[str, int]:
    """A look-up table keyed by the folded forms of its words."""
    return {_fold(word): value for word, value in table.items()}


# Words as written (accents and all); the patterns accept them with or without accents and
# the look-up tables below are keyed by their folded forms.
_MONTHS_FR_WRITTEN = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_MONTHS_EN_WRITTEN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTH_WORDS_EN = tuple(name.lower() for name in _MONTHS_EN_WRITTEN)
_MONTH_ABBREVIATIONS_EN = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_ABBREVIATIONS = {
    **_MONTH_ABBREVIATIONS_EN, "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "déc": 12,
}  # fmt: skip
_WEEKDAYS_FR = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
_WEEKDAYS_EN = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_WEEKDAY_ABBREVIATIONS = {
    "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6, "mon": 0, "tue": 1,
    "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
# Ranks of quarters and half-years: "premier trimestre", "2e semestre", "third quarter".
_ORDINAL_RANKS = {
    "premier": 1, "1er": 1, "first": 1, "1st": 1, "deuxième": 2, "second": 2, "2e": 2,
    "2ème": 2, "2nd": 2, "troisième": 3, "third": 3, "3e": 3, "3ème": 3, "3rd": 3,
    "quatrième": 4, "fourth": 4, "4e": 4, "4ème": 4, "4th": 4,
}  # fmt: skip
# Days counted from the anchor.
_RELATIVE_DAYS = {
    "avant-hier": -2, "avant hier": -2, "the day before yesterday": -2, "hier": -1,
    "yesterday": -1, "aujourd'hui": 0, "today": 0, "demain": 1, "tomorrow": 1,
    "après-demain": 2, "après demain": 2, "the day after tomorrow": 2, "la veille": -1,
}  # fmt: skip

_MONTHS_FR = {_fold(name): number for number, name in enumerate(_MONTHS_FR_WRITTEN, 1)}
_MONTHS_EN = {_fold(name): number for number, name in enumerate(_MONTHS_EN_WRITTEN, 1)}
_MONTH_NUMBERS = {**_MONTHS_FR, **_MONTHS_EN, **_folded(_MONTH_ABBREVIATIONS)}
_EN_ONLY_MONTHS = frozenset(_MONTHS_EN) - frozenset(_MONTHS_FR)
_WEEKDAY_NUMBERS = {**_WEEKDAYS_FR, **_WEEKDAYS_EN, **_WEEKDAY_ABBREVIATIONS}
_ORDINALS = _folded(_ORDINAL_RANKS)
_RELATIVE_DAY_OFFSETS = _folded(_RELATIVE_DAYS)

_APOS = "['’ʼ]"


def _loose(word: str) -> str:
    """Regex source for a lower-case word: written accents optional, any apostrophe, any space."""
    out = []
    for ch in word:
        base = _strip_accents(ch)
        if base != ch:
            out.append(f"[{ch}{base}]")
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "'":
            out.append(_APOS)
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alternation(words: Sequence[str]) -> str:
    """Regex source matching any of words (longest first), accents optional."""
    return "(?:" + "|".join(_loose(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _trie(words: set[str]) -> str:
    """Regex source matching any of words, as a prefix tree (much faster than a flat list)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [_loose(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _lowercase(text: str) -> str:
    """text in lower case, character for character, so that offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Regex fragments, assembled into the compiled patterns below; all patterns but the
# publication cues run on lower-cased text.
_MONTH_FULL = _alternation([*_MONTHS_FR_WRITTEN, *_MONTH_WORDS_EN])
_MONTH_ANY = rf"(?:{_MONTH_FULL}\b|{_alternation(list(_MONTH_ABBREVIATIONS))}\b\.?)"
_MONTH_EN = (
    rf"(?:{_alternation(_MONTH_WORDS_EN)}\b|{_alternation(list(_MONTH_ABBREVIATIONS_EN))}\b\.?)"
)
_WEEKDAY_FULL_FR = _alternation(list(_WEEKDAYS_FR))
_WEEKDAY_FULL_EN = _alternation(list(_WEEKDAYS_EN))
_WEEKDAY_FULL = _alternation([*_WEEKDAYS_FR, *_WEEKDAYS_EN])
# An optional weekday before a date, kept in the span: "Jeudi 28 Aout", "Tue, July 1".
_WEEKDAY_PREFIX = (
    rf"(?:\b(?P<wd>{_WEEKDAY_FULL}|{_alternation(list(_WEEKDAY_ABBREVIATIONS))}\.?),?\s+)?"
)
# Ordinal endings of a day: "1er", "1re", "1ère", "1ᵉʳ", "1st", "2nd", "3rd", "4th".
_DAY_SUFFIX = r"(?:er|re|[eè]re|ᵉʳ|st|nd|rd|th)?"
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
# Not inside a number or a word: keeps "2.944", "10:30", "COP28" out.
_NO_NUMBER_BEFORE = r"(?<![\w.,/:-])"
# A plausible year, not the start of a longer number ("2025.5", "2025,3").
_YEAR_NUMBER = r"(?:19\d\d|20\d\d|2100)(?!\d|[.,]\d)"
# After a year standing alone: not a season "2025/2026", "2024-25", nor a percentage.
_YEAR_TAIL = r"(?!\s*/\s*\d|\s*[-–]\s*(?:\d{4}|\d{2})\b|\s*%)"
# Between a month (and day) and its year: "1 July 2025", "July 1, 2025".
_YEAR_SEP = r"(?P<ysep>\s*,\s*|\s+)"


def _day(name: str, *, guard: bool = True) -> str:
    """Regex source for a day of month (1-31, "1er", "2nd", "premier") in group name.

    With guard, the day may not follow a digit, a letter or a number separator.
    """
    before = _NO_NUMBER_BEFORE if guard else r"(?<!\d)"
    return rf"{before}(?P<{name}>{_DAY_NUMBER}|premier){_DAY_SUFFIX}(?!\w)"


# After a date without a year: "le 18 février dernier", "les 3 et 4 décembre prochains".
_SUFFIX_WORDS = _alternation(
    ["dernier", "derniers", "prochain", "prochains", "passé", "passés"]
)  # fmt: skip
# A day after the first one of a list ("1er, 2 et 3"): it may follow "-" or ",".
_DAY_BARE = rf"(?<!\d)(?:{_DAY_NUMBER}|premier){_DAY_SUFFIX}(?!\w)"

# ---------------------------------------------------------------------------------------------
# Patterns for one date part (a day, a month, a year, a quarter ...), used alone and in ranges
# ---------------------------------------------------------------------------------------------

# "02/07/2025", "le 02 - 07 - 2025", "27.02.2025", "mardi 3/10/2023": always day first.
_NUMERIC_DMY = re.compile(
    rf"{_WEEKDAY_PREFIX}{_NO_NUMBER_BEFORE}(?P<d>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<m>[01]?\d)"
    rf"\s*(?P=sep)\s*(?P<y>{_YEAR_NUMBER})(?![\w/-]|[.,:]\d)",
)
# "2025-07-01", "2025/07/01", "2025-07-01T10:30".
_ISO_YMD = re.compile(
    rf"{_NO_NUMBER_BEFORE}(?P<y>19\d\d|20\d\d|2100)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)"
    r"(?P<d>[0-3]?\d)(?:(?=t\d)|(?![\w]|[./:-]\d))",
)
# "23 octobre 2023", "Jeudi 28 Aout 2025", "1er juillet", "1 July, 2025", "18 février dernier".
_TEXT_DMY = re.compile(
    rf"{_WEEKDAY_PREFIX}{_day('d')}\s+(?:of\s+)?(?P<m>{_MONTH_ANY})"
    rf"(?:{_YEAR_SEP}(?P<y>{_YEAR_NUMBER}))?"
    rf"(?:\s+(?P<suf>{_SUFFIX_WORDS})\b)?",
)
# "July 1, 2025", "Tuesday, July 1, 2025", "Sept. 3".
_TEXT_MDY = re.compile(
    rf"{_WEEKDAY_PREFIX}\b(?P<m>{_MONTH_EN})\s+{_day('d')}(?:{_YEAR_SEP}(?P<y>{_YEAR_NUMBER}))?",
)
# A part of a month or year: "fin 2025", "mi-juillet", "early 2026", "end of 2025".
_VAGUE_WORDS = _alternation(
    ["fin", "début", "mi", "courant", "early", "late", "mid", "end", "end of", "beginning of",
     "start of", "middle of", "year-end"]
)  # fmt: skip
# "juin 2024", "fin juin 2025", "mi-juillet 2025", "June of 2024", "mois de mars 2024".
_MONTH_YEAR = re.compile(
    rf"(?:\b(?P<vague>{_VAGUE_WORDS})(?:\s*-\s*|\s+)(?:de\s+|d{_APOS}\s*|of\s+)?)?"
    rf"\b(?P<m>{_MONTH_ANY})(?:\s*,\s*|\s+)(?:of\s+|de\s+l{_APOS}ann[ée]e\s+)?"
    rf"(?P<y>{_YEAR_NUMBER}){_YEAR_TAIL}",
)
# "fin 2025", "début de l'année 2026", "mi-2025", "end of 2025", "early 2026".
_VAGUE_YEAR = re.compile(
    rf"\b(?P<vague>{_VAGUE_WORDS})(?:\s*-\s*|\s+)"
    rf"(?:de\s+l{_APOS}ann[ée]e\s+|d{_APOS}ann[ée]e\s+|de\s+|of\s+)?"
    rf"(?P<y>{_YEAR_NUMBER}){_YEAR_TAIL}",
)
# "premier trimestre 2025", "2e semestre de 2024", "first quarter of 2025", "second half 2025".
_QUARTER_WORDS = re.compile(
    rf"\b(?P<n>{_alternation(list(_ORDINAL_RANKS))}|dernier|last|final)\s+"
    r"(?P<unit>trimestre|semestre|quarter|half)\s+"
    rf"(?:de\s+l{_APOS}ann[ée]e\s+|de\s+|of\s+(?:the\s+)?(?:year\s+)?|of\s+fiscal\s+(?:year\s+)?)?"
    rf"(?P<y>{_YEAR_NUMBER}){_YEAR_TAIL}",
)
# "Q1 2025", "T3 2024", "S1 2025", "H2 2025", "Q1-2025".
_QUARTER_CODE = re.compile(
    rf"\b(?P<code>[qtsh])(?P<n>[1-4])\s*[-/]?\s*(?P<y>{_YEAR_NUMBER}){_YEAR_TAIL}",
)
# A year standing alone (only read after a cue: a range, a target, "en", "depuis" ...).
_BARE_YEAR = re.compile(rf"{_NO_NUMBER_BEFORE}(?P<y>{_YEAR_NUMBER}){_YEAR_TAIL}")
# A month standing alone, full name ("janvier", "March"), only inside a range.
_BARE_MONTH = re.compile(rf"\b(?P<m>{_MONTH_FULL})\b(?!\s*,?\s*\d)")
# A day standing alone ("29", "1er", "lundi 1er"), only as the first end of a range.
_BARE_DAY = re.compile(rf"{_WEEKDAY_PREFIX}{_day('d')}")
# The year relative to the anchor, as a target horizon: "la fin de l'année", "year-end".
_YEAR_END = re.compile(
    rf"\b(?:fin\s+(?:de\s+l{_APOS}ann[ée]e|d{_APOS}ann[ée]e)(?:\s+(?P<next_fr>prochaine))?"
    r"|end\s+of\s+(?:the\s+|this\s+)?(?P<next_en>next\s+)?year|year[-\s]end)\b",
)
# A quantity after a year-like number: "en 2000 exemplaires", "2030 dirhams".
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|\$|€|(?:mmdh|mdh|dh|dirhams?|euros?|dollars?|usd|eur|personnes|habitants|"
    r"participants|visiteurs|emplois|postes|talents|[ée]tudiants|jeunes|entreprises|start-?ups?|"
    r"km|kilom[èe]tres|m[èe]tres|hectares|ha|tonnes|heures|jours|ans|mois|exemplaires|lits|"
    r"people|jobs|students|companies|firms|units|hours|days|years|mw|gw|kwh|unit[ée]s)\b)",
)

# ---------------------------------------------------------------------------------------------
# Patterns that start a phrase: cues, ranges, lists and relative words
# ---------------------------------------------------------------------------------------------

# A preposition that makes a following bare year a date: "en 2018", "depuis 2020", "in 2018".
_YEAR_CUE = re.compile(
    r"\b(?:"
    + "|".join(
        _loose(w)
        for w in ("en", "depuis", "dès", "avant", "après", "jusqu'en", "jusqu'à", "pour", "durant",
                  "pendant", "au cours de", "à partir de", "l'année", "l'an", "l'exercice",
                  "in", "since", "until", "till", "before", "after", "during", "through",
                  "throughout", "year", "vers", "circa")
    )
    + r")\s+(?=\d)",
)  # fmt: skip
# A horizon or deadline before a date: "d'ici 2030", "à l'horizon 2030", "by 2030".
_TARGET_CUE = re.compile(
    rf"(?:\bd{_APOS}ici(?:\s+[àa](?=\s))?|(?<!\w)[àa]\s+l{_APOS}horizon(?:\s+de)?|\bhorizon"
    rf"|\bby|\bno\s+later\s+than|(?<!\w)[àa]\s+l{_APOS}[ée]ch[ée]ance(?:\s+de)?"
    r"|\bavant(?=\s+(?:la\s+)?fin\b)|\bbefore(?=\s+(?:the\s+)?end\b))\s+",
)
# The opening word of a range: "du 29 au 31 mai", "entre 2023 et 2025", "from 2024 to 2026".
_RANGE_CUE = re.compile(
    rf"\b(?:du|de|entre|from|between)\s+(?=(?:le\s+|the\s+|ce\s+)?(?:{_WEEKDAY_FULL}\s+)?"
    rf"(?:\d|{_MONTH_FULL}\b))"
    rf"|\bd{_APOS}(?={_MONTH_FULL}\b)",
)
# Between the two ends of a range: "au", "à", "et", "to", "-".
_RANGE_LINK = re.compile(
    rf"\s*(?:(?:jusqu{_APOS}(?:au|à|a|en)|au|à|a|et|and|to|until|till|through)(?!\w)|-|–|—)\s*"
    r"(?:(?:le|the)\s+)?",
)
# An article that may stand between a cue and its date ("d'ici la fin", "by the end").
_ARTICLE = re.compile(rf"(?:le|la|l{_APOS}|the|ce)\s*")
# Days listed before one month: "1er et 2 juillet 2025", "10-12 octobre", "1, 2 and 3 July".
_DAY_LIST = re.compile(
    rf"(?:\b{_WEEKDAY_FULL}\s+)?{_day('d')}(?P<more>(?:\s*,\s*{_DAY_BARE})*)\s*,?\s*"
    rf"(?:et|and|&|au|à|to|through|-|–)\s*(?:(?:le|the)\s+)?(?:{_WEEKDAY_FULL}\s+)?"
    rf"{_day('d2', guard=False)}\s+(?:of\s+)?(?P<m>{_MONTH_ANY})"
    rf"(?:{_YEAR_SEP}(?P<y>{_YEAR_NUMBER})|\s+(?P<suf>{_SUFFIX_WORDS})\b)?",
)
# Days listed after one English month: "July 1-2, 2025", "July 1 and 2".
_DAY_LIST_EN = re.compile(
    rf"\b(?P<m>{_MONTH_EN})\s+{_day('d')}(?P<more>(?:\s*,\s*{_DAY_BARE})*)\s*,?\s*"
    rf"(?:and|&|to|through|-|–)\s*{_day('d2', guard=False)}(?:{_YEAR_SEP}(?P<y>{_YEAR_NUMBER}))?",
)
# Two day-months without a cue: "29 mai - 2 juin 2024", "May 29 - June 2, 2024".
_CROSS_MONTH = re.compile(
    rf"(?:{_day('d')}\s+(?P<m>{_MONTH_ANY})|\b(?P<m_en>{_MONTH_EN})\s+{_day('d_en')})"
    rf"\s*(?:-|–|to|through)\s*"
    rf"(?:{_day('d2', guard=False)}\s+(?P<m2>{_MONTH_ANY})"
    rf"|\b(?P<m2_en>{_MONTH_EN})\s+{_day('d2_en')})"
    rf"(?:{_YEAR_SEP}(?P<y>{_YEAR_NUMBER}))?",
)
# A month without a year after a cue, or with "dernier"/"prochain": "en juin", "fin juillet",
# "mi-mars", "in July", "last July", "juillet dernier".
_MONTH_NO_YEAR = re.compile(
    rf"(?:\b(?P<vague>{_VAGUE_WORDS})(?:\s*-\s*|\s+)(?:de\s+|d{_APOS}\s*|of\s+)?"
    rf"|\b(?P<cue>en|in|depuis|d[èé]s|since|until|durant|during|jusqu{_APOS}en"
    rf"|(?:au|le|du)\s+mois\s+(?:de\s+|d{_APOS}))\s*"
    r"|\b(?P<dir>last|next|this)\s+)?"
    rf"\b(?P<m>{_MONTH_FULL})\b(?!\s*,?\s*\d)"
    rf"(?:\s+(?P<suf>{_SUFFIX_WORDS})\b)?",
)
# Days around the anchor: "hier", "avant-hier", "aujourd'hui", "demain", "yesterday".
# Not after "de"/"d'"/"of" ("l'IA de demain", "le monde d'aujourd'hui") nor before "'s".
# Not "nowadays" either: "lancé en 2018 et aujourd'hui présent", "aujourd'hui encore".
_RELATIVE_DAY = re.compile(
    r"(?<!d')(?<!d’)(?<!de\s)(?<!of\s)(?<!et\s)(?<!and\s)\b(?P<w>"
    + _alternation(list(_RELATIVE_DAYS))
    + rf")\b(?!{_APOS}s)(?!\s+encore)",
)
# Two consecutive weekdays: "tenues mardi et mercredi", "on Tuesday and Wednesday".
_WEEKDAY_PAIR = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_FULL_FR})\s+et\s+(?P<wd2>{_WEEKDAY_FULL_FR})\b"
    rf"|\b(?:on\s+)?(?P<wd_en>{_WEEKDAY_FULL_EN})\s+and\s+(?P<wd2_en>{_WEEKDAY_FULL_EN})\b",
)
# A weekday near the anchor: "ce lundi", "lundi dernier", "mardi prochain", "last Monday".
_RELATIVE_WEEKDAY = re.compile(
    rf"\b(?:(?P<this>ce|cette)\s+(?P<wd>{_WEEKDAY_FULL_FR})\b(?!\s+(?:\d|premier))"
    rf"|(?P<wd2>{_WEEKDAY_FULL_FR})\s+(?P<dir>dernier|prochain|pass[ée])\b"
    rf"|(?P<dir_en>last|next|this\s+past|this\s+coming|this)\s+(?P<wd_en>{_WEEKDAY_FULL_EN})\b)",
)
# A bare weekday in news copy ("a annoncé lundi", "on Tuesday", "lundi au siège de"): the last
# such day, or the next one when the sentence speaks of the future; never a habit ("les lundis",
# "du lundi au vendredi", "lundi et mardi").
_BARE_WEEKDAY = re.compile(
    r"(?<!\bdu\s)(?<!\bles\s)(?<!\bchaque\s)(?<!\bevery\s)(?<!\bde\s)(?<!\bau\s)"
    r"(?<!\bà\s)(?<!\bto\s)"
    rf"\b(?:on\s+)?(?P<wd>{_WEEKDAY_FULL})\b(?!s\b)"
    r"(?!\s*(?:\d|premier|dernier|prochain|pass))"
    rf"(?!\s*(?:au|to|et|and|-|–)\s*(?:le\s+)?{_WEEKDAY_FULL}\b)",
    re.IGNORECASE,
)
# Words that put a sentence in the future (a weekday then means the coming one): auxiliaries,
# "prévu", and French future-tense verbs ("se tiendra", "s'achèveront", "réunira", "aura").
_FUTURE_CUE = re.compile(
    r"\b(?:sera|seront|aura|auront|pourra|pourront|devra|devront|va|vont|doit|doivent|devrait|devraient|"
    r"pr[ée]vue?s?|\w{2,}(?:er|ir|dr)(?:a|ont)|will|is\s+set\s+to|is\s+expected\s+to|"
    r"is\s+scheduled|upcoming)\b",
    re.IGNORECASE,
)
# What follows "la veille" when it means "just before" something: "à la veille des élections".
# and when it is a watch ("la veille technologique", "veille stratégique").
_VEILLE_OF = re.compile(rf"\s+(?:de|du|des)\b|\s+d{_APOS}|\s+\w+(?:ique|elle|ale|aire)s?\b")
# A verb in the present right before "aujourd'hui"/"today": "compte aujourd'hui", "is today".
_NOWADAYS_BEFORE = re.compile(
    r"\b(?:compte|comptent|est|sont|repr[ée]sente|repr[ée]sentent|reste|restent|demeure|demeurent|"
    r"constitue|constituent|dispose|disposent|emploie|emploient|qui|is|are|has|have|remains?)\s+$"
)
# A week, month or year around the anchor: "la semaine prochaine", "l'an dernier", "next month".
_RELATIVE_PERIOD = re.compile(
    rf"(?:\b(?:la\s+|le\s+|l{_APOS}\s*)?(?P<unit>semaine|mois|ann[ée]e|an)\s+"
    r"(?P<dir>derni[èe]re?|pass[ée]e?|prochaine?|en\s+cours)\b"
    rf"|\b(?P<this>cette|ce)\s+(?P<unit_this>semaine|mois|ann[ée]e)(?:-ci)?\b(?!\s+d(?:e\s|{_APOS}))"
    r"|(?<!the\s)\b(?P<dir_en>last|next|this)\s+(?P<unit_en>week|month|year)\b)",
)

# A word every date phrase contains: a month, a weekday, a year, a day or period word.
# Only the text around these is scanned by the rules, which keeps find_dates fast.
_TRIGGER = re.compile(
    r"\b(?:"
    + _trie(
        {*_MONTHS_FR_WRITTEN, *_MONTH_WORDS_EN, *_MONTH_ABBREVIATIONS, *_WEEKDAYS_FR,
         *_WEEKDAYS_EN, "hier", "demain", "aujourd'hui", "veille", "yesterday", "today", "tomorrow",
         "semaine", "mois", "année", "an", "week", "month", "year"}
    )
    + r"\b|(?:19|20)\d\d(?!\d)|2100(?!\d))"
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Patterns for publication lines
# ---------------------------------------------------------------------------------------------

# An explicit publication cue: "Publié dans L'opinion le", "Published on", "Posted:".
_PUBLISHED_CUE = re.compile(
    r"\b(?:publi[ée]e?|published|posted|mis\s+en\s+ligne|paru|date\s+de\s+publication)\b",
)
# An update cue: "Mis à jour le", "Updated", "Dernière modification".
_UPDATED_CUE = re.compile(
    r"\b(?:mis\s+[àa]\s+jour|mise\s+[àa]\s+jour|actualis[ée]e?|modifi[ée]e?|modification|"
    r"updated|last\s+modified)\b",
)
# A byline at the start of a line: "Rédigé par", "Par", "By", "Écrit par".
_BYLINE_CUE = re.compile(
    r"^\W*(?:r[ée]dig[ée]e?\s+par|[ée]crit\s+par|par|by|written\s+by|auteur|author)\b"
)
# A time of day in a dateline: "10h30", "10:30", "à 9h", "14:05 GMT".
_TIME_OF_DAY = re.compile(
    r"\b(?:[àa]\s+|at\s+)?\d{1,2}\s*(?:[h:]\s*\d{2}(?::\d{2})?|h)\b(?:\s*(?:am|pm|gmt|utc)\b)?",
)
# Words a dateline may carry besides the date and the place.
_DATELINE_FILLERS = frozenset({"le", "on", "a", "at", "the", "date", "dated"})
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------------------------------------
# Parts: what one date pattern read, before it is resolved against the anchor
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """What one date pattern read: any of year, month and day, with its span."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    last_month: int | None = None  # quarters and semesters: the month they end with
    direction: int = 0  # -1 "dernier"/"last", +1 "prochain"/"next", 0 nearest
    year_offset: int | None = None  # a year relative to the anchor ("fin de l'année")


def _group(m: re.Match[str], name: str) -> str | None:
    """The text of a named group, or None when the pattern lacks it or it did not match."""
    return m.group(name) if name in m.re.groupindex else None


def _direction(word: str | None) -> int:
    """-1 for "dernier"/"last"/"passé", +1 for "prochain"/"next", 0 otherwise."""
    if not word:
        return 0
    folded = _fold(word)
    if folded.startswith(("dernier", "passe", "last", "this past")):
        return -1
    if folded.startswith(("prochain", "next", "this coming")):
        return 1
    return 0


def _day_value(token: str) -> int:
    """The number of a day token ("1er" -> 1, "premier" -> 1, "09" -> 9)."""
    folded = _fold(token)
    return 1 if folded == "premier" else int(folded)


def _month_value(token: str) -> int | None:
    """The month number of a month token (name, abbreviation or digits), or None."""
    if token.isdigit():
        number = int(token)
        return number if 1 <= number <= 12 else None
    return _MONTH_NUMBERS.get(_fold(token))


def _is_lowercase_english_month(token: str) -> bool:
    """True for "may", "march" written in lower case: in English these are other words."""
    return token.islower() and _fold(token) in _EN_ONLY_MONTHS | {"mar"}


def _quarter_months(number: str, unit: str) -> tuple[int, int] | None:
    """First and last month of "premier trimestre", "Q3", "second half", "dernier semestre"."""
    folded, half = _fold(number), _fold(unit)[0] in "sh"
    if folded in ("dernier", "last", "final"):
        rank = 2 if half else 4
    else:
        rank = int(folded) if folded.isdigit() else _ORDINALS.get(folded, 0)
    size = 6 if half else 3
    if not 1 <= rank <= 12 // size:
        return None
    return (rank - 1) * size + 1, rank * size


def _part_from_match(m: re.Match[str], text: str) -> _Part | None:
    """The date part a part pattern matched (on lowered text), validated; None if not a date."""
    start, end = m.span()
    year_text, month_text, day_text = _group(m, "y"), _group(m, "m"), _group(m, "d")
    year = int(year_text) if year_text else None
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return None
    comma_year = "," in (_group(m, "ysep") or "")
    if year is not None and comma_year and month_text and _fold(month_text) in _MONTHS_FR:
        year, end = None, m.end("m")  # "le 18 février, 2000 personnes": that is no year
    month = _month_value(month_text) if month_text else None
    if month_text and month is None:
        return None
    written_month = text[m.start("m") : m.end("m")] if month_text else ""
    if written_month and year is None and _is_lowercase_english_month(written_month):
        return None
    number, unit = _group(m, "n"), _group(m, "unit") or _group(m, "code")
    last_month = None
    if number and unit:
        months = _quarter_months(number, unit)
        if months is None:
            return None
        month, last_month = months
    day = _day_value(day_text) if day_text else None
    if day is not None and month is not None and day > _days_in_month(year or 2024, month):
        return None
    return _Part(start, end, year, month, day, last_month, _direction(_group(m, "suf")))


def _days_in_month(year: int, month: int) -> int:
    """Number of days in a month (a leap year stands in for an unknown year)."""
    return calendar.monthrange(year, month)[1]


def _is_valid_day(year: int, month: int | None, day: int | None) -> bool:
    """True unless a day is given that its month does not have ("31 juin")."""
    return day is None or month is None or day <= _days_in_month(year, month)


def _year_is_quantity(text: str, end: int) -> bool:
    """True when the number that ends at end is followed by a unit ("2000 dirhams")."""
    return _QUANTITY_AFTER.match(text, end) is not None


def _year_end_part(m: re.Match[str]) -> _Part:
    """A relative year read from "la fin de l'année (prochaine)", "end of next year"."""
    offset = 1 if (m.group("next_fr") or m.group("next_en")) else 0
    return _Part(m.start(), m.end(), year_offset=offset)


# Patterns that read a complete date (year known, or day-month), in order of preference.
_FULL_PART_PATTERNS = (
    _NUMERIC_DMY, _ISO_YMD, _TEXT_DMY, _TEXT_MDY, _MONTH_YEAR, _QUARTER_WORDS, _QUARTER_CODE,
    _VAGUE_YEAR,
)  # fmt: skip


def _read_part(
    text: str, lowered: str, pos: int, patterns: Sequence[re.Pattern[str]]
) -> _Part | None:
    """The longest valid date part that starts exactly at pos, or None."""
    best: _Part | None = None
    for pattern in patterns:
        m = pattern.match(lowered, pos)
        if m is None:
            continue
        part = _part_from_match(m, text)
        if part is None:
            continue
        if pattern is _BARE_YEAR and _year_is_quantity(lowered, part.end):
            continue
        if best is None or part.end > best.end:
            best = part
    return best


# ---------------------------------------------------------------------------------------------
# Resolution against the anchor
# ---------------------------------------------------------------------------------------------


def _nearest_day(anchor: dt.date, month: int, day: int, direction: int) -> dt.date | None:
    """The day-month nearest the anchor (or strictly before/after it for direction -1/+1)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day <= _days_in_month(year, month):
            candidates.append(dt.date(year, month, day))
    if direction < 0:
        before = [c for c in candidates if c < anchor]
        return max(before) if before else None
    if direction > 0:
        after = [c for c in candidates if c > anchor]
        return min(after) if after else None
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor), default=None)


def _nearest_month(anchor: dt.date, month: int, direction: int) -> int:
    """The year of the month nearest the anchor month (or strictly before/after it)."""
    if direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    diff = month - anchor.month  # six months either way is a tie: the past wins
    if diff >= 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def resolve_weekday(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The weekday (0=Monday) nearest the anchor within 3 days, or strictly before/after it."""
    back = (anchor.weekday() - weekday) % 7
    if direction < 0:
        return anchor - dt.timedelta(days=back or 7)
    if direction > 0:
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor - dt.timedelta(days=back) if back <= 3 else anchor + dt.timedelta(days=7 - back)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """ISO form of a year, year-month or full date."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True)
class _Resolved:
    """A part turned into calendar values: first and last (year, month, day) and precision."""

    first: tuple[int, int | None, int | None]
    last: tuple[int, int | None, int | None] | None
    precision: Precision
    relative: bool


def _resolve_part(part: _Part, anchor: dt.date | None) -> _Resolved | None:
    """The calendar values of one part; None when it needs an anchor and has none."""
    if part.year_offset is not None:
        if anchor is None:
            return None
        return _Resolved((anchor.year + part.year_offset, None, None), None, "year", True)
    if part.year is not None:
        if part.month is None:
            return _Resolved((part.year, None, None), None, "year", False)
        last = (part.year, part.last_month, None) if part.last_month else None
        if part.day is None:
            return _Resolved((part.year, part.month, None), last, "month", False)
        return _Resolved((part.year, part.month, part.day), None, "day", False)
    if anchor is None or part.month is None:
        return None
    if part.day is None:
        year = _nearest_month(anchor, part.month, part.direction)
        return _Resolved((year, part.month, None), None, "month", True)
    day = _nearest_day(anchor, part.month, part.day, part.direction)
    if day is None:
        return None
    return _Resolved((day.year, day.month, day.day), None, "day", True)


def _is_calendar_date(year: int, month: int | None, day: int | None) -> bool:
    """True when the values name a real year, month or day ("2025-07-00", "2025-02-30" do not)."""
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return False
    return month is not None or day is None


def _mention(
    text: str, start: int, end: int, resolved: _Resolved, kind: Kind | None = None
) -> DateMention | None:
    """A DateMention for text[start:end] from resolved values; None when they name no real
    date: every mention is built here, so no rule can emit an impossible one."""
    ends = (resolved.first, resolved.last) if resolved.last else (resolved.first,)
    if not all(_is_calendar_date(*values) for values in ends):
        return None
    first = _iso(*resolved.first)
    last = _iso(*resolved.last) if resolved.last else None
    chosen: Kind = kind or ("relative" if resolved.relative else "absolute")
    return DateMention(start, end, text[start:end], first, last, resolved.precision, chosen)


def _same_shape(first: _Part, last: _Part) -> bool:
    """True when two range ends can pair: days with days, months with months, years with years."""
    if last.day is not None:
        return first.day is not None
    if last.month is not None:
        return first.day is None and first.month is not None
    return first.month is None and first.year is not None


def _range_mention(
    text: str, start: int, end: int, first: _Part, last: _Part, anchor: dt.date | None
) -> DateMention | None:
    """A range or list from its two ends, the first completed from the last; None if invalid."""
    if not _same_shape(first, last) or first.last_month or last.last_month:
        return None
    if first.year_offset is not None or last.year_offset is not None:
        return None
    if last.year is None and first.year is not None and last.month is not None:
        wraps = first.month is not None and last.month < first.month
        last = replace(last, year=first.year + int(wraps))
    end_res = _resolve_part(last, anchor)
    if end_res is None:
        return None
    last_year, last_month, last_day = end_res.first
    month = first.month or last_month
    year = first.year
    if year is None:
        wraps = month is not None and last_month is not None and month > last_month
        year = last_year - int(wraps)
    if not (_is_valid_day(year, month, first.day) and _is_valid_day(*end_res.first)):
        return None
    if (year, month or 0, first.day or 0) >= (last_year, last_month or 0, last_day or 0):
        return None
    relative = end_res.relative and first.year is None
    resolved = _Resolved(
        (year, month, first.day), (last_year, last_month, last_day), end_res.precision, relative
    )
    return _mention(text, start, end, resolved)


# ---------------------------------------------------------------------------------------------
# Rules: each scans the text with one pattern and builds mentions from its matches
# ---------------------------------------------------------------------------------------------

Builder = Callable[[str, re.Match[str], dt.date | None], DateMention | None]


def _build_part(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """A single date read by a part pattern."""
    part = _part_from_match(m, text)
    if part is None:
        return None
    resolved = _resolve_part(part, anchor)
    return _mention(text, part.start, part.end, resolved) if resolved else None


def _build_month_no_year(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """A month without a year after a cue ("en juin", "fin juillet", "juillet dernier")."""
    if not (m.group("vague") or m.group("cue") or m.group("dir") or m.group("suf")):
        return None
    part = _part_from_match(m, text)
    if part is None:
        return None
    direction = _direction(m.group("suf") or m.group("dir"))
    start = m.start("m") if m.group("cue") else m.start()
    part = _Part(start, m.end(), month=part.month, direction=direction)
    resolved = _resolve_part(part, anchor)
    return _mention(text, start, m.end(), resolved) if resolved else None


def _build_cued_year(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """A bare year after a temporal preposition; the preposition stays outside the span."""
    part = _read_part(text, m.string, m.end(), (_BARE_YEAR,))
    if part is None:
        return None
    return _mention(
        text, part.start, part.end, _Resolved((part.year or 0, None, None), None, "year", False)
    )


def _build_target(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """A horizon or deadline: "d'ici 2030", "à l'horizon 2030", "by the end of 2025"."""
    patterns = (*_FULL_PART_PATTERNS, _BARE_YEAR, _YEAR_END)
    positions = [m.end()]
    article = _ARTICLE.match(m.string, m.end())
    if article:
        positions.append(article.end())
    best: _Part | None = None
    for pos in positions:
        year_end = _YEAR_END.match(m.string, pos)
        part = _year_end_part(year_end) if year_end else _read_part(text, m.string, pos, patterns)
        if part is not None and (best is None or part.end > best.end):
            best = part
    if best is None:
        return None
    resolved = _resolve_part(best, anchor)
    return _mention(text, m.start(), best.end, resolved, "target") if resolved else None


_RANGE_FIRST = (*_FULL_PART_PATTERNS, _BARE_MONTH, _BARE_DAY, _BARE_YEAR)
_RANGE_LAST = (*_FULL_PART_PATTERNS, _BARE_MONTH, _BARE_YEAR)


def _build_cued_range(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """A range opened by a cue: "du 29 au 31 mai 2024", "entre 2023 et 2025"."""
    pos = m.end()
    article = _ARTICLE.match(m.string, pos)
    first = _read_part(text, m.string, article.end() if article else pos, _RANGE_FIRST)
    if first is None:
        return None
    link = _RANGE_LINK.match(m.string, first.end)
    if link is None or link.end() == first.end:
        return None
    last = _read_part(text, m.string, link.end(), _RANGE_LAST)
    if last is None:
        return None
    return _range_mention(text, m.start(), last.end, first, last, anchor)


def _build_day_list(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """Days sharing one month: "1er et 2 juillet 2025", "July 1-2, 2025"."""
    month_text, year_text = m.group("m"), m.group("y")
    month = _month_value(month_text)
    if month is None:
        return None
    year = int(year_text) if year_text else None
    first = _Part(m.start(), m.end(), year, month, _day_value(m.group("d")))
    direction = _direction(_group(m, "suf"))
    last = _Part(m.start(), m.end(), year, month, _day_value(m.group("d2")), direction=direction)
    return _range_mention(text, m.start(), m.end(), first, last, anchor)


def _build_cross_month(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """Two day-months without a cue: "29 mai - 2 juin 2024", "May 29 - June 2, 2024"."""
    month, month2 = (
        _month_value(m.group("m") or m.group("m_en")),
        _month_value(m.group("m2") or m.group("m2_en")),
    )
    if month is None or month2 is None:
        return None
    year = int(m.group("y")) if m.group("y") else None
    first = _Part(m.start(), m.end(), None, month, _day_value(m.group("d") or m.group("d_en")))
    last = _Part(m.start(), m.end(), year, month2, _day_value(m.group("d2") or m.group("d2_en")))
    return _range_mention(text, m.start(), m.end(), first, last, anchor)


def _build_relative_day(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """A day counted from the anchor: "hier", "aujourd'hui", "demain", "la veille"; not "à la
    veille de" (just before something)."""
    if anchor is None or _VEILLE_OF.match(m.string, m.end()):
        return None
    if _NOWADAYS_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
        return None
    day = anchor + dt.timedelta(days=_RELATIVE_DAY_OFFSETS[_fold(m.group("w"))])
    return _mention(
        text, m.start(), m.end(), _Resolved((day.year, day.month, day.day), None, "day", True)
    )


def _build_relative_weekday(
    text: str, m: re.Match[str], anchor: dt.date | None
) -> DateMention | None:
    """A weekday near the anchor: "ce lundi", "lundi dernier", "next Tuesday"."""
    if anchor is None:
        return None
    name = m.group("wd") or m.group("wd2") or m.group("wd_en")
    direction = _direction(m.group("dir") or m.group("dir_en"))
    weekday = _WEEKDAY_NUMBERS[_fold(name)]
    if direction == 0:  # "ce lundi", "this Monday": the tense says which
        day = weekday_by_tense(anchor, weekday, _is_future(text, m))
    else:
        day = resolve_weekday(anchor, weekday, direction)
    return _mention(
        text, m.start(), m.end(), _Resolved((day.year, day.month, day.day), None, "day", True)
    )


def _is_future(text: str, m: re.Match[str]) -> bool:
    """True when the words around a match put it in the future."""
    return _FUTURE_CUE.search(text[max(0, m.start() - 80) : m.end() + 40]) is not None


def weekday_by_tense(anchor: dt.date, weekday: int, future: bool) -> dt.date:
    """The latest such weekday on or before the anchor, or the next one after it (future)."""
    if future:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _build_bare_weekday(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """A weekday alone: the last one up to the anchor, or the next one in a future sentence."""
    if anchor is None:
        return None
    weekday = _WEEKDAY_NUMBERS[_fold(m.group("wd"))]
    day = weekday_by_tense(anchor, weekday, _is_future(text, m))
    return _mention(
        text, m.start(), m.end(), _Resolved((day.year, day.month, day.day), None, "day", True)
    )


def _build_weekday_pair(text: str, m: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    """Two consecutive weekdays ("mardi et mercredi"): the second resolved by tense, the first
    the day before it."""
    first = _WEEKDAY_NUMBERS[_fold(m.group("wd") or m.group("wd_en"))]
    second = _WEEKDAY_NUMBERS[_fold(m.group("wd2") or m.group("wd2_en"))]
    if anchor is None or second != (first + 1) % 7:
        return None
    last = weekday_by_tense(anchor, second, _is_future(text, m))
    day = last - dt.timedelta(days=1)
    resolved = _Resolved(
        (day.year, day.month, day.day), (last.year, last.month, last.day), "day", True
    )
    return _mention(text, m.start(), m.end(), resolved)


def _build_relative_period(
    text: str, m: re.Match[str], anchor: dt.date | None
) -> DateMention | None:
    """A week, month or year around the anchor: "la semaine prochaine", "l'an dernier"."""
    if anchor is None:
        return None
    unit = _fold(m.group("unit") or m.group("unit_this") or m.group("unit_en"))
    word = _fold(m.group("dir") or m.group("dir_en") or "")
    this = bool(m.group("this")) or word in ("en cours", "this")
    offset = 0 if this else _direction(word)
    if offset == 0 and not this:
        return None
    if unit in ("an", "annee", "year"):
        resolved = _Resolved((anchor.year + offset, None, None), None, "year", True)
    elif unit in ("mois", "month"):
        index = anchor.year * 12 + anchor.month - 1 + offset
        resolved = _Resolved((index // 12, index % 12 + 1, None), None, "month", True)
    else:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        sunday = monday + dt.timedelta(days=6)
        if (monday.year, monday.month) != (sunday.year, sunday.month):
            return None
        resolved = _Resolved((monday.year, monday.month, None), None, "month", True)
    return _mention(text, m.start(), m.end(), resolved)


# Hints: cheap patterns for a part that every match of a rule contains. A window where one of
# a rule's hints is absent cannot hold a match of that rule, so the rule is not scanned there
# (the rule patterns are slow to scan, and most windows lack most of their parts).


def _word_ends(words: Sequence[str]) -> str:
    """Regex source for any of words (lower case, accents optional) followed by a word boundary;
    each alternative starts with a letter, which lets the regex engine skip ahead fast."""
    return "|".join(_loose(word) + r"\b" for word in words)


# A month name or abbreviation and the end of its word (_MONTH_ANY, _MONTH_FULL in the rules
# are all followed by \b); an English one (_MONTH_EN).
_MONTH_HINT = re.compile(_word_ends([*_MONTHS_FR_WRITTEN, *_MONTH_WORDS_EN, *_MONTH_ABBREVIATIONS]))
_MONTH_EN_HINT = re.compile(_word_ends([*_MONTH_WORDS_EN, *_MONTH_ABBREVIATIONS_EN]))
# A day of month (_day): digits or "premier".
_DAY_HINT = re.compile(r"\d|premier")
# A year (_YEAR_NUMBER).
_YEAR_HINT = re.compile(r"(?:19|20)\d\d|2100")
# A weekday (_WEEKDAY_FULL).
_WEEKDAY_HINT = re.compile(_WEEKDAY_FULL)
# A weekday for _BARE_WEEKDAY, which ignores case: in lower-cased text, the only letters
# besides a-z that case-insensitive matching takes for a-z are these three (for "i" and "s").
_WEEKDAY_ANY_CASE_HINT = re.compile(_WEEKDAY_FULL + "|[ıİſ]")
# Every alternative of _TARGET_CUE holds one of these words followed by a space ("d'ici à",
# "à l'horizon de", "no later than", "à l'échéance").
_TARGET_HINT = re.compile(r"ici\s|horizon\s|by\s|later\s|ch[ée]ance\s|avant\s|before\s")
# The link between the two day-months of _CROSS_MONTH.
_CROSS_LINK_HINT = re.compile(r"-|–|to|through")
# The separator between two numbers of _NUMERIC_DMY and _ISO_YMD.
_SEPARATOR_HINT = re.compile(r"\d\s*[/.-]\s*\d")
# The unit of _QUARTER_WORDS, the code of _QUARTER_CODE, the vague word of _VAGUE_YEAR.
_QUARTER_UNIT_HINT = re.compile(r"trimestre|semestre|quarter|half")
_QUARTER_CODE_HINT = re.compile(r"[qtsh][1-4]")
_VAGUE_HINT = re.compile(_VAGUE_WORDS)
# The unit of _RELATIVE_PERIOD and the end of its word.
_PERIOD_UNIT_HINT = re.compile(r"semaine\b|mois\b|ann[ée]e\b|an\b|week\b|month\b|year\b")
# The word of _RELATIVE_DAY.
_RELATIVE_DAY_HINT = re.compile(_alternation(list(_RELATIVE_DAYS)))


@dataclass(frozen=True)
class _Rule:
    """One pattern scanned over the whole text, the function that reads its matches, and the
    hints that every match contains."""

    pattern: re.Pattern[str]
    build: Builder
    hints: tuple[re.Pattern[str], ...]


# Order breaks ties between equally long overlapping candidates (earlier wins). _RANGE_CUE and
# _YEAR_CUE have no hints: nearly every window holds their parts ("de", a digit).
_RULES = (
    _Rule(_TARGET_CUE, _build_target, (_TARGET_HINT,)),
    _Rule(_RANGE_CUE, _build_cued_range, ()),
    _Rule(_DAY_LIST, _build_day_list, (_MONTH_HINT, _DAY_HINT)),
    _Rule(_DAY_LIST_EN, _build_day_list, (_MONTH_EN_HINT, _DAY_HINT)),
    _Rule(_CROSS_MONTH, _build_cross_month, (_MONTH_HINT, _DAY_HINT, _CROSS_LINK_HINT)),
    _Rule(_NUMERIC_DMY, _build_part, (_YEAR_HINT, _SEPARATOR_HINT)),
    _Rule(_ISO_YMD, _build_part, (_YEAR_HINT, _SEPARATOR_HINT)),
    _Rule(_TEXT_DMY, _build_part, (_MONTH_HINT, _DAY_HINT)),
    _Rule(_TEXT_MDY, _build_part, (_MONTH_EN_HINT, _DAY_HINT)),
    _Rule(_MONTH_YEAR, _build_part, (_YEAR_HINT, _MONTH_HINT)),
    _Rule(_QUARTER_WORDS, _build_part, (_YEAR_HINT, _QUARTER_UNIT_HINT)),
    _Rule(_QUARTER_CODE, _build_part, (_YEAR_HINT, _QUARTER_CODE_HINT)),
    _Rule(_VAGUE_YEAR, _build_part, (_YEAR_HINT, _VAGUE_HINT)),
    _Rule(_YEAR_CUE, _build_cued_year, ()),
    _Rule(_MONTH_NO_YEAR, _build_month_no_year, (_MONTH_HINT,)),
    _Rule(_RELATIVE_WEEKDAY, _build_relative_weekday, (_WEEKDAY_HINT,)),
    _Rule(_BARE_WEEKDAY, _build_bare_weekday, (_WEEKDAY_ANY_CASE_HINT,)),
    _Rule(_WEEKDAY_PAIR, _build_weekday_pair, (_WEEKDAY_HINT,)),
    _Rule(_RELATIVE_PERIOD, _build_relative_period, (_PERIOD_UNIT_HINT,)),
    _Rule(_RELATIVE_DAY, _build_relative_day, (_RELATIVE_DAY_HINT,)),
)


def _longest_first(candidates: list[tuple[DateMention, int]]) -> list[DateMention]:
    """Non-overlapping mentions, longest first (then leftmost, then rule order), by start."""
    ordered = sorted(candidates, key=lambda c: (c[0].start - c[0].end, c[0].start, c[1]))
    starts: list[int] = []
    kept: list[DateMention] = []
    for mention, _ in ordered:
        i = bisect.bisect_left(starts, mention.start)
        if i > 0 and kept[i - 1].end > mention.start:
            continue
        if i < len(kept) and kept[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        kept.insert(i, mention)
    return kept


def _windows(lowered: str) -> list[tuple[int, int]]:
    """Stretches of text around the words every date phrase contains, merged when they touch."""
    windows: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(lowered):
        start, end = max(0, m.start() - WINDOW_BEFORE), m.end() + WINDOW_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _may_match(
    rule: _Rule, lowered: str, start: int, end: int, found: dict[re.Pattern[str], bool]
) -> bool:
    """False when the window lowered[start:end] lacks one of rule's hints; found remembers
    which hints the window holds, so each is searched once per window."""
    for hint in rule.hints:
        if hint not in found:
            found[hint] = hint.search(lowered, start, end) is not None
        if not found[hint]:
            return False
    return True


def find_dates(text: str, anchor: dt.date | None = None) -> list[DateMention]:
    """All date phrases in text, sorted by start, non-overlapping (longest match wins)."""
    lowered = _lowercase(text)
    candidates: list[tuple[DateMention, int]] = []
    for start, end in _windows(lowered):
        found: dict[re.Pattern[str], bool] = {}
        for order, rule in enumerate(_RULES):
            if not _may_match(rule, lowered, start, end, found):
                continue
            for m in rule.pattern.finditer(lowered, start, end):
                mention = rule.build(text, m, anchor)
                if mention is not None:
                    candidates.append((mention, order))
    return _longest_first(candidates)


# ---------------------------------------------------------------------------------------------
# Publication date
# ---------------------------------------------------------------------------------------------


def names_month(text: str) -> bool:
    """True when a date phrase names a month ("25 mai", "en juin", "mi-July")."""
    return _MONTH_HINT.search(_lowercase(text)) is not None


def _extra_words(line: str, mention: DateMention) -> list[str]:
    """Words of a line besides the date, times of day and dateline fillers ("le", "on")."""
    rest = line[: mention.start] + " " + line[mention.end :]
    for m in _TIME_OF_DAY.finditer(_lowercase(rest)):
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    return [w for w in _WORD.findall(rest) if _fold(w) not in _DATELINE_FILLERS]


def _is_single_date(mention: DateMention) -> bool:
    """True for an absolute day or month with no range: what a page's date looks like."""
    return mention.kind == "absolute" and mention.end_date is None and mention.precision != "year"


def _dateline_date(line: str) -> tuple[int, DateMention] | None:
    """(rank, date) of a dateline or byline; rank 0 published, 1 byline, 2 bare, 3 updated."""
    if len(line.split()) > MAX_DATELINE_WORDS:
        return None
    mentions = [m for m in find_dates(line) if _is_single_date(m)]
    if not mentions:
        return None
    lowered = _lowercase(line)
    byline = _BYLINE_CUE.match(lowered) is not None
    for rank, cue_pattern in ((0, _PUBLISHED_CUE), (3, _UPDATED_CUE)):
        cue = cue_pattern.search(lowered)
        after = [m for m in mentions if cue is not None and m.start >= cue.end()]
        if cue is None or not after:
            continue
        opens_line = byline or _WORD.search(line, 0, cue.start()) is None
        trailing = _WORD.findall(_TIME_OF_DAY.sub(" ", lowered[after[0].end :]))
        if opens_line or len(trailing) <= 1:  # "Article publié le 02/07/2025 à 10h30"
            return rank, after[0]
    if byline:
        return 1, mentions[0]
    extra = _extra_words(line, mentions[0]) if len(mentions) == 1 else None
    # A bare date, with at most a place or an agency: "Rabat (MAP), le 02/07/2025".
    if extra is not None and len(extra) <= MAX_DATELINE_EXTRA_WORDS:
        return (2, mentions[0]) if all(w[:1].isupper() for w in extra) else None
    return None


def find_published(lines: Sequence[str]) -> DateMention | None:
    """The publication date stated in a page's dateline/byline lines, or None.

    Offsets of the returned mention are relative to the line it was read from.
    """
    best: tuple[int, DateMention] | None = None
    for line in lines:
        found = _dateline_date(line)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return best[1] if best else None


# ---------------------------------------------------------------------------------------------
# ISO values and formatting
# ---------------------------------------------------------------------------------------------

# "2025", "2025-07" or "2025-07-01".
_ISO_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_iso(value: str) -> tuple[dt.date, str]:
    """("2025-07" ->) the first day of an ISO year/month/day value and its precision."""
    m = _ISO_VALUE.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        first = dt.date(year, int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"not a valid date: {value!r} ({error})") from None
    precision = "day" if day else "month" if month else "year"
    return first, precision


def _written(
    day: dt.date,
    precision: str,
    day_text: Callable[[int], str],
    months: Sequence[str],
    *,
    with_month: bool = True,
    with_year: bool = True,
) -> str:
    """One date written out at its precision ("1er juillet 2025", "juillet 2025", "2025")."""
    words = []
    if precision == "day":
        words.append(day_text(day.day))
    if precision != "year" and with_month:
        words.append(months[day.month - 1])
    if with_year:
        words.append(str(day.year))
    return " ".join(words)


def _hyphen(first: str, last: str, precision: str, consecutive: bool) -> str:
    """English range: "1-2 July 2025", "January-March 2025", "2023-2025"."""
    return f"{first}-{last}"


def _french_range(first: str, last: str, precision: str, consecutive: bool) -> str:
    """French range: "1er et 2 juillet 2025", "du 29 au 31 mai 2024", "de janvier à mars 2025"."""
    if precision == "day":
        return f"{first} et {last}" if consecutive else f"du {first} au {last}"
    if precision == "month":
        de = "d'" if first[:1].lower() in "aeiouyéh" else "de "
        return f"{de}{first} à {last}"
    return f"{first}-{last}"


def _format_range(
    iso: str,
    end: str | None,
    day_text: Callable[[int], str],
    months: Sequence[str],
    joiner: Callable[[str, str, str, bool], str] = _hyphen,
) -> str:
    """A value or range written out, the range sharing its month and year when it can."""
    start, precision = parse_iso(iso)
    if not isinstance(end, str) or not end.strip() or end == iso:  # None, "" or a NaN cell
        return _written(start, precision, day_text, months)
    stop, end_precision = parse_iso(end)
    if stop < start:
        raise ValueError(f"range ends before it starts: {iso!r} to {end!r}")
    last = _written(stop, end_precision, day_text, months)
    if end_precision != precision:
        return joiner(_written(start, precision, day_text, months), last, "mixed", False)
    same_year = start.year == stop.year
    same_month = same_year and start.month == stop.month
    if precision == "day" and same_month:
        first = day_text(start.day)
    elif precision != "year" and same_year:
        first = _written(start, precision, day_text, months, with_year=False)
    else:
        first = _written(start, precision, day_text, months)
    return joiner(first, last, precision, (stop - start).days == 1)


def format_date_fr(iso: str, end: str | None = None) -> str:
    """French form: "1er juillet 2025", "juillet 2025", "1er et 2 juillet 2025", "2023-2025"."""
    day_text = lambda d: "1er" if d == 1 else str(d)  # noqa: E731
    return _format_range(iso, end, day_text, _MONTHS_FR_WRITTEN, _french_range)


def format_date_en(iso: str, end: str | None = None) -> str:
    """English form: "1 July 2025", "July 2025", "1-2 July 2025", "2023-2025"."""
    return _format_range(iso, end, str, _MONTHS_EN_WRITTEN)


def span_of(date: str, end: str | None) -> tuple[str, str]:
    """The first and last day a partial date (or range) covers, as ISO strings."""
    last = end if isinstance(end, str) and end else date
    start = date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date
    stop = {4: last + "-12-31", 7: last + "-31", 10: last}[len(last)]
    return start[:10], stop
