"""Tests for the practice questions and answer parsing (dteam/interview/practices.py)."""

import pytest

from dteam.interview import practices
from dteam.interview.practices import QUESTION_ORDER, QUESTIONS, SKIPPED, describe_value, parse_answer
from dteam.study.data import get_table

CONTRACT = {
    "strategy": {"vorhanden", "in_entwicklung", "keine"},
    "responsibility": {
        "hvb",
        "cio",
        "cdo",
        "fachbereich_it",
        "fachbereich_organisation",
        "steuerungsunterstuetzung",
        "fachdezernate",
    },
    "egov_components": {
        "chatbots",
        "mobile_apps",
        "dms",
        "de_mail",
        "formularserver",
        "e_payment",
        "servicekonto",
        "eid",
        "verwaltungspostfach",
        "suchfunktion",
    },
    "fim_known": {"ja", "nein"},
    "data_use": {
        "bestandsaufnahme",
        "personaleinsatzplanung",
        "prozessoptimierung",
        "automatisierung",
        "open_data",
    },
    "training": {
        "fachverfahren",
        "technologische_trends",
        "arbeitsweisen",
        "arbeitsorganisation",
        "fuehrungskraefte",
    },
    "participation": {
        "buergerhaushalt",
        "befragungen",
        "maengelmelder",
        "planungsverfahren",
        "sprechstunden",
        "civic_tech",
    },
    "fibre": {"eigenregie", "lokale_akteure", "gebietskoerperschaften", "foerdermittel"},
    "community_support": {"lokale_wirtschaft", "startups", "wlan", "ehrenamt"},
    "municipality_kind": {"gemeinde", "stadt", "kreis"},
}


def test_option_values_follow_contract():
    for qid, values in CONTRACT.items():
        assert {o.value for o in QUESTIONS[qid].options} == values
    assert len(practices.PRACTICE_IDS) <= 10
    assert set(QUESTION_ORDER) == set(QUESTIONS)


def test_table_rows_exist_for_every_mapped_option():
    for qid in practices.PRACTICE_IDS:
        question = QUESTIONS[qid]
        table = get_table(question.table)
        for option in question.options:
            if option.table_row is not None:
                table.row(option.table_row)  # raises if the row id is wrong


def test_question_texts_are_german_and_formal():
    for question in QUESTIONS.values():
        assert "?" in question.text
        assert " du " not in question.text.lower() and " dein" not in question.text.lower()


def test_buttons_contain_skip_and_none():
    buttons = practices.question_buttons("egov_components")
    values = [b["value"] for b in buttons]
    assert "dms" in values and "keine" in values and SKIPPED in values
    assert {"title": "Ja", "value": "ja"} in practices.question_buttons("fim_known")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ca. 12.000", 12000),
        ("12 Tsd.", 12000),
        ("12000 Einwohner", 12000),
        ("rund 1,2 Mio.", 1_200_000),
        ("1.2 Mio", 1_200_000),
        ("120 000", 120000),
        ("knapp 50.000 EW", 50000),
        ("12,5 Tausend", 12500),
        ("8.750", 8750),
        # Ranges give their middle: "15 bis 20 tausend" was noted as 15, "15-20 Tausend" as 1.520.000.
        ("irgendwas um die 15 bis 20 tausend", 17500),
        ("15-20 Tausend", 17500),
        ("zwischen 15.000 und 20.000", 17500),
        ("8000 bis 9000", 8500),
        # The number said to be inhabitants, not the first one.
        ("5 Ortsteile mit 12000 Einwohnern", 12000),
    ],
)
def test_inhabitants(text, expected):
    result = parse_answer("inhabitants", text)
    assert result.ok and result.value == expected


@pytest.mark.parametrize("text", ["viele", "0", "99999999", "12,5", ""])
def test_inhabitants_bad_input_gets_german_message(text):
    result = parse_answer("inhabitants", text)
    assert not result.ok
    assert "Einwohner" in result.message or "Antwort" in result.message


def test_inhabitants_skip():
    assert parse_answer("inhabitants", "weiß ich nicht").value == SKIPPED


