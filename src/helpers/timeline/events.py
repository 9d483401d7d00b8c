"""Events: dated things that happened or were announced, found sentence by sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from helpers.text.dates import DateMention, find_dates, names_month, parse_iso, weekday_by_tense
from helpers.text.spans import Span, sentences
from helpers.timeline.actors import ACTOR_TYPES
from helpers.timeline.ner import Entity

# Cue words of each kind (French and English regex alternatives), in order of precedence:
# the first kind whose cue a sentence contains is its kind.
_CUE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assises", ("assises", "national (?:ai )?conferences?")),  # MAP's English for "Assises"
    (
        "annonce",
        (
            "conf[ée]rences? de presse",
            "points? de presse",
            "press conferences?",
            "press briefings?",
        ),
    ),
    (
        "colloque",
        (
            "colloques?",
            "symposiums?",
            "s[ée]minaires?",
            "seminars?",
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
            "r[ée]unions?",
            r"journ[ée]es?\s+(?:nationales?|internationales?)",
        ),
    ),
    ("autre", ("comit[ée]s? de pilotage", "steering committees?")),
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
            "legal frameworks?",
            "entr[ée]e?s? en vigueur",
            "entrera en vigueur",
            "entered into force",
            "comes? into force",
            "legislation",
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
            "cr[ée]ation",
            "cr[ée][ée]e?s?",
            "sign[ée]e?s?",
            "signatures?",
            "publi[ée]e?s?",
            "announced?",
            "launch(?:ed|es)?",
            "unveil(?:ed|s)?",
            "inaugurated",
            "signed",
            "created",
            "published",
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
            "adopt[ée]e?s?",
            "adopted",
            r"d[ée]marr\w*",
            r"d[ée]but(?:e|é|er|a)\w*",
            "s'est ouverte?",
            "se sont ouverte?s",
            "began",
            "begins",
            "opened",
            "kicked off",
            "rejoint",
            "rejoindre",
            "adh[ée]r[ée]",
            "adh[ée]sion",
            "s'(?:est|était) engag[ée]e?",
            "committed",
            "joined",
            "ratifi[ée]e?s?",
            "ratified",
            "met with",
            "s'est entretenue?",
        ),
    ),
)
KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE))
    for kind, words in _CUE_WORDS
)
# The same cues for text lowered character for character (much faster than ignoring case): they
# match where KIND_CUES match, unless the text holds one of _CASE_TRAPS.
_LOWERED_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(words).lower() + r")\b")) for kind, words in _CUE_WORDS
)
# Letters that lower() keeps but ignoring case takes for "i" and "s".
_CASE_TRAPS = re.compile("[ıſ]")
# Context words that make a date biographical, historical or a deadline, not an event.
_NOT_EVENT_BEFORE = re.compile(
    r"(?:\bn[ée]e?\b|\bborn\b|\bdepuis\b(?!\s+(?:sa|son|la|le|leur)\s+(?:premi[èe]re\s+)?"
    r"(?:[ée]dition|lancement|cr[ée]ation|adoption|inauguration))|\bsince\b(?!\s+(?:its|the|their)\s+"
    r"(?:first\s+)?(?:edition|launch|creation|adoption|inauguration))|\bfond[ée]e?\b|"
    r"\bfounded\b|\bcr[ée]{2}e? en\b|"
    r"\bdipl[ôo]m[ée]e?\b|\bjusqu'(?:au|à|en)\b|\bavant le\b|\bdate limite\b|\bdeadline\b|"
    r"\buntil\b|\bd[ée]c[ée]d[ée]e?\b|\bdied\b|\btook office\b|\bpris ses fonctions\b|"
    r"\bentr[ée]e? en fonctions?\b)[^.;]{0,25}$",
    re.IGNORECASE,
)
# A dispatch's dateline around a date: "Rabat, le 2 juillet 2025 (MAP) - ", "PARIS, July 1 (AP) -".
_DATELINE_BEFORE = re.compile(
    r"\s*(?:[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,3}\s*,?\s*)?(?:le\s+)?"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Za-z .]{2,20}\)\s*)?[-–—:|]\s")
# A quantity in a target: "100 000 talents", "50.000 emplois", "1 milliard de dirhams", "30 %".
_QUANTITY = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+(?:[.,]\d+)?)(?![^\W\d_])\s*"
    r"(%|pour ?cent|(?:millions?|milliards?|billions?|mille|MMDH|MDH|k)\b(?:\s+(?:de|d'))?)?\s*"
    r"((?:[a-zA-ZÀ-ÿ'-]+\s*){1,4})"
)
# Words that end a label phrase: relative pronouns, prepositions of time/place, verbs and
# modals ("son examen doit démarrer"), a purpose ("visant à", "pour renforcer").
_LABEL_STOP = re.compile(
    r"\s(?:qui|que|dont|où|lors|sous|pendant|durant|organis[ée]e?s?|tenue?s?|"
    r"a\s+(?:été|\w+(?:[ée]|i|u|is|it|ert))|ont|avait|avaient|est|sont|sera|seront|s'est|se|"
    r"doit|doivent|devrait|devraient|devra|devront|peut|peuvent|pourrait|pourraient|va|vont|"
    r"le\s+\d|les\s+\d|du\s+\d|en\s+\d|à\s+[A-ZÀ-Ý]|au\s+[A-ZÀ-Ý]|"
    r"which|that|held|was|were|is|are|will|has|have|had|on|in\s+\d|"
    r"visant|destin[ée]e?s?\s+à|afin|pour\s+\w+(?:er|ir|re)|aimed|aiming)\b"
)
# Long forms shortened in labels.
_LABEL_SHORT = (
    (re.compile(r"l['’]intelligence artificielle", re.IGNORECASE), "l'IA"),
    (re.compile(r"\bintelligence artificielle\b", re.IGNORECASE), "IA"),
    (re.compile(r"\bartificial intelligence\b", re.IGNORECASE), "AI"),
)
# Leading determiners: "les", "la", "l'", "the", "leurs"...
_DETERMINERS_AT_START = (
    r"^(?:(?:les|le|la|un|une|des|du|de|the|a|an|ce|cette|ces|leur|leurs|sa|son|ses)\s+"
    r"|[ld]['’]\s*)+"
)
# Leading determiners and ordinals dropped from labels.
_LEADING = re.compile(
    _DETERMINERS_AT_START + r"(?:(?:premi[èe]re?s?|deuxi[èe]mes?|1[èe]re?s?|\d+e|first|second)\s+)?"
    r"(?:[ée]dition\s+(?:de|du|des)\s+)?",
    re.IGNORECASE,
)
# Leading determiners only (a gathering's label keeps its rank).
_DETERMINERS_LEADING = re.compile(_DETERMINERS_AT_START, re.IGNORECASE)
# A rank right before a gathering's name: "premières Assises", "3e édition", "first Summit".
_ORDINAL_BEFORE = re.compile(
    r"\b(?:premi[èe]re?s?|deuxi[èe]mes?|troisi[èe]mes?|quatri[èe]mes?|cinqui[èe]mes?|"
    r"\d+(?:e|ème|er|re|ère)s?|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+$",
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
    "Abuja",
    "Lagos",
    "Accra",
    "Nouakchott",
    "Cotonou",
    "Lomé",
    "Bamako",
    "Niamey",
    "Ouagadougou",
    "Libreville",
    "Kinshasa",
    "Yaoundé",
    "Douala",
    "Luanda",
    "Johannesburg",
    "Le Cap",
    "Cape Town",
    "Pretoria",
    "Addis Ababa",
    "Kampala",
    "Tripoli",
    "Séville",
    "Barcelone",
    "Berlin",
    "Montréal",
    "Singapour",
    "Istanbul",
    "Mohammedia",
    "Safi",
    "Larache",
    "Témara",
    "Errachidia",
    "Al Hoceïma",
    "Guelmim",
    "Taza",
    "Berrechid",
    "Berkane",
    "Tiznit",
    "Taroudant",
    "Chefchaouen",
    "Benslimane",
    "Chambre des représentants",
    "Chambre des conseillers",
)
_PLACE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PLACES) + r")\b")
MAX_LABEL_CHARS = 80
# "à" or "in" right before a location entity: the place an event is held in.
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:à|in|at)\s$")
# A horizon word opening a target phrase: "à l'horizon 2030", "horizon 2030".
_HORIZON_WORD = re.compile(r"(?:[àa]\s+l['’])?horizon", re.IGNORECASE)
_STRATEGY_CUE = dict(KIND_CUES)["strategie"]
# A word that may open a setting (see _SETTING_BEFORE): sentences without one skip the
# per-date look-up.
_SETTING_HINT = re.compile(
    r"\b(?:lors|marge|occasion|cours|cadre|cl[ôo]ture|ouverture|issue|during|sidelines|at)\b", re.I
)
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
    ("publi", "Publication"),
    ("édition", "Édition"),
    ("edition", "Edition"),
    ("s'est engag", "Engagement"),
    ("s'était engag", "Engagement"),
    ("ratifi", "Ratification"),
    ("promulgu", "Promulgation"),
    ("endorsed", "Endorsement"),
    ("committed", "Commitment"),
    ("named", "Appointment"),
    ("démarr", "Démarrage"),
    ("début", "Début"),
    ("began", "Start"),
    ("begins", "Start"),
    ("opened", "Opening"),
)
_ENGLISH_NOUNS = frozenset(
    {"Launch", "Announcement", "Creation", "Unveiling", "Appointment", "Endorsement", "Commitment"}
)
# Acts named after their subject: "Engagement du Maroc à ...", "Commitment of Morocco to ...".
_SUBJECT_ACTS = frozenset({"Engagement", "Commitment", "Début", "Démarrage", "Start", "Opening"})
# An English simple past is active unless a passive auxiliary or a comma precedes it.
_ENGLISH_PAST = re.compile(r"\b\w+ed\b")
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:was|were|been|is|are|being)\s+(?:\w+ly\s+)?|,\s*)$", re.I)
# The words that introduce a date phrase, removed with it from label text ("le", "en", "on").
_DATE_LEAD_IN = re.compile(
    r"\s*,?\s*\b(?:(?:au|du|le)\s+mois\s+de|le|les|la|en|du|depuis|dès|on|in|since|ce|cette)\s*$",
    re.IGNORECASE,
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


# A teaser of another article: "À lire aussi :", "Lire également", "Read also", "See also".
_TEASER = re.compile(
    r"\s*(?:[àa]\s+)?(?:lire|voir)\s+(?:aussi|[ée]galement)|\s*(?:read|see)\s+(?:also|more)",
    re.IGNORECASE,
)
# The end of a clause: what a target's quantities after its horizon are read in.
_CLAUSE_END = re.compile(r"[;.]\s|$")
# The longest a gathering lasts: "jusqu'à mercredi" further off is another week's.
MAX_GATHERING_DAYS = 7
# A rubric heading a related article's headline: "Tourisme : ...", "Coupe de la CAF : ..."
# (a date before the colon makes it a dated heading instead: "12 mai 2025 : ...").
# Its words are capitalised, numbers or articles, unlike a lead-in ("Pas de pause : ...").
_RUBRIC = re.compile(
    r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:[A-ZÀ-Ý0-9][\w'’-]*|de|du|des|la|le|l['’]\w+|d['’]\w+)){0,3}\s:\s"
)
# "jusqu'au 31 mai", "jusqu'à mercredi": the last day of a gathering already open.
_UNTIL = re.compile(r"jusqu['’](?:au|à|a)\s+(?:(?:ce|le)\s+)?", re.IGNORECASE)
# A weekday named right after "jusqu'à".
_WEEKDAY_AFTER = re.compile(
    r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", re.IGNORECASE
)
_WEEKDAY_INDEX = {
    name: i
    for i, name in enumerate(
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    )
}
# A year named anywhere in a text ("Salon de l'IA 2023").
_YEAR_IN_TEXT = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d%])")
# Kinds that name a gathering: their label is the occasion's name.
GATHERING_KINDS = frozenset({"assises", "colloque", "salon", "conference"})
# Words before a cue that make it the setting of the event, not the event: "lors de la 42e
# session de la Conférence", "en marge du GITEX", "at GITEX Africa" (lower-cased text).
_SETTING_BEFORE = re.compile(
    r"\b(?:lors|en\s+marge|à\s+l'occasion|au\s+cours|dans\s+le\s+cadre|à\s+la\s+cl[ôo]ture|"
    r"à\s+l'ouverture|à\s+l'issue)\s+d(?:e|u|es|')\s*"
    r"(?:[^\s,;.:]+\s+){0,5}$|\b(?:during|on\s+the\s+sidelines\s+of|at)\s+(?:[^\s,;.:]+\s+){0,3}$"
)
# A noun and "des"/"du"/"de la" right before a gathering's cue: "recommandations des ateliers".
_NOUN_COMPLEMENT_BEFORE = re.compile(
    r"\b(?!(?:lors|marge|cadre|cours|occasion|[ée]dition|session)\b)[a-zà-ÿ]{4,}\s+(?:des|du|de\s+la|de\s+l')\s*$"
)
# Between a setting's cue and its own date, an apposition: "nationales de l'IA, tenues les",
# "de l'IA, les", " held on".
_DATE_OF_SETTING = re.compile(
    r"[^,;.]{0,50}?(?:,\s*(?:(?:qui\s+)?(?:s'est\s+|se\s+sont\s+)?(?:tenue?s?|organis[ée]e?s?|"
    r"pr[ée]vue?s?|d[ée]roul[ée]e?s?|held|organi[sz]ed|scheduled)\s+)?|\s+(?:tenue?s?|organis[ée]e?s?|"
    r"pr[ée]vue?s?|held|organi[sz]ed|scheduled)\s+)(?:le|les|du|on|in|en)?\s*"
)
# Words right before the page's own date: "publié le", "published on", "mis à jour le".
_OWN_DATE_BEFORE = re.compile(
    r"\b(?:publi[ée]e?|mis\s+à\s+jour|published|posted|updated)\s+(?:le|on)?\s*$", re.IGNORECASE
)
# A place right after a date: "samedi à Tétouan", "on Wednesday in Rabat", "le 2 mars, à Fès".
_PLACE_AFTER = re.compile(r",?\s+(?:à|au|in|at)\s+[A-ZÀ-Ý]")
# A date heading its sentence: nothing, or only "Le"/"On", before it.
_HEADING_BEFORE = re.compile(r"\s*(?:(?:le|les|on|the)\s+)?", re.IGNORECASE)
# The acts that make a dated sentence news even years later: launched, adopted, named, an
# edition; also what a label names ("a lancé" -> "Lancement de ...").
_ACT_VERB = re.compile(
    r"\b(?:lanc[ée]e?s?|lancement|adopt[ée]e?s?|adoption|nomm[ée]e?s?|nomination|"
    r"d[ée]sign[ée]e?s?|inaugur[ée]e?s?|inauguration|sign[ée]e?s?|annonc[ée]e?s?|"
    r"d[ée]voil[ée]e?s?|pr[ée]sent[ée]e?s?|pr[ée]sentation|publi[ée]e?s?|publication|"
    r"[ée]ditions?|s'(?:est|était)\s+engag[ée]e?|ratifi[ée]e?s?|promulgu[ée]e?s?|"
    r"launch(?:ed)?|adopted|appointed|named|unveiled|signed|announced|published|committed|"
    r"endorsed|editions?)\b",
    re.IGNORECASE,
)
# A life story, not news: "a rejoint", "a occupé", "diplômé", "took office".
_BIOGRAPHY = re.compile(
    r"\b(?:n[ée]e?\s+(?:en|le|à)|a\s+rejoint|a\s+occup[ée]|dipl[ôo]m[ée]e?|carri[èe]re|parcours|"
    r"born|joined|graduated|career)\b",
    re.IGNORECASE,
)
# A determiner right before a cue: the cue is a noun ("le lancement", "la signature").
_DETERMINER_BEFORE = re.compile(
    r"\b(?:le|la|les|un|une|du|des|son|sa|ses|leur|ce|cette|the|its|their)\s+"
    r"(?:(?:premi[èe]re?|nouvel(?:le)?|nouveau|grande?|first|new|official|\d+e|\d+(?:st|nd|rd|th))\s+)?$"
    r"|\bl['’]$",
    re.IGNORECASE,
)
# An auxiliary of an active past tense right before a verb: "a lancé", "ont signé", "has signed".
_ACTIVE_AUX = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|has|have|had)\s+(?:(?!été\b|been\b)\w+\s+)?$",
    re.IGNORECASE,
)
# Words between a subject and its participle or infinitive (auxiliaries, modals), skipped to
# reach the subject.
_AUXILIARIES = frozenset(
    {"a", "ont", "avait", "avaient", "été", "est", "sont", "était", "étaient", "sera", "seront",
     "qui", "officiellement", "was", "were", "is", "are", "has", "have", "had", "been", "be",
     "officially", "which", "doit", "doivent", "devrait", "devraient", "devra", "devront", "va",
     "vont", "peut", "peuvent", "will", "should", "must", "can"}
)  # fmt: skip
# A reflexive verb or a relative pronoun: no noun phrase before a participle runs across it.
_CLAUSE_VERB = re.compile(r"^(?:[sS]['’]\w+|se|qui|que|which|that)$")
# Determiners that open a noun phrase.
_DETERMINERS = frozenset(
    {"le", "la", "les", "un", "une", "des", "du", "ce", "cette", "ces", "son", "sa", "ses", "leur",
     "leurs", "the", "a", "an", "its", "their"}
)  # fmt: skip
# An elided article: "l'UNESCO", "d'entente".
_ELIDED = re.compile(r"^[lL]['’]\w")
# What a participle's object is named as: "désigné comme centre de catégorie II".
_COMPLEMENT = re.compile(r"\s+((?:comme|en\s+tant\s+que|as|à\s+la\s+tête|au\s+poste)\b)")
# Capitalised words that never belong to a name ending in a cue: articles, a byline's "Par".
_NAME_BREAKERS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "the", "a", "an", "par", "by"}
)
# Parts of the day after a weekday, removed with it from labels: "mardi soir".
_TIME_OF_DAY_AFTER = re.compile(r"\s+(?:soir|matin|apr[èe]s-midi|evening|morning|afternoon)\b")
# A determiner opening a comma-separated chunk: the subject after a heading participle.
_DETERMINER_AT = re.compile(r"\s*(?:les?|la|l['’]|une?|des|the|a|an)\b", re.IGNORECASE)
# An agent, not an object: "par les 193 États membres", "by the Council".
_AGENT = re.compile(r"\s*(?:par|by)\b", re.IGNORECASE)
# Prepositions after which a determiner opens a complement, not the phrase a participle is about.
_COMPLEMENT_PREPOSITIONS = frozenset(
    {"de", "d'", "pour", "avec", "sur", "of", "for", "with", "on", "about"}
)
# An English phrase: "the national report", "its strategy", "a survey".
_ENGLISH_DETERMINER = re.compile(r"(?:the|its|their|whose|a|an)\s", re.IGNORECASE)
# What follows an English participle that qualifies the noun before it ("a survey published in
# 2023", "the plan unveiled, ..."), not an active verb and its object.
_REDUCED_RELATIVE_AFTER = re.compile(
    r"\s*(?:,|in\b|on\b|by\b|at\b|last\b|this\b|during\b|for\b)", re.IGNORECASE
)
# Leading English articles.
_LEADING_ENGLISH = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# The topic after a generic noun: "sur l'IA responsable", "consacré à", "avec Mistral AI".
_TOPIC = re.compile(
    r"\s(?:sur|autour\s+d[eu]|consacr[ée]e?s?\s+(?:à|au|aux)|d[ée]di[ée]e?s?\s+(?:à|au|aux)|"
    r"portant\s+sur|entre|avec|on|about|with|between)\s",
    re.IGNORECASE,
)
# An incise between a verb and its object: ", en séance plénière, ", ", à son siège de Rabat, ".
_INCISE = re.compile(
    r"\s*,\s*(?:en|à|au|aux|dans|devant|lors|depuis|in|at|during|before)\b[^,;.:]{0,60},\s*",
    re.IGNORECASE,
)
# The signing by two parties before a partnership's noun: "Le Maroc et le Rwanda ont signé".
_PARTIES_SIGNED = re.compile(
    r"\b(?:ont|have)\s+(?:sign[ée]|conclu|paraph[ée]|signed|concluded)\b", re.IGNORECASE
)
# Where a subject before its verb starts: a dateline's dash, a colon, a semicolon.
_SUBJECT_START = re.compile(r"\s[-–—]\s|[:;]\s")
# "et"/"and" before a new party: a determiner or a capital follows ("et le Rwanda", "et Huawei").
_PARTY_AND = re.compile(r"\s(?:et|and)\s+(?=(?:les?|la|l['’]|the)\b|[A-ZÀ-Ý])")
# An acronym in brackets after a party's long name: "(KOICA)".
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,11})\)")
# A text coming into force, as a verb: "entré en vigueur", "entrera en vigueur".
_IN_FORCE = re.compile(r"\bentr(?:[ée]e?s?|era|eront)\s+en\s+vigueur\b", re.IGNORECASE)
# A label that holds a name: a capital past its first letter ("de l'IA"), or a title in quotes.
_NAME_IN_LABEL = re.compile(r"[A-ZÀ-Ý]|«|“")
# A capitalised cue word and the capitalised words after it, a year aside: "GITEX Africa 2025".
_OCCASION = re.compile(
    r"\b([A-ZÀ-Ý][\w'’-]*(?:\s+(?:de\s+l['’]|de\s+la\s+|des\s+|du\s+|de\s+)?[A-ZÀ-Ý][\w'’-]*)+)"
)
# An edition by its rank: "sa première édition", "une quatrième édition", "la 3e édition".
_RANKED_EDITION = re.compile(
    r"\b(premi[èe]re|deuxi[èe]me|troisi[èe]me|quatri[èe]me|cinqui[èe]me|\d+e)\s+[ée]dition\b",
    re.IGNORECASE,
)
# A partnership label that already names its parties.
_NAMES_PARTIES = re.compile(r"\s(?:avec|entre|with|between)\s", re.IGNORECASE)
# A title in quotes: « IA et droits de l'Homme », “AI Made in Morocco”.
_QUOTED = re.compile(r"[«“]\s*[^»”]{3,80}?\s*[»”]")
_QUOTED_AT = re.compile(r"\s*" + _QUOTED.pattern)  # with the space before it
# Words a label may not end with: articles, prepositions, conjunctions.
_LOOSE_END = re.compile(
    r"(?:\s+(?:le|la|les|l['’]|de|du|des|d['’]|un|une|et|ou|à|au|aux|en|par|pour|sur|dans|avec|"
    r"the|a|an|of|and|or|to|in|on|for|by|with|its|their|qui|que|which|that))+$",
    re.IGNORECASE,
)
# Where what a target counts ends: a comma, the next quantity, the horizon's own words.
_TARGET_END = re.compile(
    r"[,;(]|\s(?:et|and)\s+(?:\w+\s+)?(?=\d)|\s(?:d['’]ici|à\s+l['’]horizon|by|en|in)\s"
    r"|\s(?:et|and)\s+\w+er\b"
)
# How long a gathering lasts: "de deux jours", "sur trois journées", "two-day", "over 3 days".
_NUMBER_WORDS = {
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
}
# Not a delay: "il y a deux jours", "dans trois jours", "two days later".
_DURATION = re.compile(
    r"(?<!\bil y a\s)(?<!\bdans\s)(?<!\bin\s)\b(deux|trois|quatre|cinq|two|three|four|five|[2-5])"
    r"(?:\s+|-)(?:jours|journ[ée]es|days?)\b"
    r"(?!\s+(?:ago|plus\s+tard|later|apr[èe]s|avant|before|after|earlier|auparavant))",
    re.IGNORECASE,
)
# A gathering reported by its closing day: "clôturé", "s'est achevé", "closed", "wrapped up".
_CLOSING = re.compile(
    r"\b(?:cl[ôo]tur\w*|achev\w*|s'ach[èe]v\w*|pris\s+fin|prendra\s+fin|referm\w*|closed|closes|"
    r"closing|concluded|ended|wrapped\s+up)\b",
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


def year_anchor(
    published: str | None, mentions: Sequence[DateMention], text: str = ""
) -> YearAnchor | None:
    """When the publication day is unknown: its month (a page dated "2025-07"), else the one
    year every stated day or month of the article falls in (or, with none, the one year the
    text names: "Salon de l'IA 2023"), as an anchor for day-months."""
    if published:
        try:
            day, precision = parse_iso(published)
        except ValueError:
            precision = "none"
        if precision == "month":
            return YearAnchor(day + dt.timedelta(days=14), month_known=True)
    years = {m.date[:4] for m in mentions if m.kind == "absolute" and m.precision != "year"}
    if not years:
        horizons = {m.date[:4] for m in mentions if m.kind == "target"}
        years = set(_YEAR_IN_TEXT.findall(text)) - horizons
    if len(years) == 1:
        return YearAnchor(dt.date(int(years.pop()), 7, 2), month_known=False)
    return None


@dataclass(frozen=True)
class YearAnchor:
    """A stand-in anchor known only to its month (month_known) or its year: it resolves
    day-months and months without a year, never weekdays or "hier"."""

    day: dt.date
    month_known: bool

    def admits(self, mention: DateMention) -> bool:
        """True for the mentions this anchor resolves right."""
        if mention.kind != "relative":
            return True
        if self.month_known and mention.precision == "year":
            return True  # "avant la fin de l'année" of a page dated to its month
        return names_month(mention.text)


def kind_cue(sentence: str, date_start: int | None = None) -> tuple[str, int, int] | None:
    """(kind, start, end of its cue) of the event a sentence reports, by cue precedence; a cue
    naming the setting ("lors des Assises", "at GITEX") counts only when no other does, or when
    the date at date_start is the setting's own ("lors des Assises, tenues les 1er et 2
    juillet")."""
    lowered = sentence.lower()
    if len(lowered) == len(sentence) and not _CASE_TRAPS.search(lowered):
        cues, text = _LOWERED_KIND_CUES, lowered
    else:  # "İ" lowers to two characters
        cues, text = KIND_CUES, sentence
    setting: tuple[str, int, int] | None = None
    for kind, cue in cues:
        for match in cue.finditer(text):
            if not _is_setting(lowered, kind, match.start()):
                if kind == "autre" and setting and not _ACT_VERB.fullmatch(match.group(0)):
                    return setting  # "lors du sommet ... s'est tenu": the sommet
                return kind, match.start(), match.end()
            if date_start is not None and _dates_the_setting(lowered, match.end(), date_start):
                return kind, match.start(), match.end()
            setting = setting or (kind, match.start(), match.end())
    return setting


