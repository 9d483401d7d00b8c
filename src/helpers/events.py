"""Events: dated things that happened or were announced, found sentence by sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from helpers.actors import ACTOR_TYPES
from helpers.dates import DateMention, find_dates, parse_iso
from helpers.ner import Entity
from helpers.text_spans import Span, sentences

# Cue words of each kind (French and English regex alternatives), in order of precedence:
# the first kind whose cue a sentence contains is its kind.
_CUE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assises", ("assises",)),
    (
        "colloque",
        (
            "colloques?",
            "symposiums?",
            "s[ée]minaires?",
            "journ[ée]es? d'[ée]tudes?",
            "workshops?",
            "ateliers?",
        ),
    ),
    (
        "salon",
        (
            "salons?",
            "gitex",
            "expositions?",
            "foires?",
            "expos?",
            "hackathons?",
            "trade shows?",
            "fairs?",
        ),
    ),
    (
        "conference",
        (
            "conf[ée]rences?",
            "forums?",
            "sommets?",
            "summits?",
            "congr[èe]s",
            "panels?",
            "tables? rondes?",
            "webinaires?",
            "webinars?",
            "rencontres?",
            "meetings?",
            r"journ[ée]es?\s+(?:nationales?|internationales?)",
        ),
    ),
    (
        "partenariat",
        (
            "partenariats?",
            "m[ée]morandums?",
            "conventions?",
            "accords?",
            "protocoles?",
            "MoU",
            "partnerships?",
            "agreements?",
            "memorandums?",
        ),
    ),
    (
        "loi",
        (
            "lois?",
            "projets? de loi",
            "propositions? de loi",
            "d[ée]crets?",
            "dahirs?",
            "r[ée]glementations?",
            "cadres? (?:l[ée]gislatifs?|juridiques?|r[ée]glementaires?)",
            "bills?",
            "laws?",
            "regulations?",
            "acts?",
        ),
    ),
    (
        "nomination",
        (
            "nomm[ée]e?s?",
            "nominations?",
            "d[ée]sign[ée]e?s?",
            "appointed",
            "appointments?",
            "named",
        ),
    ),
    (
        "strategie",
        (
            "strat[ée]gies?",
            "feuilles? de route",
            "plans?(?: national| d'action)?",
            "programmes? nationa(?:l|ux)",
            "roadmaps?",
            "strategy",
            "strategies",
        ),
    ),
    (
        "annonce",
        (
            "annonc[ée]e?s?",
            "annonce",
            "lanc[ée]e?s?",
            "lancements?",
            "d[ée]voil[ée]e?s?",
            "inaugur[ée]e?s?",
            "inaugurations?",
            "pr[ée]sent[ée]e?s?",
            "adopt[ée]e?s?",
            "cr[ée]ation",
            "cr[ée][ée]e?s?",
            "sign[ée]e?s?",
            "signatures?",
            "announced?",
            "launch(?:ed|es)?",
            "unveil(?:ed|s)?",
            "inaugurated",
            "signed",
            "adopted",
            "created",
        ),
    ),
    (
        "autre",
        (
            "organis[ée]e?s?",
            "tenue?s?",
            "accueilli",
            "r[ée]uni",
            "s'est tenue?",
            "se tiendra",
            "aura lieu",
            "a eu lieu",
            "held",
            "hosted",
            "took place",
            "will take place",
            "gathered",
        ),
    ),
)
KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE))
    for kind, words in _CUE_WORDS
)
_CUE_OF_KIND = dict(KIND_CUES)
# The same cues for text lowered character for character (much faster than ignoring case): they
# match where KIND_CUES match, unless the text holds one of _CASE_TRAPS.
_LOWERED_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(words).lower() + r")\b")) for kind, words in _CUE_WORDS
)
# Letters that lower() keeps but ignoring case takes for "i" and "s".
_CASE_TRAPS = re.compile("[ıſ]")
# Context words that make a date biographical, historical or a deadline, not an event.
_NOT_EVENT_BEFORE = re.compile(
    r"(?:\bn[ée]e?\b|\bborn\b|\bdepuis\b|\bsince\b|\bfond[ée]e?\b|\bfounded\b|\bcr[ée]{2}e? en\b|"
    r"\bdipl[ôo]m[ée]e?\b|\bjusqu'(?:au|à|en)\b|\bavant le\b|\bdate limite\b|\bdeadline\b|"
    r"\buntil\b|\bd[ée]c[ée]d[ée]e?\b|\bdied\b)[^.;]{0,25}$",
    re.IGNORECASE,
)
# A dispatch's dateline around a date: "Rabat, le 2 juillet 2025 (MAP) - ", "PARIS, July 1 (AP) -".
_DATELINE_BEFORE = re.compile(
    r"\s*(?:[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,3}\s*,?\s*)?(?:le\s+)?"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Za-z .]{2,20}\)\s*)?[-–—:|]\s")
# A quantity in a target: "100 000 talents", "50.000 emplois", "1 milliard de dirhams", "30 %".
_QUANTITY = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+(?:[.,]\d+)?)\s*"
    r"(%|pour ?cent|(?:millions?|milliards?|billions?|mille|MMDH|MDH|k)\b(?:\s+(?:de|d'))?)?\s*"
    r"((?:[a-zA-ZÀ-ÿ'-]+\s*){1,4})"
)
# Words that end a label phrase: relative pronouns, prepositions of time/place, verbs.
_LABEL_STOP = re.compile(
    r"\s(?:qui|que|dont|où|lors|sous|pendant|durant|organis[ée]e?s?|tenue?s?|a\s+(?:été|\w+[ée])|"
    r"ont|est|sont|s'est|se|le\s+\d|les\s+\d|du\s+\d|en\s+\d|à\s+[A-ZÀ-Ý]|au\s+[A-ZÀ-Ý]|"
    r"which|that|held|was|were|is|are|will|on|in\s+\d)\b"
)
# Long forms shortened in labels.
_LABEL_SHORT = (
    (re.compile(r"l['’]intelligence artificielle", re.IGNORECASE), "l'IA"),
    (re.compile(r"\bintelligence artificielle\b", re.IGNORECASE), "IA"),
    (re.compile(r"\bartificial intelligence\b", re.IGNORECASE), "AI"),
)
# Leading determiners and ordinals dropped from labels.
_LEADING = re.compile(
    r"^(?:(?:les|le|la|un|une|des|du|de|the|a|an|ce|cette|ces|leur|leurs|sa|son|ses)\s+|[ld]['’]\s*)+"
    r"(?:(?:premi[èe]re?s?|deuxi[èe]mes?|1[èe]re?s?|\d+e|first|second)\s+)?(?:[ée]dition\s+(?:de|du|des)\s+)?",
    re.IGNORECASE,
)
# Cities and places that events in this press are held in; countries are not places here.
PLACES = (
    "Rabat",
    "Salé",
    "Casablanca",
    "Marrakech",
    "Tanger",
    "Fès",
    "Fes",
    "Agadir",
    "Oujda",
    "Benguerir",
    "Ben Guerir",
    "Meknès",
    "Kénitra",
    "Tétouan",
    "El Jadida",
    "Ifrane",
    "Dakhla",
    "Laâyoune",
    "Ouarzazate",
    "Essaouira",
    "Nador",
    "Settat",
    "Béni Mellal",
    "Khouribga",
    "Skhirat",
    "Paris",
    "Genève",
    "Bruxelles",
    "Dubaï",
    "Dubai",
    "Le Caire",
    "Dakar",
    "Abidjan",
    "Kigali",
    "Addis-Abeba",
    "Londres",
    "London",
    "New York",
    "Washington",
    "Madrid",
    "Lisbonne",
    "Riyad",
    "Doha",
    "Abou Dhabi",
    "Pékin",
    "Shanghai",
    "Séoul",
    "Tokyo",
    "Tunis",
    "Alger",
    "Nairobi",
)
_PLACE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PLACES) + r")\b")
MAX_LABEL_CHARS = 80
# "à" or "in" right before a location entity: the place an event is held in.
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:à|in|at)\s$")
# Where a label phrase ends: punctuation, or a dash between spaces.
_PHRASE_END = re.compile(r"[,;:.!?()\[\]]|\s[-–—]\s")
# A number that is a year, not a quantity.
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
# The noun an announcement verb becomes in a label: "a inauguré X" -> "Inauguration : X".
_NOUN_OF_VERB = (
    ("inaugur", "Inauguration"),
    ("lanc", "Lancement"),
    ("launch", "Launch"),
    ("annonc", "Annonce"),
    ("announc", "Announcement"),
    ("sign", "Signature"),
    ("présent", "Présentation"),
    ("present", "Présentation"),
    ("adopt", "Adoption"),
    ("cré", "Création"),
    ("creat", "Creation"),
    ("dévoil", "Présentation"),
    ("unveil", "Unveiling"),
    ("nomm", "Nomination"),
    ("appoint", "Appointment"),
    ("désign", "Nomination"),
    ("organis", "Organisation"),
    ("accueilli", "Accueil"),
)
_ENGLISH_NOUNS = frozenset({"Launch", "Announcement", "Creation", "Unveiling", "Appointment"})
# The words that introduce a date phrase, removed with it from label text ("le", "en", "on").
_DATE_LEAD_IN = re.compile(
    r"\s*,?\s*\b(?:le|les|la|en|du|depuis|dès|on|in|since)\s*$", re.IGNORECASE
)
# A capitalised word or acronym (part of a proper name such as "National AI Conference").
_CAPITALISED_WORD = re.compile(r"\b(?:[A-ZÀ-Ý][\w'’-]*|[A-Z]{2,})")
# Verbs that introduce what a target is about: "l'accord prévoit la création de ...".
_TARGET_VERB = re.compile(
    r"\b(?:pr[ée]voit|pr[ée]voient|vise(?:nt)?(?:\s+à)?|ambitionne(?:nt)?\s+de|compte(?:nt)?|"
    r"s'engage(?:nt)?\s+à|objectif\s+(?:de|d')|aims?\s+to|plans?\s+to|expects?\s+to|"
    r"will|intends?\s+to|promet(?:tent)?\s+de)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Event:
    """One dated event found in one article."""

    file: str
    date: str
    end: str | None
    precision: str
    kind: str
    label: str
    place: str | None
    evidence: str
    date_phrase: str
    actors: list[str] = field(default_factory=list)

    def to_row(self) -> dict[str, object]:
        """The event as a table row: what dataclasses.asdict gives, without its deep copies."""
        return {
            "file": self.file,
            "date": self.date,
            "end": self.end,
            "precision": self.precision,
            "kind": self.kind,
            "label": self.label,
            "place": self.place,
            "evidence": self.evidence,
            "date_phrase": self.date_phrase,
            "actors": list(self.actors),
        }


def publication_anchor(published: str | None) -> dt.date | None:
    """The publication date as an anchor for relative dates, only at day precision."""
    if not published:
        return None
    try:
        day, precision = parse_iso(published)
    except ValueError:
        return None
    return day if precision == "day" else None


def classify_kind(sentence: str) -> str | None:
    """The kind of event a sentence reports, by cue precedence; None when it reports none."""
    lowered = sentence.lower()
    if len(lowered) == len(sentence) and not _CASE_TRAPS.search(lowered):
        cues, text = _LOWERED_KIND_CUES, lowered
    else:  # "İ" lowers to two characters
        cues, text = KIND_CUES, sentence
    for kind, cue in cues:
        if cue.search(text):
            return kind
    return None


def is_context_date(sentence: str, mention: DateMention, sentence_start: int) -> bool:
    """True for biographical, historical or deadline dates ("né en", "depuis", "jusqu'au"),
    and for a dispatch's dateline ("Rabat, 02/07/2025 (MAP) -"): the publication, not an event."""
    before = sentence[: mention.start - sentence_start]
    after = sentence[mention.end - sentence_start :]
    if _DATELINE_BEFORE.fullmatch(before) and _DATELINE_AFTER.match(after):
        return True
    return bool(_NOT_EVENT_BEFORE.search(before))


