"""Noise classifier: each kind of page furniture goes, every article sentence stays."""

from __future__ import annotations

import pytest

from helpers.errors import ParameterError
from helpers.ingest.clean import CleanResult, clean_text, line_key, repeated_keys, split_blocks

TITLE = "Rabat dévoile sa feuille de route pour l'intelligence artificielle"
DATELINE = "Publié le 12/03/2025 à 10h30"
BYLINE = "Par Salma Bennani"
P1 = (
    "Le ministère de la Transition numérique a présenté mardi à Rabat une feuille de route "
    "consacrée à l'intelligence artificielle, avec un budget de 1,2 milliard de dirhams sur "
    "cinq ans."
)
P2 = (
    "Selon la ministre, le plan doit former 20 000 ingénieurs d'ici 2030 et soutenir les "
    "start-up qui développent des modèles adaptés à l'arabe et à l'amazighe."
)
SUBHEAD = "Un cadre éthique attendu"
P3 = (
    "Les participants ont insisté sur la protection des données personnelles, en rappelant que "
    "la loi 09-08 devra être mise à jour pour tenir compte des systèmes d'apprentissage "
    "automatique."
)
P4 = (
    "« Nous voulons une IA utile au citoyen », a déclaré le directeur de l'agence, qui annonce "
    "un premier appel à projets pour le 15 septembre 2025."
)
ARTICLE = [P1, P2, SUBHEAD, P3, P4]

TICKER_HEADLINES = [
    "Inflation : les prix reculent en février",
    "Casablanca accueille un salon de l'automobile",
    "Football : le Raja s'impose à domicile",
    "Météo : des averses attendues sur le Nord",
    "Tanger Med bat un nouveau record de trafic",
    "Agriculture : la campagne céréalière s'annonce moyenne",
    "Le dirham se stabilise face à l'euro",
    "Festival de Fès : la programmation dévoilée",
    "Santé : une nouvelle clinique à Oujda",
    "Tourisme : Marrakech affiche complet pour les vacances",
    "Éducation : la réforme du baccalauréat adoptée",
    "Énergie : un parc éolien inauguré près d'Essaouira",
    "Transport : le TGV prolongé jusqu'à Marrakech",
    "Justice : un procès reporté à Rabat",
    "Culture : une exposition consacrée à la calligraphie",
    "Économie : la Bourse de Casablanca termine en hausse",
    "Immobilier : les ventes reprennent à Agadir",
    "Pêche : le repos biologique du poulpe prolongé",
    "Sport : le marathon de Rabat bat son record",
    "Emploi : le chômage des jeunes en légère baisse",
]
TICKER_NBSP = "\u00a0\u00a0\u00a0\u00a0".join(TICKER_HEADLINES)
TICKER_PIPES = " | ".join(TICKER_HEADLINES[:8])
TEASERS = [
    "Articles similaires",
    "Le Maroc mise sur les centres de données verts",
    "Le gouvernement a annoncé la construction de deux centres de données alimentés par "
    "l'énergie solaire, qui devraient entrer en service d'ici...",
    "Dakhla accueille un forum sur l'économie numérique",
    "Pendant trois jours, décideurs et investisseurs ont débattu des perspectives offertes par "
    "la transformation numérique dans les provinces du…",
    "Les banques marocaines adoptent les assistants virtuels",
    "Plusieurs établissements bancaires ont lancé des assistants conversationnels pour répondre "
    "aux questions des clients en darija et en...",
]
CART_UI = [
    "Ajouter au panier",
    "Add to Cart failed.",
    "Add to Wish List failed.",
    "Adding to library failed",
    "Narrated by:",
    "Écouter",
    "Partager sur Facebook",
]
COOKIE = (
    "Nous utilisons des cookies pour améliorer votre expérience sur notre site. En poursuivant "
    "votre navigation, vous acceptez leur utilisation."
)
PAYWALL = [
    "Cet article est réservé aux abonnés. Déjà abonné ? Connectez-vous.",
    "Abonnez-vous à partir de 10 dirhams par mois et accédez à tous nos contenus.",
]
COMMENT_FORM = [
    "Laisser un commentaire",
    "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    "Commentaire *",
    "Nom *",
    "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.",
]
REPORT_WIDGET = [
    "Signaler un abus",
    "Merci pour votre signalement !",
    "Ce contenu sera masqué après plusieurs signalements.",
]
AUTHOR_BLURB = (
    "Journaliste spécialisée dans l'économie numérique et les politiques publiques, elle couvre "
    "depuis dix ans les… En savoir plus sur l'auteure"
)
TAGS = [
    "intelligence artificielle, Maroc, transition numérique, données personnelles, start-up, Rabat",
    "#IA #Maroc #Innovation #Tech #Afrique",
    "Tags : IA, Maroc, innovation, emploi",
]
FOOTER = [
    "© 2025 Le Journal Numérique. Tous droits réservés.",
    "Click here to read the original article.",
    "Mentions légales | Contact | Publicité | Plan du site",
    "www.exemple.ma www.autre-site.com www.troisieme-site.net",
]
TWEET = (
    "Le Maroc lance son programme national d'IA pic.twitter.com/AbC123xyz — Ministère du "
    "Numérique (@MinNumMaroc) July 1, 2025"
)
VIDEO_NOTICE = (
    "Une vidéo vient d'être partagée par nos lecteurs et sera publiée après vérification par "
    "la rédaction."
)
COMMENT = (
    "Très bonne initiative, il faut maintenant passer à l'action sur le terrain et former "
    "les jeunes."
)
READ_ALSO = "Lire aussi : Le Gitex Africa revient à Marrakech"
ENGLISH_NOISE = [
    "Related articles",
    "Read more",
    "Subscribe to our newsletter",
    "Sign in to comment",
    "Share on Twitter",
]