def _is_setting(lowered: str, kind: str, cue_start: int) -> bool:
    """True for a cue that names where an act took place ("lors du GITEX") or a gathering that
    only qualifies a noun ("les recommandations des ateliers", "la clôture du forum")."""
    if _SETTING_BEFORE.search(lowered, 0, cue_start):
        return True
    return (
        kind in GATHERING_KINDS
        and _NOUN_COMPLEMENT_BEFORE.search(lowered, 0, cue_start) is not None
    )


def _dates_the_setting(lowered: str, cue_end: int, date_start: int) -> bool:
    """True when the date at date_start follows a setting cue as its own apposition."""
    return (
        cue_end <= date_start
        and _DATE_OF_SETTING.fullmatch(lowered, cue_end, date_start) is not None
    )


def classify_kind(sentence: str) -> str | None:
    """The kind of event a sentence reports (see kind_cue); None when it reports none."""
    found = kind_cue(sentence)
    return found[0] if found else None


def is_context_date(
    sentence: str, mention: DateMention, sentence_start: int, anchor: dt.date | None = None
) -> bool:
    """True for biographical, historical or deadline dates ("né en", "depuis", "jusqu'au"), for
    the page's own date ("publié le"), and for a dispatch's dateline ("Rabat, 02/07/2025 (MAP)
    -"): the publication, not an event; a date heading a line that is not the publication date
    ("12 mai 2025 : deuxième rencontre") is an event's."""
    before = sentence[: mention.start - sentence_start]
    after = sentence[mention.end - sentence_start :]
    own_date = anchor is None or mention.date == anchor.isoformat()
    if own_date and _DATELINE_BEFORE.fullmatch(before) and _DATELINE_AFTER.match(after):
        return True
    if (
        anchor is not None
        and mention.date == anchor.isoformat()
        and _OWN_DATE_BEFORE.search(before)
    ):
        return True
    return bool(_NOT_EVENT_BEFORE.search(before))


