"""Generated corpora that imitate the raw page dumps, for benchmarks and scale tests.

Every article is built at run time from the templates and vocabulary below: a headline ticker,
widget strings, the headline, a dateline, body paragraphs with dated sentences and quotes,
related-article teasers, an author blurb, tags and a footer. Some articles are republications
of earlier ones, some are off-topic, some are in English. Same seed, same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Literal

from helpers.errors import ParameterError

Kind = Literal["fr", "en", "offtopic", "duplicate"]
Words = dict[str, tuple[str, ...]]

# Publication dates are drawn between these two days.
FIRST_DAY = dt.date(2023, 1, 1)
LAST_DAY = dt.date(2025, 10, 31)
# Headlines (with their teaser summaries) shared by all the files of one corpus.
POOL_SIZE = 80
TICKER_SIZE = (15, 40)
TEASER_PAIRS = (3, 8)
PARAGRAPHS = (4, 12)
PARAGRAPH_WORDS = (40, 120)
TICKER_SHARE = 0.55
TEASER_SHARE = 0.8
# Teaser summaries are cut at about this many characters and end with "...".
TEASER_CHARS = 150
TICKER_SEPARATOR = "    "
# A {slot} in a template.
SLOT = re.compile(r"\{(\w+)\}")

# ---------------------------------------------------------------------------------------------
# Vocabulary shared by all topics
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Ghita", "Amal", "Karim", "Youssef", "Nadia", "Salma", "Hicham", "Mehdi", "Yasmine",
    "Omar", "Leila", "Rachid", "Adil", "Imane", "Soufiane", "Houda", "Anas", "Kenza", "Hamza",
    "Meryem", "Saïd", "Driss", "Najat", "Zineb", "Reda", "Ilham", "Tarik", "Samira", "Ayoub",
    "Khadija", "Othmane", "Sanaa", "Nabil", "Loubna", "Jamal", "Hajar", "Younes", "Asmae",
    "Badr", "Chaimae", "Mounir", "Siham", "Abdellah", "Widad", "Ismail", "Hind", "Taoufik",
    "Rim", "Amine", "Nawal", "Fouad", "Btissam", "Aziz", "Latifa", "Mustapha", "Ikram",
    "Hassan", "Safae", "Brahim", "Oumaima", "Khalid", "Malika", "Abdelkader", "Ibtissam",
    "Mohcine", "Dounia", "Yassine", "Hanane", "Aicha", "Bouchra", "Chakib", "Fadwa", "Ghali",
    "Houssam", "Issam", "Jalila", "Kawtar", "Lamia", "Marouane", "Nisrine", "Ouafae", "Rabii",
    "Sara", "Tawfiq", "Wiam", "Yahya", "Zakaria", "Abdelilah", "Bahia", "Chafik", "Dalal",
    "Ennaji", "Farid", "Hafsa", "Ilyas", "Jaouad", "Karima", "Lahcen", "Maha", "Noureddine",
    "Rajae", "Selma", "Wafae", "Yousra",
)  # fmt: skip
LAST_NAMES = (
    "Bennani", "Alaoui", "El-Idrissi", "Tazi", "Berrada", "Benjelloun", "Chraibi", "El-Amrani",
    "Lahlou", "Sqalli", "Kettani", "Bouzid", "Ouazzani", "Belkadi", "Hajji", "Zniber",
    "Mansouri", "Naciri", "Rahmouni", "Skalli", "El-Ouafi", "Cherkaoui", "Filali", "Guessous",
    "Lamrani", "Mekouar", "Sebti", "Tahiri", "Bennis", "El-Khatib", "Bousfiha", "Kabbaj",
    "Benmoussa", "Laraki", "Zouiten", "Haddaoui", "Saadi", "Rifai", "Chaoui", "Bouchentouf",
    "Ait-Taleb", "Amzil", "Ouchen", "Boukhari", "Essaidi", "Hilali", "Jazouli", "Marzouki",
    "Nejjar", "Ouahbi", "Raiss", "Sahraoui", "Tounsi", "Yacoubi", "Zerouali", "Akesbi",
    "Belghiti", "Daoudi", "Fikri", "Gharbi", "Hamdouchi", "Iraqi", "Jaidi", "Khalfi", "Lazrak",
    "Moutaouakil", "Abouzaid", "Benabdallah", "Chami", "Doukkali", "Elmalki", "Fassi",
    "Ghazouani", "Hamidi", "Ibrahimi", "Jamai", "Kadiri", "Lyoussi", "Mouline", "Nadifi",
    "Ouardighi", "Qadiri", "Rami", "Slaoui", "Tber", "Wahbi", "Yousfi", "Zaoui", "Bakkali",
    "Dahbi", "Eddahbi", "Guerraoui", "Harrak", "Kamal", "Louali", "Messaoudi", "Najib",
    "Oubaha", "Rhazi", "Semlali", "Touimi", "Znagui",
)  # fmt: skip
PLACES = (
    "Rabat", "Casablanca", "Marrakech", "Fès", "Tanger", "Agadir", "Oujda", "Meknès", "Kénitra",
    "Tétouan", "Salé", "Benguerir", "El Jadida", "Laâyoune", "Dakhla", "Béni Mellal",
    "Errachidia", "Ouarzazate", "Nador", "Safi", "Khouribga", "Settat", "Taroudant", "Essaouira",
    "Ifrane", "Al Hoceïma", "Guelmim", "Berrechid", "Mohammedia", "Témara", "Larache", "Taza",
    "Khémisset", "Tiznit", "Midelt", "Zagora",
)  # fmt: skip
REGIONS = (
    "Casablanca-Settat", "Rabat-Salé-Kénitra", "Marrakech-Safi", "Fès-Meknès",
    "Tanger-Tétouan-Al Hoceïma", "Souss-Massa", "l'Oriental", "Béni Mellal-Khénifra",
    "Drâa-Tafilalet", "Dakhla-Oued Ed-Dahab", "Laâyoune-Sakia El Hamra", "Guelmim-Oued Noun",
)  # fmt: skip
INSTITUTIONS = (
    "le ministère de la Transition numérique et de la Réforme de l'administration",
    "l'Agence de développement du digital", "la Commission nationale de contrôle de la protection "
    "des données à caractère personnel", "l'Université Mohammed VI Polytechnique",
    "le Centre national pour la recherche scientifique et technique", "Bank Al-Maghrib",
    "l'Agence marocaine de développement des investissements et des exportations",
    "le Conseil économique, social et environnemental", "la Fondation OCP",
    "le ministère de l'Enseignement supérieur, de la Recherche scientifique et de l'Innovation",
    "l'Université Mohammed V de Rabat", "l'Université Cadi Ayyad", "l'Université Al Akhawayn",
    "l'Agence nationale de réglementation des télécommunications", "le Technopark",
    "le Conseil national des droits de l'Homme", "l'Office de la formation professionnelle",
    "la Caisse de dépôt et de gestion", "l'Autorité marocaine du marché des capitaux",
    "le Haut-commissariat au plan", "la Direction générale des impôts", "Tamwilcom",
    "l'Université Hassan II de Casablanca", "l'Université Sidi Mohamed Ben Abdellah",
    "l'Université Ibn Zohr", "l'Université Abdelmalek Essaâdi", "l'Institut Agronomique et "
    "Vétérinaire Hassan II", "le ministère de l'Économie et des Finances",
)  # fmt: skip
COMPANIES = (
    "Attijariwafa bank", "Bank of Africa", "CIH Bank", "OCP", "Maroc Telecom", "inwi",
    "Orange Maroc", "Royal Air Maroc", "ONEE", "Lydec", "Tanger Med", "Sanlam Maroc",
    "Ciments du Maroc", "Alten", "Sopra Steria", "Accenture", "Deloitte", "KPMG", "PwC", "Meta",
    "Ericsson", "Nokia", "Samsung", "Visa", "Mastercard", "HPS", "S2M", "M2T", "Involys",
    "Dislog", "Marjane", "Managem", "Marsa Maroc", "CDG Invest", "Microsoft", "Google",
    "Huawei", "Oracle", "IBM", "Nvidia", "Capgemini", "CGI", "Intelcia", "Cisco",
    "Dell Technologies", "Amazon Web Services", "Siemens", "Schneider Electric",
    "Banque Populaire", "Saham", "Wafa Assurance", "Akdital", "Label'Vie", "Cosumar",
)  # fmt: skip
OUTLETS = (
    "L'Opinion", "Le Matin", "Maroc Diplomatique", "Hespress FR", "Médias24", "Le360", "TelQuel",
    "L'Economiste", "La Vie éco", "Challenge", "Le Reporter", "LesEco", "Aujourd'hui le Maroc",
    "H24info", "Quid", "Finances News", "La Nouvelle Tribune", "Libération", "Le Desk",
    "EcoActu", "Maroc Hebdo", "L'Observateur du Maroc", "Le Brief", "Lodj", "Yabiladi",
)  # fmt: skip
OUTLETS_EN = (
    "Morocco World News", "Hespress English", "The North Africa Post", "Morocco Now",
    "MAP English", "Africa Business Insider", "The Arab Weekly",
)  # fmt: skip
STARTUP_PREFIXES = (
    "Data", "Agri", "Medi", "Atlas", "Sahr", "Nour", "Argan", "Ziz", "Souss", "Rif", "Kine",
    "Smart", "Neo", "Cogni", "Vox", "Lexi", "Aqua", "Terra", "Sky", "Deep", "Bio", "Fin",
    "Edu", "Ryad", "Bab", "Oasis", "Amazi", "Tafra", "Zellij", "Darija", "Kasba", "Souk",
    "Medina", "Atlantic", "Anfa", "Noor", "Tiwizi", "Saha", "Baraka", "Tadart", "Qalam",
    "Majal", "Khayr",
)  # fmt: skip
STARTUP_SUFFIXES = (
    "ia", "tech", "lab", "mind", "sense", "flow", "vision", "ly", "hub", "wise", "pay", "care",
    "soft",
)  # fmt: skip
# Invented start-up names: Agrisense, Darijalab, Nourcare...
STARTUPS = tuple(a + b for a, b in product(STARTUP_PREFIXES, STARTUP_SUFFIXES))
SKILLS = (
    "apprentissage profond", "statistique bayésienne", "optimisation combinatoire",
    "ingénierie des données", "architecture logicielle", "calcul haute performance",
    "traitement du signal", "recherche opérationnelle", "géomatique", "bio-informatique",
    "linguistique computationnelle", "cryptographie", "robotique collaborative",
    "informatique quantique", "systèmes embarqués", "visualisation de données",
    "conception d'interfaces", "gestion de projets agiles", "mathématiques appliquées",
    "télédétection", "modélisation climatique", "économétrie", "sociologie du travail",
    "droit des contrats", "audit interne", "urbanisme", "logistique portuaire", "épidémiologie",
)  # fmt: skip
USECASES = (
    "la maintenance prédictive des équipements", "la détection des fuites dans les réseaux "
    "d'eau", "la traduction automatique entre l'arabe, l'amazigh et le français",
    "la reconnaissance vocale en darija", "l'orientation scolaire personnalisée",
    "la prévision de la demande électrique", "le tri intelligent des déchets",
    "la gestion du trafic urbain", "la lutte contre l'évasion fiscale", "le contrôle "
    "qualité sur les chaînes de montage", "l'optimisation des tournées de livraison",
    "la surveillance des feux de forêt", "le suivi des troupeaux dans les parcours",
    "la cartographie des sols", "l'analyse des appels d'offres", "la modération des contenus",
    "l'aide à la rédaction administrative", "la prévision des crues", "le diagnostic des "
    "pannes sur les réseaux électriques", "la planification des rendez-vous médicaux",
    "la détection des fraudes à la carte bancaire", "le scoring des microcrédits",
    "la tarification dynamique dans l'hôtellerie", "la gestion des stocks en pharmacie",
    "la recommandation de contenus culturels", "la numérisation des archives",
    "le suivi de la qualité de l'air", "la gestion des files d'attente aux guichets",
    "l'inspection des ouvrages d'art par drone", "l'estimation des récoltes d'agrumes",
)  # fmt: skip
SECTORS = (
    "automobile", "aéronautique", "textile", "touristique", "minier", "logistique",
    "énergétique", "halieutique", "agroalimentaire", "bancaire", "pharmaceutique", "immobilier",
    "portuaire", "des télécommunications", "de l'assurance", "de la grande distribution",
    "du BTP", "de l'offshoring", "de l'artisanat",
)  # fmt: skip
EXTRA_PLACES = (
    "Sidi Bennour", "Youssoufia", "Chefchaouen", "Azrou", "Boujdour", "Tan-Tan", "Sefrou",
    "Ouezzane", "Fquih Ben Salah", "Kelaât Sraghna", "Berkane", "Jerada", "Figuig", "Tinghir",
    "Skhirat", "Bouznika", "Martil", "Asilah", "Imouzzer", "Oulad Teima", "Ait Melloul",
    "Inezgane", "Dcheira", "Biougra", "Sidi Slimane", "Sidi Kacem", "Souk El Arbaa", "Tafraout",
)  # fmt: skip
ROLES = (
    "ministre déléguée chargée de la Transition numérique", "directeur général de l'Agence de "
    "développement du digital", "présidente de l'université", "professeur en science des données",
    "chercheuse en apprentissage automatique", "directeur de l'innovation", "experte en éthique "
    "du numérique", "fondateur de la start-up", "responsable du programme", "secrétaire général "
    "du ministère", "président de la région", "directrice du laboratoire", "consultant senior",
    "chef de projet", "directrice générale adjointe", "wali de la région", "coordinateur national",
    "présidente de la fédération", "enseignant-chercheur", "directeur régional",
)  # fmt: skip
EVENTS = (
    "le colloque national", "le forum régional", "le salon international", "le séminaire",
    "le hackathon", "le sommet", "le congrès", "le symposium", "l'atelier", "le premier forum",
    "le Gitex Africa", "le Digital Morocco Summit", "le Tech Forum", "le rendez-vous annuel",
)  # fmt: skip
EVENTS_EN = (
    "the national conference", "the regional forum", "the international fair", "the workshop",
    "the hackathon", "the summit", "the Gitex Africa exhibition", "the annual meeting",
)  # fmt: skip
COUNTRIES = (
    "la France", "l'Égypte", "le Sénégal", "les Émirats arabes unis", "la Corée du Sud",
    "le Japon", "l'Espagne", "le Canada", "l'Allemagne", "la Chine", "les États-Unis",
    "le Nigeria", "le Kenya", "le Rwanda", "l'Inde", "le Royaume-Uni", "la Côte d'Ivoire",
)  # fmt: skip
QUANTITIES = (
    "100 000", "50 000", "22 500", "10 000", "5 000", "3 000", "1 200", "1 000", "500", "300",
    "250", "150", "120", "75", "40", "25",
)  # fmt: skip
AMOUNTS = (
    "11 milliards de dirhams", "2,5 milliards de dirhams", "800 millions de dirhams",
    "350 millions de dirhams", "120 millions de dirhams", "45 millions de dirhams",
    "10 millions d'euros", "25 millions de dollars", "3 millions de dollars",
)  # fmt: skip
AMOUNTS_EN = (
    "MAD 11 billion", "MAD 2.5 billion", "MAD 800 million", "$25 million", "$3 million",
    "€10 million",
)  # fmt: skip
VERBS_SAID = (
    "a déclaré", "a souligné", "a affirmé", "a expliqué", "a estimé", "a rappelé", "a insisté",
    "a indiqué", "a précisé", "a relevé", "a ajouté", "a martelé",
)  # fmt: skip
CONNECTORS = (
    "Par ailleurs, ", "En outre, ", "De plus, ", "Dans ce contexte, ", "Selon les organisateurs, ",
    "Pour sa part, ", "À cet égard, ", "Dans le même temps, ", "Concrètement, ", "Ainsi, ",
    "D'après les chiffres officiels, ", "Toutefois, ", "", "", "", "",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Topics: headline and sentence templates, and the words their slots take
# ---------------------------------------------------------------------------------------------


# A compiled template: literal text, a tuple of words to draw from, or a date-phrase maker.
Part = str | tuple[str, ...] | Callable[[random.Random, dt.date], str]


@dataclass(frozen=True)
class Topic:
    """One subject of the generated articles, in one language, with its compiled sentences."""

    name: str
    language: str
    relevant: bool
    headlines: tuple[str, ...]
    words: Words
    # Each sentence compiled twice: as written, and with a lower-case start (after a connector).
    sentences: tuple[tuple[tuple[Part, ...], tuple[Part, ...]], ...]


# Sentences every French AI topic may use; {thing}, {goal} and {field} come from the topic.
AI_COMMON_FR = (
    "L'intelligence artificielle s'impose comme un levier {adj} pour {thing} au Maroc.",
    "{institution} a présenté {date_day} à {place} une feuille de route consacrée à {thing}.",
    "{event} organisé {date_day_list} à {place} a réuni plus de {qty} participants autour de "
    "{thing}.",
    "{event} se tiendra {date_range} à {place}, avec des ateliers sur {thing} et {field}.",
    "Le programme prévoit de former {qty} {goal} {target}, selon {institution}.",
    "« {quote_ai} », {said} {person}, {role}, lors d'une rencontre tenue {date_rel} à {place}.",
    "« {quote_ai} », {said} {person}.",
    "Lancé {date_month}, le projet associe {company}, {institution} et plusieurs start-up dont "
    "{startup}.",
    "{company} et {startup} ont signé {date_day} un protocole d'accord portant sur {thing}.",
    "Un appel à projets doté de {amount} sera ouvert {date_vague} aux porteurs de solutions "
    "d'IA dans la région {region}.",
    "Les experts réunis à {place} ont plaidé pour une approche {adj} de l'IA, fondée sur des "
    "données fiables et une gouvernance claire.",
    "Selon une étude publiée {date_month}, {pct} % des entreprises marocaines interrogées "
    "utilisent déjà des outils d'intelligence artificielle pour {thing}.",
    "La coopération avec {country} porte notamment sur {field} et sur l'échange d'experts.",
    "{person}, {role}, a rappelé que l'objectif est d'atteindre {qty} {goal} à l'horizon 2030.",
    "Des solutions d'apprentissage automatique développées par {startup} sont déjà testées dans "
    "la région {region}.",
    "Le dispositif, piloté par {institution}, doit être généralisé {target} à l'ensemble des "
    "régions du Royaume.",
    "La deuxième édition, prévue {date_range}, mettra l'accent sur {field}.",
    "Les participants ont également abordé la question des données, de leur qualité et de leur "
    "hébergement sur un cloud souverain.",
    "Cette initiative s'inscrit dans la stratégie Maroc Digital 2030, qui place l'IA au cœur "
    "de la transformation {adj} du pays.",
    "Depuis {year}, {institution} multiplie les partenariats autour de {thing}.",
    "Les applications visées vont de {usecase} à {usecase}.",
    "Le consortium mobilise des profils en {skill}, en {skill} et en {skill}.",
    "Au-delà du secteur {sector}, les premiers cas d'usage concernent {usecase}.",
    "{startup} propose déjà une solution pour {usecase}, testée avec {company}.",
    "Les entreprises des secteurs {sector} et {sector} sont les premières à adopter ces outils.",
    "Le laboratoire de {place} travaille sur {usecase} en s'appuyant sur la {skill}.",
    "Selon {person}, {role}, le manque de compétences en {skill} freine encore les projets.",
    "Un premier prototype consacré à {usecase} a été présenté {date_day} à {place}.",
    "Le rapport recommande de mutualiser les serveurs de calcul entre universités, centres de "
    "recherche et administrations, afin de réduire la facture énergétique.",
    "Les syndicats redoutent la suppression de postes administratifs, tandis que le patronat "
    "évoque plutôt une reconversion progressive des métiers.",
    "Les régions enclavées, où la couverture en fibre optique demeure lacunaire, risquent de "
    "rester à l'écart de cette dynamique.",
    "La Banque mondiale et la Banque africaine de développement accompagnent plusieurs de ces "
    "chantiers par des prêts concessionnels.",
    "Les juristes plaident pour clarifier la responsabilité civile en cas d'erreur commise par "
    "un système automatisé.",
    "Le baromètre annuel souligne un écart persistant entre grandes entreprises et très petites "
    "entreprises en matière de maturité numérique.",
    "Les premières évaluations font état d'un gain de temps de {pct} % dans le traitement des "
    "dossiers.",
    "Les diplômés marocains installés à l'étranger sont invités à contribuer par des missions "
    "d'expertise ponctuelles.",
    "La parité reste un défi : les femmes représentent à peine {pct} % des effectifs des "
    "équipes techniques.",
    "Un observatoire indépendant publiera chaque semestre des indicateurs de suivi accessibles "
    "au grand public.",
    "Les hébergeurs locaux réclament des incitations fiscales pour rivaliser avec les géants "
    "américains du cloud.",
    "Le coût de l'électricité et la disponibilité de l'eau pour refroidir les serveurs "
    "conditionnent l'implantation des centres de données.",
    "Les associations de consommateurs réclament un droit d'explication face aux décisions "
    "automatisées des opérateurs.",
    "Une plateforme de données ouvertes recense désormais plus de {qty} jeux de données "
    "publiques.",
)  # fmt: skip
QUOTES_AI_FR = (
    "L'intelligence artificielle n'est pas une option, c'est une nécessité pour notre "
    "compétitivité",
    "Nous voulons que le Maroc soit un producteur de solutions et non un simple consommateur de "
    "technologies",
    "La confiance des citoyens passe par une IA transparente, explicable et respectueuse des "
    "données personnelles",
    "Nos jeunes ingénieurs ont tout le potentiel pour développer des modèles adaptés à la darija "
    "et à l'amazigh",
    "Il faut investir dans les talents, les infrastructures de calcul et la qualité des données",
    "Cette technologie doit servir l'intérêt général et réduire les inégalités territoriales",
    "Nous avons besoin d'un cadre juridique clair pour encourager l'innovation sans renoncer à "
    "la protection des droits",
    "L'enjeu est de passer des projets pilotes à des déploiements à grande échelle",
)  # fmt: skip

AI_TOPICS_FR: dict[str, tuple[tuple[str, ...], tuple[str, ...], Words]] = {
    "strategie": (
        (
            "Stratégie nationale : le Maroc accélère sur l'intelligence artificielle",
            "IA : {institution} dévoile sa feuille de route",
            "Maroc Digital 2030 : l'IA au cœur de la transformation de l'administration",
            "Assises de l'IA : {place} accueille les acteurs de l'écosystème",
            "Intelligence artificielle : le Maroc et {country} renforcent leur coopération",
            "Souveraineté numérique : le pari marocain de l'IA",
            "{person} : « L'IA doit servir le citoyen »",
            "Data centers et cloud souverain : le Royaume prépare l'infrastructure de l'IA",
        ),
        (
            "Le gouvernement entend créer une instance nationale dédiée à l'intelligence "
            "artificielle, chargée de coordonner les initiatives des départements ministériels.",
            "La stratégie prévoit la construction d'un centre de données de grande capacité près "
            "de {place}, alimenté en énergies renouvelables.",
            "Plusieurs services publics, dont {service}, intégreront des agents conversationnels "
            "multilingues en arabe, en amazigh et en français.",
            "La digitalisation de l'administration reste toutefois inégale selon les régions, "
            "notamment dans {region}.",
            "Le chef du gouvernement a présidé {date_day} une réunion consacrée au suivi de la "
            "stratégie Maroc Digital 2030.",
            "Le Royaume vise {qty} emplois dans le numérique {target}, dont une part croissante "
            "liée à l'intelligence artificielle.",
        ),
        {
            "thing": (
                "la modernisation de l'administration",
                "la souveraineté numérique",
                "les services publics numériques",
                "la gouvernance des données publiques",
                "l'infrastructure de calcul",
                "le cloud souverain",
                "l'identité numérique",
                "la transformation digitale de l'État",
            ),
            "goal": ("emplois numériques", "fonctionnaires", "ingénieurs", "experts en données"),
            "field": (
                "la gouvernance des données",
                "les centres de données",
                "l'interopérabilité des systèmes d'information",
                "la cybersécurité",
            ),
            "service": (
                "l'état civil",
                "la Direction générale des impôts",
                "les tribunaux",
                "la Caisse nationale de sécurité sociale",
                "les guichets des communes",
            ),
        },
    ),
    "education": (
        (
            "Formation : {qty} talents en IA d'ici 2030",
            "{institution} lance un master en intelligence artificielle",
            "IA à l'école : un programme pilote dans {region}",
            "Talents numériques : le Maroc mise sur les écoles de codage",
            "Hackathon IA : des étudiants de {place} primés",
            "Enseignement supérieur : l'IA entre dans les amphithéâtres",
            "Fuite des cerveaux : comment retenir les ingénieurs en IA",
        ),
        (
            "Les écoles de codage comme 1337 et YouCode forment chaque année des centaines de "
            "développeurs aux métiers de la donnée.",
            "Les nouvelles filières couvrent l'apprentissage profond, le traitement automatique "
            "du langage et la vision par ordinateur.",
            "Des bourses d'excellence seront attribuées aux étudiants des établissements de "
            "{place} inscrits en {field}.",
            "Les enseignants bénéficieront de formations continues pour intégrer les outils "
            "d'IA générative dans leurs cours.",
            "La fuite des talents vers l'Europe et l'Amérique du Nord reste une préoccupation "
            "majeure pour les recruteurs de {place}.",
            "Un laboratoire commun réunira des doctorants de plusieurs universités et des "
            "ingénieurs de {company}.",
        ),
        {
            "thing": (
                "la formation des talents",
                "l'enseignement supérieur",
                "la recherche universitaire",
                "les compétences numériques des jeunes",
                "l'orientation des étudiants",
                "la formation continue des enseignants",
            ),
            "goal": ("talents", "ingénieurs", "étudiants", "doctorants", "enseignants", "lauréats"),
            "field": (
                "science des données",
                "apprentissage automatique",
                "cybersécurité",
                "robotique",
                "traitement automatique du langage",
                "vision par ordinateur",
            ),
        },
    ),
    "sante": (
        (
            "Santé : l'IA au service du diagnostic à {place}",
            "Télémédecine et IA : {startup} lève {amount}",
            "Hôpitaux connectés : le CHU de {place} teste l'intelligence artificielle",
            "Imagerie médicale : un algorithme marocain détecte les cancers du sein",
            "Health Tech : {place} accueillera un salon panafricain",
            "Dossier médical partagé : l'IA pour désengorger les urgences",
        ),
        (
            "Le centre hospitalier universitaire de {place} utilise un algorithme d'aide au "
            "diagnostic pour la lecture des radiographies pulmonaires.",
            "La télé-expertise permet aux médecins des zones rurales de {region} de consulter des "
            "spécialistes sans déplacer les patients.",
            "Le dossier médical partagé, généralisé dans le cadre de la protection sociale, "
            "fournira les données nécessaires à l'entraînement des modèles.",
            "Les radiologues restent responsables du diagnostic final, l'outil ne faisant que "
            "signaler les anomalies suspectes.",
            "Le dépistage précoce de la rétinopathie diabétique a été testé auprès de {qty} "
            "patients dans les centres de santé de {place}.",
            "Les cliniques privées de {place} investissent dans la planification des blocs "
            "opératoires assistée par IA.",
        ),
        {
            "thing": (
                "le diagnostic médical",
                "l'imagerie médicale",
                "la télémédecine",
                "le dépistage précoce",
                "la gestion hospitalière",
                "le suivi des maladies chroniques",
                "la santé numérique",
            ),
            "goal": (
                "médecins",
                "patients",
                "hôpitaux connectés",
                "centres de santé",
                "infirmiers",
            ),
            "field": (
                "l'imagerie médicale",
                "la télé-expertise",
                "la pharmacovigilance",
                "la génomique",
            ),
        },
    ),
    "agriculture": (
        (
            "Agriculture de précision : l'IA contre le stress hydrique dans {region}",
            "Irrigation intelligente : {startup} séduit les agriculteurs de {place}",
            "Génération Green : des capteurs et des algorithmes pour économiser l'eau",
            "Sécheresse : l'intelligence artificielle au secours des barrages",
            "Agritech : le Maroc mise sur l'IA pour sa sécurité alimentaire",
            "Dessalement et IA : {place} pilote un réseau d'eau intelligent",
        ),
        (
            "Des capteurs installés dans les parcelles mesurent l'humidité du sol et déclenchent "
            "l'irrigation au goutte-à-goutte au bon moment.",
            "Les images satellites permettent de prévoir les rendements céréaliers et de détecter "
            "précocement les maladies des cultures.",
            "Face à six années consécutives de sécheresse, les barrages de la région {region} "
            "affichent un taux de remplissage historiquement bas.",
            "Les coopératives agricoles de {place} reçoivent des conseils personnalisés par "
            "message vocal en darija.",
            "Le modèle prédictif combine données météorologiques, niveau des nappes et "
            "calendrier des cultures.",
            "L'Office régional de mise en valeur agricole de {place} a équipé {qty} exploitations "
            "de stations connectées.",
        ),
        {
            "thing": (
                "l'agriculture de précision",
                "la gestion de l'eau",
                "l'irrigation intelligente",
                "la sécurité alimentaire",
                "la prévision des rendements",
                "la lutte contre le stress hydrique",
            ),
            "goal": ("agriculteurs", "hectares irrigués", "exploitations", "coopératives"),
            "field": (
                "l'imagerie satellite",
                "les capteurs connectés",
                "le dessalement",
                "la météorologie agricole",
            ),
        },
    ),
    "startups": (
        (
            "Start-up : {startup} lève {amount} pour son assistant intelligent",
            "Fintech et IA : l'inclusion financière en marche",
            "Capital-risque : un fonds de {amount} pour les start-up de l'IA",
            "{company} ouvre un centre d'excellence en IA à {place}",
            "Financement : les start-up marocaines de l'IA attirent les investisseurs",
            "Bourse de Casablanca : l'IA s'invite dans la gestion d'actifs",
        ),
        (
            "La start-up {startup}, fondée à {place}, développe un modèle de langage entraîné "
            "sur la darija.",
            "Le tour de table a été mené par un fonds de capital-risque avec la participation "
            "de {company}.",
            "Les banques utilisent l'apprentissage automatique pour détecter la fraude et "
            "évaluer le risque de crédit des petites entreprises.",
            "Le programme d'accélération accompagnera {qty} start-up pendant six mois, avec un "
            "financement en fonds propres.",
            "Le label Startup Act facilite l'accès aux marchés publics pour les jeunes pousses "
            "du numérique.",
            "Les chatbots bancaires traitent désormais une part importante des demandes des "
            "clients de {company}.",
        ),
        {
            "thing": (
                "l'écosystème des start-up",
                "l'inclusion financière",
                "le financement de l'innovation",
                "la fintech",
                "la gestion de la relation client",
                "la détection de la fraude",
            ),
            "goal": ("start-up", "entreprises", "emplois qualifiés", "projets innovants"),
            "field": ("le capital-risque", "la fintech", "l'assurance", "le commerce en ligne"),
        },
    ),
    "ethique": (
        (
            "Protection des données : la CNDP encadre l'usage de l'IA",
            "Loi sur l'IA : le Maroc prépare un cadre réglementaire",
            "Deepfakes et désinformation : les experts tirent la sonnette d'alarme",
            "IA responsable : {institution} publie une charte éthique",
            "Reconnaissance faciale : un moratoire en débat",
            "Droits humains et algorithmes : le CNDH appelle à la vigilance",
        ),
        (
            "La loi 09-08 relative à la protection des personnes physiques à l'égard du "
            "traitement des données personnelles doit être révisée.",
            "Les biais algorithmiques peuvent reproduire des discriminations dans l'accès à "
            "l'emploi ou au crédit.",
            "Le projet de texte s'inspire de l'AI Act européen et des recommandations de "
            "l'UNESCO sur l'éthique de l'intelligence artificielle.",
            "Les hypertrucages diffusés sur les réseaux sociaux ont visé plusieurs personnalités "
            "publiques de {place}.",
            "Un bac à sable réglementaire permettra de tester les algorithmes sous la supervision "
            "conjointe des régulateurs sectoriels.",
            "La transparence et l'explicabilité des modèles figurent parmi les principes retenus "
            "par le groupe de travail.",
        ),
        {
            "thing": (
                "la protection des données personnelles",
                "la régulation de l'IA",
                "l'éthique des algorithmes",
                "la lutte contre la désinformation",
                "les droits fondamentaux",
                "la transparence des modèles",
            ),
            "goal": ("juristes", "magistrats", "délégués à la protection des données", "auditeurs"),
            "field": (
                "la conformité",
                "la cybersécurité",
                "l'audit des algorithmes",
                "le droit du numérique",
            ),
        },
    ),
}

AI_TOPICS_EN: dict[str, tuple[tuple[str, ...], tuple[str, ...], Words]] = {
    "strategy_en": (
        (
            "Morocco unveils its national artificial intelligence roadmap",
            "AI in Morocco: {place} hosts the first national AI conference",
            "Morocco and {country_en} sign an AI cooperation agreement",
            "Digital Morocco 2030 puts artificial intelligence at the heart of reform",
        ),
        (
            "The kingdom plans to train {qty} AI specialists {target_en}, officials said.",
            "The strategy includes a sovereign cloud and a large data center near {place}.",
            "Morocco wants to become a regional hub for artificial intelligence in Africa.",
        ),
        {
            "thing": (
                "public services",
                "digital sovereignty",
                "data governance",
                "the digital economy",
            ),
            "goal": ("engineers", "AI specialists", "digital jobs"),
        },
    ),
    "startups_en": (
        (
            "Moroccan AI startup {startup} raises {amount_en}",
            "Casablanca startups bet on generative AI",
            "Morocco's fintech scene embraces machine learning",
        ),
        (
            "{startup}, founded in {place}, builds language models trained on Darija.",
            "Banks in Casablanca use machine learning to detect fraud and score credit.",
            "The accelerator will support {qty} startups over six months.",
        ),
        {
            "thing": (
                "financial inclusion",
                "venture capital",
                "customer service",
                "fraud detection",
            ),
            "goal": ("startups", "jobs", "companies"),
        },
    ),
    "health_en": (
        (
            "AI helps doctors in {place} read chest X-rays",
            "Morocco tests artificial intelligence in rural health centers",
        ),
        (
            "The university hospital of {place} uses an algorithm to flag suspicious X-rays.",
            "Telemedicine lets doctors in remote areas of {region} consult specialists.",
        ),
        {
            "thing": ("medical imaging", "telemedicine", "early screening"),
            "goal": ("doctors", "patients", "health centers"),
        },
    ),
}
AI_COMMON_EN = (
    "Artificial intelligence is becoming a strategic lever for {thing} in Morocco.",
    "{event_en} held {en_date_day} in {place} gathered more than {qty} participants.",
    "The event will take place {en_date_range} in {place}, with workshops on {thing}.",
    "“{quote_en}”, said {person}, speaking {en_date_rel} in {place}.",
    "The programme aims to reach {qty} {goal} {target_en}.",
    "According to a survey published {en_date_month}, {pct}% of Moroccan firms already use AI "
    "tools for {thing}.",
    "{company} and {startup} signed {en_date_day} a memorandum of understanding on {thing}.",
    "Officials said the pilot would be extended to all regions {target_en}.",
    "Experts in {place} called for reliable data, clear governance and local talent.",
    "Since {year}, Moroccan universities have opened new programmes in machine learning.",
    "Use cases range from {usecase_en} to {usecase_en}.",
    "{startup} already offers a tool for {usecase_en}, piloted with {company}.",
    "The first prototype, dedicated to {usecase_en}, was unveiled {en_date_day} in {place}.",
    "Firms in {sector_en} are among the first adopters, according to {person}.",
    "Investors from {country_en} have shown growing interest in Moroccan deep tech.",
    "The lack of engineers in {skill_en} remains a bottleneck, recruiters say.",
)  # fmt: skip
QUOTES_EN = (
    "Artificial intelligence is not an option, it is a necessity for our competitiveness",
    "We want Morocco to produce technology, not only consume it",
    "Trust depends on transparent and explainable AI that protects personal data",
    "Our young engineers can build models adapted to Darija and Amazigh",
)  # fmt: skip

OFFTOPIC_FR: dict[str, tuple[tuple[str, ...], tuple[str, ...], Words]] = {
    "football": (
        (
            "Botola Pro : {club} s'impose face à {club}",
            "Lions de l'Atlas : {person} convoqué pour le stage de {place}",
            "CAN 2025 : le stade de {place} fin prêt",
            "Mondial 2030 : les travaux du grand stade avancent",
        ),
        (
            "{club} a remporté le derby sur le score de deux buts à un devant {qty} spectateurs.",
            "L'entraîneur a salué la solidarité de ses joueurs après une seconde période "
            "maîtrisée.",
            "La rencontre s'est jouée {date_day} au stade de {place}, à guichets fermés.",
            "Le club prend la tête du championnat à trois journées de la fin de la saison.",
            "L'attaquant {person} a inscrit un doublé, son huitième but de la saison.",
            "« {quote_off} », {said} {person}, l'entraîneur de l'équipe.",
            "La Fédération royale marocaine de football a annoncé {date_month} un nouveau "
            "calendrier pour la Coupe du Trône.",
            "Les supporters ont organisé un tifo géant avant le coup d'envoi face à {club}.",
            "Le gardien a multiplié les arrêts décisifs, préservant une courte avance jusqu'au "
            "coup de sifflet final.",
            "La commission de discipline a infligé une amende au club après les incidents en "
            "tribunes.",
            "Le mercato estival s'annonce animé, plusieurs cadres étant courtisés par des clubs "
            "du Golfe.",
        ),
        {
            "club": (
                "Wydad",
                "Raja",
                "AS FAR",
                "RS Berkane",
                "MAS de Fès",
                "Hassania d'Agadir",
                "Ittihad de Tanger",
                "FUS de Rabat",
                "Olympique de Safi",
                "Difaâ d'El Jadida",
            ),
            "quote_off": (
                "Nous avons montré du caractère jusqu'au bout",
                "Le groupe est soudé et l'objectif reste le titre",
            ),
        },
    ),
    "meteo": (
        (
            "Météo : vague de chaleur jusqu'à 47°C cette semaine",
            "Le temps qu'il fera ce {weekday} à {place}",
            "Alerte météo : averses orageuses sur {region}",
            "Températures prévues pour {date_headline}",
        ),
        (
            "La Direction générale de la météorologie prévoit des averses orageuses sur les "
            "reliefs de l'Atlas et du Rif.",
            "Les températures maximales atteindront 44 degrés à {place} et 41 degrés à {place}.",
            "Un temps chaud et sec est attendu sur les plaines intérieures, avec des rafales de "
            "chergui.",
            "Des chutes de neige sont attendues sur les sommets dépassant 1 800 mètres {date_rel}.",
            "La mer sera agitée à forte entre {place} et {place}.",
            "Le bulletin d'alerte de niveau orange, émis {date_day}, reste valable 48 heures.",
            "Les automobilistes sont appelés à la vigilance en raison du brouillard matinal "
            "sur l'autoroute.",
            "Les précipitations cumulées depuis septembre restent inférieures à la normale "
            "saisonnière.",
        ),
        {"quote_off": ("La prudence reste de mise sur les routes",)},
    ),
    "economie": (
        (
            "PLF : le déficit budgétaire ramené à 3,5 % du PIB",
            "Inflation : Bank Al-Maghrib maintient son taux directeur",
            "Marché des capitaux : {amount} de levées à fin {month}",
            "Investissement : la région {region} valide {amount} de projets",
        ),
        (
            "Le projet de loi de finances table sur une croissance de 4,6 % et un déficit "
            "budgétaire en baisse.",
            "Le conseil de Bank Al-Maghrib a décidé {date_day} de maintenir le taux directeur "
            "inchangé à 2,25 %.",
            "Les recettes fiscales ont progressé de 12 % à fin {month}, portées par l'impôt sur "
            "les sociétés.",
            "Le Haut-commissariat au plan prévoit un ralentissement de l'inflation {date_vague}.",
            "Les dépenses d'investissement du budget général atteignent {amount}.",
            "Les exportations de phosphates et dérivés ont progressé, compensant la hausse de "
            "la facture énergétique.",
            "Le chômage urbain touche particulièrement les jeunes diplômés, selon la dernière "
            "enquête trimestrielle.",
            "« {quote_off} », {said} {person}, ministre de l'Économie et des Finances.",
            "La commission régionale unifiée d'investissement de {place} a approuvé {qty} projets.",
        ),
        {
            "quote_off": (
                "Nous poursuivons la consolidation budgétaire sans sacrifier "
                "l'investissement public",
            )
        },
    ),
    "culture": (
        (
            "Festival Gnaoua : Essaouira vibre au rythme des maâlems",
            "Salon du livre de Rabat : {qty} exposants attendus",
            "Cinéma : le Festival de Marrakech dévoile sa sélection",
            "Musée Mohammed VI : une nouvelle exposition à {place}",
        ),
        (
            "Le festival se tiendra {date_range} et accueillera des artistes de {small} pays.",
            "La programmation mêle musique gnaoua, jazz et musiques du monde sur trois scènes.",
            "Le Salon international de l'édition et du livre ouvrira ses portes {date_day}.",
            "L'exposition rassemble une centaine d'œuvres de peintres marocains modernes.",
            "Les organisateurs ont prévu des concerts gratuits sur les places publiques de la "
            "médina.",
            "Un hommage posthume sera rendu au romancier disparu l'an dernier, figure de la "
            "littérature maghrébine.",
            "« {quote_off} », {said} {person}, directrice artistique du festival.",
            "La cérémonie d'ouverture a eu lieu {date_rel} en présence de nombreux artistes.",
        ),
        {"quote_off": ("Le public marocain est toujours au rendez-vous de la création",)},
    ),
}

# The first sentence of an AI article.
LEADS = {
    "fr": "{place}, où l'intelligence artificielle gagne du terrain, est au cœur de {thing}.",
    "en": "Artificial intelligence is reshaping {thing} in Morocco, from {place} to {place}.",
}
SUBHEADINGS_FR = (
    "Un cadre réglementaire en pleine évolution", "Des défis à surmonter", "Un écosystème en "
    "construction", "Les talents, nerf de la guerre", "Des données de qualité", "Vers une "
    "approche systémique", "Un levier de croissance", "Perspectives", "Ce qu'il faut retenir",
    "Les chiffres clés",
)  # fmt: skip
WIDGETS = (
    ("Merci d'avoir signalé!", "Cette image sera automatiquement bloquée après qu'elle soit "
     "signalée par plusieurs personnes."),
    ("Failed to add items", "Add to Cart failed.", "Add to Wish List failed."),
    ("Ajouter au panier", "Votre panier est vide"),
    ("Taille du texte", "Imprimer"),
    ("Partager sur Facebook", "Partager sur Twitter"),
    ("Merci pour votre vote !",),
)  # fmt: skip
BLURBS = (
    "Journaliste passionné par l'économie numérique, les start-up et l'innovation… En savoir "
    "plus sur cet auteur",
    "Journaliste junior passionnée par l'écriture, la communication et les relations "
    "internationales… En savoir plus sur cet auteur",
    "Rédaction de {outlet}",
    "Par la rédaction de {outlet}",
)  # fmt: skip
FOOTERS = (
    "Cliquez ici pour lire l'article depuis sa source.",
    "Dans la même rubrique :",
    "© {outlet} - Tous droits réservés",
)  # fmt: skip
RELATED_HEADINGS = ("Les articles en relation", "Lire aussi", "Sur le même sujet")
TAG_HEADINGS = ("Les tags en relation", "Mots-clés :", "Tags :")

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MINUTES = ("00", "15", "30", "45")
TARGET_YEARS = (2026, 2027, 2028, 2030, 2030, 2030, 2035)

COMMON_WORDS: Words = {
    "place": PLACES + EXTRA_PLACES,
    "region": REGIONS,
    "institution": INSTITUTIONS,
    "company": COMPANIES,
    "startup": STARTUPS,
    "role": ROLES,
    "event": EVENTS,
    "event_en": EVENTS_EN,
    "country": COUNTRIES,
    "country_en": ("France", "Egypt", "Senegal", "the UAE", "South Korea", "Spain", "Canada"),
    "qty": QUANTITIES,
    "amount": AMOUNTS,
    "amount_en": AMOUNTS_EN,
    "said": VERBS_SAID,
    "quote_ai": QUOTES_AI_FR,
    "quote_en": QUOTES_EN,
    "usecase_en": (
        "predictive maintenance",
        "water leak detection",
        "Darija speech recognition",
        "traffic management",
        "tax fraud detection",
        "crop yield forecasting",
        "credit scoring for microloans",
        "wildfire monitoring",
        "archive digitisation",
        "air quality monitoring",
        "port logistics",
        "energy demand forecasting",
    ),
    "sector_en": (
        "automotive",
        "aerospace",
        "tourism",
        "phosphates",
        "banking",
        "retail",
        "renewable energy",
        "textiles",
        "fisheries",
    ),
    "skill_en": (
        "deep learning",
        "data engineering",
        "cloud architecture",
        "cybersecurity",
        "computer vision",
        "natural language processing",
    ),
    "small": ("12", "15", "18", "22", "25", "30", "40"),
    "skill": SKILLS,
    "usecase": USECASES,
    "sector": SECTORS,
    "pct": ("12", "23", "31", "38", "45", "52", "64", "70"),
    "adj": (
        "stratégique",
        "durable",
        "responsable",
        "pragmatique",
        "inclusive",
        "ambitieuse",
        "progressive",
        "concertée",
        "souveraine",
        "éthique",
    ),
    "year": ("2018", "2019", "2020", "2021", "2022", "2023"),
    "month": MONTHS_FR,
    "weekday": WEEKDAYS_FR,
    "field": ("la cybersécurité", "la formation", "la recherche appliquée"),
}


# ---------------------------------------------------------------------------------------------
# Dates: phrases relative to an article's publication day
# ---------------------------------------------------------------------------------------------


def day_fr(day: int) -> str:
    """French day number: "1er" for the first, the number otherwise."""
    return "1er" if day == 1 else str(day)


def date_fr(day: dt.date) -> str:
    """A French date: "23 octobre 2023"."""
    return f"{day_fr(day.day)} {MONTHS_FR[day.month - 1]} {day.year}"


def date_en(day: dt.date) -> str:
    """An English date: "July 1, 2025"."""
    return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def _near(rng: random.Random, published: dt.date, before: int = 90, after: int = 60) -> dt.date:
    """A day around the publication day."""
    return published + dt.timedelta(days=rng.randint(-before, after))


def _date_day(rng: random.Random, published: dt.date) -> str:
    """A phrase like "le 23 octobre 2023" or "le 18 février dernier"."""
    day = _near(rng, published, after=0)
    if day.year == published.year and rng.random() < 0.3:
        return f"le {day_fr(day.day)} {MONTHS_FR[day.month - 1]} dernier"
    return f"le {date_fr(day)}"


def _date_day_list(rng: random.Random, published: dt.date) -> str:
    """A phrase like "les 1er et 2 juillet 2025"."""
    day = _near(rng, published).replace(day=rng.randint(1, 27))
    return f"les {day_fr(day.day)} et {day.day + 1} {MONTHS_FR[day.month - 1]} {day.year}"


def _date_range(rng: random.Random, published: dt.date) -> str:
    """A phrase like "du 29 au 31 mai 2024"."""
    day = _near(rng, published, before=10, after=120).replace(day=rng.randint(1, 25))
    last = day.day + rng.randint(1, 3)
    return f"du {day_fr(day.day)} au {last} {MONTHS_FR[day.month - 1]} {day.year}"


def _date_rel(rng: random.Random, published: dt.date) -> str:
    """A phrase like "ce lundi", "mardi dernier", "la semaine dernière"."""
    weekday = rng.choice(WEEKDAYS_FR)
    return rng.choice((f"ce {weekday}", f"{weekday} dernier", "la semaine dernière", "hier"))


def _date_month(rng: random.Random, published: dt.date) -> str:
    """A phrase like "en juin 2024"."""
    day = _near(rng, published, before=300, after=0)
    return f"en {MONTHS_FR[day.month - 1]} {day.year}"


def _date_vague(rng: random.Random, published: dt.date) -> str:
    """A phrase like "fin 2025", "au premier trimestre 2026", "mi-juillet 2025"."""
    day = _near(rng, published, before=0, after=300)
    return rng.choice(
        (f"fin {day.year}", f"au premier trimestre {day.year + 1}",
         f"mi-{MONTHS_FR[day.month - 1]} {day.year}", f"début {day.year + 1}")
    )  # fmt: skip


def _target(rng: random.Random, published: dt.date) -> str:
    """A phrase like "d'ici 2030", "à l'horizon 2030"."""
    year = max(rng.choice(TARGET_YEARS), published.year + 1)
    return rng.choice((f"d'ici {year}", f"à l'horizon {year}", f"d'ici fin {year}"))


def _date_headline(rng: random.Random, published: dt.date) -> str:
    """A phrase like "le mercredi 08 octobre 2025" (a weather headline)."""
    return f"le {WEEKDAYS_FR[published.weekday()]} {published.day:02d} " + (
        f"{MONTHS_FR[published.month - 1]} {published.year}"
    )


def _en_date_day(rng: random.Random, published: dt.date) -> str:
    """A phrase like "on July 1, 2025"."""
    return f"on {date_en(_near(rng, published, after=0))}"


def _en_date_range(rng: random.Random, published: dt.date) -> str:
    """A phrase like "from May 29 to 31, 2024" or "on July 1-2, 2025"."""
    day = _near(rng, published, before=10, after=120).replace(day=rng.randint(1, 25))
    month = MONTHS_EN[day.month - 1]
    return f"on {month} {day.day}-{day.day + rng.randint(1, 3)}, {day.year}"


def _en_date_rel(rng: random.Random, published: dt.date) -> str:
    """A phrase like "last Monday", "this week"."""
    return rng.choice((f"last {rng.choice(WEEKDAYS_EN)}", "this week", "yesterday"))


def _en_date_month(rng: random.Random, published: dt.date) -> str:
    """A phrase like "in June 2024"."""
    day = _near(rng, published, before=300, after=0)
    return f"in {MONTHS_EN[day.month - 1]} {day.year}"


def _target_en(rng: random.Random, published: dt.date) -> str:
    """A phrase like "by 2030"."""
    return f"by {max(rng.choice(TARGET_YEARS), published.year + 1)}"


# Slots filled by a phrase built from the publication day rather than drawn from a list.
DATE_SLOTS: dict[str, Callable[[random.Random, dt.date], str]] = {
    "date_day": _date_day,
    "date_day_list": _date_day_list,
    "date_range": _date_range,
    "date_rel": _date_rel,
    "date_month": _date_month,
    "date_vague": _date_vague,
    "target": _target,
    "date_headline": _date_headline,
    "en_date_day": _en_date_day,
    "en_date_range": _en_date_range,
    "en_date_rel": _en_date_rel,
    "en_date_month": _en_date_month,
    "target_en": _target_en,
}


# ---------------------------------------------------------------------------------------------
# Topics and template filling
# ---------------------------------------------------------------------------------------------


def _person(rng: random.Random, published: dt.date) -> str:
    """A first and a last name."""
    return f"{_pick(rng, FIRST_NAMES)} {_pick(rng, LAST_NAMES).replace('-', ' ')}"


def _pick(rng: random.Random, options: Sequence[str]) -> str:
    """rng.choice, at half its cost (same stream for the same seed, not the same as choice)."""
    return options[int(rng.random() * len(options))]


def compile_template(template: str, words: Words) -> tuple[Part, ...]:
    """A template cut into literal text, word tuples and date-phrase makers."""
    parts: list[Part] = []
    for i, piece in enumerate(SLOT.split(template)):
        if i % 2 == 0:
            if piece:
                parts.append(piece)
        elif piece in DATE_SLOTS:
            parts.append(DATE_SLOTS[piece])
        elif piece == "person":
            parts.append(_person)
        elif piece in words:
            parts.append(words[piece])
        else:
            raise KeyError(f"template slot {{{piece}}} has no words: {template!r}")
    return tuple(parts)


def _lower_start(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """The compiled template with its first letter lower-cased if it starts with literal text."""
    first = parts[0]
    if isinstance(first, str) and not first[1:2].isupper():
        return (first[0].lower() + first[1:], *parts[1:])
    return parts


def render(parts: Sequence[Part], rng: random.Random, published: dt.date) -> str:
    """A compiled template filled in, its first letter capitalised."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, tuple):
            out.append(part[int(rng.random() * len(part))])
        else:
            out.append(part(rng, published))
    text = "".join(out)
    return text[0].upper() + text[1:]


