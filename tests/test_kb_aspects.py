"""Answer the asked aspect, or refuse (dteam.kb.aspects, issue 10 part 4)."""

import pytest

from dteam.kb import build_knowledge_base
from dteam.kb.aspects import Aspect, asked_aspects, refusal_text, uncovered_aspect
from dteam.kb.retrieval import KIND_ANSWER, KIND_NO_ANSWER, aspect_text, question_parts

LOTSE = "Ein digitaler Lotse steuert digitale Themen und Projekte und macht sie für Kolleg:innen greifbar."


def kinds(question):
    return [aspect.kind for aspect in asked_aspects(question)]


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Was kostet ein digitaler Lotse?", "cost"),
        ("Wie hoch ist das Gehalt eines CDO?", "cost"),
        ("Wie viele Gemeinden in Sachsen haben mitgemacht?", "state"),
        ("Wie weit ist Hessen mit dem OZG?", "state"),
        ("Wie viele Mitarbeitende hat die Verwaltung in Salach?", "place"),
        ("Wie viele Stellen hat der Landkreis Esslingen?", "place"),
        ("Ich bräuchte die Zahl der Beschäftigten der Stadtverwaltung Pattensen.", "place"),
        # the asked sentence points back at the state its context named
        ("Wir sind in Brandenburg. Gibt es vom Land ein Förderprogramm für die E-Akte?", "state"),
        ("Was hat sich seit 2024 beim OZG geändert?", "after_sources"),
        ("Wer ist aktuell Bürgermeister von Salach?", "after_sources"),
        ("Wann erscheint die nächste Folge des Podcasts?", "after_sources"),
        ("Wie lange dauert die Einführung einer E-Akte?", "duration"),
        ("Wer leitet eigentlich die Digitalakademie in Baden-Württemberg?", "leader"),
        ("Was die Einführung der E-Akte in Salach gekostet hat, würde mich interessieren.", "cost"),
    ],
)
def test_asked_aspects(question, kind):
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "Was ist ein digitaler Lotse?",
        "Wer hat die Studie geschrieben?",
        "Wo arbeitet Mike Weber?",
        "Wer leitet die Digitalisierung in den meisten Kommunen?",
    ],
)
def test_plain_questions_ask_no_special_aspect(question):
    assert asked_aspects(question) == []


def test_a_noun_after_stadtverwaltung_is_no_place():
    assert kinds("Wie viele in der Stadtverwaltung Beschäftigte haben eine Fortbildung gemacht?") == []


def test_the_countryside_is_no_state():
    assert kinds("Wir sind eine Gemeinde in Brandenburg. Wie digital ist man auf dem Land?") == []


def test_niedersachsen_and_sachsen_anhalt_are_not_sachsen():
    assert [a.label for a in asked_aspects("Wie ist es in Niedersachsen?")] == ["Niedersachsen"]
    assert [a.label for a in asked_aspects("Und in Sachsen-Anhalt?")] == ["Sachsen-Anhalt"]


@pytest.mark.parametrize(
    "question",
    [
        "Gibt es eine Neuauflage der Typen-Studie mit Zahlen aus der Zeit nach Corona?",
        "Was ist aus der OZG-Taskforce in Baden-Württemberg nach dem Ende der OZG-Frist geworden?",
        "Wie viele Leistungen hatte Salach am Ende tatsächlich online?",
    ],
)
def test_a_new_edition_what_became_of_something_and_after_the_deadline_are_after_the_sources(question):
    assert Aspect("after_sources") in asked_aspects(question)


def test_an_amount_in_words_is_an_amount_of_money():
    question = "Mit wie viel Geld muss eine kleine Gemeinde für eine Schulung zum Landesportal rechnen?"
    assert uncovered_aspect(question, "Die Schulung kostete einen mittleren vierstelligen Betrag.") is None
    assert uncovered_aspect(question, "Die Schulung war teuer.").kind == "cost"


def test_cost_needs_an_amount_of_money():
    assert uncovered_aspect("Was kostet ein digitaler Lotse?", LOTSE).kind == "cost"
    assert (
        uncovered_aspect("Was kostet ein digitaler Lotse?", "Der Freistaat trägt 80 % der Kosten.").kind
        == "cost"
    )
    assert uncovered_aspect("Was kostet ein digitaler Lotse?", "Eine Stelle kostet rund 60.000 Euro.") is None


def test_state_must_be_named_by_the_entry():
    question = "Gibt es in Rheinland-Pfalz mehr Community Manager?"
    assert uncovered_aspect(question, "In Rheinland-Pfalz spielt die Tradition eine Rolle.") is None
    assert (
        uncovered_aspect(question, "Community Manager fördern die Gemeinschaft.").label == "Rheinland-Pfalz"
    )


def test_the_states_one_by_one_need_an_entry_that_compares_states():
    question = "Gibt es eine Aufschlüsselung der vier Typen nach Bundesländern?"
    imprint = "Erstellt vom Fraunhofer-Institut FOKUS in Berlin und der KGSt in Köln."
    assert uncovered_aspect(question, imprint).label == "den einzelnen Bundesländern"
    lotsen = "Bayern fördert den Grundkurs Digitallotse, Sachsen hat seit 2021 Digital-Lotsen."
    assert uncovered_aspect("Welche Bundesländer fördern digitale Lotsen?", lotsen) is None


def test_place_figure_needs_the_measure_next_to_a_number():
    question = "Wie viele Einwohner hat Salach?"
    assert uncovered_aspect(question, "Salach hat weniger als 8.000 Einwohner:innen.") is None
    assert (
        uncovered_aspect(question, "Salach hat einen CDO, der 163 Leistungen priorisierte.").kind == "place"
    )


def test_how_many_take_part_is_counted_however_the_entry_names_the_people():
    entry = "Salach: 50 bis 60 % der Kolleg:innen machen beim Lunch and Learn mit."
    assert uncovered_aspect("Wie viele Leute machen in Salach beim Lunch and Learn mit?", entry) is None
    # A headcount is no share of participants, and "Mitarbeitende" must be the entry's own word.
    assert uncovered_aspect("Wie viele Leute arbeiten in Salach im Bauhof?", entry).kind == "place"
    assert uncovered_aspect("Wie viele Mitarbeitende hat Salach?", entry).kind == "place"


def test_an_entry_about_the_state_counts_its_figures_for_that_state():
    title = "Was ist die kommunale OZG-Taskforce in Baden-Württemberg?"
    body = "Begonnen mit acht Kommunen, sind heute über 140 Personen in der Taskforce. Sie sitzt im Süden."
    question = "Wie viele Personen sind in der Taskforce in Baden-Württemberg?"
    assert uncovered_aspect(question, title + "\n" + body, title, body=body) is None
    other = "Was ist die kommunale OZG-Taskforce?"
    assert uncovered_aspect(question, other + "\n" + body, other, body=body).kind == "state"


def test_a_place_entry_without_a_type_does_not_say_the_places_type():
    title = "Welche Erfahrungen macht die Stadt Nürtingen mit Digitalisierungsstellen?"
    entry = title + " Nürtingen hat eine volle Stelle für Verwaltungsdigitalisierung."
    assert uncovered_aspect("Welcher Typ ist die Stadt Nürtingen?", entry, title, about=title).kind == "place"
    typed = entry + " Die Stadt zählt zu den Optimierern."
    assert uncovered_aspect("Welcher Typ ist die Stadt Nürtingen?", typed, title, about=title) is None


def test_a_long_compound_counts_by_its_last_part():
    title = "Wie kam die Gemeinde Salach zu einem CDO?"
    entry = title + " Ein Gutachten empfahl eine eigene Stelle für die Steuerung."
    question = "Warum hat sich Salach überhaupt eine eigene Digitalstelle geleistet?"
    assert uncovered_aspect(question, entry, title, about=title) is None
    tax = "Wie hoch ist in Salach die Gewerbesteuer?"  # "Steuerung" is no "Steuer"
    assert uncovered_aspect(tax, entry, title, about=title).kind == "place"


def test_years_the_sources_forecast_are_covered():
    question = "Wie viele Fachkräfte fehlen dem Staat bis 2030?"
    assert uncovered_aspect(question, "Bis 2030 könnten eine Million Fachkräfte fehlen.") is None
    assert uncovered_aspect("Was hat sich seit 2024 geändert?", "Die Frist lief Ende 2022 ab.").kind == (
        "after_sources"
    )


def test_refusal_is_german_and_honest():
    (aspect,) = asked_aspects("Was kostet ein digitaler Lotse?")
    text = refusal_text(aspect)
    assert "meine Quellen" in text and "Kosten" in text


@pytest.fixture(scope="module")
def kb():
    return build_knowledge_base()


@pytest.mark.parametrize(
    "question",
    [
        "Was kostet ein digitaler Lotse?",
        "Wie viele Mitarbeitende hat die Verwaltung in Salach?",
        "Wie viele Gemeinden in Sachsen haben mitgemacht?",
    ],
)
def test_knowledge_base_refuses_the_neighbouring_entry(kb, question):
    answer = kb.answer(question)
    assert answer.kind == KIND_NO_ANSWER


def test_knowledge_base_offers_the_nearest_entry_for_an_uncovered_aspect(kb):
    answer = kb.answer("Was kostet ein digitaler Lotse?")
    assert answer.aspect is not None and answer.aspect.kind == "cost"
    assert "Lotse" in answer.nearest_title


@pytest.mark.parametrize(
    "question",
    [
        "Gibt es in Rheinland-Pfalz mehr Community Manager als anderswo?",
        "Welche Bundesländer fördern digitale Lotsen?",
        "Was ist ein digitaler Lotse?",
    ],
)
def test_knowledge_base_still_answers_covered_aspects(kb, question):
    assert kb.answer(question).kind == KIND_ANSWER


def test_entry_about_another_state_does_not_cover_the_asked_one():
    question = "Welcher Kommunentyp ist in Nordrhein-Westfalen am häufigsten?"
    body = "Anders als in Nordrhein-Westfalen gab es in Rheinland-Pfalz keine große Gebietsreform."
    title = "Gibt es in Rheinland-Pfalz besonders viele Community Manager?"
    assert uncovered_aspect(question, body, title).label == "Nordrhein-Westfalen"
    assert uncovered_aspect(question, body, "Wie unterscheiden sich die Länder?") is None


def test_an_organisations_own_figure_needs_an_entry_with_that_figure():
    assert asked_aspects("Wie viele Mitarbeitende hat die KGSt?") == [Aspect("organisation", "KGSt")]
    assert asked_aspects("Was macht die KGSt eigentlich?") == []  # no figure asked: answered as usual
    entry = "Die Studie stammt von ÖFIT und KGSt. 38,3 % der Kommunen beteiligen ihre Mitarbeitenden."
    assert uncovered_aspect("Wie viele Mitarbeitende hat die KGSt?", entry) == Aspect("organisation", "KGSt")
    assert (
        uncovered_aspect("Wie viele Kommunen hat die KGSt befragt?", "KGSt und ÖFIT befragten 412 Kommunen.")
        is None
    )


@pytest.mark.parametrize(
    "question",
    [
        "Wie hoch ist der Tagessatz externer Berater?",
        "Was verlangt ein IT-Dienstleister dafür im Jahr?",
        "Welche Lizenzgebühren fallen an?",
        "Wie hoch sind die Kursgebühren pro Person?",
        "was zahlt man im jahr für so nen online-mängelmelder",
        "Und wer bezahlt den?",
        "wie viel haben die optimierer-kommunen im schnitt in den glasfaserausbau investiert?",
    ],
)
def test_other_words_for_a_price_ask_for_a_cost(question):
    assert Aspect("cost") in asked_aspects(question)


def test_who_pays_is_answered_by_a_share_of_the_costs_but_not_by_a_role():
    share = "Bayern übernimmt im Programm „Digitales Rathaus“ 80 % der Kosten für den Grundkurs Digitallotse."
    assert uncovered_aspect("Wer zahlt die Ausbildung von Digitallotsen?", share) is None
    role = "Ein CDO steuert die Digitalisierung über alle Fachbereiche."
    assert uncovered_aspect("Wer bezahlt einen CDO?", role) == Aspect("cost")
    # A price is no share: "Was kostet der Grundkurs?" still needs an amount.
    assert uncovered_aspect("Was kostet der Grundkurs?", share) == Aspect("cost")


@pytest.mark.parametrize(
    "question",
    [
        "Macht Philipp Stolz heute noch den CDO in Salach?",
        "Gibt es die Taskforce immer noch?",
        "Hat die KGSt seit 2023 eine neue Umfrage gemacht?",
        "Gibt es eine neue Befragung zu den Kommunentypen?",
        # how it turned out
        "Wie viele Leute haben an der Websession dann tatsächlich teilgenommen?",
        "Wie viele haben sich die Websession am Ende tatsächlich angeschaut?",
        # whether a plan came off
        "hat salach den digitalen kick-off im dezember hingekriegt",
    ],
)
def test_whether_something_still_holds_is_after_the_sources(question):
    assert Aspect("after_sources") in asked_aspects(question)
    entry = "Philipp Stolz ist CDO in Salach; die Taskforce tagte 2021."
    assert uncovered_aspect(question, entry) is not None


@pytest.mark.parametrize(
    "question, after_sources",
    [
        # Asks what a source says: "heute" is the question's own word, not a question about today.
        ("Was zählt die Studie im Digitalen heute noch dazu?", False),
        ("Wie viele Kommunen haben laut Studie derzeit eine Digitalstrategie?", False),
        # Without the source, or with a year after the sources, it is about today.
        ("Wie viele Kommunen haben derzeit eine Digitalstrategie?", True),
        ("Was sagt die Studie zu den Zahlen von 2025?", True),
    ],
)
def test_what_a_source_says_is_no_question_about_today(question, after_sources):
    assert (Aspect("after_sources") in asked_aspects(question)) is after_sources


def test_a_place_named_in_passing_does_not_answer_what_is_asked_about_it():
    quote = "Ein Kassenleiter aus Bad Kreuznach bemängelt, dass kaum bekannt ist, was schon online geht."
    assert uncovered_aspect("Welchen Kommunentyp hat Bad Kreuznach laut Studie?", quote) is not None
    assert uncovered_aspect("Was bemängelt der Kassenleiter aus Bad Kreuznach?", quote) is None
    # Who from the place is asked: the passage that names the place names the person.
    assert uncovered_aspect("Wer aus Bad Kreuznach kommt in den Thesenpapieren zu Wort?", quote) is None
    assert uncovered_aspect("Wer aus Konstanz kommt zu Wort?", quote) is not None