def shorten(label: str) -> str:
    """A label cut at a word boundary, long forms shortened, loose ends dropped, first letter
    capitalised."""
    for pattern, short in _LABEL_SHORT:
        label = pattern.sub(short, label)
    label = " ".join(label.split()).strip(" ,;:.-–«»\"'")
    if len(label) > MAX_LABEL_CHARS:
        label = label[:MAX_LABEL_CHARS].rsplit(" ", 1)[0]
    label = _LOOSE_END.sub("", label).strip(" ,;:-–")
    if label.count("«") > label.count("»"):
        label += " »"
    return label[:1].upper() + label[1:]


def phrase_from(sentence: str, start: int, max_words: int = 9) -> str:
    """The noun phrase that starts at start: up to max_words, stopped by punctuation or a verb."""
    incise = _INCISE.match(sentence, start)  # "a adopté, en séance plénière, la loi"
    tail = sentence[incise.end() if incise else start :].lstrip(" ,")  # "a présenté, [date,] le"
    for pattern, short in _LABEL_SHORT:
        tail = pattern.sub(short, tail)
    quoted = _QUOTED_AT.match(tail)
    if quoted:  # a quoted title is kept whole: « IA et droits de l'Homme »
        return quoted.group(0)
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
        after = sentence[mention.end :]
        part_of_day = _TIME_OF_DAY_AFTER.match(after)
        sentence = before + (after[part_of_day.end() :] if part_of_day else after)
    if place:
        sentence = _place_phrase(place).sub("", sentence)
    return " ".join(sentence.split())