def fill(template: str, rng: random.Random, words: Words, published: dt.date) -> str:
    """The template with each {slot} replaced by a drawn word or a date phrase."""
    return render(compile_template(template, words), rng, published)


def _topics(
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...], Words]],
    common: tuple[str, ...],
    language: str,
    relevant: bool,
) -> tuple[Topic, ...]:
    """Topic records from a table of (headlines, own sentences, own words)."""
    topics = []
    for name, (heads, sentences, own_words) in table.items():
        words = {**COMMON_WORDS, **own_words}
        compiled = [compile_template(t, words) for t in sentences + common]
        pairs = tuple((parts, _lower_start(parts)) for parts in compiled)
        topics.append(Topic(name, language, relevant, heads, words, pairs))
    return tuple(topics)


AI_FR = _topics(AI_TOPICS_FR, AI_COMMON_FR, "fr", True)
AI_EN = _topics(AI_TOPICS_EN, AI_COMMON_EN, "en", True)
OFF_FR = _topics(OFFTOPIC_FR, (), "fr", False)


def sentence(topic: Topic, rng: random.Random, published: dt.date) -> str:
    """One body sentence of a topic, sometimes opened by a connector (French)."""
    as_written, lowered = topic.sentences[int(rng.random() * len(topic.sentences))]
    if topic.language != "fr" or str(as_written[0]).startswith("«"):
        return render(as_written, rng, published)
    lead = _pick(rng, CONNECTORS)
    return render((lead, *lowered) if lead else as_written, rng, published)