def test_uncovered_topics_are_really_absent_from_entries_and_sources():
    # A topic in knowledge/uncovered_topics.yml that an entry or a source mentions would be refused
    # wrongly: the list must follow the knowledge base.
    from dteam.kb.aspects import _norm, uncovered_topics
    from dteam.paths import PROJECT_ROOT

    topics = uncovered_topics()
    assert len(topics) >= 10
    texts = list((PROJECT_ROOT / "knowledge" / "entries").rglob("*.md"))
    sources = PROJECT_ROOT.parent / "shared" / "sources"
    if sources.is_dir():
        texts += list(sources.glob("*.txt"))
    for path in texts:
        folded = _norm(path.read_text(encoding="utf-8"))
        for label, pattern in topics.items():
            assert not pattern.search(folded), (label, path.name)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Setzt irgendeine Verwaltung schon ChatGPT für Bürgeranfragen ein?", "künstlicher Intelligenz"),
        ("Wie schützen sich Kreise vor Ransomware?", "Cyberangriffen und IT-Notfällen"),
        ("Sind Linux-Arbeitsplätze bei den Optimierern verbreitet?", "Open-Source-Software"),
        ("Wie hoch war die Rücklaufquote der Befragung?", "der Rücklaufquote der Befragung"),
        ("Was regelt die DSGVO für unser Bürgerportal?", "der Datenschutz-Grundverordnung"),
        ("Wie werden wir bei Google besser gefunden?", "Suchmaschinen und Suchmaschinenoptimierung"),
        ("Welche Rechtsform hat die FITKO?", "Rechtsformen von Organisationen"),
        ("Ist die KGSt eigentlich ein eingetragener Verein?", "Rechtsformen von Organisationen"),
        (
            "Wie hoch ist der Frauenanteil in den IT-Abteilungen?",
            "dem Frauenanteil und der Gleichstellung in der IT",
        ),
        ("Wie sollten wir E-Akten langfristig archivieren?", "der Archivierung von Akten"),
        (
            "Brauchen wir für Bescheide eine qualifizierte elektronische Signatur?",
            "qualifizierten elektronischen Signaturen und eIDAS",
        ),
        (
            "Müssen wir Rechnungen von Lieferanten im Format XRechnung annehmen?",
            "der XRechnung und elektronischen Rechnungsformaten",
        ),
        (
            "Sollte unsere Gemeinde einen eigenen Instagram-Account betreiben?",
            "Social-Media-Auftritten der Verwaltung",
        ),
        (
            "Lohnt sich für uns der Beitritt zu einem IT-Zweckverband?",
            "einzelnen kommunalen IT-Dienstleistern und IT-Zweckverbänden",
        ),
        (
            "Ist enaio oder regisafe das passendere DMS für eine Gemeinde?",
            "DMS- und Fachverfahrensprodukten bestimmter Hersteller",
        ),
        ("Wie verschlüsseln wir E-Mails an Bürgerinnen und Bürger?", "der E-Mail-Verschlüsselung"),
        (
            "Sollen wir die Arbeitsplatzdrucker durch Multifunktionsgeräte ersetzen?",
            "Druckern, Scannern und dem ersetzenden Scannen",
        ),
        (
            "Müssen wir ein Transparenzportal nach dem Informationsfreiheitsgesetz einrichten?",
            "Informationsfreiheit und Transparenzportalen",
        ),
        ("Wer kümmert sich als Schulträger um die Tablets der Schüler?", "der IT-Ausstattung von Schulen"),
        ("Sollten wir neue Rechner lieber leasen oder kaufen?", "IT-Verträgen, Rahmenverträgen und Leasing"),
        (
            "Ist openDesk eine brauchbare Alternative für unsere Verwaltung?",
            "digitaler Souveränität und Plattformen wie openDesk oder Nextcloud",
        ),
        (
            "Welches Wiki-System eignet sich für das Wissensmanagement im Rathaus?",
            "Projekt- und Wissensmanagement-Werkzeugen",
        ),
        (
            "Welche XÖV-Standards muss unser Fachverfahren unterstützen?",
            "XÖV-Standards und Übermittlungswegen wie OSCI",
        ),
        (
            "Fallen Landkreise unter die NIS-2-Richtlinie?",
            "der NIS-2-Richtlinie und kritischen Infrastrukturen",
        ),
        (
            "In welche Entgeltgruppe des TVöD gehört ein Digitallotse?",
            "Tarifverträgen und der Eingruppierung",
        ),
        (
            "Können Bürger ihre Geburtsurkunde beim Standesamt online bestellen?",
            "dem Standesamt und Personenstandsurkunden",
        ),
        ("Wie verschicken andere Kommunen die Grundsteuerbescheide digital?", "der Grundsteuer"),
        ("Gibt es ein gutes Portal für die Vergabe von Kita-Plätzen?", "der Vergabe von Kita-Plätzen"),
        ("Welche Programme eignen sich für die Friedhofsverwaltung?", "der Friedhofsverwaltung"),
        ("Lohnt sich Hybridpost für den Versand unserer Bescheide?", "der Poststelle und dem Postversand"),
        (
            "Sollten wir unsere Server virtualisieren oder extern hosten lassen?",
            "Servern und Virtualisierung",
        ),
        (
            "Wie führen wir die elektronische Personalakte ein?",
            "Personalsoftware, der elektronischen Personalakte und dem Bewerbermanagement",
        ),
        (
            "Brauchen wir eine Abfall-App mit Abfuhrkalender für die Gemeinde?",
            "Abfall-Apps und Abfuhrkalendern",
        ),
        (
            "Dürfen wir das Amtsblatt nur noch online veröffentlichen?",
            "Amtsblättern und öffentlichen Bekanntmachungen",
        ),
        (
            "Eignet sich Decidim für unsere Online-Bürgerbeteiligung?",
            "Beteiligungsplattformen bestimmter Anbieter",
        ),
        (
            "Lohnt sich ein Bürgerkoffer für Termine in den Ortsteilen?",
            "mobilen Bürgerbüros und Bürgerkoffern",
        ),
        ("Welche Software empfehlen Sie für die E-Akte?", "Empfehlungen für bestimmte Produkte und Anbieter"),
        ("Welche Chatbot-Anbieter nutzen die Kommunen?", "Empfehlungen für bestimmte Produkte und Anbieter"),
        (
            "Sollten wir Fachinformatiker selbst ausbilden?",
            "IT-Ausbildungsberufen und Studiengängen wie Verwaltungsinformatik",
        ),
        (
            "Wie digitalisieren andere Kommunen den Antrag auf Wohngeld?",
            "Sozialleistungen wie Wohngeld oder Bürgergeld",
        ),
        (
            "Wie können Ausländerbehörden Aufenthaltstitel digital bearbeiten?",
            "der Ausländerbehörde und Einbürgerungen",
        ),
        ("Wie binden wir die Gewerbeanmeldung an das Fachverfahren an?", "der Gewerbeanmeldung"),
        (
            "Was müssen wir datenschutzrechtlich beachten, wenn wir einen Chatbot auf die Website stellen?",
            "Rechtsfragen im Einzelfall, etwa was datenschutzrechtlich zu beachten ist",
        ),
        (
            "Wie stellen wir konkret einen Antrag im Programm „Digitales Rathaus“?",
            "Antragsverfahren und Fristen einzelner Förderprogramme",
        ),
        (
            "Was hält der Deutsche Städtetag von der Einteilung der Kommunen in vier Digitalisierungstypen?",
            "Stellungnahmen der kommunalen Spitzenverbände",
        ),
        (
            "Unterscheiden sich ost- und westdeutsche Kommunen bei der Verteilung der vier Typen?",
            "Unterschieden zwischen Ost- und Westdeutschland",
        ),
        (
            "Welche Rechtsgrundlage brauchen wir, um Verwaltungsdaten als Open Data zu veröffentlichen?",
            "Haftungs- und Rechtsfragen im Einzelfall",
        ),
    ],
)
def test_a_question_on_an_uncovered_topic_is_refused_with_the_topic(question, label):

    assert Aspect("topic", label) in asked_aspects(question)
    assert uncovered_aspect(question, "Die Studie zählt Basiskomponenten und Bürgerportale.") == Aspect(
        "topic", label
    )
    assert "enthalten sie nichts" in refusal_text(Aspect("topic", label))


def test_salary_is_a_cost_question_only_when_its_amount_is_asked():
    assert Aspect("cost") in asked_aspects("Wie hoch ist das Gehalt eines Digitalisierungsbeauftragten?")
    assert Aspect("cost") in asked_aspects("Was verdient ein CDO in einer Kleinstadt?")
    assert Aspect("cost") not in asked_aspects(
        "Was erwarten junge Leute vom Amt – reicht ein sicheres Gehalt noch?"
    )


def test_a_place_named_in_passing_covers_only_its_own_sentences():
    body = (
        "Die Befragten sind sich einig, dass es zu viel Front-End gibt. Anna Muster (Bad Dürkheim) betont, "
        "durchgängig digitale Prozesse sparen Zeit. Andere Kommunen nennen Fachverfahren als Hürde."
    )
    about = "Was sagen die Befragten zum Front-End?\nThesenpapier 2"
    question = "Welche Fachverfahren nutzt Bad Dürkheim?"
    assert uncovered_aspect(question, body, about=about) == Aspect("place", "Bad Dürkheim")
    assert uncovered_aspect("Was sagt man in Bad Dürkheim zu digitalen Prozessen?", body, about=about) is None
    # an entry about the place (title or source line) covers it with any of its sentences
    assert uncovered_aspect(question, body, about="Fachverfahren in Bad Dürkheim") is None


def test_whether_something_has_happened_since_is_after_the_sources():
    assert Aspect("after_sources") in asked_aspects("Ist das Bürgerportal inzwischen online?")
    assert Aspect("after_sources") in asked_aspects("Hat die Stadt mittlerweile einen CDO eingestellt?")
    assert Aspect("after_sources") not in asked_aspects("Was hat sich seitdem in den Kommunen geändert?")


def test_a_state_figure_needs_a_number_near_the_state_in_the_body():
    body = "Mike Weber vermutet, dass in Rheinland-Pfalz die Tradition eine Rolle spielt."
    question = "Wie viele Kommunen in Rheinland-Pfalz sind Community Manager?"
    # the source line's "Folge 9" is no figure about the state
    entry = "Podcast, Folge 9 (Beispiel Rheinland-Pfalz)\n" + body
    assert uncovered_aspect(question, entry, body=body) == Aspect("state", "Rheinland-Pfalz")
    counted = body + " Dort sind es 21 %."
    assert uncovered_aspect(question, "Folge 9\n" + counted, body=counted) is None


def test_a_municipality_word_is_no_asked_word_about_a_place():
    body = "Fachleute aus dem Kreis Musterland diskutierten die Ergebnisse."
    question = "Zu welchem Kommunentyp gehört der Kreis Musterland?"
    assert uncovered_aspect(question, body, about="Was ist das D-Team?", body=body) == Aspect(
        "place", "Musterland"
    )


@pytest.mark.parametrize(
    ("question", "state"),
    [
        ("Wie viele Thüringer Kommunen kennen FIM?", "Thüringen"),
        ("Wie viele rheinland-pfälzische Gemeinden haben eine Strategie?", "Rheinland-Pfalz"),
        ("Was machen die nordrhein-westfälischen Kreise anders?", "Nordrhein-Westfalen"),
        ("Haben saarländische Städte einen CDO?", "Saarland"),
    ],
)
def test_a_state_asked_by_its_adjective_is_a_state_aspect(question, state):
    assert Aspect("state", state) in asked_aspects(question)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Wie viele Einwohner hat Pattensen?", "Pattensen"),
        ("Zu welchem Typ gehört eigentlich Ravensburg?", "Ravensburg"),
        ("Wie viele OZG-Leistungen hat Nagold schon online?", "Nagold"),
        # the verb opens the question
        ("Hat Pattensen eigentlich eine eigene Digitalisierungsstrategie im Rat beschlossen?", "Pattensen"),
        # a passive, and a separable verb's particle after the name
        ("Welchem Typ wurde Ravensburg in der Studie zugeordnet?", "Ravensburg"),
        ("Wie viele Basiskomponenten setzt Nagold ein?", "Nagold"),
    ],
)
def test_a_name_asked_about_without_a_municipality_word_is_a_place(question, place):
    assert Aspect("place", place) in asked_aspects(question)


@pytest.mark.parametrize(
    "question",
    [
        "Welche Schwächen haben Optimierer?",
        "Wie viele Kommunen hat Deutschland?",
        "Welchen Typ hat Ihre Kommune?",
        "Welche Aufgabe hat Philipp Stolz?",
        "Welche Vorteile hat FIM?",
    ],
)
def test_types_german_words_pronouns_and_people_are_no_place(question):
    assert not [a for a in asked_aspects(question) if a.kind == "place"]


@pytest.mark.parametrize(
    "question",
    [
        "Gibt es eine neuere Studie?",
        "Gibt es aktuellere Zahlen als 2019?",
        "Haben Sie jüngere Daten zum CDO?",
        # "inzwischen" inside the request for newer figures is part of it, not a question about today
        "gibts neuere zahlen als die von 2019, wie viele kommunen inzwischen eine strategie haben?",
    ],
)
def test_newer_than_the_study_is_not_after_the_sources(question):
    # Later data than the study's: the theses papers (2022/23) have some; only the asked subject decides.
    assert kinds(question) == ["newer_data"]


def test_newest_and_current_stay_after_the_sources():
    assert "after_sources" in kinds("Was ist die neueste Studie?")
    assert "after_sources" in kinds("Wie ist der aktuelle Stand beim OZG?")
    assert "after_sources" in kinds("Gibt es neuere Zahlen von 2025?")


def test_newer_data_needs_a_later_year_on_the_asked_subject():
    question = "Gibt es neuere Zahlen zu Digitalstrategien?"
    later = "2022 hatten erstmals mehr als 25 % der Kommunen eine Digitalstrategie."
    assert uncovered_aspect(question, later) is None
    assert (
        uncovered_aspect(question, "2019 hatten 14,1 % eine fertige Digitalstrategie.").kind == "newer_data"
    )
    assert uncovered_aspect("Gibt es neuere Zahlen zum CDO?", later).kind == "newer_data"


@pytest.mark.parametrize(
    "question", ["Gibt es eine neuere Studie?", "Gibt es neuere Zahlen zu Digitalstrategien in Kommunen?"]
)
def test_knowledge_base_answers_newer_data_from_the_2022_study(kb, question):
    answer = kb.answer(question)
    assert answer.kind == KIND_ANSWER and answer.entry_id == "thesen-kommunalstudie-2022"


def test_knowledge_base_refuses_newer_data_it_does_not_have(kb):
    answer = kb.answer("Gibt es neuere Zahlen zu den Kommunentypen?")
    assert answer.kind == KIND_NO_ANSWER and answer.aspect == Aspect("newer_data")
    assert "neuere Zahlen als die der Studie (2020)" in refusal_text(answer.aspect)


def test_the_surveys_authors_are_no_organisation_asked_about():
    question = "Wie viele Kommunen hatten laut der KGSt/ÖFIT-Befragung schon einen Chatbot im Einsatz?"
    assert not [a for a in asked_aspects(question) if a.kind == "organisation"]
    assert Aspect("organisation", "KGSt") in asked_aspects("Wie viele Mitarbeitende hat die KGSt?")


def test_a_second_state_named_by_the_question_does_not_make_the_entry_about_another_state():
    entry = "Rheinland-Pfalz: Die Zusammenarbeit vor Ort sei intakter als etwa in Nordrhein-Westfalen."
    question = "Warum vermutet er in Rheinland-Pflaz mehr Community Manager als in NRW?"
    assert uncovered_aspect(question, entry) is None
    assert uncovered_aspect("Wie viele Community Manager gibt es in NRW?", entry) is not None


def test_a_count_asked_without_a_measure_word_takes_the_place_entrys_words():
    entry = "Salach brachte über ein Verfahren des Landes 25 bis 28 Leistungen auf einmal online."
    question = "Salach hat Leistungen auf einmal freigeschaltet. Wie viele waren das?"
    assert uncovered_aspect(question, entry) is None
    assert uncovered_aspect("Wie viel hat Salach für das Gutachten bezahlt?", entry).kind == "cost"


def test_a_share_of_the_costs_answers_how_much_of_the_costs_a_state_takes():
    entry = "Bayern übernimmt im Programm „Digitales Rathaus“ 80 % der Kosten für den Grundkurs Digitallotse."
    question = "Wie viel von den Kosten für den Grundkurs übernimmt der Freistaat Bayern?"
    assert uncovered_aspect(question, entry) is None
    assert uncovered_aspect("Was kostet der Grundkurs in Bayern?", entry).kind == "cost"


def test_what_something_has_cost_is_a_cost_question():
    assert Aspect("cost") in asked_aspects("Was hat die Gemeinde die neue Digitalisierungsstelle gekostet?")


def test_am_ende_wirklich_is_after_the_sources_only_for_what_was_achieved():
    assert Aspect("after_sources") not in asked_aspects(
        "und wie viele davon konnte man am ende wirklich einem der typen zuordnen"
    )
    assert Aspect("after_sources") in asked_aspects("Hat Salach am Ende wirklich alles geschafft?")
    assert Aspect("after_sources") in asked_aspects(
        "Hat Salach die rund 180 Online-Dienste bis Jahresende dann wirklich geschafft?"
    )


def test_a_figure_the_source_itself_reports_as_reached_since_answers_an_inzwischen_question():
    entry = "Begonnen hat sie mit etwa acht Kommunen, inzwischen sind über 140 Personen dabei."
    assert uncovered_aspect("Wie viele Leute machen inzwischen bei der Taskforce mit?", entry) is None
    assert uncovered_aspect("Wie viele Leistungen hat Salach inzwischen online?", entry) is not None


def test_a_count_compound_asks_for_the_counted_thing():
    entry = "Salach, eine Gemeinde mit weniger als 8.000 Einwohner:innen, geht das OZG an."
    assert uncovered_aspect("Wie groß ist Salach, also von der Einwohnerzahl her?", entry) is None
    assert uncovered_aspect("Wie groß ist Salach, also von der Fläche her?", entry) is not None


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("Von wem stammt eigentlich die Studie zu den Kommunentypen?", "studie-ueberblick"),
        ("Wer hat die Thesenpapiere geschrieben?", "thesen-ueberblick"),
    ],
)
def test_who_wrote_a_source_is_answered_by_its_overview(kb, question, entry_id):
    answer = kb.answer(question)
    assert answer.kind == KIND_ANSWER and answer.entry_id == entry_id