@lru_cache(maxsize=512)
def _place_phrase(place: str) -> re.Pattern[str]:
    """ "à <place>", "in <place>" and the spaces before it, as removed from label text."""
    return re.compile(rf"\s*\b(?:à|a|au|in|at)\s+{re.escape(place)}\b")


def event_label(sentence: str, kind: str) -> str:
    """A short label naming the event a sentence reports, as a reader would: the occasion's
    name for a gathering, else the act and its object ("Lancement de la stratégie ..."), else
    the cue's noun phrase, completed by its topic when it would be a bare noun."""
    found = _cue_of(sentence, kind)
    if found is None:
        return shorten(_LEADING.sub("", sentence))
    cue_start, cue_end = found
    act = None if kind in GATHERING_KINDS or kind == "partenariat" else _ACT_VERB.search(sentence)
    label = _act_label(sentence, act) if act else ""
    if not label:
        if kind in GATHERING_KINDS:  # its rank is part of its name: "Premières Assises ..."
            start = _name_start(sentence, cue_start)
            rank = _ORDINAL_BEFORE.search(sentence, 0, start)
            label = _DETERMINERS_LEADING.sub(
                "", phrase_from(sentence, rank.start() if rank else start)
            )
        else:
            label = _LEADING.sub("", phrase_from(sentence, _name_start(sentence, cue_start)))
        if kind in ("annonce", "autre", "nomination") and not _is_noun_cue(sentence, cue_start):
            label = _verb_label(sentence, cue_start, cue_end)
    in_force = _IN_FORCE.search(sentence) if kind == "loi" else None
    if in_force and not _is_noun_cue(sentence, in_force.start()):
        subject = _object_before(sentence[: in_force.start()])  # "Le texte, entré en vigueur"
        label = _noun_of("Entrée en vigueur", subject) if subject else label
    if _is_bare(label):
        label = _with_topic(sentence, label, cue_end)
    if kind == "partenariat" and not _NAMES_PARTIES.search(label):
        parties = _parties(sentence)
        label = f"{label} entre {parties}" if parties else label
    return shorten(label) or kind.capitalize()


