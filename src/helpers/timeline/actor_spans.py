"""Where an actor's name starts and ends in the text: titles before it dropped, the complements
of an official name ("... et de la Réforme de l'administration") and its "(ACR)" taken in, and
institutions the model missed ("le ministère de l'Education du Kenya") found by their head noun.
"""

from __future__ import annotations

import re

from helpers.timeline.gazetteer import official_words

# A capitalised word (a name's word, an acronym, a roman numeral): "Réforme", "UNESCO", "VI".
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w&’'-]*"
# The linking words between an official name's parts: "de la", "et des", ", du", "auprès de
# l'", "chargé de", "pour le", "of the" (an elided article is glued to the next word); a bare
# "et" is not one: "le ministère de X et Hespress" names two actors.
_LINK = re.compile(
    r"(?:\s*,)?\s+(?:(?:et|and)\s+)?"
    r"(?:(?:auprès|chargée?|délégués?|déléguées?|pour|in\s+charge)\s+)?"
    r"(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’]|à\s+la\s+|à\s+l['’]|aux\s+|au\s+|en\s+|"
    r"pour\s+la\s+|pour\s+les\s+|pour\s+le\s+|pour\s+l['’]|pour\s+|"
    r"of\s+the\s+|of\s+|for\s+the\s+|for\s+|on\s+)",
)
# One word of a complement, capitalised or not (checked against official words after).
_WORD = re.compile(rf"{_CAP_WORD}|[a-zà-öø-ÿ][\w’'-]*")
# Head nouns of institutions' names, capitalised: a name opening with one may run on.
_HEADS = (
    r"Minist[èe]re|Agence|Conseil|Office|Direction|D[ée]l[ée]gation|Bureau|Commission|"
    r"Haut[- ]Commissariat|Secr[ée]tariat|Chambre|Fondation|Institut|[ÉE]cole|Universit[ée]|"
    r"Facult[ée]|Centre|Observatoire|Caisse|Banque|Haute\s+Autorit[ée]|Autorit[ée]|Comit[ée]|"
    r"Instance|F[ée]d[ée]ration|Association|Conf[ée]d[ée]ration|Acad[ée]mie|Cour|Organisation|"
    r"Union|Fonds|Laboratoire|Wilaya|D[ée]partement|Ministry|Agency|Council|Department|"
    r"Directorate|Foundation|Institute|School|University|Center|Bank|Authority|Committee|"
    r"Federation|Academy|Organization|Fund|Laboratory|Chamber|Court|Parti|Party|Ligue|League|"
    r"Syndicat"
)
# Heads that name an institution even in lower case when a capitalised complement follows
# ("le ministère de l'Éducation du Kenya"); "conseil", "bureau", "centre" alone are too common.
_LOWER_HEADS = (
    r"minist[èe]re|agence|universit[ée]|haut-commissariat|d[ée]l[ée]gation|ministry|university"
)
# Adjectives that follow an institution's head noun: "Conseil national", "Délégation permanente".
_HEAD_ADJECTIVES = (
    r"(?:\s+(?:national|général|supérieur|royal|permanent|international|régional|provincial|"
    r"interministériel|marocain|africain|européen|mondial|central|exécutif|délégué|spécial|"
    r"multipays|chérifien|polytechnique)(?:e|le|ne)?s?)*"
)
# An institution's head noun with its adjectives, where a name may start.
# (Case-sensitive but for the adjectives: an IGNORECASE scan of whole texts costs 3x as much.)
_HEAD_START = re.compile(rf"(?<![\w-])(?:{_HEADS}|{_LOWER_HEADS})\b(?i:{_HEAD_ADJECTIVES})")
# English head nouns, which come after their modifiers ("Supreme Council", "X University").
_ENGLISH_HEAD = re.compile(
    r"^(?:Ministry|Agency|Council|Department|Directorate|Foundation|Institute|School|University|"
    r"Center|Centre|Bank|Authority|Committee|Federation|Academy|Organization|Organisation|Fund|"
    r"Laboratory|Chamber|Court|Commission|Office|Union|Association)\b"
)
# Capitalised words right before an English head noun, particles of Arabic names included
# ("Mohamed bin Zayed University"); determiners and sentence openers are dropped after.
_MODIFIERS_BEFORE = re.compile(
    r"(?:(?<=\s)|^)(?:[A-Z][\w’'&.-]*\s+(?:(?:bin|ben|ibn|al|el)\s+)?)+$"
)
# Words that may open the capitalised run before a head without being part of the name.
# fmt: off
_DETERMINERS = frozenset((
    "The", "A", "An", "This", "That", "Its", "Our", "Their", "His", "Her", "Le", "La", "Les", "Un",
    "Une", "In", "On", "At", "For", "And", "Of", "By", "With", "From", "As", "After", "Before",
    "While", "When",
))
# fmt: on
# Capitalised words right after a head noun: the name it carries ("Fondation Mohammed VI",
# "Université Hassan II", "Institut Pasteur").
_NAMES_AFTER_HEAD = re.compile(r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]*)+")
# A head noun at the start of a name found by the model (case as written).
_STARTS_WITH_HEAD = re.compile(rf"^(?:{_HEADS}|{_LOWER_HEADS})\b", re.IGNORECASE)
# "(ACR)" anywhere: an upper-case acronym of 2 to 10 letters in brackets after a word.
_ACRONYM_ANYWHERE = re.compile(r"(?<=\w)\s*\(([A-Z][A-Z0-9&-]{1,9})\)")
# The words before an acronym, one by one on the same line (elided articles glued to theirs).
_WORD_BEFORE = re.compile(r"[^\W\d_][\w'’-]*")
# Linking words an acronym skips ("Parti de la justice et du développement (PJD)").
# fmt: off
_ACRONYM_SKIPPED = frozenset((
    "de", "du", "des", "la", "le", "les", "et", "pour", "à", "au", "aux", "en", "sur", "of", "the",
    "and", "for", "on", "in", "d", "l",
))
# fmt: on
# "(ACR)" right after a name: an acronym of 2 to 12 characters with two capitals at least.
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,11})\s*\)")
# Titles and honorifics before a person's name ("M.", "Mme", "Dr", "Pr", "S.M.", "Mr.").
_HONORIFIC = re.compile(
    r"^(?:(?:M\.|MM\.|Mme|Mmes|Mlle|Dr\.?|Pr\.?|Prof\.?|Me|Mr\.?|Mrs\.?|Ms\.?|S\.M\.|SM|"
    r"S\.A\.R\.|SAR|H\.M\.|HM|H\.E\.|Sa\s+Majesté|Son\s+Altesse|His\s+Majesty|"
    r"His\s+Excellency|Her\s+Excellency)\s+)+",
)
# Words an official name's complements may add at most.
MAX_NAME_WORDS = 20


