"""Actors: people and organisations named in article bodies, with their variants merged."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from helpers.schemas import none_for_missing
from helpers.text.normalize import fold as _fold
from helpers.timeline import actor_spans, gazetteer
from helpers.timeline.ner import Entity

ACTOR_TYPES = {"PER": "person", "ORG": "organisation"}
# Field concepts and generic acronyms the NER model tends to tag as organisations: topics, not
# actors.
# fmt: off
_CONCEPTS = frozenset((
    "ia", "ai", "intelligence artificielle", "artificial intelligence", "ia generative",
    "generative ai", "machine learning", "deep learning", "big data", "cloud", "internet", "web",
    "tic", "ntic",
    "r&d", "rd", "pme", "tpe", "iot", "llm", "gpu", "api", "pib", "rh", "it", "esg", "royaume",
    "etat", "gouvernement", "covid", "covid-19", "afrique", "africa", "maroc", "morocco"
))
# fmt: on
# Names of gatherings the NER model tags as organisations: they are events, not actors.
_EVENT_NAME = re.compile(
    r"^(?:assises|colloques?|conf[ée]rences?|forums?|salons?|sommets?|journ[ée]es?|festivals?|"
    r"semaines?|gitex|summits?|conferences?|panels?|webinaires?|webinars?|ateliers?|"
    r"workshops?|hackathons?|s[ée]minaires?|congr[èe]s|[ée]ditions?)\b",
    re.IGNORECASE,
)
# Heads of generic noun phrases the model takes for organisations ("Technologies de
# l'information", "Hautes Orientations Royales", "Sciences sociales"): folded first words.
# fmt: off
_GENERIC_HEADS = frozenset((
    "technologies", "technologie", "technology", "technologies", "sciences", "science",
    "recommandations", "recommandation", "recommendations", "recommendation", "orientations",
    "orientation", "directives", "directive", "instructions", "hautes", "haut", "inclusion",
    "transition", "transformation", "intelligence", "economie", "economy", "innovation",
    "developpement", "development", "strategie", "strategy", "strategies", "programme",
    "programmes", "plan", "plans", "vision", "visions", "charte", "charter", "loi", "lois", "law",
    "projet", "projets", "project", "code", "declaration", "feuille", "initiative", "initiatives",
    "reforme", "reform", "ethique", "ethics", "gouvernance", "governance", "souverainete",
    "sovereignty", "recherche", "research", "formation", "enseignement", "education", "digital",
    "numerique", "data", "donnees", "cybersecurite", "cybersecurity", "fintech", "startups",
    "startup", "start-up", "energie", "energy", "agriculture", "droits", "rights", "affaires",
    "finances", "relations", "ressources", "systemes", "services", "solutions", "applications",
    "outils", "modeles", "models", "reseaux", "infrastructures", "competences", "talents",
    "politiques", "politique", "policy", "policies", "mathematiques", "informatique", "ingenierie",
    "sante", "health", "medecine", "justice", "securite", "industrie", "commerce", "ecosysteme",
    "ecosystem", "marche", "market", "prix", "award", "awards", "objectifs", "goals", "agenda",
    "pacte", "compact", "rapport", "report", "etude", "study", "guide", "manuel", "cadre",
    "framework", "convention", "accord", "accords", "memorandum", "protocole", "partenariat",
    "partnership", "cooperation", "chaire", "master", "licence", "doctorat", "diplome"
))
# fmt: on
# Titles and functions that are not a name by themselves ("Président", "Wali", "Ministre des
# communications", "Secrétaire d'État"), folded; before a name they are dropped.
# fmt: off
_TITLES = frozenset((
    "president", "presidente", "vice-president", "vice-presidente", "ministre", "ministres", "wali",
    "walis", "gouverneur", "secretaire", "secretaire-general", "directeur", "directrice",
    "directeur-general", "directrice-generale", "chef", "cheffe", "roi", "reine", "prince",
    "princesse", "souverain", "ambassadeur", "ambassadrice", "consul", "maire", "depute", "deputee",
    "senateur", "conseiller", "conseillere", "professeur", "professeure", "docteur", "pdg", "ceo",
    "dg", "coo", "cto", "cfo", "fondateur", "fondatrice", "cofondateur", "cofondatrice",
    "commissaire", "haut-commissaire", "delegue", "deleguee", "responsable", "porte-parole",
    "rapporteur", "coordinateur", "coordinatrice", "recteur", "rectrice", "doyen", "doyenne",
    "expert", "experte", "chercheur", "chercheuse", "membre", "representant", "representante",
    "premier", "premiere", "sa", "son", "leurs", "minister", "ministers", "president",
    "vice-president", "king", "queen", "crown", "ambassador", "governor", "mayor", "secretary",
    "director", "chairman", "chairwoman", "chair", "founder", "co-founder", "head", "professor",
    "dean", "delegate", "spokesperson", "representative", "deputy", "chief", "senior", "his", "her",
    "excellency", "majesty", "mr", "mrs", "ms", "dr", "monsieur", "madame", "sieur", "mm", "mme",
    "mlle", "pr", "prof"
))
# fmt: on
# Last words of a function's name ("AI Lead Partner", "Country Manager", "Chief Executive
# Officer"): a name ending so is a role, not who holds it.
# fmt: off
_ROLE_ENDINGS = frozenset((
    "partner", "manager", "officer", "director", "lead", "leader", "head", "chief", "president",
    "chairman", "chairwoman", "ceo", "cto", "cfo", "coo", "founder", "analyst", "consultant",
    "associate", "advisor", "adviser", "engineer", "scientist", "researcher", "professor",
    "minister", "secretary", "ambassador", "spokesperson", "representative", "coordinator",
))
# fmt: on
# Words that make a name tagged as a person an organisation ("AI Movement", "Attijariwafa Bank").
# fmt: off
_ORGANISATION_WORDS = frozenset((
    "movement", "group", "groupe", "bank", "banque", "university", "universite", "school", "ecole",
    "institute", "institut", "foundation", "fondation", "agency", "agence", "association", "club",
    "academy", "academie", "network", "reseau", "hub", "lab", "labs", "laboratoire", "council",
    "conseil", "center", "centre", "company", "compagnie", "corporation", "corp", "inc", "sa",
    "sarl", "ltd", "llc", "holding", "capital", "ventures", "partners", "consulting",
    "technologies", "solutions", "systems", "telecom", "media", "office", "ministry", "ministere"
))
# fmt: on
# A linking word right before an entity: it continues a longer name ("Réforme de l'Administration").
_LINK_BEFORE = re.compile(r"(?:\b(?:de|du|des|la|le|et|and|of|the)\s+|\b[ld]['’])$", re.IGNORECASE)
# Words a name never ends with: a tagger that swallowed part of a clause.
# fmt: off
_NOT_LAST_WORD = frozenset((
    "is", "are", "was", "were", "has", "have", "will", "the", "a", "an", "of", "and", "to", "in",
    "on", "for", "de", "du", "des", "la", "le", "les", "et", "en", "à", "au", "aux", "est", "sont",
    "qui", "que"
))
# fmt: on
# A heading or line start right before an entity: a capitalised common word there is not a name.
_HEADING_BEFORE = re.compile(r"(?:^|\n|:\s*)$")
# Characters trimmed from the ends of an entity (quotes, dashes, punctuation).
_TRIM = " \t\n\"'«»“”‘’()[]{},;:.!?-–—"
# A byline right before a name: "Par Nadia X", "By John Y" at a line's start.
_BYLINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:Par|PAR|By|BY|Propos recueillis par)[ \t]*:?[ \t]+$")
# A word inside a longer name, elided article aside ("l'UNESCO" -> "UNESCO").
_INNER_WORD = re.compile(r"(?<![\w&-])[A-Z][\w&-]+")
# What follows the author's name in a signature line: "X est journaliste", "X is a reporter".
_AUTHOR_AFTER = re.compile(
    r"^\s+(?:est|is)\s+(?:une?\s+|an?\s+)?(?:journaliste|reporter|correspondante?|"
    r"rédact(?:eur|rice)|journalist|correspondent|editor)\b",
    re.IGNORECASE,
)
# A linking word right before a name of common words: it is the end of a longer name ("Minister
# in charge of Digital Transition and Administrative Reform", "... et de la Réforme").
_COMPLEMENT_BEFORE = re.compile(
    r"(?:\s(?:of|and|of\s+the)\s|\set\s(?:de\s+la|de|du|des)\s|\set\sd['’])$"
)
# Lower-case words a name may hold: linking words and particles of Arabic and European names.
# fmt: off
_LINKING_WORDS = frozenset((
    "de", "du", "des", "la", "le", "les", "et", "en", "a", "au", "aux", "pour", "sur", "aupres",
    "of", "the", "and", "for", "on", "bin", "ben", "ibn", "el", "al", "da", "di", "van", "von", "y",
    "e"
))
# fmt: on
# Articles that may come before a title ("le Roi Mohammed VI", "the Minister").
_ARTICLES = frozenset(("le", "la", "les", "l'", "the"))
# Lower-case particles of people's names ("Mohamed bin Zayed", "Axel de Goursac").
# fmt: off
_NAME_PARTICLES = frozenset((
    "bin", "ben", "ibn", "el", "al", "ould", "ait", "da", "di", "van", "von", "de", "du", "la",
    "le",
))
# fmt: on
# Months: the model tags them as names in English pages.
# fmt: off
_MONTHS = frozenset((
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
    "novembre", "decembre", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"
))
# fmt: on
# Words in a name at most (official names with their complements run long).
MAX_NAME_WORDS = 24
# Role in apposition after a name: "Chakib Benmoussa, Haut-Commissaire au plan, a ...".
_ROLE_AFTER = re.compile(
    r"^\s*,\s*((?:l[ae]\s+|l'|who\s+(?:is\s+)?(?:the\s+)?)?(?:vice-|haut-|haute-|ex-)?"
    r"(?:ministre|secrétaire|président|présidente|directeur|directrice|commissaire|"
    r"membre|responsable|expert|experte|fondateur|fondatrice|PDG|CEO|chef|cheffe|"
    r"conseiller|conseillère|ambassadeur|ambassadrice|wali|gouverneur|professeur|"
    r"chercheur|chercheuse|porte-parole|coordinateur|coordinatrice|représentant|"
    r"représentante|AI Lead|head|minister|director|president|chairman|founder)"
    r"[^,;.]{0,120}),",
    re.IGNORECASE,
)
# Role before a name: "la ministre déléguée chargée de ..., Ghita Mezzour".
_ROLE_BEFORE = re.compile(
    r"((?:l[ae]\s+|l')(?:ministre|secrétaire|président|présidente|directeur|directrice|"
    r"experte?|chercheu(?:r|se)|responsable|ambassadeur|ambassadrice|wali|gouverneur)"
    r"[^,;.]{0,120}),\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def clean_name(raw: str) -> str | None:
    """An entity's text as an actor name, or None when it is not a usable name."""
    name = actor_spans.without_honorifics(" ".join(raw.split()).strip(_TRIM))
    if len(name) < 2 or name.isdigit():
        return None
    if not any(c.isupper() for c in name) and not gazetteer.is_listed_as_written(name):
        return None
    if _fold(name) in _CONCEPTS or len(name.split()) > MAX_NAME_WORDS:
        return None
    if " - " in name or " – " in name or name.split()[-1].lower() in _NOT_LAST_WORD:
        return None  # "Rabat - Morocco" (a dateline), "Artificial intelligence is" (a clause)
    return name


