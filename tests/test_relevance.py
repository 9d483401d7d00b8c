"""Relevance: is an article about artificial intelligence in Morocco?"""

from __future__ import annotations

import math
import unicodedata

import pytest

from helpers.errors import ParameterError
from helpers.ingest.relevance import (
    ALL_TERMS,
    APOSTROPHES,
    EVIDENCE_COLUMNS,
    MODEL_INPUTS,
    Model,
    fit_model,
    is_relevant,
    load_model,
    matched_terms,
    model_inputs,
    relevance_features,
    relevance_score,
    training_rows,
)
from helpers.text.normalize import fold

# ---- Clearly relevant: AI is the subject, and the story is Moroccan. ----

STRATEGY_FR = """\
Le gouvernement a présenté mardi à Rabat la feuille de route nationale pour l'intelligence
artificielle, pièce maîtresse de la stratégie Maroc Digital 2030. La ministre déléguée chargée
de la Transition numérique et de la Réforme de l'administration a détaillé les trois piliers du
plan : la formation de talents, l'accès à la puissance de calcul et l'adoption de l'IA dans les
services publics. Le Royaume entend former 100.000 jeunes aux métiers du numérique et de la
donnée d'ici 2030, avec un réseau d'instituts Al-Jazari dans chaque région.
Sur le volet des infrastructures, un centre de données souverain doté de plusieurs centaines de
GPU doit être mis en service à Benguerir, en partenariat avec l'UM6P. Il servira à entraîner des
modèles de langage capables de comprendre la darija et l'amazighe, une priorité pour que l'IA
générative ne reste pas réservée aux langues dominantes. Des projets pilotes sont annoncés dans
la santé, l'agriculture et la justice, où des algorithmes d'aide à la décision seront testés
sous la supervision de la CNDP pour la protection des données personnelles.
Les représentants de la CGEM ont salué une démarche qui donne de la visibilité aux entreprises
marocaines, tout en appelant à un cadre juridique clair sur la responsabilité des systèmes
d'intelligence artificielle. Un projet de loi est attendu avant la fin de l'année.
"""

UM6P_GPU_FR = """\
L'Université Mohammed VI Polytechnique (UM6P) a inauguré à Benguerir son nouveau
supercalculateur dédié à l'intelligence artificielle. Avec plus de 500 GPU de dernière
génération, la machine permettra aux chercheurs marocains d'entraîner des modèles de deep
learning sans dépendre de serveurs à l'étranger. Les premiers travaux porteront sur la
prévision des rendements agricoles par apprentissage automatique et sur un grand modèle de
langage en arabe dialectal. Les start-up du Technopark de Casablanca pourront louer du temps de
calcul à prix réduit. « Le Maroc doit produire de l'IA et pas seulement en consommer », a
déclaré le président de l'université lors de la cérémonie.
"""

SUMMIT_EN = """\
Morocco hosted its first national conference on artificial intelligence in Rabat this week,
bringing together ministers, researchers and start-up founders. Officials said the kingdom
wants AI to improve public services, from hospital triage to tax collection, and announced a
fund to support Moroccan start-ups building machine learning products. Speakers from the
Digital Development Agency presented a national AI strategy focused on skills, data
infrastructure and ethics. Several companies from Casablanca showed chatbots that answer
citizens in Darija, Arabic and French. Critics warned that without clear rules on data
protection, the rapid adoption of AI could deepen inequalities, and called on parliament to
pass an AI law modelled on the European AI Act.
"""

EGYPT_FR = """\
Intelligence artificielle : le Maroc et l'Égypte signent un accord de coopération.
Les deux pays ont signé au Caire un mémorandum d'entente pour développer ensemble des
compétences en IA, partager des capacités de calcul et lancer des projets pilotes communs. Le
texte prévoit des échanges d'enseignants entre universités marocaines et égyptiennes, des
bootcamps sur le machine learning et la création d'un jeu de données commun pour entraîner des
modèles de langage en arabe. Les ministres ont insisté sur une IA éthique et sur la protection
des données. Une première réunion du comité de suivi se tiendra à Rabat en octobre.
"""