@pytest.mark.parametrize(
    "qid, text, expected",
    [
        ("municipality_kind", "Gemeinde", "gemeinde"),
        ("municipality_kind", "wir sind eine Große Kreisstadt", "stadt"),
        ("municipality_kind", "Landkreis", "kreis"),
        ("municipality_kind", "Verbandsgemeinde", "gemeinde"),
        ("strategy", "ja", "vorhanden"),
        ("strategy", "noch nicht, aber in Arbeit", "in_entwicklung"),
        ("strategy", "haben wir nicht", "keine"),
        ("strategy", "nichts", "keine"),  # was "nicht verstanden"
        ("strategy", "Wir haben doch eine Strategie", "vorhanden"),  # was not understood
        ("strategy", "Wir haben schon eine", "vorhanden"),
        ("strategy", "Wir haben eine, die ist nur nicht beschlossen", "in_entwicklung"),  # was "Nein"
        ("strategy", "Noch nicht fertig", "in_entwicklung"),
        ("strategy", "weiß nicht", SKIPPED),
        ("fim_known", "kenne ich nicht", "nein"),
        ("fim_known", "ja klar", "ja"),
        ("fim_known", "überspringen", SKIPPED),
        ("strategy", "vorhanden", "vorhanden"),  # button payload
    ],
)
def test_single_choice(qid, text, expected):
    result = parse_answer(qid, text)
    assert result.ok and result.value == expected


@pytest.mark.parametrize(
    "qid, text, expected",
    [
        ("egov_components", "DMS und E-Payment", ["dms", "e_payment"]),
        ("egov_components", "E-Akte, Servicekonto, BundID", ["dms", "servicekonto"]),
        ("egov_components", "keine", []),
        ("egov_components", "Chatbot ist geplant, DMS haben wir", ["dms"]),
        ("egov_components", "alle außer Chatbot", sorted(CONTRACT["egov_components"] - {"chatbots"})),
        ("egov_components", "dms,e_payment", ["dms", "e_payment"]),  # button payloads
        ("egov_components", "weiß nicht", SKIPPED),
        ("responsibility", "IT-Abteilung und Hauptamt", ["fachbereich_it", "fachbereich_organisation"]),
        ("responsibility", "unsere Digitalisierungsbeauftragte", ["cdo"]),
        ("responsibility", "der Bürgermeister", ["hvb"]),
        ("data_use", "Personaleinsatzplanung und Open Data", ["personaleinsatzplanung", "open_data"]),
        ("data_use", "gar nicht", []),
        # "None" after a filler was not understood ("Eigentlich gar nicht").
        ("data_use", "Eigentlich gar nicht", []),
        ("data_use", "Ehrlich gesagt, nichts davon", []),
        # The topic said back first was read by e5 as "Bestandsaufnahme der Daten".
        ("data_use", "Daten? Eher nicht, wir haben ja kaum welche", []),
        # Reports and statistics only: none of the uses the study asked about
        ("data_use", "Nur Statistiken für den Haushalt, sonst nix", []),
        ("data_use", "Prozessoptimierung, sonst nur ein paar Statistiken", ["prozessoptimierung"]),
        ("training", "Schulungen: keine", []),
        ("training", "überhaupt nicht", []),
        ("participation", "so gut wie gar nicht", []),
        ("community_support", "Momentan keine", []),
        ("community_support", "Hm, eher nicht", []),
        ("training", "Fachverfahren und agile Methoden", ["fachverfahren", "arbeitsweisen"]),
        ("participation", "Mängelmelder und Bürgerhaushalt", ["buergerhaushalt", "maengelmelder"]),
        ("participation", "Umfragen", ["befragungen"]),
        ("fibre", "mit Fördermitteln und dem Zweckverband", ["gebietskoerperschaften", "foerdermittel"]),
        ("fibre", "machen wir selbst", ["eigenregie"]),
        # "None" said anywhere: "Die Stadt hält sich raus" was proposed as "Mit lokalen Akteuren".
        ("fibre", "Die Stadt hält sich da komplett raus", []),
        ("fibre", "Die Telekom baut bei uns aus, wir halten uns raus", []),
        ("participation", "Da passiert bei uns gar nichts", []),
        ("fibre", "Machen wir nicht selbst, das läuft über den Zweckverband", ["gebietskoerperschaften"]),
        ("community_support", "Ehrenamtsplattform und Gründerzentrum", ["startups", "ehrenamt"]),
        ("community_support", "freies WLAN", ["wlan"]),
    ],
)
def test_multi_choice(qid, text, expected):
    result = parse_answer(qid, text)
    assert result.ok
    if isinstance(expected, list):
        assert sorted(result.value) == sorted(expected)
    else:
        assert result.value == expected