def test_a_state_or_topic_named_only_in_the_context_is_not_asked():
    question = "Wir sind eine Gemeinde in Hessen. Wie viele Kommunen haben eine Digitalstrategie?"
    assert not [a for a in asked_aspects(question) if a.kind == "state"]
    # … unless the question points back at it
    assert Aspect("state", "Bayern") in asked_aspects("Wir sind in Bayern. Gibt es da ein Förderprogramm?")
    # … but a question about one of the types asks about that type ("da" is a filler there)
    question = (
        "Wir sind eine kleine Gemeinde in Hessen und bei uns macht das alles die EDV-Abteilung. Ist das bei "
        "den Bedächtigen auch so üblich, gibt es da eine Zahl?"
    )
    assert not [a for a in asked_aspects(question) if a.kind == "state"]
    # … and so is a question that names its own place
    question = (
        "Wir arbeiten in einem Landkreis in Sachsen. Wie viele Leute kümmern sich da in der Stadt Pattensen "
        "ums Digitale?"
    )
    assert not [a for a in asked_aspects(question) if a.kind == "state"]
    question = (
        "Ich sitze im Personalrat und wir wollen das Schulungsangebot ausbauen. Welcher Typ hat laut Studie "
        "am häufigsten Kurse zu Fachverfahren im Programm?"
    )
    assert not [a for a in asked_aspects(question) if a.kind == "topic"]
    assert [
        a
        for a in asked_aspects("Was sagt die Studie zur Mitbestimmung durch den Personalrat?")
        if a.kind == "topic"
    ]


def test_the_theses_papers_author_is_no_organisation_asked_about():
    question = (
        "Was steht in den Axians-Papieren dazu, wie viele Menschen in deutschen Kommunen beschäftigt sind?"
    )
    assert not [a for a in asked_aspects(question) if a.kind == "organisation"]


def test_members_reached_since_count_as_people_taking_part():
    entry = (
        "Die OZG-Taskforce in Baden-Württemberg begann mit acht Kommunen, inzwischen sind 140 Personen dabei."
    )
    assert uncovered_aspect("Wie viele Mitglieder hat die OZG-Taskforce in BW inzwischen?", entry) is None


def test_an_online_meeting_is_no_online_appointment_booking():
    question = "In der Pressemitteilung wird ein Online-Termin zum Austausch angekündigt – wann war der?"
    assert not [a for a in asked_aspects(question) if a.kind == "topic"]
    assert [a for a in asked_aspects("Wie können Bürger online Termine buchen?") if a.kind == "topic"]


def test_the_staff_someone_leads_is_counted_by_the_people_the_entry_names():
    entry = "Je kleiner die Kommune, desto schwerer: Stuttgarts CDO führt rund 400 Beschäftigte."
    assert uncovered_aspect("Wie viele Leute hat der CDO in Stuttgart unter sich?", entry) is None
    # but who works somewhere is no share of people taking part
    other = "Salach: 50 bis 60 % der Kolleg:innen machen beim Lunch and Learn mit."
    assert uncovered_aspect("Wie viele Leute arbeiten im Bauhof in Salach?", other).kind == "place"


def test_a_state_entrys_figure_in_words_and_of_the_measure_after_von_den_counts():
    title = "Was ist der Standardprozess in Baden-Württemberg?"
    body = (
        "Als Standardprozess bezeichnet man in Baden-Württemberg die Premiumvariante der OZG-Umsetzung. "
        "Der Haken: Solche Prozesse entwickelt das Land nur langsam – zum Zeitpunkt des Gesprächs gab es "
        "erst etwa zwanzig –, sodass sich das OZG damit allein nicht erfüllen lässt."
    )
    question = "Wie viele von den Komplett-Prozessen gab es in BW zum Zeitpunkt des Podcasts?"
    assert uncovered_aspect(question, title + "\n" + body, title, body=body) is None
    other = "Was ist ein Standardprozess?"
    assert uncovered_aspect(question, other + "\n" + body, other, body=body).kind == "state"


def test_a_quoted_persons_view_is_shown_from_the_body(kb):
    # The short form names Steffen Greiner; what he criticises ("eher passiv") is in the body only.
    answer = kb.answer("Was stört Steffen Greiner an den Digitallotsen in Nürtingen?")
    assert answer.entry_id == "thesen-digitaler-lotse-kritik"
    assert "passiv" in answer.message()
    assert "passiv" not in kb.by_id[answer.entry_id].short


def test_a_municipality_the_sources_do_not_name_is_a_place_after_any_verb_and_preposition():
    question = "Wie viele OZG-Leistungen hatte Ravensburg zum Fristende online?"
    assert Aspect("place", "Ravensburg") in asked_aspects(question)
    assert uncovered_aspect(question, "Salach hatte zum Fristende 163 Leistungen online.").kind == "place"
    # a known word in the same frame is no place
    assert not [
        a
        for a in asked_aspects("Wie viele Leistungen hatte der Landkreis zum Fristende online?")
        if a.kind == "place"
    ]


def test_a_states_figure_must_stand_in_its_clause_and_a_year_is_no_figure():
    entry = (
        "Bayern übernimmt 80 % der Kosten für den Grundkurs; Sachsen hat seit 2021 Digital-Lotsen, "
        "verlängert Anfang 2023."
    )
    question = "Wie viele Digitallotsen hat Sachsen schon ausgebildet?"
    assert uncovered_aspect(question, entry).kind == "state"
    assert uncovered_aspect(question, entry.replace("seit 2021 Digital-Lotsen", "120 Digital-Lotsen")) is None


def test_an_entry_about_the_asked_thing_in_the_state_answers_its_figure():
    title = "Was ist der Standardprozess in Baden-Württemberg?"
    body = "Der Standardprozess läuft komplett online. Das Land hat davon erst etwa zwanzig entwickelt."
    question = "wie viele standardprozesse gibts in bw"
    assert uncovered_aspect(question, title + "\n" + body, title, body=body) is None


def test_a_states_figure_is_not_taken_from_the_list_item_before_it():
    body = (
        "Beispiele: **Bayern**: Der Freistaat trägt 80 % der Kosten des Grundkurses. **Sachsen**: Seit 2021 "
        "unterstützen Digital-Lotsen die Kommunen."
    )
    question = "Wie viele Digitallotsen hat Sachsen schon ausgebildet?"
    assert uncovered_aspect(question, body, body=body).kind == "state"


def test_a_half_post_and_the_share_of_the_staff_are_figures_of_the_place():
    # "eine halbe Stelle" is a count of posts
    question = "Wie ist die Stadt Nürtingen personell aufgestellt, wie viele Stellen haben die?"
    entry = "Nürtingen hat eine halbe Stelle für Schuldigitalisierung und eine volle für die Verwaltung."
    assert uncovered_aspect(question, entry) is None
    no_figure = "Nürtingen hat eine Stelle für Digitalisierung geschaffen."
    assert uncovered_aspect(question, no_figure).kind == "place"
    # the staff taking part ("der Belegschaft … macht mit") are counted as colleagues
    question = "wie viel prozent der belegschaft macht bei den mittagsschulungen in salach mit"
    entry = "In Salach machen 50 bis 60 % der Kolleg:innen beim Mittagsformat mit."
    assert uncovered_aspect(question, entry) is None
    assert uncovered_aspect(question, "In Salach gibt es ein Mittagsformat.").kind == "place"


def test_a_why_question_about_something_still_going_on_asks_for_reasons():
    question = "Warum melden so viele ihren Hund immer noch am Schalter an, obwohl es auch online ginge?"
    assert Aspect("after_sources") not in asked_aspects(question)
    assert Aspect("after_sources") in asked_aspects("Gibt es die Taskforce immer noch?")


@pytest.mark.parametrize(
    "question",
    [
        # the study's name is no question about the own type
        "Was soll die Typenstudie laut der Ankündigung bei uns in der Verwaltung eigentlich auslösen?",
        # one municipality's process taken over, no lesson from the other types
        "Fallen Lizenzgebühren an, wenn wir den Universalprozess plus von einer anderen Kommune übernehmen?",
        # a colleague's body reported, not the own municipality
        "Unser Personalrat redet ständig vom Fachkräftemangel. Gibt es eine Prognose, wie groß die Lücke "
        "im öffentlichen Sektor sein wird?",
        # "für unser …" is no "für uns"; the study's name with a hyphen is still its name
        "Für unser Protokoll: In welchem Jahr kam die Kommunentypen-Studie heraus?",
        # taking over stays inside its sentence: the "von" of the sentence before names no teacher
        "Der Nachbarkreis hat die Beantragung von Wohngeld komplett digital aufgesetzt. Können wir das "
        "einfach übernehmen?",
        # how the types spread in a state, the asker's own state only as context
        "Wir sitzen in Thüringen und wollen uns einordnen. Wie verteilen sich die Typen dort?",
    ],
)
def test_questions_that_only_mention_us_need_no_own_type(kb, question):
    assert kb.answer(question).kind != "needs_own_type"
    assert kb.answer("Was zeichnet unseren Typ aus?").kind == "needs_own_type"


def test_a_figure_for_the_kreise_needs_the_kreise_next_to_a_number():
    question = "Wie viel Prozent der Landkreise kennen FIM?"
    assert kinds(question) == ["subgroup"]
    all_municipalities = "FIM kennen 29,2 % der Kommunen, am ehesten die Serviceorientierten (38,1 %)."
    assert uncovered_aspect(question, all_municipalities).kind == "subgroup"
    by_kind = "Unter den Kreisen sind 39,4 % Optimierer, unter den Städten 33,0 %."
    assert uncovered_aspect("Wie hoch ist der Anteil der Optimierer bei den Kreisen?", by_kind) is None
    # All kinds together are no subgroup, and a question without a figure asks none.
    assert "subgroup" not in kinds("Wie viele Gemeinden, Städte und Kreise gibt es bundesweit?")
    assert "subgroup" not in kinds("Welcher Typ ist bei den Kreisen am häufigsten?")


def test_a_size_class_needs_its_own_threshold_in_the_entry():
    question = "Wie hoch ist der Anteil der Bedächtigen bei Gemeinden unter 5.000 Einwohnern?"
    averages = "Bedächtige haben im Mittel 21.000 Einwohner:innen, Optimierer 48.000."
    assert uncovered_aspect(question, averages).kind == "subgroup"
    assert uncovered_aspect(question, "Unter 5000 Einwohner:innen sind 22 % Bedächtige.") is None
    assert uncovered_aspect(question, "Unter 5.000 Einwohner:innen sind 22 % Bedächtige.") is None
    # "135.000" holds the digits 5000 but not the threshold.
    assert (
        uncovered_aspect(question, "Der Median der Kreise liegt bei 135.000 Einwohner:innen.").kind
        == "subgroup"
    )


def test_a_head_count_needs_people_counted_in_the_entry():
    question = "Wie viele Leute haben an der Online-Vorstellung der Studie teilgenommen?"
    assert kinds(question) == ["headcount"]
    announcement = "Am 29. Oktober 2020 war eine Websession der beiden Herausgeber angekündigt."
    assert uncovered_aspect(question, announcement).kind == "headcount"
    assert uncovered_aspect(question, "An der Websession nahmen rund 300 Personen teil.") is None


def test_participating_municipalities_are_no_head_count():
    assert "headcount" not in kinds("Wie viele teilnehmende Städte und Gemeinden hatte die Befragung?")
    assert kinds("Wie viele Teilnehmende hatte die Websession?") == ["headcount"]


def test_a_place_asked_by_its_adjective_is_a_place():
    assert [a.label for a in asked_aspects("Wie viele Leute arbeiten eigentlich im Salacher Rathaus?")] == [
        "Salach"
    ]
    lunch = "Salach: 50 bis 60 % der Kolleg:innen machen beim Lunch and Learn mit."
    assert uncovered_aspect("Wie viele Leute arbeiten im Salacher Rathaus?", lunch).kind == "place"


def test_a_head_count_answers_how_many_people_however_they_are_named():
    entry = "Je kleiner die Kommune, desto schwerer: Der CDO in Stuttgart führt rund 400 Beschäftigte."
    assert uncovered_aspect("wie viele mitarbeiter hat der stuttgarter cdo", entry) is None


def test_online_services_are_counted_under_their_other_names():
    entry = "Salach stellte zuerst die 163 Leistungen online, die das Land schnell bereitstellte."
    assert uncovered_aspect("Wie viele Dienste konnte Salach im ersten Schritt freischalten?", entry) is None
    assert uncovered_aspect("Wie viele Vereine hat Salach?", entry).kind == "place"


@pytest.mark.parametrize(
    "question",
    [
        "Ich bin Azubi in der Kita-Verwaltung und soll was über diese dritten Orte erzählen. "
        "Was für Einrichtungen gehören da dazu?",
        "Im Personalrat diskutieren wir, wie wichtig Arbeiten von zu Hause für junge Bewerber ist. "
        "Was sagen die Befragten in den Thesenpapieren dazu?",
        "Frage vom Personalrat: Wie stark werden die Beschäftigten in den Kommunen bei Digitalprojekten "
        "mitgenommen?",
        "Personalrat fragt: Die Verwaltungen, die in erster Linie auf Effizienz getrimmt sind – wie viele "
        "davon schulen ihre Leute in den Fachanwendungen?",
        "Als Gleichstellungsbeauftragte schaue ich auf Weiterbildung für Leitungskräfte. Wie viele Kommunen "
        "bieten Schulungen dazu an?",
        "Als Gleichstellungsbeauftragte frage ich mich, ob es jungen Bewerberinnen laut den Thesenpapieren "
        "auch um Familie und Beruf geht.",
    ],
)
def test_the_askers_own_place_of_work_is_no_topic_asked(question):
    assert "topic" not in kinds(question)


def test_uncovered_topics_are_still_found_when_asked():
    assert "topic" in kinds("Gibt es eine App für die Kita-Anmeldung?")
    assert "topic" in kinds("Was sagt die Studie zum Personalrat?")
    assert "topic" in kinds("Personalrat fragt: Was sagt die Studie zur Mitbestimmung der Personalräte?")
    assert "topic" in kinds(
        "Als Personalrat frage ich: Wie viele Kommunen haben eine Dienstvereinbarung zur E-Akte?"
    )
    assert "topic" in kinds("Als Gleichstellungsbeauftragte frage ich nach dem Frauenanteil in der IT.")


def test_the_askers_own_present_in_the_context_is_no_question_about_today():
    question = (
        "Bei uns kommen die Leute immer noch persönlich, obwohl manches schon online geht. "
        "Was sagt der Kassenleiter aus Bad Kreuznach zu diesem Problem?"
    )
    assert "after_sources" not in kinds(question)
    assert "after_sources" in kinds("Ist Philipp Stolz immer noch CDO?")


def test_a_year_to_confirm_needs_an_entry_with_a_year():
    question = "Stimmt es, dass Philipp Stolz schon seit 2018 CDO in Salach ist?"
    assert "year" in kinds(question)
    role = "Salach: Philipp Stolz verbindet als CDO die Fachämter und erarbeitet mit ihnen Leitlinien."
    assert uncovered_aspect(question, role).kind == "year"
    # An entry with its own date answers, also to correct the asked one.
    published = "Die Studie erschien im Oktober 2020; befragt wurde im ersten Quartal 2019."
    assert uncovered_aspect("Stimmt es, dass die Studie schon 2018 veröffentlicht wurde?", published) is None
    assert "year" not in kinds("Gibt es neuere Zahlen als die von 2019 zu den Strategien?")


@pytest.mark.parametrize(
    "question",
    [
        "Wie viele Fachleute wurden für die Thesenpapiere insgesamt interviewt?",
        "Wie viele Expertinnen und Experten kommen in den Papieren zu Wort?",
    ],
)
def test_experts_are_people_to_count(question):
    assert "headcount" in kinds(question)


def test_what_someone_gets_paid_a_month_is_a_cost():
    assert "cost" in kinds("Was bekommt ein Digitalisierungschef eigentlich im Monat aufs Konto?")