DGSN_CAN_FR = """\
Sécurité de la CAN 2025 : la DGSN mise sur l'intelligence artificielle.
À l'approche de la Coupe d'Afrique des nations, la Direction générale de la sûreté nationale a
présenté à Rabat son dispositif de sécurité, qui s'appuie largement sur l'IA. Des caméras
intelligentes équipées d'algorithmes de vision par ordinateur analyseront les flux de
supporters aux abords des stades de Casablanca, Tanger, Agadir et Marrakech. Un centre de
commandement traitera en temps réel les données issues de milliers de capteurs, et un chatbot
renseignera les visiteurs étrangers en plusieurs langues. Les responsables ont assuré que la
reconnaissance faciale sera encadrée par la CNDP et que les données ne seront pas conservées
au-delà de la compétition.
"""

BANK_CHATBOT_FR = """\
Attijariwafa bank déploie un assistant virtuel fondé sur l'IA générative pour ses clients au
Maroc. Le chatbot, disponible en français et en darija, répond aux questions courantes sur les
cartes, les virements et les crédits. La banque marocaine indique avoir entraîné le modèle sur
des données anonymisées et mis en place une validation humaine pour les opérations sensibles.
Selon son directeur digital, l'intelligence artificielle doit réduire de moitié le temps
d'attente au centre d'appels de Casablanca. Bank Al-Maghrib suit de près ces usages et prépare
une circulaire sur la gestion des risques liés aux algorithmes dans le secteur bancaire.
"""

BRIEF_MAP_FR = """\
Rabat, 3 juillet (MAP) - Le Maroc a adopté jeudi un projet de loi encadrant l'usage de
l'intelligence artificielle dans l'administration. Le texte impose un audit des algorithmes
utilisés pour les décisions individuelles et crée un registre national des systèmes d'IA.
"""

MIXED_AR_FR = """\
Le forum « الذكاء الاصطناعي في المغرب » s'est ouvert à Marrakech avec plus de 2.000
participants. Organisé par l'UM6P et le ministère de la Transition numérique et de la Réforme
de l'administration, il met en avant les start-up marocaines de l'IA. Les panels traitent de
la souveraineté des données, des modèles de langage en arabe et de l'IA dans l'éducation. Les
organisateurs espèrent faire du Maroc un hub africain de l'intelligence artificielle.
"""

# ---- Clearly off-topic: Moroccan non-AI stories, AI stories with no Moroccan angle. ----

FOOTBALL_FR = """\
Les Lions de l'Atlas ont dominé la Zambie (3-0) samedi soir au complexe Prince Moulay
Abdellah de Rabat, validant leur qualification pour la Coupe du monde. Walid Regragui avait
aligné une équipe remaniée, avec Brahim Diaz en meneur de jeu et Youssef En-Nesyri en pointe.
Dès la 12e minute, Achraf Hakimi a ouvert le score d'une frappe croisée. En seconde période,
la sélection marocaine a accéléré : En-Nesyri a doublé la mise de la tête avant qu'Ez Abde ne
scelle le sort du match. Le sélectionneur a salué l'état d'esprit de ses joueurs et la ferveur
du public, plus de 60.000 spectateurs. Interrogé sur la préparation, il a expliqué que le staff
utilise désormais des outils d'analyse vidéo et même de l'intelligence artificielle pour
étudier les adversaires, avant de revenir sur la blessure de Nayef Aguerd, incertain pour le
prochain rassemblement. Le Maroc affrontera le Niger mardi à Oujda, puis disputera deux matchs
amicaux en novembre. La Fédération royale marocaine de football a annoncé que la billetterie
ouvrira lundi, avec des tarifs inchangés pour les supporters. Les joueurs rejoindront leurs
clubs dès mercredi, avant un nouveau stage prévu à Salé au mois de novembre.
"""

WEATHER_FR = """\
Alerte météo : la Direction générale de la météorologie (DGM) annonce une vague de chaleur
de mardi à vendredi dans plusieurs provinces du Royaume. Les températures atteindront 44 à 47
degrés à Marrakech, Béni Mellal, Khouribga et Settat, selon le bulletin d'alerte de niveau
rouge. Des averses orageuses localement fortes, accompagnées de grêle et de rafales de vent,
sont également attendues sur le Haut et le Moyen Atlas ainsi que dans l'Oriental. Les autorités
appellent les citoyens à éviter l'exposition au soleil aux heures les plus chaudes, à
s'hydrater régulièrement et à prendre des précautions sur les routes de montagne. La DGM
précise que ses prévisions reposent sur des modèles numériques à haute résolution et sur les
données de son réseau de stations automatiques. À Casablanca et Rabat, le mercure restera
modéré autour de 28 degrés grâce à l'influence océanique. Un retour à des valeurs de saison est
prévu à partir du week-end.
"""