EN_TITLE = "Morocco unveils its national artificial intelligence roadmap"
# A dateline longer than a byline: published and updated, each with its time.
LONG_DATELINE = "Publié le 14 mars 2025 à 17:20 - Mis à jour le 15 mars 2025 à 09:02"
# A photo caption closed by its credit, the photographer's initial without a colon.
CREDITED_CAPTION = "Au ministère de la Transition numérique, à Rabat. Ph. Sradni"
EN_ARTICLE = [
    "Morocco's digital transition ministry presented on Tuesday in Rabat a roadmap for "
    "artificial intelligence, with a budget of 1.2 billion dirhams over five years.",
    "According to the minister, the plan aims to train 20,000 engineers by 2030 and to "
    "support the start-ups that are building models for Arabic and Amazigh.",
    "A call for projects will open on September 15, and the first grants are expected to be "
    "awarded before the end of the year, the agency said in a statement.",
]


def page(*parts: str | list[str]) -> str:
    """A page dump: the parts one per line, lists flattened."""
    lines: list[str] = []
    for part in parts:
        lines.extend(part if isinstance(part, list) else [part])
    return "\n".join(lines)


def assert_article_only(result: CleanResult, article: list[str], noise: list[str]) -> None:
    """Every article line is a body block, no noise line is in the body."""
    body_blocks = [b.text for b in result.blocks if b.label == "body"]
    for line in article:
        assert line in body_blocks, f"article line lost: {line!r}"
    for line in noise:
        assert line not in result.body, f"noise kept: {line!r}"