def test_chat_spellings_and_an_estimate_asked_for_find_the_entry(kb):
    answer = kb.answer("wieviele kommunen gibts in deutschland ungefähr")
    assert answer.kind == KIND_ANSWER and "10.000" in answer.text


def test_a_share_of_the_staff_going_to_a_format_counts_its_participants():
    entry = "Salach: 50 bis 60 % der Kolleg:innen machen beim Lunch and Learn mit."
    question = "wie viel prozent der belegschaft gehen zu den mittagsschulungen in salach"
    assert uncovered_aspect(question, entry) is None
    # the verb stands for the people who take part
    taking_part = "In Salach nehmen inzwischen 50 bis 60 % der Kolleg:innen am Lunch and Learn teil."
    assert uncovered_aspect("lunch and learn salach wie viele machen mit", taking_part) is None
    assert uncovered_aspect(
        "Wie viele machen in Salach beim Vereinsportal mit?", "Salach hat 8.000 Einwohner."
    )


def test_what_a_state_pays_towards_something_is_answered_by_its_share():
    entry = "Bayern übernimmt im Programm „Digitales Rathaus“ 80 % der Kosten für den Grundkurs Digitallotse."
    assert (
        uncovered_aspect("was zahlt bayern dazu wenn wir wen zum digitallotsen ausbilden lassen", entry)
        is None
    )


def test_the_speakers_workplace_covers_the_state_of_a_podcast_entry():
    from dteam.kb.entries import KBEntry
    from dteam.kb.retrieval import aspect_text

    entry = KBEntry(
        id="x",
        title="Schulungen für das Landesportal",
        body="Die Gemeinde hat ihre Beschäftigten für das Landesportal schulen lassen.",
        source="podcast22",
        citation="Podcast, Folge 22",
        speaker="Philipp Stolz (CDO der Gemeinde Salach, Baden-Württemberg)",
    )
    question = "Wie hat man die Leute in Baden-Württemberg aufs Landesportal vorbereitet?"
    assert Aspect("state", "Baden-Württemberg") in asked_aspects(question)
    assert uncovered_aspect(question, aspect_text(entry), entry.title) is None


def test_a_name_no_word_list_knows_at_the_end_is_a_place_asked():
    assert Aspect("place", "Pattensen") in asked_aspects("Wie hoch ist die Glasfaserversorgung in Pattensen?")
    assert not [a for a in asked_aspects("Wie viele Kommunen gibt es in Deutschland?") if a.kind == "place"]


def test_whom_the_asker_must_convince_is_no_topic_asked():
    # The staff council is the audience; the study's findings on involving staff answer it.
    question = (
        "Ich muss dem Personalrat erklären, warum wir die Kolleginnen und Kollegen schon früh in "
        "Digitalisierungsprojekte einbinden wollen. Gibt es dazu Ergebnisse aus der Studie?"
    )
    assert not [a for a in asked_aspects(question) if a.kind == "topic"]
    asked = asked_aspects("Wie wird der Personalrat bei Digitalisierungsprojekten beteiligt?")
    assert [a.kind for a in asked] == ["topic"]


def test_an_entry_about_the_state_counts_the_thing_named_after_its_adjectives(kb):
    entry = kb.by_id["podcast22-begriff-standardprozess"]
    text = aspect_text(entry)
    question = (
        "Wie viele dieser komplett durchdigitalisierten Premium-Prozesse hatte das Land Baden-Württemberg "
        "laut Stolz damals schon fertig?"
    )
    assert uncovered_aspect(question, text, entry.title, body=entry.body) is None
    # A count of something else in that state is not in the entry.
    other = "Wie viele Kommunen in Baden-Württemberg haben eine Digitalstrategie?"
    assert uncovered_aspect(other, text, entry.title, body=entry.body) == Aspect("state", "Baden-Württemberg")


def test_a_duration_needs_a_length_of_time_not_just_the_word_years():
    question = "Wie lange dauert die Ausbildung zum kommunalen Digitallotsen?"
    assert uncovered_aspect(question, "Die Jahre 2021 und 2022 brachten neue Lotsen.").kind == "duration"
    assert uncovered_aspect(question, "Der Grundkurs dauert drei Monate.") is None
    assert uncovered_aspect(question, "Die Schulung umfasst 12 Tage.") is None


def test_a_remark_after_the_question_does_not_cost_the_answer(kb):
    answer = kb.answer("Was sind eigentlich „Dritte Orte“? Das klingt für mich nach Stammkneipe.")
    assert answer.kind == KIND_ANSWER and answer.entry_id == "studie-begriff-dritte-orte"


def test_a_letters_frame_is_left_out_of_the_question():
    from dteam.kb.retrieval import _clean

    assert (
        _clean(
            "Sehr geehrte Damen und Herren, für unseren Bericht an den Gemeinderat benötige ich die Angabe, "
            "welcher Anteil der befragten Kommunen das OZG in seiner Strategie berücksichtigt."
        )
        == "welcher Anteil der befragten Kommunen das OZG in seiner Strategie berücksichtigt."
    )
    assert _clean("Hallo, was ist FIM?") == "was ist FIM?"
    assert _clean("Hallo zusammen!") == "Hallo zusammen!"  # nothing is left to ask: kept as it is


def test_a_share_asked_in_keywords_needs_a_figure_next_to_the_state_or_place(kb):
    thesis = kb.by_id["podcast09-rheinland-pfalz"]
    asked = "anteil community manager rheinland-pfalz studie"
    assert uncovered_aspect(asked, aspect_text(thesis), thesis.title, body=thesis.body) == Aspect(
        "state", "Rheinland-Pfalz"
    )
    # "zahlen" is paying here, no figure asked: the entry on the training in the state's portal answers
    entry = kb.by_id["podcast22-leitfaeden-fehlen"]
    paying = (
        "Stimmt es, dass man in BW als Gemeinde für eine Einweisung ins Landesportal ordentlich zahlen muss?"
    )
    assert uncovered_aspect(paying, aspect_text(entry), entry.title, body=entry.body) is None
    # The place's passage gives advice, no count of its online services.
    assert kb.answer("bad dürkheim anzahl online-leistungen").kind == KIND_NO_ANSWER


def test_what_is_done_in_general_is_no_question_about_how_it_turned_out():
    asked = asked_aspects(
        "Was kritisieren Krellmann und Co. am Verhältnis zwischen den Zielen in kommunalen Digitalstrategien "
        "und dem, was die Verwaltung dann tatsächlich tut?"
    )
    assert Aspect("after_sources") not in asked
    assert Aspect("after_sources") in asked_aspects(
        "Wie viele Leute haben dann tatsächlich am Kick-off teilgenommen?"
    )


def test_the_studys_authors_point_to_the_study_not_to_the_podcast():
    from dteam.kb.retrieval import _hinted_sources

    assert _hinted_sources("was geben krellmann, opiela, gross und weber zu bedenken?") == ["studie"]
    assert _hinted_sources("was meint mike weber dazu?") == ["podcast09"]


def test_how_often_is_no_duration():
    question = "Wie lange dauert eine Einheit des Formats?"
    assert (
        uncovered_aspect(question, "Alle zwei Wochen zeigt er mittags praktische Tipps.").kind == "duration"
    )
    assert uncovered_aspect(question, "Eine Einheit dauert zwei Stunden.") is None


def test_a_share_of_the_fees_asked_is_answered_by_a_share_of_the_costs():
    question = (
        "Wie viel Prozent der Kursgebühren übernimmt der Freistaat, wenn eine bayerische Gemeinde jemanden "
        "zur Lotsen-Ausbildung schickt?"
    )
    entry = "Bayern: Der Freistaat trägt 80 % der Kosten für den Grundkurs Digitallotse."
    assert uncovered_aspect(question, entry) is None
    # the price of the course itself is still not in such an entry
    assert uncovered_aspect("Was kostet der Grundkurs Digitallotse in Bayern?", entry) == Aspect("cost")


def test_an_exact_date_needs_an_entry_with_a_day():
    question = "An welchem Tag wurde die Podcastfolge mit Philipp Stolz veröffentlicht?"
    assert uncovered_aspect(question, "Folge 22 des Podcasts, erschienen 2021.") == Aspect("date")
    assert uncovered_aspect(question, "Die Folge erschien am 12. März 2021.") is None
    assert refusal_text(Aspect("date")).startswith("Dazu geben meine Quellen nichts her – ein genaues Datum")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Nach welchem Paragrafen des OZG müssen Kommunen ihre Leistungen online anbieten?", "topic"),
        ("Wie viele Online-Mängelmeldungen gehen in Freiburg pro Jahr ein?", "place"),
    ],
)
def test_paragraphs_and_large_cities_the_sources_do_not_name_are_refused(question, expected):
    aspect = uncovered_aspect(
        question, "Online-Mängelmelder nutzen 51,5 % der Kommunen; das OZG gilt seit 2017."
    )
    assert aspect is not None and aspect.kind == expected


def test_a_ki_assistant_for_citizens_is_a_chatbot_not_the_ai_topic():
    assert not [
        a
        for a in asked_aspects("Setzen Kommunen schon KI-Assistenten für Bürgerfragen ein?")
        if a.kind == "topic"
    ]
    assert asked_aspects("Setzen Kommunen schon KI in der Sachbearbeitung ein?") == [
        Aspect("topic", "künstlicher Intelligenz")
    ]


def test_a_person_no_entry_quotes_gets_the_honest_no_answer(kb):
    question = "Was sagt Bundes-CIO Markus Richter zu den vier Kommunentypen?"
    assert kb.answer(question).kind == KIND_NO_ANSWER
    entry = (
        "Die Studie unterscheidet vier Kommunentypen: Bedächtige, Optimierer, Serviceorientierte und "
        "Community Manager."
    )
    aspect = uncovered_aspect(question, entry)
    assert aspect == Aspect("person", "Markus Richter")
    assert "Markus Richter" in refusal_text(aspect)
    # people the sources quote are answered, and a noun phrase after the verb is no name
    assert "person" not in kinds("Was hält Mike Weber vom OZG?")
    assert "person" not in kinds("Was sagt Philipp Stolz zu Lunch and Learn?")
    assert "person" not in kinds("Was sagt die Studie Digitale Kommune zu FIM?")


@pytest.mark.parametrize(
    "question",
    [
        "Welches Dokumentenmanagementsystem, also welches Produkt, setzt Salach ein?",
        "Citizen Science – welche Kommunen binden Bürger:innen in eigene Forschungsprojekte ein?",
        "Welches Fachverfahren für die Hundesteuer würdest du uns empfehlen?",
    ],
)
def test_products_and_citizen_science_are_uncovered_topics(question):
    assert "topic" in kinds(question)


def test_training_in_specialist_procedures_is_no_product_question():
    assert "topic" not in kinds("Welcher Typ schult am häufigsten zu Fachverfahren und Anwendungen?")


@pytest.mark.parametrize(
    "question, label",
    [
        ("Wie hoch ist die share der Kommunen, die E-Payment schon im Einsatz haben?", "E-Payment"),
        (
            "Nutzen die Optimierer die Online-Ausweisfunktion häufiger als die Bedächtigen?",
            "der eID-Funktion",
        ),
        ("Wie viel Prozent der Kommunen haben schon ein Servicekonto?", "Servicekonten"),
    ],
)
def test_a_figure_for_a_component_the_study_gives_no_share_for_is_refused(kb, question, label):
    # Table 9 has shares for DMS, De-Mail, mobile apps and chatbots only
    assert Aspect("component", label) in asked_aspects(question)
    answer = kb.answer(question)
    assert answer.kind == KIND_NO_ANSWER
    assert label in refusal_text(Aspect("component", label))
    # a component with its share in the entry is covered
    assert uncovered_aspect(question, f"Im Schnitt setzen 40,1 % {label} ein.") is None


def test_components_named_as_examples_of_what_is_counted_ask_no_component_figure(kb):
    question = (
        "Wie viele von diesen zentralen E-Government-Bausteinen wie Bürgerkonto, Online-Bezahlen oder E-Akte "
        "setzen die effizienzgetriebenen Kommunen im Schnitt ein?"
    )
    assert "component" not in kinds(question)
    answer = kb.answer(question)
    assert answer.kind == KIND_ANSWER and "3,82" in answer.text
    # a component named without a figure asked is no figure question
    assert "component" not in kinds("Was ist eigentlich ein Servicekonto?")


def test_what_something_costs_is_asked_also_with_words_between():
    assert "cost" in kinds("Sagen Sie mir mal, was die Gemeinde Salach die CDO-Stelle im Jahr kostet.")
    # the effort in time is no price
    assert "cost" not in kinds(
        "Bringt das überhaupt was, die Kollegen mitreden zu lassen? Kostet doch nur Zeit"
    )


def test_who_asked_the_asker_is_no_topic_asked():
    question = (
        "Guten Tag, der Personalrat hat mich gebeten herauszufinden, welcher Anteil aller Weiterbildungen "
        "in den befragten Kommunen überhaupt einen digitalen Bezug hat."
    )
    assert "topic" not in kinds(question)
    entry = "Im Schnitt haben 18,8 % aller Fortbildungen einen Bezug zur Digitalisierung."
    assert uncovered_aspect(question, entry) is None
    assert "topic" not in kinds(
        "Der Personalrat will wissen, wie viele Kommunen ihre Beschäftigten beteiligen."
    )


def test_cities_municipalities_and_kreise_together_are_no_subgroup():
    question = "Wie viele Menschen arbeiten in Deutschland bei Städten, Gemeinden und Kreisen?"
    assert "subgroup" not in kinds(question)
    assert "subgroup" in kinds("Wie viele Menschen arbeiten bei den Kreisen?")


def test_a_share_of_a_group_in_a_state_needs_that_group_in_the_entry():
    lotsen = "Bayern übernimmt im Programm Digitales Rathaus 80 % der Kosten für den Grundkurs Digitallotse."
    question = "Nennen Sie mir den Anteil der Vorsichtigen unter den bayerischen Gemeinden."
    assert uncovered_aspect(question, lotsen) == Aspect("state", "Bayern")
    assert uncovered_aspect("Wie hoch ist der Anteil der Kosten in Bayern?", lotsen) is None


def test_a_figure_claimed_for_a_state_needs_that_figure_in_the_entry():
    lotsen = (
        "- **Bayern**: 80 % der Kosten für den Grundkurs Digitallotse; - **Sachsen**: Seit 2021 unterstützen "
        "Digital-Lotsen die Kommunen; Anfang 2023 wurde das Projekt für zwei weitere Jahre fortgesetzt."
    )
    claim = "Stimmt es, dass Sachsen inzwischen über 50 Digital-Lotsen im Einsatz hat?"
    assert uncovered_aspect(claim, lotsen) == Aspect("state", "Sachsen")
    # a year is no claimed figure: what the entry says about that year answers it
    assert uncovered_aspect("Stimmt es, dass Sachsen sein Lotsen-Programm 2023 beendet hat?", lotsen) is None


def test_places_named_as_participants_or_compared_with_the_subject_are_covered():
    meldung = (
        "In einer Websession am 29. Oktober 2020 diskutierten Praktiker:innen aus dem Kreis Wesel, Köln, "
        "Freiburg und Pattensen die Ergebnisse."
    )
    question = (
        "An welchem Datum war die Online-Veranstaltung, bei der Leute aus Köln, Freiburg und Pattensen über "
        "die Typen-Ergebnisse diskutiert haben?"
    )
    # "Typen-Ergebnisse" does not ask which type Köln is
    assert uncovered_aspect(question, meldung) is None
    assert uncovered_aspect("Welcher Typ ist Köln?", meldung) == Aspect("place", "Köln")
    body = "Nürtingen hat eine volle Stelle. Der CDO in Stuttgart führt rund 400 Beschäftigte."
    compared = "stuttgart digitalchef teamgroesse im vergleich zu nuertingen"
    assert (
        uncovered_aspect(compared, body, "Ressourcen in Nürtingen", "Ressourcen in Nürtingen", body) is None
    )
    # a place only named in passing still needs the asked thing in its sentence
    assert uncovered_aspect("Wie viele Einwohner hat Stuttgart?", body, "Ressourcen in Nürtingen", "x", body)