def paragraph(topic: Topic, rng: random.Random, published: dt.date, opening: str = "") -> str:
    """Sentences of a topic (after an opening one, if given) until it holds 40 to 120 words."""
    low, high = PARAGRAPH_WORDS
    target = rng.randint(low, high)
    sentences: list[str] = [opening] if opening else []
    n_words = len(opening.split())
    while n_words < target:
        text = sentence(topic, rng, published)
        size = text.count(" ") + 1
        if n_words >= low and n_words + size > high:
            break
        sentences.append(text)
        n_words += size
    return " ".join(sentences)


# ---------------------------------------------------------------------------------------------
# Page furniture: ticker, teasers, datelines
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Teaser:
    """A headline of the site and its cut summary, shared by tickers and related blocks."""

    headline: str
    summary: str


def headline_pool(rng: random.Random, size: int = POOL_SIZE) -> tuple[Teaser, ...]:
    """The site's headlines of one corpus: AI and off-topic, French mostly."""
    topics = AI_FR + OFF_FR + OFF_FR + AI_EN[:1]
    pool = []
    for _ in range(size):
        topic = rng.choice(topics)
        published = _random_day(rng)
        summary = paragraph(topic, rng, published)[:TEASER_CHARS].rsplit(" ", 1)[0] + "..."
        headline = fill(rng.choice(topic.headlines), rng, topic.words, published)
        pool.append(Teaser(headline, summary))
    return tuple(pool)