BUDGET_FR = """\
La Chambre des représentants a entamé lundi l'examen du projet de loi de finances 2026. Le
ministre de l'Économie a défendu un budget qui table sur une croissance de 4,5% et un déficit
ramené à 3% du PIB, malgré la hausse des dépenses sociales. L'opposition a dénoncé la hausse de
la dette publique, qui dépasse 1.000 milliards de dirhams, et réclamé une réforme fiscale plus
équitable. Les débats ont porté sur la généralisation de la protection sociale, le soutien aux
prix du gaz butane et le financement des chantiers de la Coupe du monde 2030. Le ministre a
énuméré les priorités d'investissement : l'eau, les énergies renouvelables, la transition
numérique, l'intelligence artificielle, les infrastructures routières et le logement. Les
députés de la majorité ont salué la hausse des crédits alloués à la santé et à l'éducation,
tandis que les groupes d'opposition ont critiqué les exonérations accordées aux grandes
entreprises. Selon les données du Haut-Commissariat au Plan, le chômage reste élevé chez les
jeunes, à plus de 35% en milieu urbain. Le vote en commission est prévu la semaine prochaine,
avant un passage en séance plénière et la transmission du texte à la Chambre des conseillers.
Les syndicats ont annoncé des rassemblements devant le Parlement à Rabat pour réclamer une
revalorisation des salaires dans la fonction publique.
"""

FASHION_FR = """\
La Caftan Week a réuni samedi à Marrakech une vingtaine de créateurs marocains. Brocarts,
broderies en fil d'or et coupes épurées ont défilé devant un public de professionnels et de
célébrités. La styliste casablancaise à l'honneur cette année a revisité le caftan fassi avec
des soies colorées venues de Fès et des ceintures en cuir travaillé. Les organisateurs
soulignent le rôle de l'artisanat dans l'économie du Royaume et la montée des ventes en ligne
vers l'Europe et les pays du Golfe. La prochaine édition se tiendra au printemps à Rabat.
"""

DEEPSEEK_FR = """\
DeepSeek R1 : le chatbot chinois qui inquiète les gouvernements. Le modèle de langage développé
par la start-up chinoise DeepSeek rivalise avec ChatGPT pour une fraction du coût
d'entraînement, selon ses concepteurs. Sa publication a fait chuter l'action de Nvidia à Wall
Street, les investisseurs s'interrogeant sur le besoin de GPU toujours plus puissants. Plusieurs
pays européens ont ouvert des enquêtes sur le traitement des données personnelles par
l'application, et l'Italie l'a bloquée temporairement. Les experts soulignent que l'IA
générative chinoise applique une censure sur les sujets politiques sensibles. OpenAI accuse
DeepSeek d'avoir utilisé ses modèles pour entraîner le sien par distillation.
"""

OPENAI_EN = """\
OpenAI released a new version of its flagship model on Thursday, claiming large gains in
reasoning and coding. The company said the model was trained on a new cluster of Nvidia GPUs in
Texas and will be available to ChatGPT subscribers first. Analysts said the release raises the
stakes in the race with Google's Gemini and Anthropic, while regulators in Brussels are
preparing guidance under the EU AI Act for general-purpose AI models. Critics warned about
energy use of data centres and the lack of transparency on training data.
"""

TOURISM_LIST_FR = """\
Le Maroc a accueilli 14,6 millions de touristes à fin août, un record selon le ministère du
Tourisme. Marrakech, Agadir et Tanger concentrent l'essentiel des nuitées, portées par les
nouvelles lignes aériennes low cost vers l'Europe. Les recettes en devises ont dépassé 80
milliards de dirhams. Le programme des salons de l'automne à Casablanca comprend le Salon de
l'immobilier, le Salon du cheval d'El Jadida, un forum sur l'IA et le Salon international de
l'agriculture de Meknès. Les professionnels appellent à renforcer la formation dans
l'hôtellerie et à diversifier l'offre vers le désert et la montagne, alors que la Coupe du monde
2030 devrait attirer des millions de visiteurs supplémentaires.
"""