def _words(name: str) -> list[str]:
    """The folded words of a name, elided articles split off ("l'UNESCO" -> "l'", "unesco")."""
    return re.findall(r"[\w&-]+['’]?", _fold(name))


def without_title(name: str) -> str | None:
    """A name without the titles before it ("Président Chakib Alj" -> "Chakib Alj"); None for a
    title without a name ("Président", "Ministre des communications", "Secrétaire d'État",
    "Minister Delegate for Digital Transition")."""
    words = name.split()
    titles = 0
    while _is_title(words, titles):
        titles += 1
    if not titles:
        return name
    holder = words[titles:]
    lower = [w for w in holder if not w[:1].isupper() and _fold(w) not in _NAME_PARTICLES]
    if len(holder) < 2 or lower or not holder[0][:1].isupper():
        return None
    return " ".join(holder)


def _is_title(words: list[str], index: int) -> bool:
    """True when words[index] is a title, or an article whose next word is one."""
    if index >= len(words):
        return False
    word = _fold(words[index]).strip(".")
    if word in _ARTICLES:
        return index + 1 < len(words) and _fold(words[index + 1]).strip(".") in _TITLES
    return word in _TITLES


def is_generic(name: str) -> bool:
    """True for a generic noun phrase taken for a name: a field, a domain, a royal directive."""
    words = _words(name)
    while words and words[0] in {"l'", "la", "le", "les", "the"}:
        words = words[1:]
    return not words or words[0] in _GENERIC_HEADS or " ".join(words) in _CONCEPTS