def _parties(sentence: str) -> str:
    """The parties that signed together, each by its acronym when it has one: "Le Maroc et le
    Rwanda ont signé" -> "le Maroc et le Rwanda"; "" when one party signed alone."""
    signed = _PARTIES_SIGNED.search(sentence)
    if signed is None:
        return ""
    subject = _SUBJECT_START.split(sentence[: signed.start()])[-1]
    parties = []
    for party in _PARTY_AND.split(subject):
        acronym = _ACRONYM.search(party)
        parties.append(acronym.group(1) if acronym else party.strip(" ,").split(",")[0])
    if not 2 <= len(parties) <= 3 or any(not 0 < len(p.split()) <= 8 for p in parties):
        return ""
    return " et ".join(
        p[:1].lower() + p[1:] if p.split()[0].lower() in _DETERMINERS or _ELIDED.match(p) else p
        for p in parties
    )


def _cue_of(sentence: str, kind: str) -> tuple[int, int] | None:
    """Where the cue of a kind stands in a sentence: the kind_cue one, else the first cue of
    that kind."""
    if kind in GATHERING_KINDS:  # a proper name first: "le salon ... le GITEX Africa"
        cue = dict(KIND_CUES)[kind]
        named = next((m for m in cue.finditer(sentence) if m.group(0)[:1].isupper()), None)
        if named is not None:
            return named.start(), named.end()
    found = kind_cue(sentence)
    if found is not None and found[0] == kind:
        return found[1], found[2]
    for cue_kind, cue in KIND_CUES:
        match = cue.search(sentence) if cue_kind == kind else None
        if match:
            return match.start(), match.end()
    return None