REAL_ESTATE_FR = """\
Les prix de l'immobilier résidentiel ont reculé de 1,2% au deuxième trimestre à Casablanca,
selon l'indice de Bank Al-Maghrib et de l'Agence nationale de la conservation foncière. Les
transactions sont en hausse à Rabat et à Tanger, tandis que Marrakech reste stable. Les
promoteurs attendent les effets de l'aide directe au logement, qui a déjà bénéficié à plus de
50.000 ménages marocains. Les notaires signalent une demande soutenue pour les appartements de
moins de 800.000 dirhams.
"""

DROUGHT_EN = """\
Morocco's dams are only 28% full after a sixth consecutive year of drought, the ministry of
equipment and water said on Monday. Farmers in the Souss region near Agadir have reduced the
area planted with tomatoes, and the government is accelerating desalination plants in
Casablanca and Dakhla. Officials also promoted digital irrigation meters to track water use.
The kingdom plans to double desalinated water output by 2030 and to transfer water between
basins through a new canal linking the north to Rabat.
"""

RELEVANT = {
    "strategie_nationale_fr": (STRATEGY_FR, "Le Maroc dévoile sa feuille de route IA", "fr"),
    "um6p_supercalculateur_fr": (UM6P_GPU_FR, "L'UM6P se dote d'un supercalculateur", "fr"),
    "summit_rabat_en": (SUMMIT_EN, "Morocco hosts national AI conference", "en"),
    "cooperation_maroc_egypte_fr": (EGYPT_FR, None, "fr"),
    "dgsn_can_ia_fr": (DGSN_CAN_FR, None, "fr"),
    "banque_chatbot_fr": (BANK_CHATBOT_FR, "Une banque marocaine lance un assistant IA", "fr"),
    "breve_map_fr": (BRIEF_MAP_FR, "Une loi pour encadrer l'IA dans l'administration", "fr"),
    "fragments_arabes_fr": (MIXED_AR_FR, None, "fr"),
}

OFF_TOPIC = {
    "football_une_mention_ia": (FOOTBALL_FR, "Les Lions de l'Atlas qualifiés", "fr"),
    "alerte_meteo": (WEATHER_FR, "Alerte météo : vague de chaleur", "fr"),
    "debat_budget_liste_ia": (BUDGET_FR, "PLF 2026 : le débat s'ouvre", "fr"),
    "mode_caftan": (FASHION_FR, "Caftan Week à Marrakech", "fr"),
    "ia_chinoise_sans_maroc": (DEEPSEEK_FR, "DeepSeek : le chatbot chinois", "fr"),
    "openai_sans_maroc_en": (OPENAI_EN, "OpenAI releases new model", "en"),
    "tourisme_ia_dans_une_liste": (TOURISM_LIST_FR, "Tourisme : record", "fr"),
    "immobilier": (REAL_ESTATE_FR, None, "fr"),
    "secheresse_en": (DROUGHT_EN, "Morocco dams at 28%", "en"),
}


@pytest.mark.parametrize(("text", "title", "language"), list(RELEVANT.values()), ids=list(RELEVANT))
def test_relevant_articles_score_above_threshold(
    text: str, title: str | None, language: str
) -> None:
    score = relevance_score(text, title, language)
    assert is_relevant(score), f"score {score:.3f}"
    assert score >= 0.7


@pytest.mark.parametrize(
    ("text", "title", "language"), list(OFF_TOPIC.values()), ids=list(OFF_TOPIC)
)
def test_off_topic_articles_score_below_threshold(
    text: str, title: str | None, language: str
) -> None:
    score = relevance_score(text, title, language)
    assert not is_relevant(score), f"score {score:.3f}"
    assert score < 0.3


def test_ai_without_morocco_scores_lower_than_moroccan_ai() -> None:
    foreign = relevance_score(DEEPSEEK_FR, None, "fr")
    moroccan = relevance_score(UM6P_GPU_FR, None, "fr")
    assert foreign < 0.1 < 0.9 < moroccan


def test_one_ai_mention_does_not_make_a_moroccan_story_relevant() -> None:
    features = relevance_features(FOOTBALL_FR, None, "fr", moroccan_outlet=True)
    assert features["morocco"] > 0.9
    assert features["ai"] < 0.5
    assert not is_relevant(features["score"])


# ---- Relevant although AI is one theme among several, or Morocco is never named. ----