def refine_kind(kind: str, name: str) -> str:
    """The actor type, corrected for a name the model tagged as a person that has an
    organisation's word ("AI Movement")."""
    if kind == "person" and any(w in _ORGANISATION_WORDS for w in _words(name)):
        return "organisation"
    return kind


def is_fragment(text: str, entity: Entity) -> bool:
    """True for a capitalised common word cut out of a longer name ("droits de l'Homme") or
    opening a heading ("Le point de vue du Kenya : Gouvernance et engagement")."""
    name = entity.text.strip()
    if len(name.split()) != 1 or name.isupper() or not is_common_word(name):
        return False
    before = text[max(0, entity.start - 8) : entity.start]
    return bool(_LINK_BEFORE.search(before) or _HEADING_BEFORE.search(before))


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """True when the lower-cased word is in simplemma's French or English dictionary."""
    import simplemma

    lowered = word.lower()
    return any(simplemma.is_known(lowered, lang=lang) for lang in ("fr", "en"))


def role_of(text: str, entity: Entity) -> str | None:
    """The role stated in apposition right after or right before a person's name."""
    after = _ROLE_AFTER.match(text[entity.end : entity.end + 160])
    if after:
        return after.group(1).strip()
    before = _ROLE_BEFORE.search(text[max(0, entity.start - 160) : entity.start])
    return before.group(1).strip() if before else None