@pytest.mark.parametrize(
    "question, label",
    [
        (
            "Unser Bürgermeister will wissen, welcher der vier Typen wir sind – wir sind eine Kleinstadt. "
            "Was sind wir?",
            "dem Typ Ihrer eigenen Kommune (den ermittelt der Selbsttest)",
        ),
        (
            "Wir haben einen einzigen IT-Mitarbeiter und wollen bis nächstes Jahr alle Anträge online "
            "anbieten. Schaffen wir das?",
            "Prognosen für einzelne Kommunen",
        ),
    ],
)
def test_the_own_type_and_forecasts_are_uncovered_topics(question, label):
    assert Aspect("topic", label) in asked_aspects(question)


def test_a_share_of_e_invoices_is_a_component_figure_the_study_does_not_give():
    # the study names the E-Rechnung only as an example of a legal duty
    question = "Wie viel Prozent der Kommunen haben die elektronische Rechnung schon eingeführt?"
    assert Aspect("component", "der E-Rechnung") in asked_aspects(question)


def test_a_component_named_before_and_pointed_back_at_is_asked():
    question = (
        "Unser Bürgerbüro will ein Servicekonto anbieten. Wie viele Kommunen haben diesen Baustein schon?"
    )
    assert Aspect("component", "Servicekonten") in asked_aspects(question)


def test_a_share_in_words_for_a_size_class_is_a_subgroup_figure():
    question = "Kennen bei den Gemeinden unter 5.000 Einwohnern so ungefähr ein Fünftel das FIM?"
    assert Aspect("subgroup", "5.000") in asked_aspects(question)


def test_an_online_meeting_is_no_appointment_booking():
    question = (
        "Laut Pressemeldung gab es im Herbst 2020 einen Online-Termin, bei dem Praktiker:innen die "
        "Ergebnisse diskutiert haben – welcher Landkreis war da vertreten?"
    )
    assert "topic" not in kinds(question)
    assert Aspect("topic", "der Online-Terminvergabe") in asked_aspects(
        "Kann man bei Ihnen einen Online-Termin buchen?"
    )


def test_a_state_or_place_that_only_says_who_is_meant_is_no_asked_scope():
    title = "Wie schult eine kleine Gemeinde ihre Beschäftigten?"
    body = (
        "Alle zwei Wochen gibt es mittags Tipps, 50 bis 60 % der Kolleg:innen machen mit. Das Format soll "
        "auf Bauhof, Hausmeister und Kindergärten ausgeweitet werden. Vorgestellt wurde es beim Netzwerk "
        "der Digitallotsen in Baden-Württemberg."
    )
    # the state locates the municipality the person works for
    located = (
        "Der Digitalchef aus der kleinen Gemeinde in Baden-Württemberg schult mittags – wie viele machen mit?"
    )
    assert uncovered_aspect(located, title + "\n" + body, title, body=body) is None
    # asked for the state itself, the figure must be the state's
    scoped = "Wie viele Kolleg:innen in Baden-Württemberg machen bei Mittagsschulungen mit?"
    assert uncovered_aspect(scoped, title + "\n" + body, title, body=body).kind == "state"
    advice = "Jonas Bender (Bad Dürkheim) rät: erst durchgängig digital machen, dann bewerben."
    person = "Der Herr aus Bad Dürkheim – würde der uns zu einer Werbekampagne fürs Bürgerportal raten?"
    assert uncovered_aspect(person, advice, "Wie bewirbt man Online-Dienste?") is None
    role = "Würde der Bürgermeister aus Bad Dürkheim uns zu einer Werbekampagne raten?"
    assert uncovered_aspect(role, advice, "Wie bewirbt man Online-Dienste?").kind == "place"


def test_a_quoted_person_asked_about_a_topic_needs_an_entry_that_quotes_that_person():
    # Written for this test: Mike Weber is quoted in the sources, but not on the Universalprozess.
    question = "Was hält Mike Weber eigentlich vom Universalprozess?"
    told_by_another = "Der Universalprozess ist laut Philipp Stolz eine bessere E-Mail."
    aspect = uncovered_aspect(question, told_by_another, "Was ist der Universalprozess?")
    assert aspect.kind == "speaker" and "Mike Weber" in refusal_text(aspect)
    told_by_him = "Mike Weber hält den Universalprozess für einen Anfang."
    assert uncovered_aspect(question, told_by_him, "Was ist der Universalprozess?") is None
    # the issue's own example stays answered by the real knowledge base
    answer = build_knowledge_base().answer("Was hält Mike Weber vom OZG?")
    assert answer.kind == KIND_ANSWER and "Weber" in answer.message()


@pytest.mark.parametrize(
    "question",
    [
        "Welche Fristen enthält das OZG 2.0, das der Bundestag schließlich verabschiedet hat?",
        "Wie viele Dienste hat die Gemeinde nach dem Start tatsächlich freigeschaltet?",
    ],
)
def test_how_a_plan_turned_out_is_after_the_sources(question):
    assert "after_sources" in kinds(question)


def test_a_breakdown_by_kind_of_municipality_needs_figures_per_kind():
    question = "Gibt es beim Open-Data-Angebot Unterschiede zwischen Kreisen, Städten und Gemeinden?"
    by_type = "Open Data bieten 20,1 % an, die Optimierer am häufigsten (27,3 %)."
    aspect = uncovered_aspect(question, by_type, "Wie verbreitet ist Open Data?")
    assert aspect.kind == "subgroup" and "Kreise, Städte und Gemeinden getrennt" in refusal_text(aspect)
    by_kind = "Open Data bieten Kreise zu 30,2 %, Städte zu 25,0 % und Gemeinden zu 12,1 % an."
    assert uncovered_aspect(question, by_kind, "Wie verbreitet ist Open Data?") is None
    # all kinds named together without a comparison stay no subgroup
    assert "subgroup" not in kinds("Wie viele Gemeinden, Städte und Kreise kennen FIM?")


def test_a_costed_thing_must_stand_near_the_sum():
    # Written for this test.
    question = "Mit welchen Lizenzkosten muss eine Gemeinde für ein Dokumentenmanagementsystem rechnen?"
    training = "Eine Schulung für das Landesportal kostete einen mittleren vierstelligen Betrag."
    assert uncovered_aspect(question, training, "Was fehlt den Kommunen?").kind == "cost"
    asked_training = "Mit welchen Schulungskosten muss eine Gemeinde für das Landesportal rechnen?"
    assert uncovered_aspect(asked_training, training, "Was fehlt den Kommunen?") is None
    licence = "Die Lizenz für das DMS kostet 40 Euro im Monat."
    assert uncovered_aspect(question, licence, "Was kostet ein DMS?") is None


def test_council_meetings_broadcast_live_are_an_uncovered_topic():
    assert "topic" in kinds("Wie viele Kommunen übertragen ihre Ratssitzungen schon live im Internet?")


def test_a_topic_only_in_the_context_is_not_asked_when_the_question_names_its_thing():
    # Written for this test.
    question = (
        "Wir wollen eine Digitalisierungsstelle beim Landrat schaffen. Der Personalrat hält das für Luxus. "
        "In wie vielen Kommunen ist so eine Digitalchef-Rolle zuständig?"
    )
    assert "topic" not in kinds(question)
    # a bare pointer still reaches into the context
    assert "topic" in kinds("Der Personalrat ist dagegen. Wie viele Kommunen haben damit Ärger?")


def test_expenses_are_a_cost():
    assert "cost" in kinds("Mit welchen Ausgaben muss eine Stadt für einen Mängelmelder rechnen?")


def test_a_share_of_a_compound_cost_is_answered_by_a_share_of_the_costs_near_the_thing():
    # Written for this test.
    entry = "Im Programm trägt das Land 80 % der Kosten für den Grundkurs Medienkompetenz."
    asked = "Wie viel von den Kurskosten übernimmt das Land?"
    assert uncovered_aspect(asked, entry, "Welche Programme gibt es?") is None
    # a share of another thing's costs does not answer it
    assert (
        uncovered_aspect("Wie viel von den Lizenzkosten übernimmt das Land?", entry, "Programme").kind
        == "cost"
    )


def test_how_many_exactly_after_the_measure_needs_a_figure_near_the_place():
    # Written for this test.
    question = "Nürtingen hatte erst ein paar Dienste online, wie viele genau?"
    assert uncovered_aspect(question, "In Nürtingen waren 40 Dienste online.", "Stand in Nürtingen") is None
    assert (
        uncovered_aspect(question, "Nürtingen setzt auf Dienste für alle.", "Stand in Nürtingen").kind
        == "place"
    )


def test_a_target_that_was_missed_after_all_is_after_the_sources():
    assert "after_sources" in kinds(
        "Warum hat Nürtingen die geplanten 50 Dienste am Ende doch nicht geschafft?"
    )


def test_a_share_for_a_purpose_the_entry_does_not_name_is_not_covered():
    # Written for this test.
    entry = "38 % nutzen ihre Daten für die Personaleinsatzplanung, 31 % für Prozessoptimierung."
    asked = "Wie viel Prozent nutzen ihre Daten für die Verkehrsplanung?"
    assert uncovered_aspect(asked, entry, "Datennutzung").kind == "purpose"
    assert "Verkehrsplanung" in refusal_text(uncovered_aspect(asked, entry, "Datennutzung"))
    assert (
        uncovered_aspect("Wie viel Prozent nutzen Daten für die Einsatzplanung?", entry, "Datennutzung")
        is None
    )


def test_components_named_in_an_aside_are_examples_not_the_asked_figure():
    asked = "Wie viele Basisdienste – Bezahlfunktion, Servicekonto und so – nutzen die Kommunen im Schnitt?"
    assert "component" not in kinds(asked)
    assert "component" in kinds("Wie viel Prozent der Kommunen bieten eine Bezahlfunktion an?")


@pytest.mark.parametrize(
    "question, parts",
    [
        (
            "Wann kam die Studie heraus, und wie viele Leute haben zugeschaut?",
            ["Wann kam die Studie heraus?", "wie viele Leute haben zugeschaut?"],
        ),
        ("Was ist FIM? Und was kostet das?", ["Was ist FIM?", "was kostet das?"]),
        ("Was ist FIM?", ["Was ist FIM?"]),
        # "Köln und Freiburg" joins two names, not two questions
        (
            "Welche Städte außer Köln und Freiburg waren dabei?",
            ["Welche Städte außer Köln und Freiburg waren dabei?"],
        ),
    ],
)
def test_question_parts(question, parts):
    assert question_parts(question) == parts


@pytest.mark.parametrize(
    "question, fact, refused",
    [
        (
            "Wie viele Kommunen hatten laut der Kommunalstudie 2022 eine fertige Digitalisierungsstrategie, "
            "und wie ist das in Thüringen?",
            "25",
            "Thüringen",
        ),
        ("Was ist ein digitaler Lotse, und was kostet so einer im Jahr?", "Lotse", "Kosten"),
    ],
)
def test_a_two_part_question_gets_its_answerable_part_answered_and_the_other_refused(
    kb, question, fact, refused
):
    answer = kb.answer(question)
    assert answer.kind == KIND_ANSWER
    message = answer.message()
    assert fact in message and "Quelle" in message
    assert "geben meine Quellen nichts her" in answer.other_part_note and refused in answer.other_part_note


def test_a_second_part_leaning_on_the_first_is_not_answered_alone(kb):
    # Alone, "und welche kommen als Nächstes dazu?" would find a neighbouring entry on services.
    answer = kb.answer(
        "Wie viele durchgängig digitale Verfahren hatte Baden-Württemberg zum Zeitpunkt des Gesprächs "
        "fertig, und welche Leistungen kommen als Nächstes dazu?"
    )
    assert answer.kind == KIND_NO_ANSWER and not answer.other_part_note


@pytest.mark.parametrize(
    "question, entry_id, covered",
    [
        # a role with "aus <Ort>" names the person the entry quotes, not the place's own figures
        (
            "Was hält der Digitalverantwortliche aus Salach eigentlich davon, Neuerungen von oben "
            "durchzudrücken?",
            "podcast22-change-management",
            True,
        ),
        # ... unless a figure of the place is asked
        ("Wie viele Leute hat der Digitalchef aus Salach?", "podcast22-ueberblick", False),
    ],
)
def test_a_role_from_a_place_names_the_person(kb, question, entry_id, covered):
    assert (kb._uncovered(question, kb.by_id[entry_id]) is None) == covered


@pytest.mark.parametrize(
    "question, covered",
    [
        # the entry's sum is for a training course, not for what is costed "für …"
        ("Welche Kosten kommen auf eine kleine Gemeinde für die Anschaffung einer Terminsoftware zu?", False),
        ("Mit welchen Kosten muss eine Gemeinde für eine Schulung zum Landesportal rechnen?", True),
    ],
)
def test_the_thing_costed_for_must_stand_near_the_sum(kb, question, covered):
    assert (kb._uncovered(question, kb.by_id["podcast22-leitfaeden-fehlen"]) is None) == covered


@pytest.mark.parametrize(
    "question",
    [
        "Hat die Autorin hinterher noch berichtet, ob ihre Prognose gestimmt hat?",
        "Ist die Rechnung mit dem Standardprozess am Ende aufgegangen?",
        "Wie stark haben sich die Anteile der Typen seitdem verschoben?",
    ],
)
def test_how_it_turned_out_after_the_sources_is_asked(question):
    assert "after_sources" in kinds(question)


def test_the_studys_own_survey_years_are_covered_by_its_entries(kb):
    entry = kb.by_id["studie-strategie-verbreitung"]
    assert kb._uncovered("Wie viele Kommunen hatten 2019 schon eine fertige Digitalstrategie?", entry) is None
    # a year after the study is not the study's
    later = kb._uncovered("Wie viele Kommunen hatten 2021 schon eine fertige Digitalstrategie?", entry)
    assert later is not None and later.kind == "year"


def test_a_cost_typed_without_its_e_is_still_a_cost():
    assert "cost" in kinds("glasfaser kostn pro haushalt kommune?")


def test_a_recommended_network_operator_or_hardware_is_a_product_recommendation(kb):
    question = "Welche Hardware bzw. welchen Netzbetreiber empfehlen die Unterlagen für LoRaWAN?"
    aspect = kb._uncovered(question, kb.by_id["studie-begriff-lorawan"])
    assert aspect is not None and aspect.kind == "topic"
    # hardware the sources do mention is no product recommendation
    youth = kb.by_id["thesen-nachwuchs-stimmungsbild"]
    assert kb._uncovered("Welche Hardware wünschen sich junge Beschäftigte laut den Thesen?", youth) is None


def test_a_share_to_check_gets_the_entry_with_the_figure(kb):
    answer = kb.answer(
        "Stimmt es, dass nicht mal ein Drittel der Kommunen dieses gemeinsame System von Bund und Ländern "
        "mit den einheitlichen Leistungsbeschreibungen und Formularfeldern überhaupt kennt?"
    )
    # the ranking, with or without the semantic layer (without it the described term may stay unsure)
    assert (answer.entry_id or answer.candidates[0]) == "studie-fim-bekanntheit"


def test_money_put_into_something_is_a_cost_but_participatory_budgeting_is_not():
    assert "cost" in kinds("Wer hat mehr Geld in die Digitalisierung gesteckt – Köln oder der Kreis Wesel?")
    assert "cost" not in kinds("Wie verbreitet ist Participatory Budgeting übers Internet bei den Kommunen?")


def test_an_entry_naming_a_social_network_answers_a_social_media_question(kb):
    question = "Haben Community Manager was mit Social Media zu tun?"
    assert kb._uncovered(question, kb.by_id["podcast09-community-manager"]) is None
    # an entry that names none still leaves the topic uncovered
    other = kb._uncovered(
        "Wie viele Kommunen sind auf Social Media aktiv?", kb.by_id["studie-basiskomponenten-ozg"]
    )
    assert other is not None and other.kind == "topic"


def test_which_states_asks_for_an_entry_that_names_states(kb):
    question = "Welche Bundesländer haben FIM schon verpflichtend für ihre Kommunen eingeführt? Alle bitte."
    aspect = kb._uncovered(question, kb.by_id["studie-begriff-fim"])
    assert aspect is not None and aspect.kind == "state" and "Bundesländern" in refusal_text(aspect)
    lotsen = "Nenn mir alle Bundesländer, die ihre Kommunen bei der Ausbildung digitaler Lotsen unterstützen."
    assert kb._uncovered(lotsen, kb.by_id["thesen-digitale-lotsen-laender"]) is None