@pytest.mark.parametrize(
    ("text", "noise"),
    [
        (page(TICKER_NBSP, TITLE, DATELINE, ARTICLE), TICKER_HEADLINES),
        (page(TICKER_PIPES, TITLE, ARTICLE), TICKER_HEADLINES[:8]),
        (page(TICKER_HEADLINES[:8], TITLE, DATELINE, ARTICLE), TICKER_HEADLINES[:8]),
        (page(TITLE, ARTICLE, "", TEASERS), TEASERS),
        (page(TITLE, CART_UI, ARTICLE), CART_UI),
        (page(COOKIE, TITLE, ARTICLE), [COOKIE]),
        (page(TITLE, ARTICLE, COOKIE), [COOKIE]),
        (page(TITLE, ARTICLE, PAYWALL), PAYWALL),
        (page(TITLE, ARTICLE, COMMENT_FORM), COMMENT_FORM),
        (page(REPORT_WIDGET, TITLE, BYLINE, ARTICLE), REPORT_WIDGET),
        (page(TITLE, ARTICLE, AUTHOR_BLURB), [AUTHOR_BLURB]),
        (page(TITLE, ARTICLE, TAGS), TAGS),
        (page(TITLE, ARTICLE, FOOTER), FOOTER),
        (page(TITLE, P1, P2, TWEET, SUBHEAD, P3, P4), [TWEET]),
        (page(TITLE, P1, P2, READ_ALSO, SUBHEAD, P3, P4), [READ_ALSO]),
        (
            page(
                TITLE, P1, SUBHEAD, P2, "Lire aussi", "Le Gitex Africa revient à Marrakech", P3, P4
            ),
            ["Lire aussi", "Le Gitex Africa revient à Marrakech"],
        ),
        (page(TITLE, P1, P2, "Publicité", SUBHEAD, P3, P4), ["Publicité"]),
        (page(TITLE, ARTICLE, ENGLISH_NOISE), ENGLISH_NOISE),
        (page(TITLE, P1, "Photo : MAP / DR", P2, SUBHEAD, P3, P4), ["Photo : MAP / DR"]),
        (page(TITLE, ARTICLE, "Articles similaires", EN_TITLE, EN_ARTICLE), EN_ARTICLE),
        (
            page(TITLE, ARTICLE, "Commentaires", "Ahmed - 13/03/2025 à 10h", COMMENT),
            ["Ahmed - 13/03/2025 à 10h", COMMENT],
        ),
    ],
    ids=[
        "ticker_nbsp_line_of_20",
        "ticker_pipes",
        "ticker_short_lines",
        "related_teaser_pairs",
        "cart_and_player_ui",
        "cookie_banner_before",
        "cookie_banner_after",
        "paywall",
        "comment_form",
        "report_widget",
        "author_blurb",
        "tag_lists",
        "footer_copyright_links_domains",
        "embedded_tweet_mid_article",
        "inline_read_also",
        "bare_read_also_then_headline",
        "ad_label_mid_article",
        "english_widgets",
        "photo_caption_mid_article",
        "full_article_after_related_heading",
        "reader_comments",
    ],
)
def test_noise_goes_article_stays(text: str, noise: list[str]) -> None:
    result = clean_text(text)
    assert_article_only(result, ARTICLE, noise)
    assert result.title == TITLE


@pytest.mark.parametrize(
    "caption",
    [CREDITED_CAPTION, "Le stand du Maroc au salon. Photo : Y. Toumi", "Vue du salon (Photo MAP)"],
    ids=["ph_initial_no_colon", "photo_colon", "photo_in_brackets"],
)
def test_a_line_closed_by_a_photo_credit_is_a_caption(caption: str) -> None:
    result = clean_text(page(TITLE, BYLINE, DATELINE, caption, ARTICLE))
    assert {b.text: b.reason for b in result.blocks}[caption] == "caption"
    assert result.title == TITLE
    assert_article_only(result, ARTICLE, [caption])


def test_inline_read_also_leaves_the_article_whole() -> None:
    result = clean_text(page(TITLE, P1, P2, READ_ALSO, P3, P4))
    assert result.body == "\n\n".join([P1, P2, P3, P4])


def test_english_page() -> None:
    text = page(EN_TITLE, "By John Smith | Published July 1, 2025", EN_ARTICLE, ENGLISH_NOISE)
    result = clean_text(text, language="en")
    assert_article_only(result, EN_ARTICLE, ENGLISH_NOISE)
    assert result.title == EN_TITLE
    meta = [b.text for b in result.blocks if b.label == "meta"]
    assert meta == ["By John Smith", "Published July 1, 2025"]