def ticker(rng: random.Random, pool: Sequence[Teaser]) -> str:
    """15 to 40 headlines of the pool on one line, four spaces apart."""
    picked = rng.sample(list(pool), rng.randint(*TICKER_SIZE))
    return TICKER_SEPARATOR.join(t.headline for t in picked) + TICKER_SEPARATOR


def related_block(rng: random.Random, pool: Sequence[Teaser], language: str) -> str:
    """A related-articles heading and 3 to 8 teaser pairs (headline, summary ending "...")."""
    heading = "Related articles" if language == "en" else rng.choice(RELATED_HEADINGS)
    picked = rng.sample(list(pool), rng.randint(*TEASER_PAIRS))
    return heading + "\n\n" + "\n\n".join(f"{t.headline}\n{t.summary}" for t in picked)


def dateline(rng: random.Random, published: dt.date, outlet: str, language: str) -> str:
    """A publication line in one of the formats the sites use."""
    if language == "en":
        return f"Published on {date_en(published)}"
    weekday = WEEKDAYS_FR[published.weekday()].capitalize()
    month = MONTHS_FR[published.month - 1].capitalize()
    if rng.random() < 0.3:
        month = month.replace("û", "u").replace("é", "e")
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES).replace('-', ' ')}"
    return rng.choice(
        (
            f"Publié dans {outlet} le {published:%d - %m - %Y}",
            f"Le {published:%d/%m/%Y}",
            f"Rédigé par {name} le {weekday} {published.day} {month} {published.year}",
            f"Publié le {date_fr(published)} à {rng.randint(7, 22)}h{rng.choice(MINUTES)}",
        )
    )