def test_the_state_that_sets_the_scene_of_a_podcast_municipality_is_no_scope(kb):
    salach = kb.by_id["podcast22-ozg-stand-salach"]
    question = (
        "Auf wie viele Online-Leistungen wollte die kleine Gemeinde aus dem baden-württembergischen "
        "OZG-Gespräch bis zum Herbst kommen?"
    )
    assert kb._uncovered(question, salach) is None
    # another state is still refused, and so is the state as a scope
    assert kb._uncovered("Wie viele Online-Leistungen hat die bayerische Gemeinde aus dem Podcast?", salach)
    assert kb._uncovered("Wie viele Online-Leistungen bieten die Gemeinden in Baden-Württemberg an?", salach)


def test_the_land_named_again_carries_the_states_figure(kb):
    entry = kb.by_id["podcast22-begriff-standardprozess"]
    question = "Wie viele dieser Premium-Abläufe hatte das Land Baden-Württemberg damals schon fertig?"
    assert kb._uncovered(question, entry) is None
    # the state as a scope ("in BW") is no question about the state itself
    scope = kb._uncovered("Wie viele Premium-Abläufe gab es in den Gemeinden in Baden-Württemberg?", entry)
    assert scope is not None and scope.kind == "state"


def test_who_bears_most_of_the_costs_is_answered_by_a_share_of_the_costs():
    question = (
        "Stimmt es, dass Bayern den Großteil der Kosten übernimmt, wenn jemand zur Lotsen-Schulung geht?"
    )
    entry = "Bayern übernimmt im Programm Digitales Rathaus 80 % der Kosten für den Grundkurs Digitallotse."
    assert uncovered_aspect(question, entry) is None
    assert uncovered_aspect("Was kostet die Lotsen-Schulung in Bayern?", entry) is not None


def test_liability_and_legal_advice_are_uncovered(kb):
    question = (
        "Haften wir als Gemeinde, wenn ein über unser Serviceportal eingereichter Antrag verloren geht?"
    )
    aspect = kb._uncovered(question, kb.by_id["podcast22-begriff-universalprozess"])
    assert aspect is not None and aspect.kind == "topic"


def test_a_quoted_persons_misspelled_name_is_that_person(kb):
    kuehn = kb._uncovered(
        "Was sagt Frau Kün aus Wolfenbüttel dazu, wenn wir fertige EfA-Dienste übernehmen wollen?",
        kb.by_id["thesen-begriff-efa"],
    )
    assert kuehn is None
    # a name no entry quotes is still refused
    unknown = asked_aspects("Was empfiehlt Dorothee Baer den Städten bei der Verwaltungsdigitalisierung?")
    assert [a.kind for a in unknown] == ["person"]


def test_a_person_named_with_their_place_is_no_figure_of_the_place(kb):
    question = (
        "Herr Stoltz aus Salach hatte doch ein Ziel, wie viele Verwaltungsdienste bis zum Herbst digital "
        "beantragbar sein sollten – welche Zahl war das?"
    )
    assert kb._uncovered(question, kb.by_id["podcast22-ozg-stand-salach"]) is None
    # someone interviewed, named by their place
    question = "Was hält die Befragte aus Darmstadt von mehr Geld für das Back-End?"
    assert kb._uncovered(question, kb.by_id["thesen-frontend-backend-stimmungsbild"]) is None


def test_a_types_share_in_a_state_needs_an_entry_that_names_the_type(kb):
    question = "Stimmt es, dass in Baden-Württemberg rund 30 % der Kommunen zum Typ Optimierer gehören?"
    aspect = kb._uncovered(question, kb.by_id["podcast22-begriff-standardprozess"])
    assert aspect is not None and aspect.kind == "state"


def test_a_duration_must_be_said_of_the_asked_thing(kb):
    entry = kb.by_id["podcast22-lunch-and-learn"]  # gives two to three hours for the single trainings only
    aspect = kb._uncovered("Wie lange dauert so ein Mittagsformat beim Salacher CDO?", entry)
    assert aspect is not None and aspect.kind == "duration"
    assert kb._uncovered("Wie lange dauern die vertiefenden Einzelschulungen in Salach?", entry) is None


def test_people_who_live_in_a_place_are_its_residents(kb):
    entry = kb.by_id["podcast22-ueberblick"]
    assert kb._uncovered("Wie viele Menschen leben eigentlich in Salach?", entry) is None
    # people counted for something else are no residents
    aspect = kb._uncovered("Wie viele Leute arbeiten im Salacher Rathaus?", entry)
    assert aspect is not None


def test_the_name_of_a_firm_needs_an_entry_that_speaks_of_one(kb):
    question = "Wie heißt das Beratungsunternehmen, das in Salach das Organisationsgutachten erstellt hat?"
    aspect = kb._uncovered(question, kb.by_id["podcast22-cdo-stelle-entstehung"])
    assert aspect is not None and aspect.kind == "name"
    # a known organisation in the entry names the firm
    assert (
        kb._uncovered("Wie heißt das Unternehmen hinter den Thesenpapieren?", kb.by_id["thesen-ueberblick"])
        is None
    )


def test_a_forwarded_messages_frame_is_left_out_of_the_question():
    from dteam.kb.retrieval import _clean

    forwarded = (
        "Hallo, weitergeleitet vom Personalrat: ---- Liebe Kolleg:innen, wie groß wird die Personallücke "
        "2030 laut Axians? ---- Danke euch"
    )
    assert _clean(forwarded).startswith("wie groß wird die Personallücke")
    passed_on = "Guten Morgen, ich leite Ihnen eine Frage unserer Kämmerin weiter: Was ist FIM?"
    assert _clean(passed_on) == "Was ist FIM?"


def test_how_many_out_of_the_staff_counts_the_participants(kb):
    question = "Wie viele aus der Belegschaft machen in Salach bei der Mittagsschulung mit?"
    assert kb._uncovered(question, kb.by_id["podcast22-lunch-and-learn"]) is None


def test_the_name_of_a_consultants_office_needs_an_entry_that_speaks_of_one(kb):
    question = "Wie heißt das Planungsbüro, das in Salach das Gutachten geschrieben hat?"
    aspect = kb._uncovered(question, kb.by_id["podcast22-cdo-stelle-entstehung"])
    assert aspect is not None and aspect.kind == "name"


def test_the_mayors_name_needs_an_entry_that_names_the_mayor(kb):
    # the sources speak of Salach's mayor but quote only its CDO
    question = "Wie heißt eigentlich die Bürgermeisterin oder der Bürgermeister von Salach?"
    aspect = kb._uncovered(question, kb.by_id["podcast22-warum-digitalisierung-lohnt"])
    assert aspect is not None and aspect.kind == "name"
    assert kb._uncovered("Wie heißt der CDO von Salach?", kb.by_id["podcast22-cdo-stelle-entstehung"]) is None


def test_a_compound_measure_is_found_by_its_head(kb):
    question = "Wie viele Verwaltungsleistungen konnte man in Salach damals schon online beantragen?"
    assert kb._uncovered(question, kb.by_id["podcast22-ozg-stand-salach"]) is None


def test_the_cautious_ones_are_the_bedaechtige(kb):
    answer = kb.answer(
        "Bei den Vorsichtigen, die vor allem Pflichten abarbeiten: wie viele werten ihre Daten gar nicht aus?"
    )
    assert answer.entry_id == "studie-bedaechtige-daten"


def test_a_municipality_after_an_indefinite_article_is_no_named_place(kb):
    # "eine Gemeinde Leute" was read as a municipality called "Leute"
    answer = kb.answer(
        "Ich frage mich, welchen Anteil der Kosten der Freistaat Bayern übernimmt, wenn eine Gemeinde Leute "
        "zur Digitallotsen-Ausbildung schickt"
    )
    assert answer.kind == "answer" and "80" in answer.text
    aspect = kb._uncovered(
        "Wie viele Einwohner hat die Gemeinde Leutenbach?", kb.by_id["podcast22-ozg-stand-salach"]
    )
    assert aspect is not None and aspect.kind == "place"


def test_a_role_without_its_pronoun_is_the_askers_context(kb):
    question = (
        "Bin im Personalrat: Wie schätzen die Kommunen selbst ein, wie stark die Beschäftigten bei der "
        "Digitalisierung mitreden können – gibt es da einen Wert?"
    )
    assert kb._uncovered(question, kb.by_id["studie-mitarbeitendenbeteiligung"]) is None
    # asked about the staff council itself, the topic stays uncovered
    asked = "Wie viele Kommunen haben eine Dienstvereinbarung mit dem Personalrat zur Digitalisierung?"
    aspect = kb._uncovered(asked, kb.by_id["studie-mitarbeitendenbeteiligung"])
    assert aspect is not None and aspect.kind == "topic"


def test_the_land_after_the_named_state_is_that_state(kb):
    question = (
        "Standardprozess in BW – wie viele von diesen durchgängigen Komplettlösungen hatte das Land damals "
        "fertig?"
    )
    assert kb._uncovered(question, kb.by_id["podcast22-begriff-standardprozess"]) is None


def test_how_many_took_part_needs_a_number_of_participants(kb):
    question = "Wie viele Kommunen haben an der Kommunalstudie 2022 von STADT.LAND.DIGITAL teilgenommen?"
    aspect = kb._uncovered(question, kb.by_id["thesen-kommunalstudie-2022"])
    assert aspect is not None and aspect.kind == "sample_size"
    ours = "Wie viele Kommunen haben bei der Umfrage für die Typenstudie mitgemacht?"
    assert kb._uncovered(ours, kb.by_id["studie-methode"]) is None


def test_a_time_of_day_needs_a_clock_time(kb):
    question = "Um wie viel Uhr lief die Websession zur Typen-Studie am 29. Oktober 2020?"
    aspect = kb._uncovered(question, kb.by_id["meldung-d-team"])
    assert aspect is not None and aspect.kind == "clock_time"
    assert "Uhrzeit" in refusal_text(aspect)


def test_promoting_services_in_the_official_gazette_is_answered_by_the_entry_on_promoting_them(kb):
    question = "Sollen wir die Online-Anträge im Mitteilungsblatt bewerben? Was raten die Praktiker dazu?"
    assert kb._uncovered(question, kb.by_id["thesen-digitale-angebote-bewerben"]) is None
    # the gazette itself stays a topic the sources do not cover
    aspect = kb._uncovered("Wann erscheint das Amtsblatt digital?", kb.by_id["studie-ueberblick"])
    assert aspect is not None and aspect.kind == "topic"


def test_how_long_gets_the_sentence_with_the_length_of_time(kb):
    answer = kb.answer("Das Lotsenprojekt in Sachsen wurde ja verlängert – für wie lange eigentlich?")
    assert answer.entry_id == "thesen-digitale-lotsen-laender" and "zwei weitere Jahre" in answer.text
    # a duration of another programme does not answer how long a course lasts
    course = "Wie lange dauert der Grundkurs für Digitallotsen in Bayern?"
    aspect = kb._uncovered(course, kb.by_id["thesen-digitale-lotsen-laender"])
    assert aspect is not None and aspect.kind == "duration"


def test_what_lasts_is_found_after_a_place_and_an_adjective(kb):
    question = "Wie lange dauern in Salach die vertiefenden Einzelschulungen zum DMS?"
    assert kb._uncovered(question, kb.by_id["podcast22-lunch-and-learn"]) is None
    aspect = kb._uncovered(
        "Wie lange dauert in Salach eine Mittagsschulung?", kb.by_id["podcast22-lunch-and-learn"]
    )
    assert aspect is not None and aspect.kind == "duration"


def test_how_many_were_asked_is_not_how_many_answered(kb):
    question = "Wie viele Kommunen wurden für die Typen-Studie angeschrieben?"
    aspect = kb._uncovered(question, kb.by_id["studie-methode"])
    assert aspect is not None and aspect.kind == "invited"
    assert (
        kb._uncovered("Wie viele Kommunen wurden für die Typen-Studie befragt?", kb.by_id["studie-methode"])
        is None
    )


def test_the_publication_date_is_the_source_lines_date(kb):
    question = "Von welchem Datum ist die Pressemeldung zur Typen-Studie?"
    assert kb._uncovered(question, kb.by_id["meldung-studie-kommunentypen"]) is None
    aspect = kb._uncovered(
        "An welchem Datum ist die Podcastfolge mit Philipp Stolz erschienen?",
        kb.by_id["podcast22-ueberblick"],
    )
    assert aspect is not None and aspect.kind == "date"


def test_an_amount_to_reckon_with_is_a_cost_but_the_verb_betraegt_is_not():
    assert "cost" in kinds("Mit welchem Jahresbetrag muss eine kleine Gemeinde für eine CDO-Stelle rechnen?")
    assert "cost" not in kinds("Wie viel beträgt der Anteil der Optimierer?")


def test_whether_a_law_has_passed_by_now_is_after_the_sources():
    question = "Wissen Sie, ob das OZG 2.0 inzwischen im Bundestag durch ist?"
    assert Aspect("after_sources") in asked_aspects(question)
    assert Aspect("after_sources") not in asked_aspects("Was ist das OZG 2.0?")


def test_a_teams_size_is_a_head_count_even_with_the_source_named_before_it(kb):
    question = (
        "Der Ausschuss fragt, wie groß eine Digitaleinheit werden kann. "
        "Wie groß ist laut den Thesenpapieren das Team, das der Digitalverantwortliche in Stuttgart leitet?"
    )
    assert kb._uncovered(question, kb.by_id["thesen-ressourcen-nuertingen"]) is None
    # "das Team, das …" is an article and a relative pronoun, no pointer back: the question reads alone.
    assert kb._question_alone(question).startswith("Wie groß ist laut den Thesenpapieren")


def test_the_response_rate_is_no_topic_of_the_sources(kb):
    answer = kb.answer("Wie hoch war die Response Rate der Befragung?")
    assert answer.kind == KIND_NO_ANSWER


def test_a_claimed_share_of_the_costs_is_who_pays_and_an_amount_to_plan_in_is_a_cost(kb):
    question = "Bayern bezuschusst doch den Lotsen-Lehrgang – waren das nicht 75 Prozent der Kosten?"
    assert kb._uncovered(question, kb.by_id["thesen-digitale-lotsen-laender"]) is None
    assert "cost" in kinds("Was muss eine Stadt mit 20.000 Einwohnern für einen Mängelmelder einplanen?")
    assert "cost" not in kinds("Wie viel Zeit muss man für die Einführung einplanen?")


@pytest.mark.parametrize(
    "question, subject",
    [
        (
            "Eine Kollegin sagt, der Grundkurs Digitallotse in Bayern dauert sechs Wochen, stimmt das?",
            "digitallotse",
        ),
        ("Stimmt es, dass die Mittagsrunden in Salach eine Stunde dauern?", "mittagsrunden"),
        ("Dauern die Einzelschulungen in Salach zwei bis drei Stunden?", "einzelschulungen"),
    ],
)
def test_a_claimed_duration_is_a_duration_asked_for(question, subject):
    assert Aspect("duration", subject) in asked_aspects(question)


def test_a_claimed_duration_the_sources_do_not_give_gets_the_honest_no_answer(kb):
    # the lotse entry names the basic course and who pays for it, not how long it lasts
    answer = kb.answer("Mein Chef meint, der Grundkurs Digitallotse dauert ein halbes Jahr. Stimmt das?")
    assert answer.kind == KIND_NO_ANSWER
    entry = kb.by_id["podcast22-lunch-and-learn"]  # two to three hours for the single trainings
    assert kb._uncovered("Dauern die Einzelschulungen in Salach zwei bis drei Stunden?", entry) is None
    assert kb._uncovered("Stimmt es, dass die Mittagsrunden in Salach eine Stunde dauern?", entry) is not None


@pytest.mark.parametrize(
    "question, label",
    [
        (
            "Welches Videokonferenzsystem verwendet der Salacher CDO für seine Schulungen?",
            "videokonferenzsystem",
        ),
        ("Mit welcher Software hat die KGSt die Befragung ausgewertet und gerechnet?", "software"),
        ("Welches Verfahren haben die Autorinnen für die Typenbildung verwendet?", "verfahren"),
    ],
)
def test_which_tool_is_used_is_a_name_asked_for(question, label):
    assert Aspect("name", label) in asked_aspects(question)


def test_which_tool_needs_an_entry_that_speaks_of_that_tool(kb):
    # the lunch-and-learn entry gives tips on the video conference system as a topic, no tool it runs on
    entry = kb.by_id["podcast22-lunch-and-learn"]
    question = "Über welches Tool laufen die Schulungen des Salacher CDO, welches nutzt er?"
    assert Aspect("name", "tool") in asked_aspects(question)
    assert kb._uncovered(question, entry) is not None
    assert kb.answer(question).kind == KIND_NO_ANSWER
    # a question about the tool as a topic is no question for its name
    assert asked_aspects("Welche Tipps gibt Philipp Stolz zu Videokonferenzen?") == []