@pytest.mark.parametrize(
    ("lines", "meta"),
    [
        ([TITLE, DATELINE, *ARTICLE], [DATELINE]),
        ([TITLE, BYLINE, DATELINE, *ARTICLE], [BYLINE, DATELINE]),
        (
            [TITLE, "Rédigé par la rédaction le Jeudi 13 Mars 2025", *ARTICLE],
            ["Rédigé par la rédaction le Jeudi 13 Mars 2025"],
        ),
        (
            [TITLE, *ARTICLE, "Le 13/03/2025", "Rédaction de lejournal"],
            ["Le 13/03/2025", "Rédaction de lejournal"],
        ),
        (
            [TITLE, BYLINE, LONG_DATELINE, *ARTICLE],
            [BYLINE, LONG_DATELINE],
        ),
        ([TITLE, *ARTICLE, "Articles similaires", "Le 14/03/2025", TEASERS[1], TEASERS[2]], []),
        (
            [
                TICKER_NBSP + "\u00a0\u00a0\u00a0\u00a0Cours des devises du 12 mars 2025",
                TITLE,
                *ARTICLE,
            ],
            [],
        ),
    ],
    ids=[
        "dateline_after_title",
        "byline_and_dateline",
        "redige_par",
        "date_and_newsroom_after_article",
        "published_and_updated_with_times",
        "date_in_related_section_is_not_meta",
        "date_in_ticker_is_not_meta",
    ],
)
def test_meta_lines(lines: list[str], meta: list[str]) -> None:
    result = clean_text(page(lines))
    assert [b.text for b in result.blocks if b.label == "meta"] == meta
    assert result.title == TITLE
    assert_article_only(result, ARTICLE, meta)


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        ([TITLE, P1, "Les chiffres clés", P2, P3], [P1, "Les chiffres clés", P2, P3]),
        (
            [TITLE, P1, "Le projet sera lancé en 2026.", P2],
            [P1, "Le projet sera lancé en 2026.", P2],
        ),
        ([TITLE, P1, P2, "Affaire à suivre de près."], [P1, P2, "Affaire à suivre de près."]),
        (
            [
                TITLE,
                P1,
                "Trois priorités ont été retenues :",
                "- la formation",
                "- les données",
                "- le calcul",
                P2,
            ],
            [
                P1,
                "Trois priorités ont été retenues :",
                "- la formation",
                "- les données",
                "- le calcul",
                P2,
            ],
        ),
        (
            [
                TITLE,
                P1,
                "Le ministre a conclu sur une note d'espoir, laissant la question "
                "ouverte pour la suite des travaux et des négociations...",
                P2,
            ],
            [
                P1,
                "Le ministre a conclu sur une note d'espoir, laissant la question ouverte pour "
                "la suite des travaux et des négociations...",
                P2,
            ],
        ),
        (
            [
                TITLE,
                P1,
                "وقالت الوزيرة إن المغرب يطمح إلى أن يصبح قطبا إقليميا في مجال الذكاء "
                "الاصطناعي بحلول سنة 2030، وذلك بفضل الاستثمار في تكوين المهندسين والباحثين.",
                P2,
            ],
            [
                P1,
                "وقالت الوزيرة إن المغرب يطمح إلى أن يصبح قطبا إقليميا في مجال الذكاء الاصطناعي "
                "بحلول سنة 2030، وذلك بفضل الاستثمار في تكوين المهندسين والباحثين.",
                P2,
            ],
        ),
        (
            [
                TITLE,
                P1,
                "Sentence one of a paragraph.   Sentence two follows here.   And three.",
                P2,
            ],
            [P1, "Sentence one of a paragraph.   Sentence two follows here.   And three.", P2],
        ),
    ],
    ids=[
        "subheading_between_paragraphs",
        "short_sentence_between_paragraphs",
        "short_final_sentence",
        "list_after_colon",
        "paragraph_trailing_off",
        "arabic_paragraph",
        "spaced_sentences_are_not_a_ticker",
    ],
)
def test_article_pieces_are_kept(lines: list[str], kept: list[str]) -> None:
    result = clean_text(page(lines))
    assert [b.text for b in result.blocks if b.label == "body"] == kept


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ([TITLE, *ARTICLE], TITLE),
        (["", "  " + TITLE + "  ", "", *ARTICLE], TITLE),
        ([TICKER_NBSP, TITLE, DATELINE, *ARTICLE], TITLE),
        ([*CART_UI, TITLE, *CART_UI, *ARTICLE], TITLE),
        ([*ARTICLE], None),
        ([TICKER_NBSP, *ARTICLE], None),
        ([TITLE, *ARTICLE, *TEASERS], TITLE),
        ([COOKIE, TITLE, DATELINE, *ARTICLE], TITLE),
        ([*TICKER_HEADLINES[:6], *ARTICLE], None),
    ],
    ids=[
        "first_line",
        "padded_with_blank_lines",
        "after_ticker",
        "among_ui_strings",
        "no_headline",
        "ticker_is_never_title",
        "teasers_after_article",
        "good_prose_before_title_is_cut",
        "unrelated_headline_list_is_not_title",
    ],
)
def test_title(lines: list[str], title: str | None) -> None:
    result = clean_text(page(lines))
    assert result.title == title
    assert (title or "") not in result.body or title is None
    assert_article_only(result, [p for p in ARTICLE if p != SUBHEAD], [])


