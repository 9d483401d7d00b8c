"""A themed corpus for the theme tests: short French and English articles in known topic groups.

Written for the tests (no text comes from a real page). Every article shares the words the whole
corpus is about (IA, Maroc, numérique, the ministry); the groups differ by their own sentences.
Two groups, the Assises nationales and the "AI Made in Morocco" roadmap announced there, share
most of their vocabulary. `themed_articles()` builds the same corpus on every call.
"""

from __future__ import annotations

import random

import pandas as pd

# Sentences every group draws from: the subject of the whole corpus, in both languages.
SHARED = {
    "fr": (
        "L'intelligence artificielle transforme le Maroc et son économie numérique.",
        "Le ministère de la Transition numérique et de la Réforme de l'administration suit "
        "le dossier de près.",
        "Pour le Royaume, l'IA est une priorité de la transition numérique.",
        "Les acteurs marocains du numérique veulent profiter de l'intelligence artificielle.",
        "Le Maroc ambitionne de devenir un pôle régional de l'IA en Afrique.",
    ),
    "en": (
        "Artificial intelligence is reshaping Morocco and its digital economy.",
        "The Ministry of Digital Transition and Administrative Reform follows the file closely.",
        "For the Kingdom, AI is a priority of the digital transition.",
        "Moroccan digital players want to benefit from artificial intelligence.",
        "Morocco aims to become a regional AI hub in Africa.",
    ),
}