def _capitalised(word: str) -> bool:
    """True for a word opening with a capital letter."""
    return word[:1].isupper()


def complement_end(text: str, end: int, limit: int = MAX_NAME_WORDS) -> int:
    """Where a name ending at `end` really ends once its complements are taken in: each link
    ("de la", "et de", "auprès de l'", "of") must lead to words that are capitalised or used in
    official names ("de l'administration")."""
    words_taken = 0
    while words_taken < limit:
        link = _LINK.match(text, end)
        if not link:
            return end
        position, last, taken = link.end(), end, 0
        while True:
            word = _WORD.match(text, position)
            if not word or not (
                _capitalised(word.group()) or word.group().lower() in official_words()
            ):
                break
            last, taken = word.end(), taken + 1
            space = re.match(r"[ \t]+", text[last:])
            if not space:
                break
            position = last + space.end()
        if not taken:
            return end
        end, words_taken = last, words_taken + taken
    return end


def modifiers_start(text: str, start: int) -> int:
    """Where a name whose English head noun starts at `start` really starts: the capitalised
    words right before the head are its modifiers ("Supreme Council of ...")."""
    if not _ENGLISH_HEAD.match(text[start : start + 20]):
        return start
    before = _MODIFIERS_BEFORE.search(text[max(0, start - 80) : start])
    if not before:
        return start
    words = before.group().split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    possessive = [i for i, w in enumerate(words) if w.endswith(("'s", "’s", "'", "’"))]
    words = words[possessive[-1] + 1 :] if possessive else words
    if not words:
        return start
    return start - len(before.group()) + before.group().index(words[0])