def test_blocks_are_exact_spans_and_counts_add_up() -> None:
    text = page(TICKER_NBSP, "", TITLE, DATELINE, "", ARTICLE, "", TEASERS, FOOTER)
    result = clean_text(text)
    for block in result.blocks:
        assert text[block.start : block.end] == block.text
        assert block.text == block.text.strip()
    total = sum(len(b.text) for b in result.blocks)
    assert result.chars_kept == len("".join(ARTICLE))
    assert result.chars_kept + result.chars_removed == total
    assert result.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("texts", "kept", "dropped"),
    [
        (
            [page(TITLE, ARTICLE, VIDEO_NOTICE), page(EN_TITLE, EN_ARTICLE, VIDEO_NOTICE)],
            ARTICLE,
            [VIDEO_NOTICE],
        ),
        (
            [page(TITLE, ARTICLE), page("Autre titre de la même dépêche MAP", ARTICLE)],
            ARTICLE,
            [],
        ),
    ],
    ids=["boilerplate_repeated_across_files", "syndicated_copy_keeps_its_body"],
)
def test_corpus_repetition(texts: list[str], kept: list[str], dropped: list[str]) -> None:
    repeated = repeated_keys(texts)
    result = clean_text(texts[0], repeated)
    assert_article_only(result, kept, dropped)
    reasons = {b.text: b.reason for b in result.blocks}
    for line in dropped:
        assert reasons[line] == "repeated"
        assert line in clean_text(texts[0]).body  # only the repetition gives it away