# Each group: its French and English sentences (an article draws four of its language).
GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "unesco_ethique": {
        "fr": (
            "L'UNESCO a présenté à Rabat son évaluation de l'état de préparation du Maroc à "
            "une IA éthique.",
            "La recommandation de l'UNESCO sur l'éthique de l'IA sert de cadre aux travaux.",
            "Les experts insistent sur les droits humains, la transparence et l'équité des "
            "algorithmes.",
            "Le bureau de l'UNESCO pour le Maghreb réunit chercheurs et société civile autour "
            "des biais algorithmiques.",
            "L'atelier consacré à l'éthique de l'IA a rassemblé universitaires et juristes.",
            "Les participants demandent une IA inclusive, qui respecte la dignité humaine.",
            "La méthodologie d'évaluation de l'UNESCO mesure la gouvernance éthique des "
            "algorithmes.",
            "Une IA digne de confiance suppose des audits des biais et la protection de la "
            "vie privée.",
        ),
        "en": (
            "UNESCO presented in Rabat its readiness assessment of Morocco for ethical AI.",
            "The UNESCO Recommendation on the Ethics of AI frames the work.",
            "Experts stress human rights, transparency and the fairness of algorithms.",
            "The UNESCO office for the Maghreb brought researchers and civil society together "
            "on algorithmic bias.",
            "The workshop on the ethics of AI gathered academics and lawyers.",
            "Participants call for inclusive AI that respects human dignity.",
        ),
    },
    "maroc_digital_2030": {
        "fr": (
            "La stratégie Maroc Digital 2030 fixe le cap de l'économie numérique.",
            "Le chef du gouvernement a lancé la stratégie Maroc Digital 2030 avec un budget "
            "de onze milliards de dirhams.",
            "La stratégie vise la création de 240 000 emplois numériques d'ici 2030.",
            "Maroc Digital 2030 prévoit la digitalisation des services publics et 3 000 startups.",
            "L'externalisation des services numériques doit générer des milliers d'emplois.",
            "Le plan prévoit de former 100 000 jeunes par an aux métiers du numérique.",
            "Les objectifs chiffrés de la stratégie portent sur le PIB numérique et l'emploi.",
            "Le gouvernement présente Maroc Digital 2030 comme la feuille de route de la décennie.",
        ),
        "en": (
            "The Digital Morocco 2030 strategy sets the course of the digital economy.",
            "The Head of Government launched Digital Morocco 2030 with a budget of eleven "
            "billion dirhams.",
            "The strategy aims to create 240,000 digital jobs by 2030.",
            "Digital Morocco 2030 plans the digitalisation of public services and 3,000 startups.",
            "The plan will train 100,000 young people a year for digital jobs.",
            "The government presents Digital Morocco 2030 as the roadmap of the decade.",
        ),
    },
    "gitex_africa": {
        "fr": (
            "Le salon GITEX Africa s'est ouvert à Marrakech avec des milliers d'exposants.",
            "Les startups africaines présentent leurs solutions sur les stands du GITEX Africa.",
            "Le GITEX Africa attire investisseurs, géants de la tech et délégations étrangères.",
            "Au salon, les conférences sur l'IA générative font salle comble.",
            "L'Agence de développement du digital coorganise l'édition de Marrakech.",
            "Les exposants du GITEX Africa misent sur le cloud et la cybersécurité.",
            "Le salon technologique de Marrakech se veut la vitrine de l'écosystème tech africain.",
            "Des visiteurs venus de cent pays arpentent les allées du GITEX.",
        ),
        "en": (
            "The GITEX Africa show opened in Marrakech with thousands of exhibitors.",
            "African startups present their solutions on the GITEX Africa stands.",
            "GITEX Africa draws investors, tech giants and foreign delegations.",
            "At the show, the talks on generative AI are packed.",
            "The Digital Development Agency co-organises the Marrakech edition.",
            "Visitors from a hundred countries walk the aisles of GITEX.",
        ),
    },
    "assises": {
        "fr": (
            "Les Assises nationales de l'intelligence artificielle se sont ouvertes à Rabat.",
            "Pendant deux jours, les Assises nationales de l'IA ont réuni ministres, experts "
            "et entreprises.",
            "La ministre a ouvert les Assises par un discours sur la souveraineté numérique.",
            "Les panels des Assises ont débattu de l'IA dans l'administration et l'industrie.",
            "Les Assises nationales ont été placées sous le Haut Patronage royal.",
            "À la tribune des Assises, les intervenants ont plaidé pour une IA souveraine.",
            "Plus de deux mille participants ont assisté aux Assises nationales de l'IA.",
            "La première journée des Assises a été consacrée aux usages de l'IA.",
        ),
        "en": (
            "The National Conference on Artificial Intelligence opened in Rabat.",
            "For two days, the national AI conference brought together ministers, experts and "
            "companies.",
            "The minister opened the conference with a speech on digital sovereignty.",
            "Panels at the conference discussed AI in the administration and industry.",
            "More than two thousand participants attended the national AI conference.",
        ),
    },
    "ai_made_in_morocco": {
        "fr": (
            "La feuille de route « AI Made in Morocco » a été dévoilée lors des Assises "
            "nationales de l'IA.",
            "La feuille de route prévoit un réseau d'instituts Jazari dans les régions.",
            "Les instituts Jazari formeront des talents en IA et accompagneront les startups.",
            "AI Made in Morocco vise une contribution de l'IA au PIB d'ici 2030.",
            "La ministre a détaillé les piliers de la feuille de route issue des Assises.",
            "Après les Assises, la feuille de route AI Made in Morocco entre en application.",
            "Le programme prévoit des centres de calcul et des données souveraines.",
            "Les instituts Jazari relieront universités, entreprises et régions.",
        ),
        "en": (
            "The AI Made in Morocco roadmap was unveiled at the national AI conference.",
            "The roadmap plans a network of Jazari institutes across the regions.",
            "The Jazari institutes will train AI talent and support startups.",
            "AI Made in Morocco targets a contribution of AI to GDP by 2030.",
            "After the conference, the AI Made in Morocco roadmap moves into application.",
        ),
    },
    "entreprises": {
        "fr": (
            "L'opérateur télécom lance une offre de cloud souverain pour les entreprises.",
            "Une startup casablancaise lève des fonds pour son assistant conversationnel.",
            "Le groupe bancaire déploie l'IA pour détecter la fraude et servir ses clients.",
            "Le centre de données de Tétouan accueille ses premiers clients.",
            "Les entreprises industrielles automatisent leurs usines grâce à l'IA.",
            "Le fonds de capital-risque investit dans des jeunes pousses de l'IA.",
            "La filiale marocaine du géant américain ouvre un centre de développement.",
            "Les PME hésitent encore à investir dans l'IA faute de compétences.",
        ),
        "en": (
            "The telecom operator launches a sovereign cloud offer for businesses.",
            "A Casablanca startup raises funds for its conversational assistant.",
            "The banking group deploys AI to detect fraud and serve its customers.",
            "The Tetouan data centre welcomes its first customers.",
            "The venture capital fund invests in young AI companies.",
        ),
    },
    "cooperation": {
        "fr": (
            "Le Maroc et les États-Unis ont signé un protocole d'accord sur l'IA.",
            "Rabat et Paris renforcent leur partenariat dans le numérique et l'IA.",
            "La coopération avec les Émirats arabes unis porte sur les centres de données.",
            "À l'Assemblée générale des Nations unies, le Maroc a coparrainé une résolution "
            "sur l'IA.",
            "Un mémorandum d'entente avec la Chine prévoit des échanges d'experts.",
            "La coopération Sud-Sud en IA se renforce avec les pays africains.",
            "La délégation marocaine a signé plusieurs accords bilatéraux.",
            "Les deux pays veulent coopérer dans la formation et la recherche en IA.",
        ),
        "en": (
            "Morocco and the United States signed a memorandum of understanding on AI.",
            "Rabat and Paris strengthen their partnership in digital and AI.",
            "Cooperation with the United Arab Emirates covers data centres.",
            "At the United Nations General Assembly, Morocco co-sponsored a resolution on AI.",
            "South-South cooperation on AI grows with African countries.",
        ),
    },
    "regulation": {
        "fr": (
            "La CNDP rappelle que la loi 09-08 encadre les données personnelles utilisées "
            "par l'IA.",
            "Un projet de loi sur l'IA est en préparation au ministère.",
            "Le Parlement débat du cadre juridique de l'intelligence artificielle.",
            "La commission de protection des données publie des lignes directrices sur l'IA.",
            "La réforme de l'administration passe par la dématérialisation des procédures.",
            "Les fonctionnaires seront formés à l'usage de l'IA dans les services publics.",
            "La gouvernance des données publiques nécessite un cadre réglementaire clair.",
            "Le texte prévoit des sanctions en cas d'usage abusif des données personnelles.",
        ),
        "en": (
            "The CNDP recalls that law 09-08 governs the personal data used by AI.",
            "A draft law on AI is being prepared at the ministry.",
            "Parliament debates the legal framework for artificial intelligence.",
            "The data protection commission publishes guidelines on AI.",
            "Civil servants will be trained to use AI in public services.",
        ),
    },
}
# Articles per group and language.
PER_GROUP = {"fr": 6, "en": 3}
GROUP_SENTENCES = 4
SHARED_SENTENCES = 2


def themed_articles(seed: int = 20) -> pd.DataFrame:
    """The corpus: file, text, language, title, published (None) and its topic group."""
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for group, languages in GROUPS.items():
        for language, count in PER_GROUP.items():
            for i in range(count):
                own = rng.sample(languages[language], GROUP_SENTENCES)
                shared = rng.sample(SHARED[language], SHARED_SENTENCES)
                sentences = own[:2] + shared[:1] + own[2:] + shared[1:]
                rows.append(
                    {
                        "file": f"{group}_{language}_{i}.txt",
                        "text": " ".join(sentences),
                        "language": language,
                        "title": own[0],
                        "published": None,
                        "topic": group,
                    }
                )
    return pd.DataFrame(rows)