def _random_day(rng: random.Random) -> dt.date:
    """A publication day between FIRST_DAY and LAST_DAY."""
    return FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))


# ---------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedArticle:
    """One generated page dump and what it was built from."""

    name: str
    kind: Kind
    topic: str
    language: str
    published: dt.date
    outlet: str
    headline: str
    paragraphs: tuple[str, ...]
    duplicate_of: str | None
    text: str


def body_paragraphs(topic: Topic, rng: random.Random, published: dt.date) -> tuple[str, ...]:
    """4 to 12 paragraphs of a topic; an AI article says what it is about in its first sentence."""
    lead = ""
    if topic.relevant:
        lead = fill(LEADS[topic.language], rng, topic.words, published)
    paragraphs = [paragraph(topic, rng, published, lead)]
    paragraphs += [paragraph(topic, rng, published) for _ in range(rng.randint(*PARAGRAPHS) - 1)]
    return tuple(paragraphs)


def page_text(
    rng: random.Random,
    pool: Sequence[Teaser],
    headline: str,
    paragraphs: Sequence[str],
    published: dt.date,
    outlet: str,
    language: str,
) -> str:
    """The page dump: ticker, widgets, headline, dateline, body, teasers, blurb, tags, footer."""
    has_ticker = rng.random() < TICKER_SHARE
    has_teasers = not has_ticker or rng.random() < TEASER_SHARE
    date_line = dateline(rng, published, outlet, language)
    date_first = language == "en" or rng.random() < 0.75
    body: list[str] = []
    for i, text in enumerate(paragraphs):
        if language == "fr" and i and rng.random() < 0.2:
            body.append(rng.choice(SUBHEADINGS_FR))
        body.append(text)
    parts: list[str] = []
    if has_ticker:
        parts += [ticker(rng, pool), "\n\n\n"]
    parts += ["\n".join(rng.choice(WIDGETS)), "\n\n", headline, "\n"]
    parts += [date_line, "\n\n"] if date_first else ["\n"]
    parts += ["\n".join(body), "\n"]
    if not date_first:
        parts += [date_line, "\n"]
    words = {**COMMON_WORDS, "outlet": (outlet,)}
    if has_teasers:
        parts += ["\n", related_block(rng, pool, language), "\n"]
    if rng.random() < 0.6:
        parts += ["\n", fill(rng.choice(BLURBS), rng, words, published), "\n"]
    if rng.random() < 0.6:
        tags = rng.sample(
            [
                *PLACES[:8],
                "intelligence artificielle",
                "IA",
                "numérique",
                "innovation",
                "start-up",
                "données",
                "Maroc",
            ],
            rng.randint(3, 8),
        )
        parts += [rng.choice(TAG_HEADINGS), "\n", ", ".join(tags), "\n"]
    parts += ["\n", fill(rng.choice(FOOTERS), rng, words, published)]
    return "".join(parts)