def test_a_headline_other_pages_list_as_a_teaser_stays_the_title() -> None:
    """Page B lists page A's headline among its related articles: the line repeats across
    the corpus, yet right above A's article it is A's title."""
    own = page("Accueil | Économie | Tech", TITLE, ARTICLE)
    other = page("Accueil | Économie | Tech", EN_TITLE, EN_ARTICLE, "Articles similaires", TITLE)
    repeated = repeated_keys([own, other])
    assert line_key(TITLE) in repeated
    assert clean_text(own, repeated).title == TITLE
    assert TITLE not in clean_text(other, repeated, "en").body


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Un\nDeux\n\n  Trois  ", ["Un", "Deux", "Trois"]),
        ("Titre A   Titre B   Titre C", ["Titre A", "Titre B", "Titre C"]),
        (
            "Titre A\u00a0\u00a0\u00a0\u00a0Titre B\u00a0\u00a0\u00a0\u00a0Titre C",
            ["Titre A", "Titre B", "Titre C"],
        ),
        ("Titre A | Titre B • Titre C", ["Titre A", "Titre B", "Titre C"]),
        ("Le Journal | Accueil", ["Le Journal", "Accueil"]),
        (
            "Phrase une.   Phrase deux.   Phrase trois.",
            ["Phrase une.   Phrase deux.   Phrase trois."],
        ),
        ("\r\n \t\n", []),
        (
            "Titre A\t\u2009\u202fTitre B\u3000\u3000\u3000Titre C",
            ["Titre A", "Titre B", "Titre C"],
        ),
        ("Titre A  Titre B  Titre C", ["Titre A  Titre B  Titre C"]),
        ("Titre A|Titre B|Titre C", ["Titre A|Titre B|Titre C"]),
        ("   Titre A   Titre B   ", ["Titre A", "Titre B"]),
    ],
    ids=[
        "lines",
        "spaces_ticker",
        "nbsp_ticker",
        "pipe_and_bullet",
        "two_short_segments",
        "spaced_sentences",
        "blank",
        "thin_and_ideographic_spaces",
        "two_spaces_do_not_separate",
        "bars_need_spaces",
        "separators_at_the_edges",
    ],
)
def test_split_blocks(text: str, pieces: list[str]) -> None:
    assert [text[s:e] for s, e in split_blocks(text)] == pieces


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Merci d'avoir voté !", "MERCI D’AVOIR VOTÉ", True),
        ("© 2024 Le Journal", "© 2025 Le Journal", True),
        ("Lire aussi", "Lire encore", False),
        ("Été à Rabat", "ete a rabat", True),
        ("Édition ٢٠٢٤ du salon", "edition 2025 du salon", True),
        ("ﬁnance², page 3", "finance2 page 7", True),
    ],
    ids=[
        "case_quotes_punctuation",
        "digits",
        "different_words",
        "accents",
        "arabic_digits",
        "nfkd",
    ],
)
def test_line_key(a: str, b: str, same: bool) -> None:
    assert (line_key(a) == line_key(b)) is same


def test_line_key_of_punctuation_only_is_empty() -> None:
    assert line_key(" - * - ") == ""


@pytest.mark.parametrize(
    ("line", "label", "reason"),
    [
        ("Contact : redaction@journal.ma – www.journal.ma", "noise", "urls"),
        ("Source : https://www.le360.ma/economie/ia-maroc", "noise", "urls"),
        (
            "Le site lematin.ma a publié samedi un long dossier consacré à la stratégie "
            "numérique du pays.",
            "body",
            "body",
        ),
        ("Suivez-nous sur Facebook, Twitter et Instagram", "noise", "ui"),
        ("Lire la suite…", "noise", "ui"),
        ("Les ministres ont parlé de l'IA à Rabat hier soir...", "noise", "teaser"),
        ("— Ghita Bennani (@ghitab) July 1, 2025", "noise", "embed"),
        ("A post shared by L'Économiste (@leconomiste)", "noise", "embed"),
        ("Une publication partagée par Médias24", "noise", "embed"),
        ("pic.twitter.com/AbCdEf", "noise", "embed"),
        ("IA, Maroc, Rabat, Numérique, Startups", "noise", "tags"),
        ("© 2025 Le Journal. Tous droits réservés.", "noise", "footer"),
    ],
    ids=[
        "email_and_domain",
        "url",
        "domain_in_a_sentence",
        "follow_us",
        "read_more",
        "trailing_ellipsis",
        "tweet_signature",
        "instagram_en",
        "instagram_fr",
        "tweet_picture",
        "tags",
        "copyright",
    ],
)
def test_line_inside_an_article(line: str, label: str, reason: str) -> None:
    result = clean_text("\n".join([P1, P2, line, P3, P4]))
    block = next(b for b in result.blocks if b.text == line)
    assert (block.label, block.reason) == (label, reason)