@pytest.mark.parametrize(
    "qid, text",
    [
        ("egov_components", "hmm"),
        ("strategy", "blau"),
        ("municipality_kind", "Stadt und Kreis"),
        ("participation", "x" * 100000),
        ("fibre", ""),
    ],
)
def test_unclear_answers_get_german_help(qid, text):
    result = parse_answer(qid, text)
    assert not result.ok
    assert result.message and ("Bitte" in result.message or "nicht" in result.message)


def test_unknown_question_raises():
    with pytest.raises(KeyError):
        parse_answer("shoe_size", "42")


def test_describe_value():
    assert describe_value("egov_components", ["dms", "e_payment"]) == "DMS / E-Akte und E-Payment"
    assert describe_value("egov_components", []) == "keine"
    assert describe_value("inhabitants", 12000) == "rund 12.000 Einwohner:innen"
    assert describe_value("strategy", SKIPPED) == "übersprungen"
    assert describe_value("fim_known", None) == "nicht gefragt"
    assert describe_value("municipality_kind", "kreis") == "Kreis"


@pytest.mark.parametrize(
    "value, band",
    [
        (1, "unter_10000"),
        (9999, "unter_10000"),
        (10000, "10000_bis_49999"),
        (49999, "10000_bis_49999"),
        (50000, "50000_bis_99999"),
        (199999, "100000_bis_499999"),
        (500000, "ab_500000"),
        (3_700_000, "ab_500000"),
    ],
)
def test_size_bands(value, band):
    assert practices.size_band(value)[0] == band


@pytest.mark.parametrize(
    "question, text, expected",
    [
        ("strategy", "Wir schreiben gerade an einer", "in_entwicklung"),
        ("strategy", "Da sind wir noch dran", "in_entwicklung"),
        ("strategy", "Noch nicht, aber wir fangen nächsten Monat an", "in_entwicklung"),
        ("strategy", "Leider bisher Fehlanzeige", "keine"),
        ("responsibility", "Das macht bei uns der Hauptamtsleiter nebenher", ["fachbereich_organisation"]),
        # A named specialist office is a Fachamt; the Hauptamt stays Organisation.
        ("responsibility", "Das macht bei uns der Kämmerer nebenher", ["fachdezernate"]),
        ("responsibility", "Bauamt und Hauptamt", ["fachbereich_organisation", "fachdezernate"]),
        ("responsibility", "Die Finanzabteilung", ["fachdezernate"]),
        ("fim_known", "Sagt mir nichts", "nein"),
        ("data_use", "Wir haben eine Übersicht, welche Daten wir überhaupt haben", ["bestandsaufnahme"]),
    ],
)
def test_everyday_wording_of_staff(question, text, expected):
    result = parse_answer(question, text)
    assert result.ok and result.value == expected


@pytest.mark.parametrize(
    "question, text, expected",
    [
        # A cue after a place preposition says where another option is ...
        ("responsibility", "Ein Digitalisierungsbeauftragter beim Landrat", ["cdo"]),
        ("community_support", "Freifunk am Rathausplatz und ein Gründerzentrum", ["startups", "wlan"]),
        ("community_support", "WLAN-Hotspots am Marktplatz", ["wlan"]),
        # ... but is an answer of its own alone or in its own part of the answer.
        ("responsibility", "Liegt beim Bürgermeister", ["hvb"]),
        ("responsibility", "Im Hauptamt und beim Bürgermeister", ["hvb", "fachbereich_organisation"]),
    ],
)
def test_a_place_is_no_option_of_its_own(question, text, expected):
    result = parse_answer(question, text)
    assert result.ok and result.value == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "alle",
            [
                "fachverfahren",
                "technologische_trends",
                "arbeitsweisen",
                "arbeitsorganisation",
                "fuehrungskraefte",
            ],
        ),
        (
            "alles außer Führung",
            ["fachverfahren", "technologische_trends", "arbeitsweisen", "arbeitsorganisation"],
        ),
        # "für alle" and "alle Beschäftigten" are people, not every option.
        ("Schulungen zu Fachverfahren für alle Beschäftigten", ["fachverfahren"]),
        ("Fachverfahren, und zwar für alle", ["fachverfahren"]),
    ],
)
def test_all_means_every_option_only_when_it_is_not_about_people(text, expected):
    result = parse_answer("training", text)
    assert result.ok and result.value == expected