def acronym_after(text: str, end: int) -> tuple[str, int] | None:
    """("ACR", new end) when "(ACR)" follows a name ending at `end`, else None."""
    match = _ACRONYM_AFTER.match(text[end : end + 20])
    if not match or sum(c.isupper() for c in match.group(1)) < 2:
        return None
    return match.group(1), end + match.end()


def starts_with_head(name: str) -> bool:
    """True when a name opens with an institution's head noun ("Ministère", "Agency")."""
    return bool(_STARTS_WITH_HEAD.match(name))


def institution_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of institution names found by their head noun, the names right after it
    and a complement with a capitalised word ("ministère de l'Éducation du Kenya", "Délégation
    permanente du Royaume du Maroc auprès de l'UNESCO", "Fondation Mohammed VI pour ...") or,
    for an English head, capitalised modifiers ("AU Executive Council"), and names an "(ACR)"
    spells. A lower-case head counts only from the short list of heads that are a name in lower
    case too."""
    spans = []
    for match in _HEAD_START.finditer(text):
        named = _NAMES_AFTER_HEAD.match(text, match.end())
        end = complement_end(text, named.end() if named else match.end())
        start = modifiers_start(text, match.start())
        if start < match.start() or any(c.isupper() for c in text[match.end() : end]):
            spans.append((start, end))
    spans.extend(acronym_defined_spans(text))
    return spans


def acronym_defined_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the names an "(ACR)" after them delimits: the words before the bracket
    whose initials spell the acronym, linking words aside ("Direction générale des
    collectivités territoriales (DGCT)")."""
    spans = []
    for match in _ACRONYM_ANYWHERE.finditer(text):
        letters = [c for c in match.group(1).upper() if c.isalpha()]
        start = _initials_start(text, match.start(), letters)
        if start is not None:
            spans.append((start, match.start()))
    return spans


def spells_acronym(name: str, acronym: str) -> bool:
    """True when the initials of a name's words, linking words aside, spell the acronym."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    return bool(letters) and _initials_start(name, len(name), letters) == 0


def _initials_start(text: str, end: int, letters: list[str]) -> int | None:
    """Where the name ending at `end` starts if its words' initials, read backwards, spell the
    letters (linking words skipped), else None."""
    words = list(_WORD_BEFORE.finditer(text[max(0, end - 250) : end]))
    offset = max(0, end - 250)
    remaining = list(letters)
    for word in reversed(words):
        token = re.sub(r"^[ldLD]['’]", "", word.group())
        if token.lower() in _ACRONYM_SKIPPED:
            if not remaining:
                return None
            continue
        if not remaining or token[:1].upper() != remaining[-1]:
            return None
        remaining.pop()
        if not remaining:
            return offset + word.start() + (len(word.group()) - len(token))
    return None


def without_honorifics(name: str) -> str:
    """A name without the honorifics before it ("M. Chakib Benmoussa" -> "Chakib Benmoussa")."""
    return _HONORIFIC.sub("", name)


def honorific_end(text: str, start: int, end: int) -> int:
    """Where a name starts once the honorifics before it ("M.", "Mme", "Dr") are dropped."""
    match = _HONORIFIC.match(text[start:end])
    return start + match.end() if match else start