def shorten(label: str) -> str:
    """A label cut at a word boundary, long forms shortened, first letter capitalised."""
    for pattern, short in _LABEL_SHORT:
        label = pattern.sub(short, label)
    label = " ".join(label.split()).strip(" ,;:-–«»\"'")
    if len(label) > MAX_LABEL_CHARS:
        label = label[:MAX_LABEL_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-–") + "…"
    return label[:1].upper() + label[1:]


def phrase_from(sentence: str, start: int, max_words: int = 9) -> str:
    """The noun phrase that starts at start: up to max_words, stopped by punctuation or a verb."""
    tail = sentence[start:]
    for pattern, short in _LABEL_SHORT:
        tail = pattern.sub(short, tail)
    tail = _PHRASE_END.split(tail, maxsplit=1)[0]
    stop = _LABEL_STOP.search(tail)
    if stop:
        tail = tail[: stop.start()]
    words = tail.split()[:max_words]
    return " ".join(words)


def label_text(
    sentence: str,
    place: str | None,
    anchor: dt.date | None = None,
    mentions: Sequence[DateMention] | None = None,
) -> str:
    """The sentence without its date phrases and its "à <place>": what a label is made of.

    mentions: the sentence's find_dates(sentence, anchor), when the caller has them already.
    """
    found = find_dates(sentence, anchor=anchor) if mentions is None else mentions
    for mention in reversed(found):
        before = sentence[: mention.start]
        before = _DATE_LEAD_IN.sub("", before)
        sentence = before + sentence[mention.end :]
    if place:
        sentence = _place_phrase(place).sub("", sentence)
    return " ".join(sentence.split())


@lru_cache(maxsize=512)
def _place_phrase(place: str) -> re.Pattern[str]:
    """ "à <place>", "in <place>" and the spaces before it, as removed from label text."""
    return re.compile(rf"\s*\b(?:à|a|au|in|at)\s+{re.escape(place)}\b")


def event_label(sentence: str, kind: str) -> str:
    """A short French label for the event a sentence reports."""
    cue = _CUE_OF_KIND[kind].search(sentence)
    if cue is None:
        return shorten(_LEADING.sub("", sentence))
    phrase = phrase_from(sentence, _name_start(sentence, cue.start()))
    if kind in ("annonce", "autre", "nomination"):
        obj = _LEADING.sub("", phrase_from(sentence, cue.end()))
        noun = next((n for stem, n in _NOUN_OF_VERB if cue.group(0).lower().startswith(stem)), None)
        colon = ": " if noun in _ENGLISH_NOUNS else " : "
        phrase = f"{noun}{colon}{obj}" if noun and obj else f"{cue.group(0)} {obj}".strip()
    return shorten(_LEADING.sub("", phrase)) or kind.capitalize()


def _name_start(sentence: str, cue_start: int) -> int:
    """Where a proper name ending in the cue starts ("the National AI Conference")."""
    start = cue_start
    for word in reversed(list(_CAPITALISED_WORD.finditer(sentence[:cue_start]))):
        if word.end() != start - 1 or sentence[word.end()] != " ":
            break
        start = word.start()
    return start


def _target_object(clause: str) -> str:
    """What a target without a quantity is about: the words after its verb, or the last ones."""
    verbs = list(_TARGET_VERB.finditer(clause))
    tail = clause[verbs[-1].end() :] if verbs else clause
    words = tail.replace(",", " ").split()[-8:]
    return _LEADING.sub("", " ".join(words))


def target_labels(sentence: str, mention: DateMention, sentence_start: int) -> list[str]:
    """Labels of the targets set for a horizon: one per quantity in the clause before it."""
    clause_start = max(
        sentence.rfind(sep, 0, mention.start - sentence_start) for sep in (";", ":", "(", ". ")
    )
    clause = sentence[clause_start + 1 : mention.start - sentence_start]
    labels = []
    for match in _QUANTITY.finditer(clause):
        number, unit, noun = match.group(1), match.group(2) or "", match.group(3)
        if _YEAR_NUMBER.fullmatch(number) or not noun.strip():
            continue
        words = [w for w in noun.split() if w.lower() not in ("et", "and", "d'ici", "à", "a")]
        labels.append(shorten(" ".join([number, unit, *words[:3]])))
    return labels or [shorten(_target_object(clause.strip()) or "Objectif")]


def place_in(sentence: str, entities: Sequence[Entity], offset: int) -> str | None:
    """The place a sentence states: a known city, else a location introduced by "à"/"in"."""
    known = _PLACE.search(sentence)
    if known:
        return known.group(1)
    for ent in entities:
        if ent.label == "LOC" and offset <= ent.start < offset + len(sentence):
            before = sentence[max(0, ent.start - offset - 4) : ent.start - offset]
            if _PLACE_PREPOSITION_BEFORE.search(before):
                return ent.text
    return None


def actors_in(span: Span, entities: Sequence[Entity]) -> list[str]:
    """Names of people and organisations inside a span of the text, in order, once each; the
    entities are the article's resolved actors (actors.as_entities), named as in the actors
    table."""
    names: list[str] = []
    for ent in entities:
        inside = span.start <= ent.start and ent.end <= span.end
        if ent.label in ACTOR_TYPES and inside and ent.text not in names:
            names.append(ent.text)
    return names


def extract_events(
    file: str, text: str, published: str | None, entities: Sequence[Entity] = ()
) -> list[Event]:
    """Every event of one article body, one per date phrase (two per double target)."""
    anchor = publication_anchor(published)
    events: list[Event] = []
    for sent in sentences(text):
        mentions = find_dates(sent.text, anchor=anchor)
        if mentions:
            events.extend(_sentence_events(file, sent, mentions, entities, anchor))
    return _merge_same_day(events)


def _sentence_events(
    file: str,
    sent: Span,
    mentions: list[DateMention],
    entities: Sequence[Entity],
    anchor: dt.date | None,
) -> list[Event]:
    """The events the date phrases of one sentence stand for (mentions relative to it): none,
    one, or one per target; the sentence's label is made once, when first needed."""
    kind = classify_kind(sent.text)
    if kind is None and all(m.kind != "target" for m in mentions):
        return []
    place = place_in(sent.text, entities, sent.start)
    actors = actors_in(sent, entities)
    label: str | None = None
    events: list[Event] = []
    for mention in mentions:
        shifted = _shifted(mention, sent.start)
        if shifted.kind == "target":
            for target in target_labels(sent.text, shifted, sent.start):
                events.append(_event(file, sent, shifted, "objectif", target, place, actors))
        elif kind is not None and _is_news_date(sent, shifted, anchor):
            if label is None:
                label = event_label(label_text(sent.text, place, anchor, mentions), kind)
            events.append(_event(file, sent, shifted, kind, label, place, actors))
    return events


def _shifted(mention: DateMention, offset: int) -> DateMention:
    """The mention with its span moved by offset characters."""
    return replace(mention, start=mention.start + offset, end=mention.end + offset)


def _event(
    file: str,
    sent: Span,
    mention: DateMention,
    kind: str,
    label: str,
    place: str | None,
    actors: list[str],
) -> Event:
    """The event a sentence reports for one of its date phrases."""
    return Event(
        file=file,
        date=mention.date,
        end=mention.end_date,
        precision=mention.precision,
        kind=kind,
        label=label,
        place=place,
        evidence=sent.text,
        date_phrase=mention.text,
        actors=actors,
    )


def _is_news_date(sent: Span, mention: DateMention, anchor: dt.date | None) -> bool:
    """False for a context date (see is_context_date) and for a year long before publication,
    which is history, not news."""
    if is_context_date(sent.text, mention, sent.start):
        return False
    return not (anchor and mention.precision == "year" and int(mention.date[:4]) < anchor.year - 2)


def _merge_same_day(events: list[Event]) -> list[Event]:
    """One event per (date, end, kind); same-day events of one article keep the first kind."""
    precedence = {kind: i for i, kind in enumerate(["objectif", *(k for k, _ in KIND_CUES)])}
    kept: dict[tuple[str, str | None, str], Event] = {}
    for ev in events:
        key = (ev.date, ev.end, ev.label if ev.kind == "objectif" else "")
        if ev.precision != "day" and ev.kind != "objectif":
            key = (ev.date, ev.end, ev.kind)
        current = kept.get(key)
        if current is None or precedence[ev.kind] < precedence[current.kind]:
            kept[key] = ev if current is None else _prefer(ev, current)
    return list(kept.values())


def _prefer(better: Event, other: Event) -> Event:
    """better, completed with the place and actors other knew."""
    return Event(
        file=better.file,
        date=better.date,
        end=better.end,
        precision=better.precision,
        kind=better.kind,
        label=better.label,
        place=better.place or other.place,
        evidence=better.evidence,
        date_phrase=better.date_phrase,
        actors=better.actors or other.actors,
    )