@pytest.mark.parametrize(
    "question",
    [
        "Wie lange hat es in Nürtingen von der Idee bis zur fertigen Strategie gedauert?",
        "Wie lange dauerte in Salach die Suche nach dem CDO?",
    ],
)
def test_a_duration_asked_in_the_past_tense_is_a_duration(question):
    assert any(aspect.kind == "duration" for aspect in asked_aspects(question))


def test_an_adjective_before_the_thing_that_lasts_is_not_that_thing(kb):
    entry = kb.by_id["podcast22-lunch-and-learn"]  # "einzelne" must not find the "Einzelschulungen"
    aspect = kb._uncovered("Wie lange dauert eine einzelne Lunch-and-Learn-Einheit in Salach?", entry)
    assert aspect is not None and aspect.kind == "duration"
    aspect = kb._uncovered("wie lang dauert so eine mittags-schulungseinheit in salach", entry)
    assert aspect is not None and aspect.kind == "duration"
    assert kb._uncovered("Wie lange dauern die vertiefenden Einzelschulungen in Salach?", entry) is None


@pytest.mark.parametrize(
    "question",
    [
        "Wie viel Prozent der Bürger:innen nutzen die Online-Anträge ihrer Kommune wirklich?",
        "Welcher Anteil der Einwohner nutzt den Online-Mängelmelder tatsächlich?",
        "Wie viele Bürger nutzen eigentlich Online-Bürgerhaushalte?",
    ],
)
def test_a_share_of_the_people_is_not_a_share_of_municipalities(kb, question):
    entry = kb.by_id["studie-partizipation"]  # "Online-Mängelmelder 51,5 %": shares of municipalities
    aspect = kb._uncovered(question, entry)
    assert aspect is not None and aspect.kind == "population_share"
    assert "Bürger:innen" in refusal_text(aspect)
    assert kb.answer(question).kind == KIND_NO_ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "Wie viel Prozent der Kommunen haben einen Online-Bürgerhaushalt?",
        "Wie viele Leute machen bei der OZG-Taskforce in Baden-Württemberg mit?",
        "Wie viel Prozent der Leute im Rathaus machen beim Lunch and Learn mit?",  # staff, not citizens
    ],
)
def test_shares_of_municipalities_and_members_are_no_share_of_the_people(question):
    assert "population_share" not in {aspect.kind for aspect in asked_aspects(question)}


@pytest.mark.parametrize(
    "question, entry_id",
    [
        ("Wie viele Kilometer weit reicht so ein LoRaWAN-Funknetz?", "studie-begriff-lorawan"),
        ("Mit wie vielen Wochenstunden arbeitet der CDO in Salach?", "podcast22-ueberblick"),
    ],
)
def test_a_physical_measure_needs_an_entry_with_that_unit(kb, question, entry_id):
    aspect = kb._uncovered(question, kb.by_id[entry_id])
    assert aspect is not None and aspect.kind == "unit"
    assert "Kilometer" in refusal_text(aspect)


def test_percentage_points_are_no_physical_measure():
    question = "Um wie viele Prozentpunkte liegen die Serviceorientierten bei FIM vor den Bedächtigen?"
    assert "unit" not in {aspect.kind for aspect in asked_aspects(question)}


@pytest.mark.parametrize(
    "question, entry_id",
    [
        ("Wer hat FIM eigentlich ursprünglich erfunden?", "studie-begriff-fim"),
        ("Auf wen geht das Einer-für-Alle-Prinzip zurück?", "thesen-begriff-efa"),
    ],
)
def test_who_first_had_an_idea_needs_an_entry_that_names_its_originator(kb, question, entry_id):
    aspect = kb._uncovered(question, kb.by_id[entry_id])
    assert aspect is not None and aspect.kind == "origin"
    assert "ursprünglich" in refusal_text(aspect)


def test_a_forecasts_origin_is_the_study_the_entry_cites_for_it(kb):
    question = "Auf wen geht diese Prognose zurück, dass 2030 eine Million Fachkräfte fehlen?"
    assert any(aspect.kind == "origin" for aspect in asked_aspects(question))
    assert kb._uncovered(question, kb.by_id["thesen-fachkraeftemangel-2030"]) is None


def test_who_wrote_the_study_is_no_question_of_origin():
    assert "origin" not in {aspect.kind for aspect in asked_aspects("Wer hat die Studie geschrieben?")}


def test_the_states_own_processes_are_the_state_itself(kb):
    # "Landesprozesse": the state's own things – "das Land" in the entry is that state, its figure the answer
    question = (
        "Wie viele von den komplett durchdigitalisierten Landesprozessen in BW gab es damals beim Interview "
        "mit dem Salacher CDO schon?"
    )
    entry = kb.by_id["podcast22-begriff-standardprozess"]
    assert kb._uncovered(question, entry) is None
    # a state's money is no such figure in that entry
    assert kb._uncovered("Wie viele Landesmittel bekommt eine Gemeinde in BW?", entry).kind == "state"


def test_a_speakers_town_in_brackets_says_nothing_about_the_towns_own_services(kb):
    entry = kb.by_id["thesen-digitale-angebote-bewerben"]  # "Jonas Bender (Bad Dürkheim) mahnt …"
    asked = kb._uncovered("Welche Online-Dienste bietet die Stadt Bad Dürkheim schon an?", entry)
    assert asked is not None and asked.kind == "place"
    # the person from that town is what the entry is about
    assert (
        kb._uncovered("Was rät der Digitalisierungsbeauftragte aus Bad Dürkheim zu Online-Diensten?", entry)
        is None
    )
    assert kb._uncovered("Was empfiehlt der Bad Dürkheimer Digitalisierungsbeauftragte?", entry) is None


def test_others_than_the_names_the_entry_gives_need_a_further_name():
    question = "Welche Kommunen außer Ravensburg und Nagold haben die Taskforce mitgegründet?"
    assert Aspect("others", "Ravensburg und Nagold") in asked_aspects(question)
    only_those = "Begonnen hat sie mit etwa acht Kommunen (darunter Ravensburg und Nagold)."
    assert uncovered_aspect(question, only_those, body=only_those) == Aspect(
        "others", "Ravensburg und Nagold"
    )
    more = "Begonnen hat sie mit Ravensburg, Nagold und Tübingen."
    assert uncovered_aspect(question, more, body=more) is None
    # people with first and last name, a list with their towns in brackets
    question = "Welche Fachleute außer Cara Kühn kommen in den Papieren zu Wort?"
    quoted = "Zitiert werden Cara Kühn (Wolfenbüttel), Steffen Greiner (Nürtingen) und andere."
    assert uncovered_aspect(question, quoted, body=quoted) is None
    # no exception asked: nothing to check
    assert not [
        a for a in asked_aspects("Welche Kommunen haben die Taskforce gegründet?") if a.kind == "others"
    ]


def test_a_states_share_of_the_costs_is_no_count_of_its_municipalities():
    entry = "Lotsen: Bayern übernimmt im Programm „Digitales Rathaus“ 80 % der Kosten für den Grundkurs."
    question = "Wie viele bayerische Kommunen haben schon jemanden in den Grundkurs geschickt?"
    assert uncovered_aspect(question, entry).kind == "state"
    # a share of the municipalities is such a count, and an amount asked is answered by the share
    counted = entry.replace("80 % der Kosten für den Grundkurs", "für 30 % der Kommunen den Grundkurs")
    assert uncovered_aspect(question, counted) is None
    assert uncovered_aspect("Wie viel übernimmt Bayern beim Grundkurs?", entry) is None


def test_an_organisation_that_estimates_is_the_source_not_the_subject():
    # "Axians rechnet mit …": the firm gives the forecast; the figure asked is the sector's, not the firm's
    forecast = asked_aspects("Axians rechnet mit einer Personalluecke bis 2030 – wie viele fehlen dann?")
    assert not [a for a in forecast if a.kind == "organisation"]
    own = asked_aspects("Wie viele Mitarbeiter hat Axians?")
    assert [a.label for a in own if a.kind == "organisation"] == ["Axians"]


def test_a_count_needs_its_number_in_the_measures_own_sentence():
    # the staff informed in one sentence, 25 online services counted in the next: no head count
    entry = (
        "In Salach war die Vorbereitung fast fertig: Zuständigkeiten geklärt, Beschäftigte informiert. "
        "Online waren etwa 25 bis 26 Leistungen."
    )
    question = "Wie viele Beschäftigte hat die Gemeindeverwaltung Salach?"
    assert uncovered_aspect(question, entry).kind == "place"
    counted = entry.replace("Beschäftigte informiert", "alle 60 Beschäftigte informiert")
    assert uncovered_aspect(question, counted) is None


def test_where_a_person_lives_is_not_where_he_would_like_to_live():
    wish = "Weber selbst würde als Bürger am liebsten in einer Community-Manager-Kommune leben."
    question = "Mike Weber würde gern in einer Community-Manager-Kommune leben – in welcher Stadt wohnt er?"
    assert uncovered_aspect(question, wish).kind == "residence"
    assert uncovered_aspect(question, wish + " Er wohnt in Berlin.") is None
    # the wish itself is asked: nothing to check
    assert not [a for a in asked_aspects("Wo würde Mike Weber am liebsten wohnen?") if a.kind == "residence"]


def test_when_exactly_is_answered_by_a_month_or_part_of_the_year_of_the_asked_event():
    survey = "Mike Weber erzählt, dass ÖFIT und KGSt Ende 2018/Anfang 2019 viele Kommunen befragten."
    question = "Wann genau lief die Kommunalbefragung?"
    assert uncovered_aspect(question, survey) is None
    # a period of another event does not date the asked one
    review = "Die Bilanz Anfang 2023 zeigte: Auch das OZG brachte nicht den erhofften Schub."
    assert uncovered_aspect("Wann genau ist das OZG 2.0 in Kraft getreten?", review).kind == "date"
    # a day asked for needs a day
    assert uncovered_aspect("An welchem Tag lief die Kommunalbefragung?", survey).kind == "date"


def test_since_when_a_law_applies_now_is_a_status_after_the_sources():
    question = (
        "Seit wann gilt das beschlossene OZG 2.0 und welche neuen Fristen haben die Kommunen damit jetzt?"
    )
    assert "after_sources" in [a.kind for a in asked_aspects(question)]


def test_the_organisations_typology_is_the_source_not_the_subject():
    question = (
        "Unser Fachdienst meint, Kreise landen bei der ÖFIT/KGSt-Typisierung besonders oft im "
        "Effizienz-Lager. Wie groß ist der Anteil?"
    )
    assert "organisation" not in [a.kind for a in asked_aspects(question)]
    # the organisation itself asked about stays an aspect of its own
    assert "organisation" in [a.kind for a in asked_aspects("Wie viele Mitarbeitende hat die KGSt?")]


def test_a_sum_of_money_is_a_cost():
    assert "cost" in [
        a.kind for a in asked_aspects("Mit welcher Summe hat das Ministerium die Studie gefördert?")
    ]
    assert "cost" in [a.kind for a in asked_aspects("Welchen Betrag bekommt ein Digitallotse im Monat?")]
    assert "cost" not in [a.kind for a in asked_aspects("Welche Kommunen haben bei der Studie mitgemacht?")]


def test_a_fee_in_the_story_before_a_question_for_a_name_is_no_cost():
    story = (
        "Im Podcast ging es darum, dass eine Gemeinde einen Online-Antrag einer anderen Stadt übernimmt, nur "
        "mit eigenem Namen und eigener Gebühr. Welche Stadt diente da als Beispiel?"
    )
    assert "cost" not in [a.kind for a in asked_aspects(story)]
    # who pays the fee is still asked about money
    assert "cost" in [a.kind for a in asked_aspects("Die Kurse kosten ja Geld. Wer zahlt die Gebühr?")]


def test_a_horizon_in_years_answers_when(kb):
    answer = kb.answer("Wann muss laut Mike Weber niemand mehr über die Digitalisierung der Kommunen reden?")
    assert answer.entry_id == "podcast09-analog-digital"
    assert "zehn Jahren" in answer.text


def test_the_speakers_task_before_a_colon_is_context():
    framed = (
        "Ich bin Kämmerin und rechne gerade unsere IT-Betriebskosten durch: Welcher Anteil der "
        "E-Government-Bausteine läuft bei den Kommunen über private Firmen?"
    )
    assert "cost" not in [a.kind for a in asked_aspects(framed)]
    # the cost asked after the colon stays asked
    asked = asked_aspects("Ich frage für den Haushalt: Was kostet ein Digitallotse?")
    assert "cost" in [a.kind for a in asked]


def test_a_salary_as_the_head_of_a_compound_is_a_cost():
    asked = asked_aspects(
        "Mit welchem Jahresgehalt muss eine Kleinstadt rechnen, wenn sie eine CDO-Stelle ausschreibt?"
    )
    assert "cost" in [a.kind for a in asked]
    # "aufgehalten" holds no salary
    assert "cost" not in [
        a.kind for a in asked_aspects("Welche Projekte wurden durch die Pandemie aufgehalten?")
    ]


def test_how_often_a_group_meets_needs_a_frequency(kb):
    question = "In welchem Rhythmus trifft sich die OZG-Taskforce in Baden-Württemberg?"
    aspect = kb._uncovered(question, kb.by_id["podcast22-ozg-taskforce"])
    assert aspect is not None and aspect.kind == "frequency"
    assert "wie oft" in refusal_text(aspect)
    assert kb.answer(question).kind == KIND_NO_ANSWER
    # an entry that gives the rhythm answers it; "wie oft" for a share asks no frequency
    assert (
        kb._uncovered(
            "In welchen Abständen findet Lunch and Learn statt?", kb.by_id["podcast22-lunch-and-learn"]
        )
        is None
    )
    share = "Wie oft ist bei den Optimierern der Bürgermeister für die Digitalisierung zuständig?"
    assert "frequency" not in [a.kind for a in asked_aspects(share)]


def test_hosting_of_the_components_is_who_runs_them(kb):
    question = (
        "Welche Art von Kommune verlässt sich beim Hosting ihrer digitalen Verwaltungsbausteine am stärksten "
        "auf die kommunalen Rechenzentren?"
    )
    assert kb._uncovered(question, kb.by_id["studie-basiskomponenten-betrieb"]) is None
    # hosting as such is still no topic of the sources
    aspect = kb._uncovered(
        "Sollten wir unsere Fachverfahren extern hosten lassen?", kb.by_id["studie-ueberblick"]
    )
    assert aspect is not None and aspect.kind == "topic"


def test_the_size_by_population_is_the_number_of_inhabitants(kb):
    answer = kb.answer(
        "Wie groß ist – gemessen an der Bevölkerung – im Mittel eine Stadt oder Gemeinde vom vorsichtigen, "
        "abwartenden Typ?"
    )
    assert answer.entry_id == "studie-einwohnerzahl-typen" and "18.824" in answer.text


def test_the_taskforce_names_its_first_members(kb):
    answer = kb.answer("Mit welchen Kommunen hat die OZG-Taskforce in Baden-Württemberg angefangen?")
    assert answer.entry_id == "podcast22-ozg-taskforce" and "Ravensburg" in answer.text


def test_how_many_use_something_is_not_how_many_know_it(kb):
    question = "Wie viele Kommunen setzen die FIM-Bausteine schon tatsächlich in ihren Online-Formularen ein?"
    aspect = kb._uncovered(question, kb.by_id["studie-fim-bekanntheit"])
    assert aspect is not None and aspect.kind == "use"
    assert "einsetzen" in refusal_text(aspect)
    # how many know it is answered there; how many use a DMS is answered by the entry on its use
    assert (
        kb._uncovered("Wie viel Prozent der Kommunen kennen FIM?", kb.by_id["studie-fim-bekanntheit"]) is None
    )
    assert (
        kb._uncovered("Wie viele Kommunen nutzen ein DMS?", kb.by_id["studie-basiskomponenten-ozg"]) is None
    )