def test_repeated_keys_counts_files_not_lines() -> None:
    texts = ["Publicité\nPublicité\nA", "B\nPublicité", "Lire aussi\nC", "Lire aussi"]
    assert repeated_keys(texts) == {"publicite", "lire aussi"}
    assert repeated_keys(texts, min_files=3) == frozenset()


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: repeated_keys(["a"], min_files=1), "min_files"),
        (lambda: clean_text("texte", language="de"), "language"),
    ],
    ids=["min_files_below_2", "unknown_language"],
)
def test_bad_parameters(call: object, name: str) -> None:
    with pytest.raises(ParameterError) as excinfo:
        call()  # type: ignore[operator]
    assert excinfo.value.name == name


@pytest.mark.parametrize("text", ["", "\n\n  \n"], ids=["empty", "blank"])
def test_empty_text(text: str) -> None:
    assert clean_text(text) == CleanResult("", None, (), 0, 0)


def test_only_noise_gives_empty_body() -> None:
    result = clean_text(page(TICKER_NBSP, CART_UI, FOOTER))
    assert result.body == ""
    assert result.title is None
    assert all(b.label == "noise" for b in result.blocks)


# ---- Page shapes of real dumps: date prefixes, captions, site names, ledes, read-also. ----

TEASER_HEADLINE = "Tourisme : Agadir accueille un million de visiteurs en 2025"
TEASER_SENTENCE = (
    "La ville a enregistré une hausse de fréquentation portée par les nouvelles lignes "
    "aériennes, selon le conseil régional du tourisme."
)


@pytest.mark.parametrize(
    ("text", "title", "noise"),
    [
        pytest.param(
            page(" date 2025-07 " + TITLE, ARTICLE),
            TITLE,
            ["date 2025-07"],
            id="date_prefix_on_title",
        ),
        pytest.param(page("2025-07-01", TITLE, ARTICLE), TITLE, ["2025-07-01"], id="bare_iso_line"),
        pytest.param(
            page(TITLE, "Ghita Alaoui lors de la présentation du plan à Rabat. DR", ARTICLE),
            TITLE,
            ["Ghita Alaoui lors de la présentation du plan à Rabat. DR"],
            id="caption_credit_dr",
        ),
        pytest.param(
            page(TITLE, "La ministre à la tribune. Crédit: Rachid T.", ARTICLE),
            TITLE,
            ["La ministre à la tribune. Crédit: Rachid T."],
            id="caption_credit_named",
        ),
        pytest.param(page("TelQuel", TITLE, ARTICLE), TITLE, ["TelQuel"], id="site_name_line"),
        pytest.param(
            page(
                TITLE,
                ARTICLE,
                "À lire aussi : " + TEASER_HEADLINE,
                TEASER_HEADLINE,
                TEASER_SENTENCE,
            ),
            TITLE,
            ["À lire aussi", TEASER_SENTENCE],
            id="read_also_then_whole_sentence_teaser",
        ),
    ],
)
def test_real_page_shapes(text: str, title: str, noise: list[str]) -> None:
    result = clean_text(text)
    assert_article_only(result, ARTICLE, noise)
    assert result.title == title


LEDE = (
    "Rabat a présenté mardi sa feuille de route pour l'intelligence artificielle, qui doit "
    "former des milliers d'ingénieurs d'ici 2030."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(page(" date 2025-07 " + LEDE, TITLE, BYLINE, ARTICLE), id="lede_title_byline"),
        pytest.param(
            page("Menu", " date 2025-07 " + LEDE, "", TITLE, DATELINE, ARTICLE), id="menu_first"
        ),
    ],
)
def test_a_lede_above_its_headline_stays_in_the_body(text: str) -> None:
    result = clean_text(text)
    assert result.title == TITLE
    assert [b.reason for b in result.blocks if b.text == LEDE] == ["lede"]
    assert result.body.startswith(LEDE)