@dataclass(frozen=True)
class Mention:
    """One mention of an actor: its span, its name as written there (with "(ACR)" when the
    text gives it), the name without acronym, type, gazetteer row (or None) and acronym."""

    start: int
    end: int
    written: str
    base: str
    kind: str
    known: str | None = None
    acronym: str | None = None
    byline: bool = False


@dataclass(frozen=True)
class Resolved:
    """A mention with the actor it stands for in its article: name (fullest form as written),
    canonical name (the gazetteer's, or the name) and type."""

    mention: Mention
    name: str
    canonical: str
    kind: str


def _span_candidates(text: str, entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the names worth a look: the model's people and organisations,
    institutions' names extended over their complements (and, for English heads, over the
    capitalised words before them), and institutions found by their head noun; overlaps
    resolved in favour of the longer span."""
    spans: list[tuple[int, int, str]] = []
    for ent in entities:
        if ent.label == "MISC":
            spans.extend(_known_actors_inside(ent))
        kind = ACTOR_TYPES.get(ent.label) or _person_by_role(text, ent)
        if kind is None:
            continue
        start = actor_spans.honorific_end(text, ent.start, ent.end)
        end = ent.end
        if actor_spans.starts_with_head(text[start:end]) and not ent.text.endswith("."):
            end = actor_spans.complement_end(text, end)
            start = actor_spans.modifiers_start(text, start)
        spans.append((start, end, kind))
    spans.extend((s, e, "organisation") for s, e in actor_spans.institution_spans(text))
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def _known_actors_inside(entity: Entity) -> list[tuple[int, int, str]]:
    """Known actors named inside a programme's or an event's name ("Recommandation de l'UNESCO
    sur l'éthique de l'IA" names UNESCO): their acronyms and one-word names as written."""
    found = []
    for word in _INNER_WORD.finditer(entity.text):
        known = gazetteer.lookup(word.group()) if word.group()[:1].isupper() else None
        if known is not None and known.is_actor and gazetteer.is_listed_as_written(word.group()):
            start = entity.start + word.start()
            found.append((start, start + len(word.group()), known.kind))
    return found


def _person_by_role(text: str, entity: Entity) -> str | None:
    """The type person for two to four capitalised words the model took for a place or a thing
    when a role follows them in apposition ("Lerato Mokoena, who heads the digital unit")."""
    words = entity.text.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and role_of(text, entity):
        return "person"
    return None


def _mention(text: str, start: int, end: int, kind: str) -> Mention | None:
    """The mention a span stands for once cleaned, typed and checked against the gazetteer;
    None for what is not an actor (a title alone, a generic phrase, a clause, a programme, an
    event)."""
    cleaned = clean_name(text[start:end])
    base = without_title(cleaned) if cleaned else None
    if base is None:
        return None
    if base != cleaned:
        kind = "person"
    acronym = actor_spans.acronym_after(text, end)
    known = gazetteer.lookup(base) or (gazetteer.lookup(acronym[0]) if acronym else None)
    if known is not None and not known.is_actor:
        return None
    vouched = acronym is not None and actor_spans.spells_acronym(base, acronym[0])
    if known is None and not _looks_like_a_name(text, start, base, vouched):
        return None
    return Mention(
        start=start,
        end=acronym[1] if acronym else end,
        written=f"{base} ({acronym[0]})" if acronym else base,
        base=base,
        kind=known.kind if known else refine_kind(kind, base),
        known=known.canonical if known else None,
        acronym=acronym[0] if acronym else (known.acronym or None) if known else None,
        byline=bool(
            _BYLINE_BEFORE.search(text[max(0, start - 40) : start])
            or _AUTHOR_AFTER.match(text[end : end + 40])
        ),
    )


def _looks_like_a_name(text: str, start: int, name: str, vouched: bool = False) -> bool:
    """False for what a name the gazetteer does not know cannot be: a generic phrase, a clause
    ("Business leaders were cautious"), a month, a gathering ("Assises nationales de l'IA": an
    event), a two-letter fragment, common words cut out
    of a longer name ("... and Administrative Reform") or opening a heading. A name its
    "(ACR)" spells (vouched) may hold lower-case words."""
    if is_generic(name) or _fold(name) in _MONTHS or _EVENT_NAME.match(name):
        return False
    if _fold(name.split()[-1]) in _ROLE_ENDINGS:
        return False  # "AI Lead Partner", "Country Manager": a function, not who holds it
    if has_clause_words(name) and not vouched:
        return False
    if len(name) <= 2 and not name.isupper():
        return False
    if _COMPLEMENT_BEFORE.search(text[:start][-8:]) and all(
        is_common_word(w) for w in name.split() if w[:1].isupper()
    ):
        return False
    return not is_fragment(text, Entity(start, start + len(name), name, "ORG"))


def has_clause_words(name: str) -> bool:
    """True when a name holds a lower-case word that is neither a linking word, a name
    particle, nor a word of official names: a clause the model took for a name."""
    for word in name.split():
        bare = re.sub(r"^[ldLD]['’]", "", word).strip(_TRIM)
        if not bare or not bare[0].islower():
            continue
        if _fold(bare) not in _LINKING_WORDS and bare.lower() not in gazetteer.official_words():
            return True
    return False


def article_mentions(
    text: str, entities: Sequence[Entity], exclude: Iterable[str | None] = ()
) -> list[Mention]:
    """The actor mentions of one article body, in order (outlet and other excluded names
    dropped)."""
    excluded = {_fold(x) for x in exclude if isinstance(x, str) and x}
    found = []
    for start, end, kind in _span_candidates(text, entities):
        mention = _mention(text, start, end, kind)
        if mention is not None and _fold(mention.base) not in excluded:
            found.append(mention)
    return found


def _group_keys(mentions: Sequence[Mention]) -> list[str]:
    """One key per mention, shared by the mentions of one actor within the article: the
    gazetteer row, the full name an acronym was given for, the fullest person name a surname
    ends, else the folded name."""
    by_acronym = {m.acronym: _own_key(m) for m in mentions if m.acronym and m.written != m.base}
    keys = [by_acronym.get(m.base) or _own_key(m) for m in mentions]
    fullest: dict[str, list[str]] = {}
    for mention, key in zip(mentions, keys, strict=True):
        if mention.kind == "person":
            words = _words(mention.base)
            if len(words) > len(fullest.get(key, [])):
                fullest[key] = words
    linked = []
    for mention, key in zip(mentions, keys, strict=True):
        words = _words(mention.base)
        owners = {
            k
            for k, full in fullest.items()
            if k != key and len(full) > len(words) and full[-len(words) :] == words
        }
        linked.append(owners.pop() if len(owners) == 1 else key)
    return linked


def _own_key(mention: Mention) -> str:
    """A mention's key by itself: its gazetteer row, else its folded name."""
    return f"known:{mention.known}" if mention.known else f"name:{gazetteer.name_key(mention.base)}"


def resolve(mentions: Sequence[Mention]) -> list[Resolved]:
    """Each mention with the actor it stands for in its article: one actor per person or
    organisation, named by its fullest form as written (the form with "(ACR)" first); the
    article's author (a byline) is left out."""
    keys = _group_keys(mentions)
    groups: dict[str, list[Mention]] = {}
    for mention, key in zip(mentions, keys, strict=True):
        groups.setdefault(key, []).append(mention)
    signed = {key for key, group in groups.items() if any(m.byline for m in group)}
    chosen = {
        key: min(
            group,
            key=lambda m: (m.written == m.base, -len(m.base.split()), -len(m.base), m.start),
        )
        for key, group in groups.items()
    }
    resolved = []
    for mention, key in zip(mentions, keys, strict=True):
        if key in signed:
            continue  # the author of the article, not one of its actors
        best = chosen[key]
        known = next((m.known for m in groups[key] if m.known), None)
        resolved.append(Resolved(mention, best.written, known or best.written, best.kind))
    return resolved


def article_actors(
    text: str, entities: Sequence[Entity], exclude: Iterable[str | None] = ()
) -> list[Resolved]:
    """The resolved actor mentions of one article body."""
    return resolve(article_mentions(text, entities, exclude))


def as_entities(entities: Sequence[Entity], actors: Sequence[Resolved]) -> list[Entity]:
    """The article's entities with people and organisations replaced by the resolved actors
    (text: the actor's name), so that events name their actors as the actors table does."""
    others = [e for e in entities if e.label not in ACTOR_TYPES]
    label = {kind: code for code, kind in ACTOR_TYPES.items()}
    named = [Entity(a.mention.start, a.mention.end, a.name, label[a.kind]) for a in actors]
    return sorted(others + named, key=lambda e: e.start)


MENTION_COLUMNS = ["file", "name", "canonical", "type", "role", "start"]


def mention_rows(
    file: str, text: str, entities: Sequence[Entity], exclude: Iterable[str | None] = ()
) -> list[dict[str, object]]:
    """One record per actor mention of one article (outlet and other excluded names dropped)."""
    return actor_rows(file, text, article_actors(text, entities, exclude))


def actor_rows(file: str, text: str, actors: Sequence[Resolved]) -> list[dict[str, object]]:
    """The mention records of an article's resolved actors."""
    rows: list[dict[str, object]] = []
    for actor in actors:
        m = actor.mention
        span = Entity(m.start, m.end, m.written, "PER")
        role = role_of(text, span) if actor.kind == "person" else None
        rows.append(
            {
                "file": file,
                "name": actor.name,
                "canonical": actor.canonical,
                "type": actor.kind,
                "role": role,
                "start": m.start,
            }
        )
    return rows


def actor_mentions(
    file: str, text: str, entities: Sequence[Entity], exclude: Iterable[str | None] = ()
) -> pd.DataFrame:
    """mention_rows as a table."""
    return pd.DataFrame(mention_rows(file, text, entities, exclude), columns=MENTION_COLUMNS)


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each name to its fullest variant: "Mezzour" -> "Ghita Mezzour" when unambiguous."""
    unique = sorted(set(names), key=lambda n: (-len(n.split()), n))
    by_last: dict[str, set[str]] = {}
    for name in unique:
        if len(name.split()) >= 2:
            by_last.setdefault(_fold(name.split()[-1]), set()).add(name)
    folded_full = {_fold(n): n for n in unique}
    mapping = {}
    for name in unique:
        full = by_last.get(_fold(name), set()) if len(name.split()) == 1 else set()
        if len(full) == 1:
            mapping[name] = next(iter(full))
        else:
            mapping[name] = folded_full.get(_fold(name), name)
    return mapping


def summarise_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """The actors table: file, name (fullest form in the article, as spelled), canonical name
    (the gazetteer's, else the fullest form in the corpus), type, mentions, first role."""
    columns = ["file", "name", "canonical", "type", "mentions", "role"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    people = mentions["type"].eq("person")
    canon = canonical_names(mentions.loc[people, "canonical"])
    frame = mentions.assign(
        canonical=mentions["canonical"].where(~people, mentions["canonical"].map(canon))
    )
    grouped = frame.groupby(["file", "name", "canonical", "type"], as_index=False, sort=True).agg(
        mentions=("start", "size"), role=("role", "first")
    )
    return none_for_missing(grouped[columns], "role")