def _is_noun_cue(sentence: str, cue_start: int) -> bool:
    """True when the cue is a noun ("le lancement", "la signature"), not a verb."""
    return _DETERMINER_BEFORE.search(sentence, 0, cue_start) is not None


def _verb_label(sentence: str, cue_start: int, cue_end: int) -> str:
    """ "Organisation de <what follows>" for a cue verb without a known act noun."""
    verb = sentence[cue_start:cue_end]
    noun = next((n for stem, n in _NOUN_OF_VERB if verb.lower().startswith(stem)), None)
    if noun in _SUBJECT_ACTS:  # "Les auditions débuteront" -> "Début des auditions"
        subject = _object_before(sentence[:cue_start])
        return _noun_of(noun, subject) if subject else verb
    obj = phrase_from(sentence, cue_end)
    if noun is None:  # "la cérémonie d'ouverture a eu lieu": the subject is the event
        subject = _object_before(sentence[:cue_start])
        if subject:
            return _LEADING.sub("", subject)
    if noun is None or not _LEADING.sub("", obj) or _AGENT.match(obj):
        return f"{verb} {obj}".strip()
    return _noun_of(noun, obj)


def _act_label(sentence: str, act: re.Match[str]) -> str:
    """ "<Act> de <object>": the object follows an active verb or a noun ("a lancé la
    plateforme", "le lancement de la plateforme") and precedes a passive or a participle ("la
    plateforme Chikaya, lancée en 2018", "AI Movement a été désigné comme ...")."""
    verb = act.group(0)
    noun = next((n for stem, n in _NOUN_OF_VERB if verb.lower().startswith(stem)), None)
    if noun is None:
        return ""
    before = sentence[: act.start()]
    english_active = (
        _ENGLISH_PAST.fullmatch(verb) is not None
        and not _PASSIVE_BEFORE.search(before)
        and not _REDUCED_RELATIVE_AFTER.match(sentence, act.end())  # "a survey published in"
        and noun not in _SUBJECT_ACTS
    )
    english = _ENGLISH_PAST.fullmatch(verb) is not None
    french_active = not english and _ACTIVE_AUX.search(before) is not None  # not "a survey"
    if _is_noun_cue(sentence, act.start()) or french_active or english_active:
        obj = phrase_from(sentence, act.end())
        if _is_noun_cue(sentence, act.start()):
            return phrase_from(sentence, act.start())
        return _noun_of(noun, obj) if _LEADING.sub("", obj) and not _AGENT.match(obj) else ""
    if not before.strip(' «"“'):  # "Adoptée en 2021 par ..., la Recommandation ..."
        obj = _subject_after_incise(sentence, act.end())
        return _noun_of(noun, obj) if _LEADING.sub("", obj) else ""
    obj = _object_before(before)
    if noun in _SUBJECT_ACTS and obj:
        return _noun_of(noun, f"{obj} {phrase_from(sentence, act.end())}")
    if not obj:
        return ""
    complement = _COMPLEMENT.match(sentence, act.end())
    extra = " " + phrase_from(sentence, complement.start(1)) if complement else ""
    return _noun_of(noun, obj) + extra


def _subject_after_incise(sentence: str, start: int) -> str:
    """The subject after a heading participle's clause: the first comma-separated chunk that
    opens with an article, appositions aside ("..., Amal El Fallah, les recommandations")."""
    comma = sentence.find(",", start)
    while comma > 0:
        if _DETERMINER_AT.match(sentence, comma + 1):
            return phrase_from(sentence, comma + 1)
        comma = sentence.find(",", comma + 1)
    return ""


def _noun_of(noun: str, obj: str) -> str:
    """ "Lancement de la stratégie", "Adoption du projet", "Nomination d'AI Movement"."""
    obj = obj.strip()
    if noun in _ENGLISH_NOUNS or _ENGLISH_DETERMINER.match(obj):
        return f"{noun} of {_LEADING_ENGLISH.sub('', obj)}"
    lowered = obj.lower()
    if lowered.startswith(("du ", "des ", "d'", "d’")):
        return f"{noun} {obj}"
    if lowered.startswith("le "):
        return f"{noun} du {obj[3:]}"
    if lowered.startswith("les "):
        return f"{noun} des {obj[4:]}"
    if lowered.startswith(("un ", "une ")) or obj[:1].lower() in "aeiouyéèêh":
        return f"{noun} d'{obj}"
    return f"{noun} de {obj}"


def _object_before(before: str) -> str:
    """The noun phrase a participle or a passive is about: the words before it, auxiliaries
    and commas aside, from their last determiner ("la plateforme Chikaya"), their last run
    of capitalised words ("AI Movement"), or the first determiner after a preposition."""
    words = before.replace(",", " ").split()
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    words = words[-10:]
    outermost = None  # the first phrase after a preposition: "(s'appuie sur) la Recommandation"
    for i in range(len(words) - 1, -1, -1):
        if _CLAUSE_VERB.match(words[i]):  # "la charte s'appuie sur": the phrase is after it
            break
        if i > 0 and words[i - 1].lower() in _COMPLEMENT_PREPOSITIONS:
            if words[i].lower() in _DETERMINERS or _ELIDED.match(words[i]):
                outermost = i
            continue
        if words[i].lower() in ("whose", "dont") and i < len(words) - 1:
            return "the " + " ".join(words[i + 1 :]) if words[i].lower() == "whose" else ""
        if words[i].lower() in _DETERMINERS or _ELIDED.match(words[i]):
            if i == len(words) - 1 and not _ELIDED.match(words[i]):
                return ""
            first = words[i][:2].lower() + words[i][2:]  # "L'AI" -> "l'AI", "La" -> "la"
            return " ".join([first, *words[i + 1 :]])
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        run.insert(0, word)
    if not run and outermost is not None and outermost < len(words) - 1:
        return " ".join(
            [words[outermost][:2].lower() + words[outermost][2:], *words[outermost + 1 :]]
        )
    return " ".join(run)


def _is_bare(label: str) -> bool:
    """True for a label of at most two words: a generic noun ("Panel", "Colloque national")."""
    return len(label.split()) <= 2 and "«" not in label


def _with_topic(sentence: str, label: str, after: int) -> str:
    """A bare label completed by the title in quotes or the topic that follows its cue
    ("Colloque sur l'IA responsable", "Accord avec Mistral AI")."""
    quoted = _QUOTED.search(sentence)
    if quoted:
        return f"{label} {quoted.group(0)}"
    topic = _TOPIC.search(sentence, after)
    if topic:
        return f"{label} {phrase_from(sentence, topic.start() + 1, max_words=8)}"
    return label