GITEX_FR = """Le salon GITEX Africa a ouvert ses portes lundi à Marrakech pour sa troisième édition, avec
plus de 1.400 exposants et des délégations venues de 130 pays. Start-up, opérateurs télécoms,
banques et administrations y présentent leurs innovations dans le cloud, la cybersécurité, la
fintech et la ville intelligente. L'intelligence artificielle est l'un des fils rouges de
cette édition : plusieurs jeunes pousses marocaines montrent des outils de traduction et de
diagnostic. Le ministère de la Transition numérique a signé des conventions pour accompagner
les start-up et accélérer la transformation digitale des services publics, dans le cadre de
la stratégie Maroc Digital 2030. Les organisateurs attendent 45.000 visiteurs en trois jours.
"""

DIGITAL_STRATEGY_FR = """La stratégie Maroc Digital 2030 entre dans sa deuxième année. Le gouvernement a présenté le
bilan de la transformation numérique de l'administration : portails en ligne, dématérialisation
des procédures et raccordement des écoles rurales à la fibre. Le plan prévoit aussi de former
des milliers de jeunes aux métiers du numérique, de soutenir 3.000 start-up et de faire de
l'intelligence artificielle un axe transversal de la modernisation des services publics. Les
opérateurs ont insisté sur la couverture 5G, le cloud souverain et la cybersécurité.
"""

COMPANIES_FR = """Les entreprises adoptent l'intelligence artificielle à grande vitesse : selon une enquête
auprès de 300 dirigeants, deux sur trois utilisent déjà l'IA générative pour le service client,
la rédaction de contrats ou l'analyse de données. Les directions des ressources humaines
s'inquiètent du manque de compétences et de la protection des données. Les experts
recommandent une charte interne d'usage de l'IA et des formations pour les équipes avant de
déployer des agents IA dans les processus critiques.
"""


@pytest.mark.parametrize(
    ("text", "title", "moroccan_outlet"),
    [
        (GITEX_FR, "GITEX Africa : la tech africaine au rendez-vous", False),
        (DIGITAL_STRATEGY_FR, "Maroc Digital 2030 : un premier bilan", True),
        (COMPANIES_FR, "L'IA s'installe dans les entreprises", True),
    ],
    ids=["tech_fair_ai_one_theme", "digital_strategy_ai_one_axis", "moroccan_outlet_no_morocco"],
)
def test_relevant_when_ai_is_one_theme_or_the_outlet_is_moroccan(
    text: str, title: str, moroccan_outlet: bool
) -> None:
    assert is_relevant(relevance_score(text, title, "fr", moroccan_outlet))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (FOOTBALL_FR, None),
        (WEATHER_FR, None),
        (BUDGET_FR, None),
        (DEEPSEEK_FR, None),
        (OPENAI_EN, None),
    ],
    ids=["sport", "weather", "budget", "ai_in_china", "ai_in_the_us"],
)
def test_a_moroccan_outlet_never_makes_a_clear_negative_relevant(
    text: str, title: str | None
) -> None:
    assert relevance_score(text, title, "fr", moroccan_outlet=True) < 0.45


def test_the_packaged_model_is_the_fit_of_the_packaged_training_rows() -> None:
    assert fit_model(training_rows()) == load_model()


def test_the_model_reads_as_expected() -> None:
    coefficients = load_model().coefficients
    assert set(coefficients) == set(MODEL_INPUTS)
    assert coefficients["ai"] > 0 and coefficients["morocco"] > 0
    assert coefficients["context"] > 0 and coefficients["elsewhere"] < 0


def test_the_model_fits_its_training_rows() -> None:
    model = load_model()
    rows = training_rows()
    wrong = [
        row["case"]
        for row in rows
        if (_linear_score(row, model) >= 0.0) != (row["relevant"] == "1")
    ]
    assert len(wrong) <= len(rows) // 20, wrong


def _linear_score(row: dict[str, str], model: Model) -> float:
    """The model's log-odds for one training row (>= 0: probability >= 0.5)."""
    inputs = model_inputs({c: float(row[c]) for c in EVIDENCE_COLUMNS})
    return model.intercept + sum(model.coefficients[n] * inputs[n] for n in MODEL_INPUTS)


@pytest.mark.parametrize(
    ("title", "expected_more"),
    [("Le Maroc mise sur l'intelligence artificielle", True), ("Brève", False)],
    ids=["title_about_ai_in_morocco", "neutral_title"],
)
def test_title_mentions_count_extra(title: str, expected_more: bool) -> None:
    base = relevance_features(TOURISM_LIST_FR, None, "fr")["score"]
    with_title = relevance_features(TOURISM_LIST_FR, title, "fr")["score"]
    assert (with_title > base + 0.2) is expected_more