def test_an_entry_on_one_state_answers_what_its_speaker_says_of_the_state_it_contrasts(kb):
    # "… intakter als etwa in Nordrhein-Westfalen": what Weber says of NRW is in the entry on Rheinland-Pfalz
    entry = kb.by_id["podcast09-rheinland-pfalz"]
    assert kb._uncovered("Was sagt Mike Weber im Podcast über Nordrhein-Westfalen?", entry) is None
    assert (
        kb._uncovered("Warum klappt laut Weber die Zusammenarbeit vor Ort in NRW schlechter?", entry) is None
    )
    # a fact or a figure of that state is not
    for question in (
        "Welcher Kommunentyp ist in Nordrhein-Westfalen am häufigsten?",
        "Wie viele Community Manager gibt es laut Podcast in NRW?",
    ):
        aspect = kb._uncovered(question, entry)
        assert aspect is not None and aspect.kind == "state"


def test_a_format_for_learning_is_no_question_about_the_own_type(kb):
    from dteam.kb.analysis import analyse

    question = "Wir sollen jetzt auch so ein Mittagsformat zum Lernen einführen – was ist das genau?"
    assert not analyse(question, kb.synonyms).own_type_ref
    assert analyse("Was können wir lernen?", kb.synonyms).own_type_ref


def test_a_total_over_all_kinds_is_no_count_of_the_kreise(kb):
    # "412 Gemeinden, Städte und Kreise" counts everyone who took part
    question = "Wie viele der 412 befragten Kommunen waren Landkreise?"
    aspect = kb._uncovered(question, kb.by_id["studie-methode"])
    assert aspect is not None and aspect.kind == "subgroup"
    # a figure for the Kreise themselves covers it
    assert kb._uncovered("Wie viele Kreise sind Optimierer?", kb.by_id["studie-optimierer-profil"]) is None


@pytest.mark.parametrize(
    "question, covered",
    [
        ("Mit welchem Rechenverfahren wurde die Clusteranalyse gemacht, k-Means oder hierarchisch?", False),
        ("Hat die Studie ein hierarchisches Clusterverfahren verwendet?", False),
        ("Wie wurden die Kommunentypen ermittelt?", True),
        ("Was ist eine Clusteranalyse?", True),
    ],
)
def test_the_clustering_algorithm_is_not_in_the_sources(kb, question, covered):
    # The study names the cluster analysis, not its algorithm: the method entry must not answer that.
    for entry_id in ("studie-begriff-clusteranalyse", "studie-methode"):
        assert (kb._uncovered(question, kb.by_id[entry_id]) is None) == covered


@pytest.mark.parametrize(
    "question, kind",
    [
        # "geben … aus": spending asked with the separable verb
        (
            "Wie viel geben Kommunen im Schnitt pro Jahr und Einwohner für Digitalisierung aus?",
            KIND_NO_ANSWER,
        ),
        # firms by name: the entry that speaks of "den Herstellern" names none
        (
            "Welche Fachverfahrenshersteller bieten schon eigene Online-Dienste mit Anbindung ans "
            "Fachverfahren an?",
            KIND_NO_ANSWER,
        ),
        # a compound measure ("Verwaltungsleistungen") is not counted by another compound of its first part
        # ("eine Stelle für Verwaltungsdigitalisierung")
        ("Wie viele Verwaltungsleistungen bietet die Stadt Nürtingen schon online an?", KIND_NO_ANSWER),
        # ... while the firm behind the theses papers is named
        ("Welches Unternehmen hat die Thesenpapiere herausgegeben?", KIND_ANSWER),
        ("Welche Unternehmen stehen hinter den Thesenpapieren?", KIND_ANSWER),
    ],
)
def test_spending_and_firms_by_name(kb, question, kind):
    assert kb.answer(question).kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "Was steht in der OZG-Novelle, die der Bundestag am Ende tatsächlich beschlossen hat?",
        "Wie hat sich die Verteilung der vier Typen nach Corona verändert?",
        "Gab es zu der Typen-Studie eigentlich eine Nachbefragung?",
    ],
)
def test_a_law_passed_in_the_end_a_follow_up_survey_and_change_after_corona_are_after_the_sources(question):
    assert Aspect("after_sources") in asked_aspects(question)


def test_the_studys_own_survey_and_corona_in_the_study_are_not_after_the_sources():
    assert Aspect("after_sources") not in asked_aspects("Wann war die Befragung für die Typen-Studie?")
    assert Aspect("after_sources") not in asked_aspects(
        "Berücksichtigt die Studie schon die Corona-Pandemie?"
    )


def test_training_on_data_protection_is_an_uncovered_topic_the_training_figures_do_not_answer():
    question = "Bieten die Kommunen ihren Leuten auch Schulungen zum Datenschutz an, und wie viele tun das?"
    training = "Fast alle Kommunen schulen zu Fachverfahren (74,9 %), weniger zu Arbeitsweisen (33,8 %)."
    assert uncovered_aspect(question, training) == Aspect(
        "topic", "Schulungen zu Datenschutz und IT-Sicherheit"
    )
    # other training topics stay answerable
    assert uncovered_aspect("Wie viele Kommunen schulen ihre Leute in den Fachverfahren?", training) is None


def test_a_claim_about_where_a_named_municipality_stands_by_now_is_after_the_sources():
    claim = "Stimmt es, dass Bad Dürkheim den Bewohnerparkausweis inzwischen komplett online ausstellt?"
    assert Aspect("after_sources") in asked_aspects(claim)
    assert Aspect("after_sources") in asked_aspects(
        "stimmt es dass salach inzwischen eine zweite stelle für die digitalisierung geschaffen hat"
    )
    # a claim about a figure the sources report as reached by then names no municipality
    assert Aspect("after_sources") not in asked_aspects(
        "Stimmt es, dass Chatbots mittlerweile in etwa jeder zehnten Kommune im Einsatz sind?"
    )


def test_whether_a_target_was_reached_in_the_end_is_after_the_sources():
    question = (
        "Der CDO wollte bis zum Herbst 180 Leistungen online haben. Hat die Gemeinde das am Ende erreicht?"
    )
    assert Aspect("after_sources") in asked_aspects(question)


def test_a_percentage_asked_for_a_state_is_not_answered_by_a_hunch_about_it(kb):
    answer = kb.answer("Welchen Prozentanteil haben Community Manager unter den Kommunen in Rheinland-Pfalz?")
    assert answer.kind == KIND_NO_ANSWER


def test_a_duration_asked_of_a_thing_there_is_asked_of_the_thing():
    # "dort" points at the place; the thing that lasts comes after it
    question = "Wie lange dauert dort eine einzelne Lunch-and-Learn-Einheit?"
    assert Aspect("duration", "lunch") in asked_aspects(question)
    entry = "Lunch and Learn: alle zwei Wochen mittags praktische Tipps."
    assert uncovered_aspect(question, entry) == Aspect("duration", "lunch")


def test_who_leads_a_named_body_needs_an_entry_that_says_who_leads_it():
    question = "Wer leitet die Digitalakademie BW?"
    assert uncovered_aspect(question, "Die Digitalakademie BW schult Digitallotsen.") == Aspect("leader")
    assert uncovered_aspect(question, "Die Digitalakademie BW, geleitet von Frau Muster, schult.") is None


def test_chat_shorthand_keeps_the_question_whole():
    # "kommunalverw." and "inzw." end no sentence: the cost and "by now" are still asked
    assert Aspect("cost") in asked_aspects("lizenzkosten dms/e-akte für kleine kommunalverw. ca.?")
    question = "ozg 2.0 – ist das inzw. beschlossen und seit wann gilt es"
    assert Aspect("after_sources") in asked_aspects(question)


def test_who_moderated_needs_an_entry_that_names_a_moderator():
    question = "wer hat die websession zur typenstudie am 29.10.2020 moderiert"
    entry = "Die Studie wurde am 29.10.2020 in einer Websession vorgestellt."
    assert uncovered_aspect(question, entry) == Aspect("moderator")
    assert uncovered_aspect("Wer moderiert den Podcast?", "Moderator Felix Schmitt spricht mit …") is None


def test_a_figure_asked_of_a_place_there_needs_that_figure(kb):
    answer = kb.answer(
        "Wir vergleichen uns gern mit Betzdorf-Gebhardshain, das im Podcast als Vorbild genannt wird. "
        "Wie hoch ist dort die Glasfaserabdeckung der Haushalte?"
    )
    assert answer.kind == KIND_NO_ANSWER
    # the share of staff who take part is the participation asked
    question = "Dieses Mittagsformat in Salach, wo der CDO Tipps zeigt – wie groß ist da die Beteiligung?"
    answer = kb.answer(question)
    assert answer.kind == KIND_ANSWER and "50 bis 60" in answer.message()


def test_a_count_in_keywords_for_the_state_an_entry_is_about_is_answered(kb):
    answer = kb.answer("anzahl standardprozesse bw zum zeitpunkt vom salach-interview ca.")
    assert answer.kind == KIND_ANSWER and "zwanzig" in answer.message()


def test_a_name_asked_in_keywords_and_a_moderator_named_later_in_the_question():
    question = "name vom beratungsbüro, das das organisationsgutachten für salach erstellt hat"
    entry = "In Salach gab ein Organisationsgutachten den Anstoß: Ein Berater stellte fest, dass …"
    assert uncovered_aspect(question, entry) == Aspect("name", "buero")
    question = "Wer führte am 29. Oktober 2020 als Moderator:in durch die Online-Diskussion zur Typen-Studie?"
    assert Aspect("moderator") in asked_aspects(question)


def test_how_long_a_process_takes_needs_an_entry_on_that_process():
    question = "Wie lange dauert die Einführung eines Dokumentenmanagementsystems?"
    entry = "Nach einer Einheit zum Dokumentenmanagementsystem folgten Einzelschulungen von drei Stunden."
    assert uncovered_aspect(question, entry) == Aspect("duration", "einfuehrung")
    assert uncovered_aspect(question, "Die Einführung des DMS dauerte zwei Jahre.") is None


def test_a_town_of_the_sources_is_a_place_also_in_lower_case():
    # Ravensburg is named in the podcast (the OZG task force); its own figures are not
    assert Aspect("place", "Ravensburg") in asked_aspects("wie viele ozg leistungen hat ravensburg online")


def test_what_a_municipality_pays_for_something_is_a_cost_refused_as_such(kb):
    answer = kb.answer(
        "In dem Podcast aus Salach ging es um die Hundeanmeldung, die komplett online bis zum Steuerbescheid "
        "läuft. Was zahlt eine Gemeinde dem IT-Dienstleister des Landes für so einen durchgängigen Prozess?"
    )
    assert answer.kind == KIND_NO_ANSWER and answer.aspect == Aspect("cost")
    assert asked_aspects("Was zahlt sich bei der Digitalisierung am ehesten aus?") == []


def test_components_listed_as_examples_with_usw_are_not_what_is_asked(kb):
    answer = kb.answer(
        "In der Studie gab es eine Liste mit zehn Grundbausteinen – Bezahlfunktion, Bürgerkonto, E-Akte und "
        "so weiter. Wie viele davon hat eine Kommune im Durchschnitt im Einsatz?"
    )
    assert answer.kind == KIND_ANSWER and "3,31" in answer.text
    # named alone, a component without a figure is still refused as such
    assert kb.answer("Wie viele Kommunen haben E-Payment und so?").aspect == Aspect("component", "E-Payment")


def test_which_is_cheaper_asks_a_cost():
    question = "Was ist günstiger: ein E-Akten-System selbst betreiben oder es beim Rechenzentrum einkaufen?"
    assert Aspect("cost") in asked_aspects(question)


@pytest.mark.parametrize(
    "question",
    [
        "ozg 2.0 wie ist das am ende im bundesrat ausgegangen",
        "Hat Nagold sein Ziel von fünfzig Onlinediensten bis zum Sommer am Ende erreicht?",
        "Erklären Sie mir bitte, wie sich die Anteile der vier Typen seit der Corona-Pandemie verschoben "
        "haben.",
    ],
)
def test_how_things_turned_out_after_the_sources_is_asked_as_such(question):
    assert Aspect("after_sources") in asked_aspects(question)
    assert Aspect("after_sources") not in asked_aspects(
        "Wovon ist die Studie bei der Typenbildung ausgegangen?"
    )


def test_where_a_quoted_speaker_works_is_no_state_asked_about():
    quoted = (
        "Wer schafft laut dem Forscher vom Berliner Kompetenzzentrum eher die OZG-Frist, die "
        "Effizienz-Kommunen oder die bürgerorientierten?"
    )
    assert not [a for a in asked_aspects(quoted) if a.kind == "state"]
    asked = "Welcher Typ schafft laut dem Forscher die OZG-Frist in Berlin?"
    assert Aspect("state", "Berlin") in asked_aspects(asked)
    # a person named by where they work
    quoted = "Der Amtsleiter aus Sachsen, der im Podcast zu Wort kommt – was hält er von Onlinediensten?"
    assert not [a for a in asked_aspects(quoted) if a.kind == "state"]


def test_a_forecast_year_is_covered_although_the_asker_writes_gerade():
    entry = "Bis 2030 fehlen im öffentlichen Dienst rund eine Million Fachkräfte."
    question = (
        "Moin zusammen, ich schreibe gerade an einer Vorlage: Wie viele Fachkräfte könnten dem öffentlichen "
        "Dienst um 2030 herum fehlen?"
    )
    assert uncovered_aspect(question, entry) is None
    assert uncovered_aspect("Wie viele Fachkräfte fehlen jetzt, im Jahr 2030?", entry) is not None


def test_a_duration_asked_by_its_noun_and_a_long_moderator_question():
    assert Aspect("duration", "mittagsschulung") in asked_aspects(
        "Dauer einer einzelnen Mittagsschulung in Salach"
    )
    question = "wer hat eigentlich die Online-Diskussion am 29. Oktober 2020 zur Typenstudie moderiert?"
    assert Aspect("moderator") in asked_aspects(question)


def test_a_states_rule_needs_an_entry_that_states_one():
    question = (
        "Schreibt Rheinland-Pfalz den Verbandsgemeinden vor, eine Digitalisierungsstrategie aufzustellen?"
    )
    view = "Mike Weber vermutet, Rheinland-Pfalz könnte viele Community Manager haben."
    assert uncovered_aspect(question, view) == Aspect("state", "Rheinland-Pfalz")
    rule = "In Rheinland-Pfalz ist eine Digitalisierungsstrategie für Verbandsgemeinden verbindlich."
    assert uncovered_aspect(question, rule) is None
    # a question without a rule asked is covered by the view
    assert uncovered_aspect("Was sagt Mike Weber über Rheinland-Pfalz?", view) is None


def test_the_last_of_a_list_of_example_components_asks_for_none_of_them():
    question = (
        "Wie viele Bausteine wie E-Akte, Bezahlfunktion oder Servicekonto nutzen die Kommunen im Schnitt?"
    )
    assert not [a for a in asked_aspects(question) if a.kind == "component"]
    asked = "Wie viel Prozent der Kommunen nutzen ein Servicekonto?"
    assert Aspect("component", "Servicekonten") in asked_aspects(asked)


def test_what_a_place_offers_needs_the_thing_near_its_name():
    question = "Welche Online-Dienste bietet die Verbandsgemeinde Betzdorf-Gebhardshain ihren Bürgern an?"
    about = "Welche Kommunen sind Beispiele für die Typen? Quelle: Podcast, Folge 9"
    example = "Der Moderator nennt die Verbandsgemeinde Betzdorf-Gebhardshain als Beispiel für einen Typ."
    assert uncovered_aspect(question, example, about=about) == Aspect("place", "Betzdorf-Gebhardshain")
    offers = "Die Verbandsgemeinde Betzdorf-Gebhardshain bietet zwanzig Online-Dienste an."
    assert uncovered_aspect(question, offers, about=about) is None
    # an entry about the place answers as a whole ("Welche Tipps hat der CDO aus Salach …?")
    salach = "Podcast, Folge 22: OZG in der Landgemeinde Salach"
    tips = "Philipp Stolz rät kleinen Gemeinden, klein anzufangen. In Salach begann es mit einer Stelle."
    assert (
        uncovered_aspect("Welche Tipps hat der CDO aus Salach für kleine Gemeinden?", tips, about=salach)
        is None
    )


def test_an_it_service_provider_the_sources_name_is_a_firms_name():
    question = "Welchen IT-Dienstleister nennt Philipp Stolz?"
    named = "Wichtiger als IT-Dienstleister wie Komm.ONE ist die Taskforce."
    assert uncovered_aspect(question, named) is None
    assert uncovered_aspect(question, "Wichtiger als der IT-Dienstleister ist die Taskforce.") is not None