def _name_start(sentence: str, cue_start: int) -> int:
    """Where a proper name ending in the cue starts ("the National AI Conference")."""
    start = cue_start
    for word in reversed(list(_CAPITALISED_WORD.finditer(sentence[:cue_start]))):
        if word.end() != start - 1 or sentence[word.end()] != " ":
            break
        if word.group(0).lower() in _NAME_BREAKERS:  # "Par Khalid Darif Le colloque"
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
    """Labels of the targets set for a horizon, one per quantity in the clause before it, each
    read as a target: "100 000 jeunes formés par an d'ici 2030"."""
    clause_start = max(
        sentence.rfind(sep, 0, mention.start - sentence_start) for sep in (";", ":", "(", ". ")
    )
    clause = sentence[clause_start + 1 : mention.start - sentence_start]
    horizon = " " + mention.text
    labels = _quantity_labels(clause, horizon)
    if not labels and not clause.strip(" ,"):  # "À l'horizon 2030, 240 000 emplois ..."
        after = sentence[mention.end - sentence_start :]
        labels = _quantity_labels(_CLAUSE_END.split(after, maxsplit=1)[0], horizon)
    return labels or [shorten((_target_object(clause.strip()) or "Objectif") + horizon)]


def _quantity_labels(clause: str, horizon: str) -> list[str]:
    """One target label per quantity of a clause: the number, its unit and what it counts."""
    labels = []
    for match in _QUANTITY.finditer(clause):
        number, unit = match.group(1), match.group(2) or ""
        if _YEAR_NUMBER.fullmatch(number) or not match.group(3).strip():
            continue
        what = _TARGET_END.split(clause[match.start(3) :], maxsplit=1)[0]
        words = what.split()[:7]
        labels.append(shorten(" ".join([number, unit, *words]) + horizon))
    return labels


def place_in(sentence: str, entities: Sequence[Entity], offset: int) -> str | None:
    """The place a sentence states: a known city (the one after "à"/"in" when there are
    several), else a location introduced by "à"/"in"."""
    known = list(_PLACE.finditer(sentence))
    for match in known:
        if _PLACE_PREPOSITION_BEFORE.search(sentence, max(0, match.start() - 4), match.start()):
            return match.group(1)
    if known:
        return known[0].group(1)
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
    spans = sentences(text)
    found = [find_dates(sent.text, anchor=anchor) for sent in spans]
    if anchor is None:
        stated = [m for mentions in found for m in mentions]
        stand_in = year_anchor(published, stated, text)
        found = [
            _resolved_by_year(sent.text, stand_in or _paragraph_year(text, sent.text, stated))
            if stand_in or names_month(sent.text)
            else mentions
            for sent, mentions in zip(spans, found, strict=True)
        ]
    events: list[Event] = []
    for sent, mentions in zip(spans, found, strict=True):
        if mentions:
            events.extend(_sentence_events(file, sent, mentions, entities, anchor))
    events = _named_by_occasion(_placed_by_paragraph(_spread_over_days(events, text), text), text)
    return _merge_same_day(events)


def _resolved_by_year(sentence: str, stand_in: YearAnchor | None) -> list[DateMention]:
    """The date phrases of a sentence whose page has no day-precise date, the ones a stand-in
    anchor resolves included."""
    if stand_in is None:
        return find_dates(sentence)
    return [m for m in find_dates(sentence, anchor=stand_in.day) if stand_in.admits(m)]


def _paragraph_year(text: str, sentence: str, stated: Sequence[DateMention]) -> YearAnchor | None:
    """The one year a sentence's paragraph names ("GITEX Africa 2025 ... du 14 au 16 avril"),
    horizons aside, as a stand-in anchor for its day-months."""
    horizons = {m.date[:4] for m in stated if m.kind == "target"}
    years = set(_YEAR_IN_TEXT.findall(_paragraph_of(text, sentence))) - horizons
    return (
        YearAnchor(dt.date(int(years.pop()), 7, 2), month_known=False) if len(years) == 1 else None
    )


def _sentence_events(
    file: str,
    sent: Span,
    mentions: list[DateMention],
    entities: Sequence[Entity],
    anchor: dt.date | None,
) -> list[Event]:
    """The events the date phrases of one sentence stand for (mentions relative to it): none
    (always for a teaser: "À lire aussi : ..."), one, or one per target; each kind's label is
    made once, when first needed."""
    if _TEASER.match(sent.text):
        return []
    kind = classify_kind(sent.text)
    place = place_in(sent.text, entities, sent.start)
    if kind is not None and _SETTING_HINT.search(sent.text):
        kinds = [_kind_at(sent.text, m) for m in mentions]
    else:
        kinds = [kind] * len(mentions)
    if kind is None and not any(
        m.kind == "target" or _is_stated_event(sent.text, m, place) for m in mentions
    ):
        return []
    actors = actors_in(sent, entities)
    labels: dict[str, str] = {}
    events: list[Event] = []
    for mention, kind in zip(mentions, kinds, strict=True):
        shifted = _shifted(mention, sent.start)
        if shifted.kind == "target" and _is_named_horizon(sent.text, mention):
            continue
        if shifted.kind == "target":
            for target in target_labels(sent.text, shifted, sent.start):
                events.append(_event(file, sent, shifted, "objectif", target, place, actors))
            continue
        this_kind = kind or ("autre" if _is_stated_event(sent.text, mention, place) else None)
        if this_kind is not None and _is_news_date(sent, shifted, anchor):
            if this_kind not in labels:
                text = label_text(sent.text, place, anchor, mentions)
                labels[this_kind] = event_label(text, this_kind)
            label = labels[this_kind]
            event = _event(file, sent, shifted, this_kind, label, place, actors)
            events.append(_until(event, sent.text, mentions, anchor))
    return events


def _day_of(iso: str) -> dt.date:
    """The day of an ISO date string."""
    return dt.date.fromisoformat(iso)


def _until(
    event: Event, sentence: str, mentions: Sequence[DateMention], anchor: dt.date | None
) -> Event:
    """A gathering's opening day stretched to the day "jusqu'au 31 mai" / "jusqu'à mercredi"
    names in its sentence."""
    if event.kind not in GATHERING_KINDS or event.end or event.precision != "day":
        return event
    until = _UNTIL.search(sentence)
    if until is None:
        return event
    last = next((m.date for m in mentions if m.start == until.end() and m.precision == "day"), None)
    weekday = _WEEKDAY_AFTER.match(sentence, until.end())
    if last is None and weekday and anchor:
        day = weekday_by_tense(anchor, _WEEKDAY_INDEX[weekday.group(1).lower()], future=True)
        last = day.isoformat()
    if last is None or not 0 < (_day_of(last) - _day_of(event.date)).days <= MAX_GATHERING_DAYS:
        return event
    return replace(event, end=last)