@pytest.mark.parametrize(
    ("text", "label", "count"),
    [
        ("Le plan national pour l'IA est lancé.", "IA", 1),
        ("La VIA ferrata et le mot via ne sont pas l'IA.", "IA", 1),
        ("Une ia écrite en minuscules ne compte pas.", "IA", 0),
        ("L’IA et l'IA générative.", "IA", 2),
        ("Londres, capitale du Royaume-Uni, et le Royaume hachémite.", "Royaume", 0),
        ("Le Royaume accélère sa transition.", "Royaume", 1),
        ("Un plat salé, pas la ville.", "ville marocaine", 0),
        ("Un rabat de 10% à Salé.", "ville marocaine", 1),
        ("Les entreprises MAROCAINES et le Maroc.", "Maroc / marocain", 2),
        ("The United Kingdom and the Kingdom of Spain.", "Royaume", 0),
    ],
    ids=[
        "ia_acronym",
        "ia_not_inside_words",
        "ia_lowercase_ignored",
        "ia_typographic_apostrophe",
        "other_kingdoms_fr",
        "le_royaume",
        "sale_adjective_not_city",
        "rabat_discount_not_city",
        "case_and_accent_insensitive",
        "other_kingdoms_en",
    ],
)
def test_lexicon_matches(text: str, label: str, count: int) -> None:
    assert matched_terms(text, "fr").get(label, 0) == count


@pytest.mark.parametrize(
    ("text", "title"),
    [("", None), ("", ""), ("   \n", "Maroc")],
    ids=["empty", "empty_title", "blank_text_title_only"],
)
def test_empty_texts_are_not_relevant(text: str, title: str | None) -> None:
    assert relevance_score(text, title, None) < 0.01


def test_features_explain_the_score() -> None:
    features = relevance_features(STRATEGY_FR, "Feuille de route IA", "fr")
    model = load_model()
    z = model.intercept + sum(model.coefficients[n] * features[n] for n in MODEL_INPUTS)
    assert features["score"] == pytest.approx(1.0 / (1.0 + math.exp(-z)))
    assert 0.0 <= features["score"] <= 1.0
    assert features["ai_title_hits"] == pytest.approx(1.0)
    assert features["words"] > 200


@pytest.mark.parametrize("threshold", [-0.1, 1.5], ids=["negative", "above_one"])
def test_is_relevant_rejects_bad_threshold(threshold: float) -> None:
    with pytest.raises(ParameterError, match="threshold"):
        is_relevant(0.5, threshold)


@pytest.mark.parametrize(
    "text",
    [
        STRATEGY_FR,
        SUMMIT_EN,
        EGYPT_FR,
        "big data, data centres et bigdata : la data du Maroc au data center de Rabat.",
        "xchat gpt-4 et ChatGPT, chat gpt, GPT4o ; agents IA et agent intelligent.",
        "L’IA, l‘IA, l`IA et l´IA : modèles d’IA, modèle d'intelligence.",
        "Le Royaume-Uni, le Royaume, United Kingdom, Kingdom of Spain, the Kingdom.",
        "IAIA IA-IA l'IA IAG GenIA A.I. AI.AI LLMs SLM NLP TALN GPU TPUs MAP MAPS",
        "الذكاء الاصطناعي في المغرب وبالمغرب والمغربية",
        "maroc marocains marocaine Marrakech Marrakesh Fès Fez Fes Ben Guerir El Jadida",
    ],
    ids=[
        "strategy",
        "summit",
        "egypt",
        "overlapping",
        "chatbots",
        "apostrophes",
        "kingdoms",
        "acronyms",
        "arabic",
        "places",
    ],
)
def test_matched_terms_count_like_one_findall_per_term(text: str) -> None:
    exact = APOSTROPHES.sub("'", unicodedata.normalize("NFC", text))
    for language in (None, "fr", "en", "es", "ar"):
        expected = {}
        for term in ALL_TERMS:
            if term.languages is None or language is None or language in term.languages:
                matches = term.pattern.findall(fold(exact) if term.folded else exact)
                if matches:
                    expected[term.label] = len(matches)
        assert matched_terms(text, language) == expected