def republish(
    rng: random.Random, original: GeneratedArticle, topic: Topic
) -> tuple[str, tuple[str, ...], dt.date]:
    """A republication: same body but one sentence, maybe a new headline, a later day."""
    published = original.published + dt.timedelta(days=rng.randint(0, 3))
    headline = original.headline
    if rng.random() < 0.5:
        headline = fill(rng.choice(topic.headlines), rng, topic.words, published)
    paragraphs = list(original.paragraphs)
    i = rng.randrange(len(paragraphs))
    sentences = paragraphs[i].split(". ")
    j = rng.randrange(len(sentences))
    new = sentence(topic, rng, published)
    sentences[j] = new if j == len(sentences) - 1 else new.rstrip(".")
    paragraphs[i] = ". ".join(sentences)
    return headline, tuple(paragraphs), published


def article_kinds(
    rng: random.Random, n: int, duplicate_share: float, offtopic_share: float, english_share: float
) -> list[Kind]:
    """The kind of each article, in order; a duplicate never comes before an original."""
    counts: list[int] = []
    for share in (duplicate_share, offtopic_share, english_share):
        counts.append(min(round(n * share), n - sum(counts)))  # rounding never overshoots n
    wanted: list[tuple[Kind, int]] = [
        ("duplicate", counts[0]),
        ("offtopic", counts[1]),
        ("en", counts[2]),
    ]
    wanted.append(("fr", n - sum(counts)))
    kinds = [kind for kind, count in wanted for _ in range(count)]
    rng.shuffle(kinds)
    if kinds and kinds[0] == "duplicate":
        first = next((i for i, k in enumerate(kinds) if k != "duplicate"), None)
        if first is not None:
            kinds[0], kinds[first] = kinds[first], kinds[0]
    return kinds