def _is_named_horizon(sentence: str, mention: DateMention) -> bool:
    """True for "à l'horizon 2030" that closes the name of a plan or strategy ("la stratégie
    nationale de cybersécurité à l'horizon 2030"), with no quantity or aim to make it a target."""
    if not _HORIZON_WORD.match(mention.text):
        return False
    clause = sentence[max(0, mention.start - 60) : mention.start]
    if _QUANTITY.search(clause) or _TARGET_VERB.search(clause):
        return False
    return _STRATEGY_CUE.search(clause) is not None


def _kind_at(sentence: str, mention: DateMention) -> str | None:
    """The kind of the event one date of a sentence dates (see kind_cue)."""
    found = kind_cue(sentence, mention.start)
    return found[0] if found else None


def _is_stated_event(sentence: str, mention: DateMention, place: str | None) -> bool:
    """True for a day with the place it happened in ("samedi à Tétouan", "le 12 mai 2025 à
    Oujda"), or a full date heading its sentence ("Le 22 mars 2022, ..."): an event even when
    its verb is no cue."""
    if mention.precision != "day":
        return False
    if place is not None and _PLACE_AFTER.match(sentence, mention.end):
        return True
    if mention.kind != "absolute":
        return False
    return place is not None or _HEADING_BEFORE.fullmatch(sentence[: mention.start]) is not None


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
    """False for a context date (see is_context_date), a year said relative to the page ("cette
    année", "this year": a period, not a date), a date in a headline under a rubric ("Tourisme :
    ...") and a year long before publication, which is history unless something was launched,
    adopted or named then; a life story ("a rejoint", "took office") is never news."""
    if is_context_date(sent.text, mention, sent.start, anchor):
        return False
    if mention.kind == "relative" and mention.precision == "year":
        return False
    rubric = _RUBRIC.match(sent.text)
    if rubric and mention.start - sent.start >= rubric.end():
        return False
    if not (anchor and mention.precision == "year" and int(mention.date[:4]) < anchor.year - 2):
        return True
    return bool(_ACT_VERB.search(sent.text)) and not _BIOGRAPHY.search(sent.text)


def _spread_over_days(events: list[Event], text: str) -> list[Event]:
    """A one-day gathering that the sentence (or, for a gathering, its paragraph) says lasts n
    days: n days from its opening, or up to its closing day ("clôturé jeudi")."""
    spread = []
    for ev in events:
        days = 0
        if ev.precision == "day" and ev.end is None and ev.kind in (*GATHERING_KINDS, "autre"):
            days = _duration(ev.evidence)
            if not days and ev.kind in GATHERING_KINDS:
                days = _duration(_paragraph_of(text, ev.evidence))
        if days < 2:
            spread.append(ev)
            continue
        day = dt.date.fromisoformat(ev.date)
        if _CLOSING.search(ev.evidence):
            first, last = day - dt.timedelta(days=days - 1), day
        else:
            first, last = day, day + dt.timedelta(days=days - 1)
        spread.append(replace(ev, date=first.isoformat(), end=last.isoformat()))
    return spread


def _placed_by_paragraph(events: list[Event], text: str) -> list[Event]:
    """A gathering whose sentence names no place takes the city its paragraph says it is held
    in ("à Marrakech")."""
    placed = []
    for ev in events:
        if ev.place is None and ev.kind in GATHERING_KINDS:
            paragraph = _paragraph_of(text, ev.evidence)
            city = next(
                (
                    m.group(1)
                    for m in _PLACE.finditer(paragraph)
                    if _PLACE_PREPOSITION_BEFORE.search(paragraph, max(0, m.start() - 4), m.start())
                ),
                None,
            )
            ev = replace(ev, place=city) if city else ev
        placed.append(ev)
    return placed


def _named_by_occasion(events: list[Event], text: str) -> list[Event]:
    """A gathering labelled without a name ("Le salon, ouvert ...", "sa première édition en
    2023") takes the name its paragraph, else its article, gives an occasion of its kind:
    "GITEX Africa 2025", "Première édition du GITEX Africa"."""
    named = []
    for ev in events:
        if ev.kind in GATHERING_KINDS and not _NAME_IN_LABEL.search(ev.label, 1):
            name = _occasion_name(_paragraph_of(text, ev.evidence), ev.kind) or _occasion_name(
                text, ev.kind
            )
            if name:
                rank = _RANKED_EDITION.search(ev.evidence)
                label = f"{rank.group(1)} édition du {name}" if rank else f"{name} {ev.date[:4]}"
                ev = replace(ev, label=shorten(label))
        named.append(ev)
    return named


def _occasion_name(text: str, kind: str) -> str:
    """The first proper name of an occasion of a kind in a text, its year aside: "GITEX
    Africa" from "le GITEX Africa 2025"; "" when none."""
    for match in _OCCASION.finditer(text):
        cue = next(m.search(match.group(1)) for k, m in KIND_CUES if k == kind)
        name = match.group(1)[cue.start() :] if cue else ""
        if len(name.split()) > 1:  # the cue and a name after it, not "Le Salon" alone
            return name
    return ""


def _duration(text: str) -> int:
    """The number of days a text says a gathering lasts ("de deux jours", "three-day"), or 0."""
    match = _DURATION.search(text)
    if match is None:
        return 0
    word = next(g for g in match.groups() if g)
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _paragraph_of(text: str, sentence: str) -> str:
    """The line of text that holds a sentence."""
    at = text.find(sentence)
    if at < 0:
        return sentence
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)]


def _merge_same_day(events: list[Event]) -> list[Event]:
    """One event per (date, end, kind); same-day events of one article keep the first kind; a
    gathering's single day inside the same article's dated range of a gathering is that one."""
    precedence = {kind: i for i, kind in enumerate(["objectif", *(k for k, _ in KIND_CUES)])}
    ranges = [ev for ev in events if ev.end and ev.kind in GATHERING_KINDS]
    kept: dict[tuple[str, str | None, str], Event] = {}
    for ev in events:
        if _inside_gathering(ev, ranges):
            continue
        key = (ev.date, ev.end, ev.label if ev.kind == "objectif" else "")
        if ev.precision != "day" and ev.kind != "objectif":
            key = (ev.date, ev.end, ev.kind)
        current = kept.get(key)
        if current is None or precedence[ev.kind] < precedence[current.kind]:
            kept[key] = ev if current is None else _prefer(ev, current)
    return list(kept.values())


def _inside_gathering(ev: Event, ranges: Sequence[Event]) -> bool:
    """True for a one-day gathering (or a day of it where nothing was adopted, signed or
    launched: "ont réuni", "opened") within a dated range of a gathering of the same article."""
    if ev.end or ev.precision != "day" or ev.kind not in (*GATHERING_KINDS, "autre"):
        return False
    if ev.kind == "autre" and _ACT_VERB.search(ev.evidence):
        return False
    return any(r.date <= ev.date <= (r.end or r.date) for r in ranges)


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