def _check_parameters(n_articles: int, shares: dict[str, float]) -> None:
    """Raise ParameterError for a negative count or shares outside [0, 1] or summing over 1."""
    if not isinstance(n_articles, int) or n_articles < 0:
        raise ParameterError("n_articles", n_articles, "an integer >= 0")
    for name, value in shares.items():
        if not 0.0 <= value <= 1.0:
            raise ParameterError(name, value, "a share between 0 and 1")
    if sum(shares.values()) > 1.0:
        raise ParameterError(
            "shares", shares, "duplicate, off-topic and English shares summing to <= 1"
        )


def iter_articles(
    n_articles: int,
    seed: int = 0,
    duplicate_share: float = 0.05,
    offtopic_share: float = 0.15,
    english_share: float = 0.1,
) -> Iterator[GeneratedArticle]:
    """Generate the articles of a corpus one by one, deterministically for a seed."""
    _check_parameters(
        n_articles,
        {"duplicate_share": duplicate_share, "offtopic_share": offtopic_share,
         "english_share": english_share},
    )  # fmt: skip
    rng = random.Random(seed)
    pool = headline_pool(rng)
    topics_by_name = {t.name: t for t in AI_FR + AI_EN + OFF_FR}
    originals: list[GeneratedArticle] = []
    for index, kind in enumerate(
        article_kinds(rng, n_articles, duplicate_share, offtopic_share, english_share), 1
    ):
        name = f"gen_{index:05d}.txt"
        if kind == "duplicate" and originals:
            source = rng.choice(originals)
            topic = topics_by_name[source.topic]
            headline, paragraphs, published = republish(rng, source, topic)
            duplicate_of: str | None = source.name
        else:
            kind = "fr" if kind == "duplicate" else kind
            topic = rng.choice({"fr": AI_FR, "en": AI_EN, "offtopic": OFF_FR}[kind])
            published = _random_day(rng)
            headline = fill(rng.choice(topic.headlines), rng, topic.words, published)
            paragraphs = body_paragraphs(topic, rng, published)
            duplicate_of = None
        outlets = OUTLETS_EN if topic.language == "en" else OUTLETS
        outlet = rng.choice(outlets)
        text = page_text(rng, pool, headline, paragraphs, published, outlet, topic.language)
        article = GeneratedArticle(
            name, kind, topic.name, topic.language, published, outlet, headline, paragraphs,
            duplicate_of, text,
        )  # fmt: skip
        if duplicate_of is None:
            originals.append(article)
        yield article


def generate_texts(
    n_articles: int,
    seed: int = 0,
    duplicate_share: float = 0.05,
    offtopic_share: float = 0.15,
    english_share: float = 0.1,
) -> list[GeneratedArticle]:
    """All the articles of a generated corpus, in memory."""
    return list(iter_articles(n_articles, seed, duplicate_share, offtopic_share, english_share))


def generate_corpus(
    n_articles: int,
    out_dir: Path,
    seed: int = 0,
    duplicate_share: float = 0.05,
    offtopic_share: float = 0.15,
    english_share: float = 0.1,
) -> list[Path]:
    """Write n_articles page dumps gen_00001.txt ... into out_dir and return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in iter_articles(n_articles, seed, duplicate_share, offtopic_share, english_share):
        path = out_dir / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths


def vocabulary(texts: Sequence[str]) -> set[str]:
    """Distinct lower-cased words of some texts (to check that generated corpora are varied)."""
    return {w.casefold() for text in texts for w in re.findall(r"[^\W\d_]+", text)}
