"""Routing that loses no question (issue 10, part 3): which intent a user message finally gets.

The intent classifier knows the words it was trained on; a question it does not place firmly must
still reach the knowledge base, which answers or says honestly that its sources do not cover it.
`route(text, intent, confidence)` returns the intent to use:

- a question (ends with "?" or starts like one) that no command intent claims with high confidence
  goes to the knowledge base (`ask_question`), and so does a question the classifier gave up on
  (`nlu_fallback`) or took for an interview answer (`inform`, ...);
- the self-test starts only when the user wants to take it ("Welcher Typ sind wir?", "Test
  starten"), not on any question that mentions types ("Welcher Kommunentyp ist der beste?");
- the assistant's own statistics only on an explicit request about them ("Statistik", "bisher",
  "den Selbsttest schon gemacht"), not on survey questions ("Wie viele Gemeinden in Sachsen haben
  mitgemacht?"); a statement without words about statistics is no request either (fallback: inside
  the interview it is read as an answer);
- commands that act on the user's things (team, report, deletion, target) need their word ("IT-Abteilung"
  creates no team), and an answer option typed instead of clicked ("Suchfunktion") is an answer;
- questions about the assistant itself go where they are answered: the own goals and "Warum nicht
  serviceorientiert?" to the result, "Werden meine Daten gespeichert?" to the privacy notice (never to
  a deletion), "Wie lange dauert der Test?" and "Wie war das mit dem Bericht?" to the help, "Wer hat
  dich gebaut?" to the self-description, "Wie haben andere Kommunen abgeschnitten?" to the statistics;
  a message in another language to the fallback, which says the assistant answers in German.

Button payloads ("/intent…") are never rerouted. Pure module: no Rasa import.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dteam.followup.codes import looks_like_code
from dteam.followup.guide import TEAM, asks_how_a_feature_works, help_topic
from dteam.interview.goals import (
    WHY_ASKED,
    asks_the_sources,
    extract_goals,
    keeps_only_places,
    queries_rather_than_answers,
)
from dteam.interview.goals import analyse as analyse_goals
from dteam.kb.aspects import names_a_state
from dteam.result.steps import named_type, wants_another_type
from dteam.text import DICTATION_FILLERS, DICTATION_SAY, looks_foreign

KNOWLEDGE_INTENT = "ask_question"
FALLBACK_INTENT = "nlu_fallback"
START_INTENT = "start_interview"
STATISTICS_INTENT = "show_statistics"
INFORM_INTENT = "inform"
REPORT_INTENT = "request_report"
DELETE_INTENT = "delete_my_data"
HELP_INTENT = "help"
# Intents that mean "this is an answer", never a question to the assistant.
ANSWER_INTENTS = frozenset({"inform", "affirm", "deny"})
# Steps through the interview ("Fertig", "weiß nicht", "zurück"); a clear question of this many words or more
# is no such step ("Wie, das war's?" stays one).
STEP_INTENTS = frozenset({"finish_goals", "skip", "go_back"})
STEP_QUESTION_MIN_WORDS = 4
# Follow-ups on the user's own result (issue 11) need a self-reference ("Warum sind wir …?") or a
# short message ("Warum dieser Typ?"); "Warum braucht es einen Kulturwandel?" is a knowledge question.
RESULT_PART_INTENT = "result_part"  # a part of the own result; the text names which ("Vergleich")
OWN_RESULT_INTENTS = frozenset(
    {"own_result_why", "own_result_meaning", "own_result_next", "own_result_what_if", RESULT_PART_INTENT}
)
OWN_RESULT_MAX_WORDS_WITHOUT_REFERENCE = 4
# Questions about the assistant itself ("Was kannst du?", "Welche Fragen kann ich stellen?") belong
# to these intents however sure the classifier is: the knowledge base cannot answer them.
ASSISTANT_INTENTS = frozenset({"help", "show_examples", "bot_challenge"})
# Below this confidence a command intent does not claim a question (set before measuring, not tuned).
COMMAND_CONFIDENCE = 0.80

_W_WORD = (
    r"was|wie|wer|wem|wen|wessen|wo|woher|wohin|wann|warum|wieso|weshalb|weswegen|welche\w*|wozu|"
    r"wofür|womit|worin|worauf|woran|worüber|wovon|wodurch|inwiefern|inwieweit|"
    # typed without umlauts: "wofuer steht das"; "wieviele" in one word
    r"wofuer|wofur|worueber|woruber|wieviel\w*"
)
# "Mit welchen Kosten …", "Seit wann …", "Von wem …": a preposition before the w-word.
_PREPOSITIONS = r"mit|in|an|auf|aus|bei|für|von|zu|nach|ab|bis|seit|über|unter|gegen|durch|um"
_PREPOSITION = r"(?:(?:" + _PREPOSITIONS + r"|im|am|beim|fuer|vom|zum|zur)\s+)?"
# A claim to check: "stimmt es, dass hessen … fördert" (asked without its question mark, too).
_CLAIM_TO_CHECK = r"stimmt\s+es|stimmt\s+das|ist\s+es\s+(?:richtig|wahr)|trifft\s+es\s+zu"
# Dictated questions open with fillers: "ähm sag mal ganz grob wie viele …", "äh wie viele …".
_QUESTION_START = re.compile(
    r"^\s*"
    + DICTATION_FILLERS
    + r"(?:(?:und|aber|also|ok|okay|hallo|"
    + DICTATION_SAY
    + r"|mal\s+eine\s+frage)[,:]?\s+)?"
    # "gibts zahlen wie oft …": the chat spelling of "gibt es"
    r"(?:" + _PREPOSITION + r"(?:" + _W_WORD + r")|gibt\s+es|gibts|gibt's|gab\s+es|erklär\w*|erläuter\w*|"
    r"kannst\s+du\s+mir|können\s+sie\s+mir|weißt\s+du|wissen\s+sie|ist\s+es\s+so|" + _CLAIM_TO_CHECK + r")\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# "In welchem Jahr …", "Mit welchen Kosten …", "Seit wann …": no answer starts like this.
_PREPOSITION_QUESTION = re.compile(
    r"^\s*(?:" + _PREPOSITIONS + r"|im)\s+(?:welche[rsnm]?|wem|wen|wann|wessen|wie\s+viel\w*)\b",
    re.IGNORECASE,
)
# A w-word followed by a verb or a quantity: "Was ist …", "Wie viele …" – not "Wie gesagt, …".
_STRONG_QUESTION_START = re.compile(
    # a claim to check ("stimmt es, dass …") is no answer, even without its question mark
    r"^\s*(?:und\s+|also\s+)?(?:" + _CLAIM_TO_CHECK + r")\s*,?\s+dass?\b|"
    # "wieviele kommunen gibts …": how many, whatever follows
    r"^\s*" + _PREPOSITION + r"wie\s?viel\w*\s+\w|"
    # "welcher typ lässt seine komponenten … betreiben": which type, whatever the verb
    r"^\s*"
    + _PREPOSITION
    + r"welche[rsnm]?\s+(?:kommunen)?(?:typ\w*|gruppe\w*)\s+(?!(?:wir|ich|sie|es|man|unser\w*)\b)\w|"
    # "was bremst …", "wer setzt …": what or who with a verb in the third person – not "Was fehlt, ist …"
    r"^\s*(?:was|wer)\s+(?!(?:uns|mich|mir|ich|wir|euch|die|der|das|man|sonst|jetzt|halt|erst|nicht|recht|gut|"
    r"mit|meist|fast|selbst|zuletzt|zuerst|genau|bisher|noch)\b)\w{2,}t\s+\w|"
    # "Welcher Typ nutzt …", "Welche Kommunen haben …": the w-word with its noun before the verb
    r"^\s*"
    + _PREPOSITION
    + r"(?:"
    + _W_WORD
    + r"|welche[rsnm]?\s+(?!(?:wir|ich|sie|es|man|die|der|das|davon)\b)\w+)\s+"
    # "is": "Was is FIM", "wie gross is Salach"
    # "heist": typed with one s ("wie heist der bürgermeister von salach")
    r"(?:ist|is|sind|war|waren|bedeutet|bedeuten|heißt|heisst|heist|kostet|kosten|groß|gross|hoch|oft|häufig|"
    r"macht|machen|hat|haben|hatte|kann|können|soll|sollen|muss|müssen|viele|viel|lange|genau|denn|"
    r"versteht|verstehen|meint|meinen|steht|stehen|gibt|gab|sagt|sagen|hält|halten|bringt|bringen|"
    r"gehört|gehören|passiert|läuft|laufen|funktioniert|wird|werden|wurde|wurden|hängt|hängen|"
    r"nutzt|nutzen|fördert|fördern|kommt|kommen|schafft|schaffen|unterscheidet|unterscheiden|"
    r"liegt|liegen|liegt's|liegts|geht|gehen|sieht|sehen|tut|tun|denkt|denken|findet|finden|zeigt|zeigen|"
    r"braucht|brauchen|entsteht|entstehen|wirkt|wirken|lernt|lernen|droht|drohen|kriegt|kriegen)\b",
    re.IGNORECASE,
)
# The self-test by its name
_TEST_NOUNS = r"selbst\s?-?\s?test\w*|test|fragebogen"
_WANTS_SELF_TEST = re.compile(
    rf"\b(?:{_TEST_NOUNS}|einordnung|einstufung|check)\b.*\b(?:start\w*|beginn\w*|"
    r"mach\w*|durchführ\w*|anfang\w*|los\w*|mitmach\w*|ausfüll\w*)\b"
    rf"|\b(?:start\w*|beginn\w*|mach\w*|durchführ\w*|anfang\w*|ausfüll\w*)\b.*\b(?:{_TEST_NOUNS})\b"
    r"|\bwelche\w*\s+(?:kommunen)?typ\w*\s+(?:sind|ist|wären|wäre|passt|entspricht)\s+"
    r"(?:wir|ich|unsere\w*|meine\w*|zu\s+uns|uns)\b"
    r"|\b(?:zu\s+)?welche\w*\s+(?:kommunen)?typ\w*\s+(?:gehört|gehören|zählt|zählen|passt|passen|"
    r"entspricht|entsprechen)\s+(?:wir|unsere\w*|meine\w*|uns)\b"
    r"|\bwas\s+für\s+ein\w*\s+(?:kommunen)?typ\w*\s+(?:sind|ist)\s+(?:wir|unsere\w*|meine\w*)\b"
    r"|\b(?:unsere\w*|meine\w*)\s+(?:kommune|gemeinde|stadt|verwaltung|kreis)\w*\s+(?:einordnen|"
    r"einstufen|zuordnen|testen|bewerten)\b"
    r"|\bwo\s+(?:steht|stehen)\s+(?:wir|unsere\w*|meine\w*)\b"
    # the same in a subordinate clause: "ich würde gern wissen, was für ein Typ wir sind"
    r"|\b(?:was\s+für\s+ein\w*|welche\w*)\s+(?:kommunen)?typ\w*\s+(?:wir|ich|unsere\w*\s+\w+)\s+"
    r"(?:sind|bin|ist|wären|wäre|sein)\b"
    r"|\bzu\s+welche\w*\s+(?:kommunen)?typ\w*\s+(?:wir|unsere\w*\s+\w+)\s+"
    r"(?:gehören|gehört|zählen|zählt|passen|passt)\b"
    r"|\bwo\s+(?:wir|unsere\w*\s+\w+)\s+(?:\w+\s+)?(?:steh\w*|lieg\w*)\b"
    r"|^\s*(?:los|start|starten|loslegen|los\s+geht'?s)\s*[.!]*\s*$",
    re.IGNORECASE,
)
# "bisher" alone is only a time ("Was hat X bisher gebracht?"): a statistics request names results too.
_SO_FAR_RESULTS = (
    r"\b(?:bisher\w*|bislang|bis\s+jetzt)\b.*\b(?:\w*typ\w*|ergebnis\w*|verteil\w*|nutzer\w*|nutzende\w*|"
    r"teilgenommen|mitgemacht|einschätzung\w*|auswertung\w*|optimierer\w*|bedächtig\w*|serviceorient\w*|"
    r"community|test\w*)\b"
)
_OWN_STATISTICS = re.compile(
    r"\w*statistik\w*|" + _SO_FAR_RESULTS + r"|(?:\b(?:\w*typ\w*|ergebnis\w*|verteil\w*|nutzer\w*|"
    r"optimierer\w*|bedächtig\w*|serviceorient\w*|community)\b.*\b(?:bisher\w*|bislang|bis\s+jetzt)\b)|"
    r"\bschon\s+(?:teilgenommen|mitgemacht|"
    r"gemacht|ausgefüllt)|\b(?:den|diesen|ihren|deinen|euren)\s+(?:selbst\s?-?\s?)?test\b|\bselbsttest\w*|"
    r"\bnutzer\w*|\bnutzende\w*|\bbei\s+(?:dir|euch)\b|\bhier\s+im\s+chat\b|"
    r"\b(?:die|den)\s+anderen\b.*\b(?:ergebnis\w*|abgeschnitten|schneiden|heraus\w*|raus)\b|"
    r"\b(?:ergebnis\w*|einschätzung\w*)\b.*\b(?:der|aller|die|den)\s+anderen\b",
    re.IGNORECASE,
)
# Taking part in something other than the self-test ("beim Förderprojekt … mitgemacht", "an der Befragung
# teilgenommen"): a question for the sources.
_TOOK_PART_ELSEWHERE = re.compile(
    r"\b(?:bei|beim|an|am|im|in)\s+(?:der\s+|dem\s+|den\s+|einem\s+|einer\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:[\w-]*projekt\w*|[\w-]*programm\w*|befragung|studie|umfrage|erhebung|taskforce|modellvorhaben|"
    r"pilot\w*|wettbewerb\w*)\b(?=.*\b(?:mitgemacht|teilgenommen|mitmachen|teilnehmen|beteiligt)\b)",
    re.IGNORECASE,
)
# "Verteilung der Typen" is ours, unless the survey is named: "Ist die Verteilung der Typen aus der Befragung
# auf ganz Deutschland übertragbar?" asks about the study's sample.
_TYPE_DISTRIBUTION = re.compile(r"\bverteilung\s+der\s+(?:typen|ergebnisse)\b", re.IGNORECASE)
_NAMES_THE_SURVEY = re.compile(
    r"\b(?:studie\w*|befragung\w*|umfrage\w*|erhebung\w*|stichprobe\w*|befragt\w*|öfit|oefit|kgst)\b",
    re.IGNORECASE,
)

# "welches statistik verfahren bei der typenbildung, k-means oder hierarchisch?": the study's statistics
_STUDY_METHOD = re.compile(
    r"\b(?:\w*verfahren|method\w*|typenbildung|typisierung|cluster\w*|k-means|hierar?ch\w*|faktorenanalys\w*|"
    r"signifikan\w*|repräsentativ\w*|reprasentativ\w*|stichprobe\w*|gewicht\w*)\b",
    re.IGNORECASE,
)

# A statement ("Gesamtauswertung bitte") asks for the statistics with words about them; one without
# ("Wir haben eine, die ist aber schon etwas älter" – an interview answer) is no request.
_STATISTICS_WORDS = re.compile(
    r"\w*statistik\w*|\w*auswertung\w*|\bverteil\w*|\beinschätzungen\b|\bübersicht\w*|\bzahlen\b",
    re.IGNORECASE,
)
# A longer statement that only names such a word is about the user's own work ("Nur Statistiken für den
# Haushalt, sonst nix" answers how the data are used): a request is short or says it wants to see them.
STATISTICS_BARE_MAX_WORDS = 4
_WANTS_TO_SEE = re.compile(
    r"\b(?:zeig\w*|anzeig\w*|sehen|ansehen|anschauen|anguck\w*|bitte|möcht\w*|will|wollen|würde\w*|hätte\w*|"
    r"gib|geben|gern|interessier\w*)\b",
    re.IGNORECASE,
)


def _requests_statistics(message: str) -> bool:
    """A statement that asks for the assistant's statistics (the classifier said show_statistics)."""
    if asks_own_statistics(_STATISTICS_WORDS.sub(" ", message)):
        return True  # "Ergebnisse der anderen Nutzer", "Was haben die anderen bisher raus"
    if not _STATISTICS_WORDS.search(message) or names_a_state(message):
        # "Kommunentypen Verteilung Bayern": a federal state's figures are asked of the sources, not ours
        return False
    return len(message.split()) <= STATISTICS_BARE_MAX_WORDS or bool(_WANTS_TO_SEE.search(message))


# Commands that change or hand out the user's things act only when the message names them: the
# classifier sent "IT-Abteilung" (an interview answer) to create_team because of "ein Team für die
# Abteilung". Without its word a message is a fallback (in the interview: read as an answer).
_DELETE_VERBS_BUT_FORGET = ("lösch", "losch", "loesch", "entfern", "widerruf")
_DELETE_VERB = re.compile("|".join((*_DELETE_VERBS_BUT_FORGET, "vergess")), re.IGNORECASE)
# "Und noch die Vereine, die hätte ich fast vergessen": forgetting something oneself, no deletion request.
_FORGOT = re.compile(
    r"\b(?:fast|beinahe|glatt|ganz|hätte|hätt|habe|hab|hatte|nicht)\b(?:\s+\w+){0,3}\s+vergessen\b"
    r"|\bvergessen\s+zu\s+\w+",
    re.IGNORECASE,
)
_DELETE_VERB_BUT_FORGET = re.compile("|".join(_DELETE_VERBS_BUT_FORGET), re.IGNORECASE)
# "Wie lösche ich Daten nach der DSGVO in der Verwaltung?" deleted the conversation: deleting data in
# the administration is a question on the subject, not a request about what the assistant stored.
_OWN_DATA = re.compile(
    r"\b(?:mein\w*|unser\w*|mich|mir|alles|hier|dies\w*\s+(?:unterhaltung|gespräch\w*|chat\w*)|"
    r"\w*verlauf\w*|recht\s+auf\s+löschung)\b",
    re.IGNORECASE,
)
_OTHERS_DATA_CONTEXT = re.compile(
    r"\b(?:dsgvo|datenschutz\w*|verwaltung\w*|bürger\w*|akten?|personal\w*|aufbewahr\w*|archiv\w*|"
    r"fachverfahren|kommunen?|behörde\w*|amt|ämter\w*|beschäftigte\w*|mitarbeite\w*)\b",
    re.IGNORECASE,
)
_COMMAND_CUES = {
    "create_team": re.compile(r"team|gruppe|gemeinsam|kolleg|workshop|mehrere", re.IGNORECASE),
    REPORT_INTENT: re.compile(
        r"bericht|pdf|report|ausdruck|ausdrucken|drucken|dokument|herunterlad|download|zusammenfassung",
        re.IGNORECASE,
    ),
    # "Ich will nicht, dass meine Antworten gespeichert bleiben" asks for deletion too.
    DELETE_INTENT: re.compile(
        _DELETE_VERB.pattern + r"|nicht\b.*\bgespeichert|speicher\w*\s.*\bnicht\b", re.IGNORECASE
    ),
    # "Wir wollen uns trauen, auch mal was zu probieren" (a goal answer) was taken for help.
    HELP_INTENT: re.compile(
        r"hilf|hilfe|help|was\s+kann|kann\s+ich|kannst|was\s+können|können\s+sie|funktion\w*|benutze|"
        r"wie\s+geht|tun\s+soll|erklär|"
        r"anleitung|menü|optionen|möglichkeit\w*|was\s+geht|biete\w*|nicht\s+weiter|verstehe\s+nicht",
        re.IGNORECASE,
    ),
    # "Teamergebnis", "unser Team" – not "Microsoft Teams".
    "show_team_result": re.compile(
        r"\bteam(?:s?ergebnis\w*|auswertung\w*)?\b|\bteam-|\b(?:des|unseres|meines|dieses|eures)\s+teams\b|gruppe",
        re.IGNORECASE,
    ),
    # "Das Letzte bitte nach vorne" (a goal reordering) wiped the whole conversation.
    "restart_conversation": re.compile(
        r"\bneu(?:start\w*|es\s+gespräch)?\b|von\s+vorn|zurück\s*(?:zu\s*)?setz|reset|restart|anfang|"
        r"vorne?\s+(?:an)?fangen|auf\s+null",
        re.IGNORECASE,
    ),
    "set_target": re.compile(
        r"soll|ziel|zukunft|künftig|wohin|jahr|20[2-9]\d|werden|entwickeln|vordergrund|aufstellen",
        re.IGNORECASE,
    ),
}
# Intents that say nothing was understood (or only a greeting): a wish to take the test still counts.
_NOT_UNDERSTOOD = frozenset({FALLBACK_INTENT, "out_of_scope", "greet"})
_WISH = re.compile(r"\b(?:will|wollen|möchte\w*|würde\w*\s+gern\w*|lass(?:t)?\s+uns)\b", re.IGNORECASE)
# Intents that interrupt the interview although the message is exactly an answer option's name
# ("Suchfunktion" was taken for help, "Chatbot" for the question whether this is a bot).
_ANSWER_BEFORE = frozenset(
    {"help", "bot_challenge", "show_examples", "greet", "thank", "goodbye", "out_of_scope", "nlu_fallback"}
    | set(_COMMAND_CUES)
    | {STATISTICS_INTENT, START_INTENT}
)

_SELF_REFERENCE = re.compile(
    r"\b(?:wir|uns|unser\w*|ich|mich|mir|mein\w*)\b|\bdies\w*\s+(?:typ|ergebnis)\b|\bergebnis\w*\b|"
    r"^\s*(?:und\s+)?(?:was\s+wäre|und\s+wenn|angenommen|wenn)\b",
    re.IGNORECASE,
)
# "Wie sieht das im Vergleich aus?", "Und im Vergleich zu anderen?" right after the result: the
# comparison of one's own result, though it names no "wir" (only when the NLU took it for one).
_COMPARISON_OF_IT = re.compile(
    r"^\s*(?:und\s+)?(?:wie\s+(?:sieht|schaut)\s+(?:das|es)\s+)?im\s+vergleich\b"
    r"(?:\s+(?:zu|mit)\s+(?:den\s+)?anderen(?:\s+(?:kommunen|gemeinden|städten|typen))?)?\s*(?:aus)?\s*\??\s*$",
    re.IGNORECASE,
)

_ADDRESSES_ASSISTANT = re.compile(
    r"\b(?:du|dir|dich|dein\w*|bist|euch|assistent\w*|bot|chatbot|ki|hier|chat|ihnen|mensch\w*|maschine|"
    r"funktion\w*)\b|\b(?:können|kannst|könnten|sind)\s+sie\b|"
    r"\b(?:kann|darf|spreche|rede|bin)\s+ich\b",
    re.IGNORECASE,
)

# "Welche Ziele hatte ich nochmal angegeben?": the user's own goals, shown with why they lead to the
# type (own_result_why), not the study's list of ten goals.
_ASKS_OWN_GOALS = re.compile(
    r"\b(?:welche|was\s+für)\s+ziele\s+(?:hatte|habe|hab|haben|hatten)\s+(?:ich|wir)\b"
    r"|\b(?:was\s+(?:waren|sind)|wie\s+(?:waren|lauten|lauteten))\s+(?:nochmal\s+|noch\s+mal\s+)?"
    r"(?:meine|unsere)\s+ziele\b",
    re.IGNORECASE,
)
OWN_GOALS_INTENT = "own_result_why"

# "Ist das gut oder schlecht?" right after the result was taken for a complaint (an apology): it asks
# what the result means – for the type's strengths and where the most is to gain.
_JUDGES_IT = re.compile(
    r"^\W*(?:und\s+)?(?:ist|wäre)\s+(?:das|es)\s+(?:(?:denn|jetzt|nun|eigentlich|also|so)\s+)*"
    r"(?:gut|schlecht|schlimm|normal|positiv|negativ)(?:\s+oder\s+(?:eher\s+)?(?:gut|schlecht|schlimm|nicht))?"
    r"(?:\s+für\s+uns)?\W*$",
    re.IGNORECASE,
)
MEANING_INTENT = "own_result_meaning"
# "Und was machen die anderen Typen besser?" after the result got the four types' overview: it asks what
# the own municipality can learn from them (the study's D-Team idea). Not "Was machen Optimierer besser?".
_OTHERS_DO_BETTER = re.compile(
    r"^\W*(?:und\s+)?was\s+machen\s+(?:denn\s+|eigentlich\s+)*(?:die\s+)?anderen?"
    r"(?:\s+(?:typen|kommunen|gemeinden|städte|kreise))?\s+(?:denn\s+|eigentlich\s+|so\s+)*besser"
    r"(?:\s+als\s+(?:wir|uns))?\W*$",
    re.IGNORECASE,
)

# "Wie lange dauert der Test?", "Kann ich den Test unterbrechen?": how the self-test works – the help
# says it (about five minutes, skip, back, result now, stop); the sources know nothing of it.
_ABOUT_THE_SELF_TEST = re.compile(
    r"\b(?:selbst\s?-?\s?)?test\b.*\b(?:dauer\w*|lange|unterbrech\w*|später|weitermach\w*|fortsetz\w*|pausier\w*|"
    r"überspring\w*|abbrech\w*|funktionier\w*|zurück)\b"
    r"|\b(?:dauer\w*|unterbrech\w*|überspring\w*|abbrech\w*|funktionier\w*)\b.*\b(?:selbst\s?-?\s?)?test\b",
    re.IGNORECASE,
)

# "Werden meine Daten gespeichert?", "Ist das anonym?", "Wer sieht meine Antworten?": what the assistant
# stores (privacy_info) – never a deletion, and not the sources' data-protection topics ("Was sagen
# die Thesenpapiere zum Datenschutz?" names no data of the user's).
PRIVACY_INTENT = "privacy_info"
_USERS_DATA = (
    r"(?:mein\w*|unser\w*)\s+(?:\w+\s+)?(?:daten|antworten|angaben|ergebnis\w*|eingaben|gespräch\w*|verlauf)"
)
# "Ich möchte meine Daten lieber nicht angeben" got "nicht verstanden": a worry about what is stored.
_WITHHOLDS_DATA = re.compile(
    r"\b"
    + _USERS_DATA
    + r"\b.*\bnicht\s+(?:\w+\s+)?(?:angeben|preisgeben|nennen|hergeben|verraten|eingeben)\b"
    r"|\blieber\s+anonym\b",
    re.IGNORECASE,
)
_PRIVACY_QUESTION = re.compile(
    r"\b" + _USERS_DATA + r"\b.*\b(?:gespeichert|speicher\w*|anonym\w*|sicher|weitergegeben|weitergeben|"
    r"aufbewahrt|vertraulich|gesehen|einsehen|lesen|gelesen)\b"
    r"|\b(?:gespeichert|speicher\w*|anonym\w*|weitergegeben|aufbewahrt)\b.*\b" + _USERS_DATA + r"\b"
    r"|\b(?:wer|wen)\s+(?:sieht|kann|darf|liest|bekommt|kriegt)\b.*\b" + _USERS_DATA + r"\b"
    r"|\b(?:können|kann|dürfen|darf)\s+(?:andere|kolleg\w*|der\s+chef|die\s+chefin|vorgesetzte)\b.*\b"
    + _USERS_DATA
    + r"\b.*\b(?:sehen|einsehen|lesen|abrufen)\b"
    r"|\bwas\s+passiert\s+mit\s+" + _USERS_DATA + r"\b"
    r"|\b(?:ist|bleibt|sind|bleiben)\s+(?:das|der\s+(?:selbst)?test|alles|es)\s+(?:hier\s+)?(?:\w+\s+)?"
    r"(?:anonym|vertraulich|datenschutzkonform)\b"
    r"|\b(?:speicher[nst]*|speichert)\s+(?:du|ihr|sie|der\s+assistent|der\s+bot)\b"
    r"|\bwas\s+speicher\w*\s+(?:du|ihr|sie|der\s+assistent|der\s+bot)\b",
    re.IGNORECASE,
)

_USES_A_PRODUCT = re.compile(
    r"\b(?:einsetzen|einzusetzen|nutzen|verwenden|benutzen|einführen|betreiben)\b|\bin\s+der\s+verwaltung\b",
    re.IGNORECASE,
)

# "Meint Herr Weber, dass es je nach Bundesland mehr von einem Typ gibt?" was taken for privacy_info:
# the privacy notice needs a word about the user's data or its storing.
_COMMAND_CUES[PRIVACY_INTENT] = re.compile(
    r"daten|speicher|anonym|vertraulich|weitergegeben|weitergeben|sieht|sehen|einsehen|lesen|"
    r"passiert\s+mit|eingebe|schreibe",
    re.IGNORECASE,
)
# "Und wenn Innovation wichtiger wäre?" names a goal or the ranking; "Übernimmt ein Land die Kosten,
# wenn wir jemanden ausbilden lassen?" (taken for own_result_what_if) names neither.
WHAT_IF_INTENT = "own_result_what_if"
_WHAT_IF_CUE = re.compile(
    r"wichtig\w*|ziel\w*|reihenfolge|rang\w*|vorn\w*|zuerst|typ\w*|stelle|priorit\w*|tausch\w*|statt|"
    r"anders|weglass\w*|streich\w*|ersetz\w*",
    re.IGNORECASE,
)

# Other people's conversations, answers or data ("die Gespräche anderer Nutzer", "was Kollegen geantwortet
# haben") – not the anonymous statistics ("Wie haben die anderen abgeschnitten?").
_OTHERS_DATA = re.compile(
    r"\b(?:gespräch\w*|chat\w*|unterhaltung\w*|verl[äa]uf\w*|antworten|nachrichten|eingaben)\s+"
    r"(?:von\s+(?:den\s+)?|der\s+)?(?:anderer|anderen|fremde\w*)\s*(?:nutzer\w*|nutzende\w*|leute|personen|"
    r"menschen|kolleg\w*|kommunen|user\w*|benutzer\w*)?\b"
    r"|\b(?:fremde|andere\w*)\s+(?:gespräch\w*|chats?|unterhaltung\w*|verläufe)\b"
    # "Zeig mir, was die anderen aus Salach geantwortet haben" (not the study's respondents: a request)
    # (bounded gaps: unbounded ones took 0.2 s on a crafted 2,000-character message)
    r"|\b(?:zeig\w*|gib|sag\w*|verrat\w*)\b[^.!?]{0,60}?\bwas\s+(?:die\s+)?anderen\b[^.!?]{0,60}?"
    r"\b(?:geantwortet|angegeben|eingegeben|geschrieben|angekreuzt)\b",
    re.IGNORECASE,
)

# "Warum nicht serviceorientiert?", "Wieso sind wir keine Community Manager?": why the own result is not
# the named type (own_result_why explains it with that type's hallmark goal). Not "Warum sind die
# Bedächtigen nicht experimentierfreudig?": the negation must sit right before the type, or the user
# speaks of their own municipality.
_WHY_NOT = re.compile(r"\b(?:warum|wieso|weshalb|weswegen)\b[^.!?]*\b(?:nicht|kein\w*)\b", re.IGNORECASE)
_NOT_THE_TYPE = re.compile(
    r"\b(?:nicht|kein\w*)\s+(?:(?:zu|bei|den|die|der|einer?|eher|auch|doch)\s+)*"
    r"(?:bed(?:ä|ae)chtig|optimierer|service\s?-?orientiert|community[\s-]?manager)",
    re.IGNORECASE,
)


def asks_why_not_type(text: str) -> bool:
    """ "Warum nicht serviceorientiert?": why the user's own result is not the type they name."""
    message = text or ""
    return bool(
        _WHY_NOT.search(message)
        and named_type(message)
        and (_NOT_THE_TYPE.search(message) or _SELF_REFERENCE.search(message))
    )


# "Wer hat dich gebaut?", "Wer steckt hinter diesem Chatbot?", "Was bist du?": about the assistant itself
# (bot_challenge), which the sources cannot answer.
_ABOUT_THE_BOT = re.compile(
    r"\bwer\s+(?:hat|haben)\s+(?:dich|euch|diese\w*\s+(?:bot|chatbot|assistent\w*|tool))\s+(?:\w+\s+)?"
    r"(?:gebaut|entwickelt|programmiert|gemacht|erstellt|trainiert|geschrieben)\b"
    r"|\bwer\s+(?:steckt|steht)\s+hinter\s+(?:dir|euch|diese\w*\s+(?:bot|chatbot|assistent\w*|tool))\b"
    r"|\bwer\s+betreibt\s+(?:dich|euch|diese\w*\s+(?:bot|chatbot|assistent\w*|tool|dienst|chat|service|angebot))\b"
    r"|^\W*(?:was|wer)\s+bist\s+du\W*$"
    # "Woher hast du deine Infos?", "Wie aktuell sind deine Daten?", "Kann man dir vertrauen?": the sources
    # and their age, which the self-description names (got knowledge answers on data use or the FITKO).
    r"|\bwoher\s+(?:hast|nimmst|bekommst|kriegst|weißt)\s+du\b"
    r"|\bwoher\s+(?:haben|nehmen|bekommen)\s+sie\s+(?:ihre|die(?:se)?)\s+(?:infos?|informationen|daten|antworten|wissen)\b"
    r"|\bwie\s+(?:aktuell|alt|neu)\s+(?:sind|ist)\s+(?:deine|dein|eure|euer)\s+(?:daten|infos?|informationen|quellen|"
    r"antworten|wissen)\b"
    r"|\b(?:kann|darf|soll)\s+(?:man|ich)\s+(?:dir|euch)\s+(?:\w+\s+)?(?:vertrauen|glauben|trauen)\b"
    r"|\b(?:bist\s+du|seid\s+ihr)\s+(?:\w+\s+)?(?:zuverlässig|verlässlich|vertrauenswürdig)\b",
    re.IGNORECASE,
)
BOT_INTENT = "bot_challenge"

# "Und wie haben andere Kommunen so abgeschnitten?", "Wie schneiden andere ab?": how the others' results
# came out – the statistics, which set the study's shares beside those here (got a knowledge answer on
# inhabitants). Not "Wie schneiden andere Typen bei Open Data ab?": no type and no subject named.
OTHERS_RESULTS_MAX_WORDS = 10  # a short question; counted in Python, not by a backtracking pattern
# "Wie schneiden wir ab?", "Wo stehen wir?", "Wie stehen wir im Vergleich da?": the comparison part of
# one's own result (got a knowledge answer on what to learn from the Community Managers).
_OWN_STANDING = re.compile(
    r"^\W*(?:und\s+)?(?:(?:wie|was)\s+(?:schneiden|schneide)\s+(?:wir|ich)\b(?:\s+\w+){0,4}?\s+ab"
    r"|wo\s+stehen\s+wir\b|wie\s+stehen\s+wir\s+(?:\w+\s+){0,4}?da)\W*$",
    re.IGNORECASE,
)
_OTHERS_RESULTS = re.compile(
    r"^\W*(?:und\s+)?(?:wie|was)\b.*\banderen?\b"
    r"(?:\s+(?:kommunen|gemeinden|städte|kreise|verwaltungen|nutzer\w*|teilnehm\w*|kolleg\w*))?\s+"
    r"(?:(?:so|denn|eigentlich|bisher|im\s+schnitt)\s+)*"
    r"(?:abgeschnitten|schneiden\s+(?:\w+\s+)*?ab|herausgekommen|rausgekommen|eingeordnet|eingestuft)\W*$"
    r"|^\W*(?:und\s+)?wie\s+schneiden\s+(?:(?:denn|eigentlich|so)\s+)*(?:die\s+)?andere[n]?\s+"
    r"(?:(?:kommunen|gemeinden|städte|kreise|verwaltungen|nutzer\w*|teilnehm\w*|so|denn|eigentlich)\s+)*ab\W*$",
    re.IGNORECASE,
)

# "Kann ich die restlichen Fragen noch beantworten?" after an early result.
_ANSWERS_REMAINING = re.compile(
    r"^(?!.*\b(?:später|nicht|nie|kein\w*)\b).*"
    r"\b(?:restlich\w*|übrig\w*|übersprungen\w*|ausgelassen\w*|fehlend\w*)\s+(?:\w+\s+)?fragen\b"
    r".*\b(?:beantwort\w*|mach\w*|ausfüll\w*|nachhol\w*|weiter\w*)",
    re.IGNORECASE,
)

# "Können wir den Test machen?", "Kann ich jetzt mit dem Selbsttest anfangen?": a request put as a question.
_NOW_WORDS = r"(?:(?:jetzt|gleich|bitte|mal|einfach|direkt|dann|hier|schon|sofort)\s+)*"
_ASKS_TO_TAKE_THE_TEST = re.compile(
    r"^\W*(?:und\s+|also\s+|ok\W*\s*)?(?:können|könnten|dürfen|darf|kann|könnte|wollen|sollen)\s+(?:wir|ich)\s+"
    + _NOW_WORDS
    + r"(?:(?:den|diesen|ihren|euren|deinen|einen|das)\s+|mit\s+(?:dem|ihrem)\s+)?(?:selbst\s?-?\s?)?test\s+"
    + _NOW_WORDS
    + r"(?:machen|starten|beginnen|durchführen|anfangen|ausfüllen)\W*$",
    re.IGNORECASE,
)
# "ok dann los", "Na dann, fangen wir an": the whole message says to begin.
_LETS_GO = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|gut|ja|na\s+dann|also|alles\s+klar)\W+)?(?:dann\s+)?"
    r"(?:los(?:\s+geht'?s)?|auf\s+geht'?s|fangen\s+wir\s+an|legen\s+wir\s+los|starten\s+wir)\W*$",
    re.IGNORECASE,
)
# A question about who is in the user's own team or how far it is ("Wer ist alles in meinem Team?") –
# not about the municipality's digital team ("Wie stellen wir unser Team für die Digitalisierung auf?").
_ABOUT_OWN_TEAM = re.compile(
    r"^(?=.*\b(?:unser\w*|mein\w*)\s+(?:\w+\s+)?team\b)"
    r"(?=.*\b(?:wer|wie\s+viele|mitglied\w*|dabei|ergebnis\w*|fertig|abgeschlossen|mitgemacht)\b).*\?\s*$",
    re.IGNORECASE,
)
TEAM_RESULT_INTENT = "show_team_result"

# The user's own things (team, code, report, target, result): only the commands know them.
_OWN_THINGS = re.compile(
    r"\b(?:unser\w*|mein\w*)\s+(?:\w+\s+)?(?:team\w*|code\w*|bericht\w*|report\w*|"
    r"ziel\w*|ergebnis\w*|daten|gespräch\w*|test\w*|selbsttest\w*)\b",
    re.IGNORECASE,
)


# "… Welche Haltung vertritt die Studie hierzu? Mit freundlichen Grüßen, Hauptamt": a letter's sign-off
# after the question (thanks, greetings, a name or role) is no part of what is asked.
_THANKS = (
    # "Danke euch", "Merci!", "Dankeschön"
    r"(?:(?:vielen|herzlichen|besten)\s+dank|danke(?:\s+schön|\s+sehr|\s+euch|\s+dir|\s+vielmals)?|dankeschön|merci|thx)"
    r"(?:\s+(?:im\s+voraus|vorab|schon\s+mal))?"
)
_SIGN_OFF = re.compile(
    rf"(?<=[.!?,;\n])\s*(?:{_THANKS}[\s,.!]*(?:und\s+)?)?"
    r"(?:(?:(?:mit\s+)?(?:freundlich\w*|beste\w*|viele\w*|herzlich\w*|liebe\w*|schöne\w*|kollegial\w*)\s+)?"
    r"(?:grü|gru)(?:ß|ss)\w*|mfg|vg|lg)\b[^?]{0,60}$"
    rf"|(?<=[.!?,;\n])\s*{_THANKS}[\s.!]*$"
    # "…? Ich bräuchte die Prozentwerte.": what the asker needs of the answer, after the question
    r"|(?<=\?)\s*(?:ich|wir)\s+(?:bräucht|brauch|benötig|hätt\w*\s+gern|wüsst\w*\s+gern)\w*\b[^?]{0,80}$",
    re.IGNORECASE,
)


# "Servus zusammen, wie viele …?", "Moin, kurze Frage: …": a greeting before the message
_GREETING = re.compile(
    r"^\W*(?:hallo|hallöchen|hi|hey|moin(?:\s+moin)?|servus|grüß\s+gott|grüezi|tach|guten\s+(?:morgen|tag|abend))"
    r"(?:\s+(?:zusammen|allerseits|miteinander|ihr|leute|team))?\s*[,!:.]+\s*",
    re.IGNORECASE,
)


def without_sign_off(text: str) -> str:
    """The message without a greeting at its start and a letter's closing thanks and greetings at its end,
    or without what the asker needs of the answer after a question ("…? Ich bräuchte die Prozentwerte.");
    the whole message if that would leave nothing."""
    stripped = (text or "").strip()
    greeting = _GREETING.match(stripped)
    if greeting and stripped[greeting.end() :].strip():
        stripped = stripped[greeting.end() :]
    found = _SIGN_OFF.search(stripped)
    if not found or not stripped[: found.start()].strip():
        return stripped
    return stripped[: found.start()].rstrip(" ,;")


# "werten die anderen kommunen ihre daten eigentlich aus oder liegt das brach": a yes/no question by its word
# order – a finite verb first, then other municipalities as its subject
_VERB_FIRST_ABOUT_OTHERS = re.compile(
    r"^\s*(?:und\s+|aber\s+)?[a-zäöüß]+(?:t|en)\s+(?:eigentlich\s+|denn\s+|überhaupt\s+|auch\s+)?"
    r"(?:die\s+anderen|andere\s+(?:kommunen|gemeinden|städte|kreise|verwaltungen)|die\s+(?:meisten|kommunen|"
    r"gemeinden|städte|kreise|verwaltungen)|viele\s+(?:kommunen|gemeinden|städte|kreise|verwaltungen))\b",
    re.IGNORECASE,
)


# "Nennen Sie mir bitte den Anteil …", "Sagen Sie mir mal: …": a request for information, asked as an
# imperative (not "Zeig mir die Statistik", "Gib mir den Bericht": commands).
_REQUEST_START = re.compile(
    r"^\s*(?:(?:hallo|bitte|und|also|ok|okay)[,:!]?\s+)?(?:"
    r"(?:nennen|sagen|erzählen|verraten|erklären|erläutern)\s+sie\s+(?:mir|uns)\b"
    # "Geben Sie mir für die Vorlage den Anteil …": a figure asked for, not "Gib mir den Bericht" (a command)
    r"|(?:geben\s+sie|gib|liefern\s+sie)\s+(?:mir|uns)\b(?=[^.!?]{0,80}?\b(?:anteil|zahl|zahlen|prozent\w*|wert|"
    r"quote|zusammenfassung|überblick|übersicht)\b)"
    r"|(?:nenn|sag|erzähl|verrat|erklär|erläuter)e?\s+(?:mir|uns)\s+(?:mal\s+|bitte\s+|kurz\s+)*"
    # "Nenn mir drei Beispiele für …"
    r"(?:den|die|das|wie|was|wer|wo|wann|welche\w*|ob|zwei|drei|vier|fünf|ein\s+paar|einige|\d+)\b"
    # "Fass mir bitte in Stichpunkten zusammen, wie …", "Fassen Sie uns kurz zusammen, was …"
    r"|(?:fass|fasse|fassen\s+sie)\s+(?:mir|uns)\s+(?:\w+\s+){0,4}?zusammen\b"
    # "Zähl mir bitte die Ratschläge auf, die …", "Listen Sie uns die Typen auf"
    r"|(?:zähl|zähle|zählen\s+sie|list|liste|listen\s+sie)\s+(?:mir|uns)\s+(?:\w+\s+){0,8}?auf\b"
    # "Ich bräuchte die Zahl der Beschäftigten …": information asked for, not a wish for the municipality
    r"|ich\s+(?:bräuchte|benötige|bräucht|hätte\s+gern\w*|suche)\s+(?:mal\s+|bitte\s+|kurz\s+|noch\s+)*"
    # "Ich bräuchte eine grobe Kostenschätzung …", "… die Namen der Autorinnen": also as a compound's tail
    r"(?:die|den|eine|einen|ein)\s+(?:\w+\s+){0,2}?\w*(?:zahl|zahlen|anteil|wert|werte|quote|infos?|information\w*|"
    r"angabe\w*|auskunft|überblick|übersicht|zusammenfassung|schätzung|erklärung|definition|beispiele?|namen)\b)",
    re.IGNORECASE,
)


# "Weil der Landrat nächste Woche …, bräuchte ich den Anteil der Haushalte, …", "…, wüsste ich gern, wer …": a
# request for information after a fronted clause (the verb before "ich"), without a question mark.
_INDIRECT_REQUEST = re.compile(
    # (not a wish: "…, hätten wir gern mehr Online-Anträge", "…, bräuchten wir schnelles Internet")
    r",\s*(?:(?:bräuchte|benötige)\s+ich|(?:wüsste|wüssten)\s+(?:ich|wir))\s+(?:gern\w*\s+)?"
    r"|,\s*(?:möchte|möchten|würde|würden|will|wollte)\s+(?:ich|wir)\s+(?:\w+\s+){0,2}?(?:gern\w*\s+)?wissen\b"
    # a forwarded question, its asker first: "Meine Amtsleiterin fragt, was …", "Der Bürgermeister will
    # wissen, was …" – not "Die Leute wollen wissen, was …" or "wenn Sie mich fragen, was wirklich zählt"
    r"|(?:^|[.!?]\s+)(?:mein\w*|unser\w*|der|die|das)\s+(?:\w+\s+){0,2}?"
    r"(?:fragt\s*,\s*|(?:fragt|will|möchte|wollte)\s+(?:gern\w*\s+)?(?:wissen|erfahren)\s*,?\s*)"
    r"(?:was|wie|ob|wer|wo|wann|warum|wieso|weshalb|welche\w*)\b",
    re.IGNORECASE,
)


# "…: Auf wie vielen Rückmeldungen beruht die Studie? Der Vorsitzende möchte wissen, ob …": the question's own
# sentence (after a sentence end or the colon of a forwarded message's frame)
_QUESTION_SENTENCE = re.compile(r"(?:^|[.!?:]\s+)([^.!?:]+)\?")
_REMARK_MAX_WORDS = 25
# "Was genau zählt zu Daseinsvorsorge? Egal, nehmen Sie die auch mit rein.": the remark takes what was asked
_TAKES_IT = re.compile(r"\b(?:nehm\w*|wähl\w*|dann\s+(?:das|den|die|dies\w*))\b", re.IGNORECASE)


def _question_then_remarks(text: str) -> bool:
    """A sentence that asks like a question ("Was ist das?"), then remarks that name no goal ("Bitte mit
    einfachen Worten.") – not an answer that asks first ("Zählt Glasfaser dazu? Dann das zuerst.")."""
    asked = list(_QUESTION_SENTENCE.finditer(text))
    if not asked:
        return False
    question, rest = asked[-1].group(1).strip(), text[asked[-1].end() :]
    return (
        bool(_QUESTION_START.match(question) or _PREPOSITION_QUESTION.match(question))
        and len(rest.split()) <= _REMARK_MAX_WORDS
        and not extract_goals(rest)
        and not _TAKES_IT.search(rest)
    )


def looks_like_question(text: str) -> bool:
    """Ends with a question mark or starts like a question ("Was …", "Gibt es …", "Erklären Sie …"), or
    its last sentence is a clear w-question without its mark, or a question is followed only by remarks."""
    stripped = without_sign_off(text)
    return (
        stripped.endswith("?")
        or _question_then_remarks(stripped)
        or bool(_QUESTION_START.match(stripped))
        or bool(_REQUEST_START.match(stripped))
        or bool(_VERB_FIRST_ABOUT_OTHERS.match(stripped))
        or bool(_INDIRECT_REQUEST.search(stripped))
        or _ends_in_question(stripped)
    )


def starts_like_question(text: str) -> bool:
    """Starts with a question word or phrase ("Wie viele …", "Gibt es …"), whatever its end."""
    return bool(_QUESTION_START.match((text or "").strip()))


def is_clear_question(text: str) -> bool:
    """A question even inside the interview, where "Wie gesagt, Effizienz" is an answer.

    Also a question that ends in a w-question without its mark ("Ist es nur eine Geldfrage? Was sagt der
    ÖFIT-Mann dazu"), not a rhetorical one answered after it ("Was uns wichtig ist? Effizienz.").
    """
    stripped = without_sign_off(text)
    return (
        stripped.endswith("?")
        or bool(_STRONG_QUESTION_START.match(stripped))
        or bool(_REQUEST_START.match(stripped))
        or bool(_PREPOSITION_QUESTION.match(stripped))
        or bool(_VERB_FIRST_ABOUT_OTHERS.match(stripped))
        or bool(_INDIRECT_REQUEST.search(stripped))
        or _ends_in_question(stripped)
    )


# "basiskomponenten – wie viele davon hat eine Verwaltung im Einsatz": the question after a dash or colon.
_TOPIC_THEN_QUESTION = re.compile(r"\s[–—-]\s|:\s")


# "it-sicherheit als schwerpunkt – welcher typ": a bare "welcher Typ" after the topic asks for one.
_WHICH_ONE = re.compile(r"(?:welche[rsnm]?|wer)\s+(?:typ\w*|gruppe\w*|kommune\w*)\s*\??\s*$", re.IGNORECASE)
# "it-verantwortlicher aus höhr-grenzhausen wer ist das": who someone named before is
_WHO_IS_THAT = re.compile(
    r"\bwer\s+(?:ist|war|sind|waren)\s+(?:das|die|der|dort|da)\s*\??\s*$", re.IGNORECASE
)


# "lorawan wofuer steht das", "cryptoparty was ist das genau", "dieses EfA-Dings, was heißt das
# ausgeschrieben": a topic, then the question what it is
# "HVB heißt was": one or two words, then what they mean asked last
_TERM_MEANS_WHAT = (
    r"\S+(?:\s+\S+)?\s+(?:heißt|heisst|bedeutet|meint)\s+was(?:\s+(?:genau|eigentlich|nochmal))?\s*\??\s*$"
)
_WHAT_IS_THAT = re.compile(
    r"\w\W+(?:was|wofür|wofuer|wofur)\s+(?:ist|sind|heißt|heisst|bedeutet|bedeuten|meint|steht|stehen)\s+"
    r"(?:das|die|der|es|dies\w*)(?:\s+(?:denn|eigentlich|genau|nochmal|überhaupt|ueberhaupt|für|fuer|konkret|"
    r"ausgeschrieben|auf\s+deutsch|im\s+klartext))*\s*\??\s*$"
    # "wolfenbüttel digitalstrategie seit wann": keywords, then what is asked about them
    r"|\w\s+(?:(?:seit|bis|ab)\s+)?wann\s*\??\s*$|\w\s+wie\s+(?:viele?|lange|oft)\s*\??\s*$"
    # "hundesteuer komplett online bw wie heisst das": keywords, then what it is called
    r"|\w\W+wie\s+(?:heißt|heisst|hiess|hieß|nennt\s+(?:man|sich))\s+(?:das|die|der|es|dies\w*)"
    r"(?:\s+(?:denn|eigentlich|genau|nochmal|offiziell|dort|da|ausgeschrieben|vollständig|richtig))*\s*\??\s*$"
    # "D-Team Kommunentypen was soll das heißen", "… was hat es damit auf sich"
    r"|\w\W+was\s+(?:soll|sollen)\s+(?:das|die|der|es|dies\w*)\s+(?:\w+\s+)?"
    r"(?:heißen|heissen|bedeuten|sein)\s*\??\s*$"
    r"|\w\W+was\s+hat\s+es\s+(?:\w+\s+)?damit\s+(?:\w+\s+)?auf\s+sich\s*\??\s*$"
    # "HVB heißt was", "EfA bedeutet was genau": the term, then the question word last
    rf"|^\W*{_TERM_MEANS_WHAT}",
    re.IGNORECASE,
)


# "Der Hauptamtsleiter will wissen, welche Zahl sich Salach vorgenommen hatte.": a question asked
# indirectly – only about the sources, since "Wir wollen wissen, wie wir effizienter werden" is a goal.
_INDIRECT_QUESTION = re.compile(
    r"\b(?:will|wollen|möchte\w*|würde\w*\s+gern\w*|frag\w*\s+(?:ich\s+|wir\s+)?(?:mich|sich|uns)|"
    # "Ich hätte gern gewusst, welche …", "Wüsste gern, was …", "Mich würde interessieren, ob …"
    r"hätte\w*\s+(?:\w+\s+)?gern\w*\s+gewusst|wüsste\w*\s+(?:\w+\s+)?gern\w*|"
    r"(?:würde|würden)\s+(?:mich|uns)\s+(?:\w+\s+)?interessieren|(?:mich|uns)\s+(?:würde\s+)?(?:\w+\s+)?interessier\w*|"
    # "Ich soll herausfinden, wie viele Kommunen …"
    r"interessiert\s+(?:mich|uns)|(?:heraus|raus)\s?finden|recherchieren|nachschauen|"
    # "ich bitte um Auskunft, mit welcher Fachkräftelücke …"
    r"bitte\s+um\s+(?:\w+\s+)?(?:auskunft|information\w*|info))"
    r"\W+(?:\w+\W+){0,2}?(?:ob|wie|was|wer|wann|welche\w*|warum|wieso|wo)\b",
    re.IGNORECASE,
)


# "Ich soll herausfinden, wie viele Kommunen …": a figure on municipalities at large only the sources have
_HOW_MANY_MUNICIPALITIES = re.compile(
    r"\b(?:wie\s+viele|wie\s+viel\s+prozent|welcher\s+anteil)\s+(?:der\s+|von\s+den\s+)?"
    r"(?:kommunen|gemeinden|städte|kreise|landkreise|verwaltungen)\b",
    re.IGNORECASE,
)


# "rlp und community manager – ist das belegt oder nur so ein bauchgefühl": a yes/no question on the topic
# before the dash. Not one about a goal's place ("Effizienz – ist das Wichtigste").
_YES_NO_ON_TOPIC = re.compile(
    r"^(?:und\s+)?(?:ist|stimmt|gilt|sind|gibt|war|hat|haben|kann|können|machen|macht|bringt|lohnt)\s+"
    r"(?:das|es|dies\w*|man|die\s+studie)\b(?!.*\b(?:wichtig\w*|ziel\w*|vorn\w*|erst\w*|priorit\w*)\b)",
    re.IGNORECASE,
)


# "nutzt eigentlich schon irgendeine verwaltung chatbots? frage für unseren bürgerservice": a clear question,
# then a short remark on why it is asked.
_QUESTION_THEN_REMARK = re.compile(
    r"(?:^|[.!?]\s+)((?:und\s+|aber\s+)?(?:nutz|gibt|gab|hat|haben|hatte|ist|sind|war|waren|kann|können|kennt|"
    r"kennen|macht|machen|setzt|setzen|stimmt|muss|müssen|soll|sollen|darf|dürfen|lohnt|bringt|hilft|braucht|"
    r"brauchen|wird|werden|liegt|liegen|reicht|reichen|spielt|spielen|gehört|gehören|klappt|"
    r"funktioniert)\w*\s+[^?]*\?)\s*(?:\S+\s+){0,8}\S+\s*[.!]?\s*$",
    re.IGNORECASE,
)


# "Wir sehen uns eher als …", "ich halte uns für …": the user's own guess at the type
_SELF_ASSESSED = re.compile(
    r"\b(?:wir|ich)\s+(?:sehen|sehe|halten|halte|verstehen|verstehe|schätzen|schätze|zählen|zähle)\s+(?:uns|mich)\s+"
    r"(?:\w+\s+){0,2}?(?:als|für|zu\s+den)\b",
    re.IGNORECASE,
)
# "Wir fragen uns, ob …": a question told as one's own doubt
_WONDERS = re.compile(
    r"\b(?:frage|fragen|fragt)\s+(?:ich\s+|wir\s+)?(?:mich|uns|sich)\s*,?\s+(?:\w+\s+)?"
    r"(?:ob|wie|was|wann|warum|welche\w*|wer)\b",
    re.IGNORECASE,
)


# "unser chef will jede ausgabe abzeichnen ist das laut thesenpapier sinnvoll": a run-on message that ends
# by asking whether the sources back it
_CHECKS_WITH_THE_SOURCES = re.compile(
    r"\b(?:ist|sind|wäre|wären|war|macht|bringt|hilft)\s+(?:das|es|dies\w*|so\s*was)\s+(?:\w+\s+){0,2}"
    r"(?:laut|nach)\s+(?:der\s+|den\s+|dem\s+)?(?:studie|umfrage|befragung|thesen\w*|thesenpapier\w*|podcast\w*|"
    r"weber|stolz|quellen)\b(?:\s+\w+){0,3}\s*[.!]?\s*$",
    re.IGNORECASE,
)

_KEYWORD_QUERY_MAX_WORDS = 8
# "bad dürkheim stadtverwaltung wie viele leute in der it abteilung": keywords around an explicit how-many
# may run longer; no answer to an interview question asks "wie viele".
_HOW_MANY_QUERY_MAX_WORDS = 12
_HOW_MANY = re.compile(r"\bwie\s?viel\w*\s+\w", re.IGNORECASE)


# "Anteil der Belegschaft, der in Salach … mitmacht", "Lizenzkosten für ein DMS in einer Kleinstadt",
# "Jahresbeitrag für die KGSt-Mitgliedschaft …": a figure asked for by its noun, as typed into a search box –
# not "Kosten für Porto senken" (a wish to change it)
_FIGURE_NOUN_QUERY = re.compile(
    r"^\W*(?:die\s+|der\s+|das\s+)?(?:tatsächliche\w*\s+|genaue\w*\s+|durchschnittliche\w*\s+)?"
    r"(?:anteil|\w*zahl|dauer|\w*kosten|\w*beitrag|\w*gebühr\w*|preis|höhe)\s+"
    # "Einwohnerzahl Wennigsen": a count and a name
    r"(?:(?:der|des|einer|eines|für|von|an|bei)\b|(?<=zahl\s)(?-i:[A-ZÄÖÜ])\w+)",
    re.IGNORECASE,
)
_CHANGE_WISH = re.compile(
    r"\b(?:senk\w*|spar\w*|reduzier\w*|runter|verringer\w*|erhöh\w*|steiger\w*|soll\w*|woll\w*|müss\w*|muss)\b",
    re.IGNORECASE,
)
_FIGURE_NOUN_QUERY_MAX_WORDS = 16


def _keyword_query(text: str) -> bool:
    """A few keywords asking for a figure, a type or a source, naming at most one goal."""
    if (
        _FIGURE_NOUN_QUERY.match(text)
        and not _CHANGE_WISH.search(text)
        and len(text.split()) <= _FIGURE_NOUN_QUERY_MAX_WORDS
        and len(extract_goals(text)) <= 1
    ):
        return True
    limit = _HOW_MANY_QUERY_MAX_WORDS if _HOW_MANY.search(text) else _KEYWORD_QUERY_MAX_WORDS
    return len(text.split()) <= limit and queries_rather_than_answers(text)


def _asks_something(text: str) -> bool:
    """A question, or a few keywords asking the sources."""
    return looks_like_question(text) or _keyword_query(text)


def _question_then_remark(text: str) -> bool:
    """A clear question, then a short remark that is no answer ("Bürgernähe. Wird das hier gespeichert? Und
    Effizienz." answers)."""
    found = _QUESTION_THEN_REMARK.search(text)
    if not found:
        return False
    remark = text[found.end(1) :]
    return WHY_ASKED.match(remark) is not None or not extract_goals(remark)


# "gehört die fachsoftware zum sichtbaren teil oder zum teil im hintergrund", "bringt mehr weiterbildung
# eigentlich was": a yes/no question by its word order – a finite verb first, then its subject (not
# "wir"/"ich": "haben wir schon" answers), then an alternative or a particle that only questions carry.
_YES_NO_VERBS = (
    r"gehört|gehoert|gehören|gehoeren|hängt|haengt|hängen|haengen|bringt|bringen|nutzt|nutzen|setzt|setzen|deckt|"
    r"decken|muss|müssen|muessen|braucht|brauchen|darf|dürfen|duerfen|landet|landen|kann|können|koennen|soll|sollen|"
    r"gibt|gibts|lohnt|hilft|helfen|reicht|reichen|zählt|zaehlt|zählen|zaehlen|spielt|spielen|klappt|funktioniert|"
    r"kennt|kennen|läuft|laeuft|laufen|schreibt|schreiben|kostet|kosten|arbeitet|arbeiten|wird|werden|ist|sind|hat|"
    r"haben|macht|machen|gilt|gelten|betrifft|betreffen|steht|stehen|liegt|liegen|passt|passen|wirkt|wirken|"
    r"bekommt|bekommen|kriegt|kriegen|entscheidet|entscheiden|zahlt|zahlen|bleibt|bleiben|"
    # asked in the past: "wurde das je ausgewertet oder …"
    r"war|waren|wurde|wurden|gab|hatte|hatten"
)
_VERB_FIRST_QUESTION = re.compile(
    rf"^\s*(?:und\s+|aber\s+|also\s+|oder\s+)?(?:{_YES_NO_VERBS})\s+"
    r"(?!(?:wir|ich|uns|mir|nicht|kein\w*|nur|gar|ganz|alles|halt|doch|bei|mit|für|fuer|vor|in|im|zu|zum|zur)\b)"
    r"[a-zäöüß][\w\-]+\b"
    r"(?=[^.!?]*\b(?:oder|eigentlich|überhaupt|ueberhaupt|irgendwie|denn|wirklich|was|wenn\s+ja)\b)",
    re.IGNORECASE,
)


# "bürgerhaushalt im netz, wer macht das am meisten": a few words on the topic, then after a comma the
# question. Not a rhetorical tag after an answer ("Schulen digital, was denn sonst", "Vereine, wer soll es
# sonst machen") nor a concession ("wir wollen schneller werden, wie oft auch immer").
_TOPIC_MAX_WORDS = 6
_ASKED_MIN_WORDS = 4
_RHETORICAL = re.compile(r"\bsonst\b|\bauch\s+immer\b", re.IGNORECASE)


def _topic_then_question(text: str) -> bool:
    if _SENTENCE_END.search(text.strip()):
        return False
    topic, comma, asked = text.rpartition(", ")
    return (
        bool(comma)
        and len(topic.split()) <= _TOPIC_MAX_WORDS
        and len(asked.split()) >= _ASKED_MIN_WORDS
        and not _RHETORICAL.search(asked)
        and bool(_STRONG_QUESTION_START.match(asked))
    )


def _ends_in_question(text: str) -> bool:
    """The last sentence, or the part after a topic and a dash (or a short topic and a comma), is a clear
    question without its mark, also a yes/no question by its word order; or the
    message ends in "welcher Typ" after a topic, in "wer ist das" or in "was ist das"; or its last sentence
    asks indirectly about the sources."""
    last = _last_sentence(text)
    topic_parts = _TOPIC_THEN_QUESTION.split(last or text)
    indirect = _INDIRECT_QUESTION.search(last or text)
    # "Ich bin neu hier. Ich suche eine Zahl dazu, wie viele …": a request after context, with a full stop
    closing = _SENTENCE_END.split(text.rstrip(" .!"))[-1].strip()
    return bool(
        _STRONG_QUESTION_START.match(last)
        or (closing != text.strip() and _REQUEST_START.match(closing))
        or _VERB_FIRST_QUESTION.match(last or text)
        or _topic_then_question(text)
        or (len(topic_parts) > 1 and _VERB_FIRST_QUESTION.match(topic_parts[-1].strip()))
        or (len(topic_parts) > 1 and _WHICH_ONE.match(topic_parts[-1].strip()))
        or (len(topic_parts) > 1 and _YES_NO_ON_TOPIC.match(topic_parts[-1].strip()))
        or _question_then_remark(text)
        or bool(_WONDERS.search(last or text))
        or bool(_CHECKS_WITH_THE_SOURCES.search(text))
        or _WHO_IS_THAT.search(last or text)
        or _WHAT_IS_THAT.search(last or text)
        or (indirect and asks_the_sources((last or text)[indirect.start() :]))
        or (indirect and bool(_HOW_MANY_MUNICIPALITIES.search(last or text, indirect.start())))
    )


def _last_sentence(text: str) -> str:
    """The part after the last sentence end, or "" when there is none or the text ends with one; but a
    clear question after a topic and a dash or colon ("basiskomponenten – wie viele …") in any case."""
    parts = _SENTENCE_END.split(text)
    last = parts[-1].strip() if len(parts) > 1 else ""
    topic_parts = _TOPIC_THEN_QUESTION.split(last or text)
    if len(topic_parts) > 1 and _STRONG_QUESTION_START.match(topic_parts[-1].strip()):
        return topic_parts[-1].strip()
    return last


def wants_self_test(text: str) -> bool:
    return bool(_WANTS_SELF_TEST.search(text or ""))


# "… soll im Personalrat berichten, wo wir stehen. Wie hoch ist dieser Anteil im Schnitt?": where the
# municipality stands is the asker's task, the question at the end asks the sources.
_WANTS_TO_KNOW = re.compile(r"\b(?:wissen|erfahren|herausfinden|rausfinden|testen|prüfen)\b", re.IGNORECASE)


# The test itself named: "Laut Studie gibt es vier Typen – ich will den Test machen" wants it all the same.
_NAMES_THE_TEST = re.compile(rf"\b(?:{_TEST_NOUNS})\b", re.IGNORECASE)
# "Wir sind ein Landkreis und möchten wissen, welcher Kommunentyp unter den Kreisen am häufigsten vorkommt":
# what the study found about types or figures, asked indirectly
_ABOUT_TYPES_OR_FIGURES = re.compile(
    r"\b(?:\w*typ\w*|häufigst\w*|meist\w*|anteil\w*|prozent\w*|wie\s+viele)\b", re.IGNORECASE
)


def _wants_the_self_test_now(message: str) -> bool:
    # "Zu welchem Typ passen wir laut Mike Weber am ehesten?" asks what a source says about such a place
    return (
        wants_self_test(message)
        and not _self_test_only_as_context(message)
        and not (asks_the_sources(message) and not _NAMES_THE_TEST.search(message))
    )


def _self_test_only_as_context(message: str) -> bool:
    """The self-test words stand only in statements before a last sentence that asks something else."""
    sentences = [part.strip() for part in _SENTENCE_END.split(message) if part.strip()]
    if len(sentences) < 2 or not is_clear_question(sentences[-1]) or wants_self_test(sentences[-1]):
        return False
    return not any(
        wants_self_test(sentence) and (_WISH.search(sentence) or _WANTS_TO_KNOW.search(sentence))
        for sentence in sentences[:-1]
    )


# "Nee, ehrlich gesagt eher 70 zu 30 für …": a message that takes back the answer just given
_TAKES_BACK = re.compile(
    r"^\W*(?:nee|nein|ne|doch|eher|lieber|ach|oder\s+doch|moment|halt|stopp)\b", re.IGNORECASE
)


# "bei Ihnen" asks the assistant – not "wie viele kommunen …, wo es bei ihnen digital hingeht" (them)
_AT_YOURS = re.compile(r"\bbei\s+ihnen\b", re.IGNORECASE)
_AT_THEIRS = re.compile(
    r"\b(?:kom+unen|gemeinden|städte|staedte|kreise|landkreise|verwaltungen|andere\w*)\b.*\bbei\s+ihnen\b",
    re.IGNORECASE,
)


def asks_own_statistics(text: str) -> bool:
    text = text or ""
    return (
        bool(_OWN_STATISTICS.search(text))
        or bool(_TYPE_DISTRIBUTION.search(text) and not _NAMES_THE_SURVEY.search(text))
        or bool(_AT_YOURS.search(text) and not _AT_THEIRS.search(text))
    )


# "fim, was bringt uns das konkret im alltag?": a term named first, the question about it ("das") after a
# comma – not the own result. Not a type ("Optimierer, was heißt das für uns?") nor a filler ("Gut, …").
_TERM_THEN_QUESTION = re.compile(
    r"^\s*(?!(?:und|also|ok|okay|hm+|ja|nein|gut|danke|super|aha|ach|schön|prima|interessant|klar|"
    r"bedächtig\w*|optimierer\w*|serviceorientiert\w*|community|typ\w*|ergebnis\w*|profil\w*)\b)"
    r"[\w\-]+(?:\s+[\w\-]+){0,2}\s*(?:,|:|\s[–-])\s*(?:und\s+)?(?:was|wie|wozu|wofür|wofuer)\b",
    re.IGNORECASE,
)


# The request's own pronoun: every _REQUEST_START form names "mir" or "uns" right after its verb.
_REQUEST_PRONOUN = re.compile(r"\b(?:mir|uns)\b", re.IGNORECASE)


def refers_to_own_result(text: str) -> bool:
    message = (text or "").strip()
    if _TERM_THEN_QUESTION.match(message):
        return False  # "fim, was bringt uns das?": "uns" asks about the term, not about the own result
    # "Fass mir zusammen, wie …": the "mir" of the request is no reference to the own result
    request = _REQUEST_START.match(message)
    asked = (
        _REQUEST_PRONOUN.sub("", message[: request.end()], count=1) + message[request.end() :]
        if request
        else message
    )
    return (
        bool(_SELF_REFERENCE.search(asked))
        or (len(asked.split()) <= OWN_RESULT_MAX_WORDS_WITHOUT_REFERENCE and not defines_a_term(message))
        or bool(_COMPARISON_OF_IT.match(message))
    )


# "Was bedeutet LoRaWAN?", "Was ist eigentlich Civic Tech?": a term to define, not "Was bedeutet das?" (the
# own result) or "Was bist du?" (the assistant). The classifier took such short ones for those.
_DEFINES_A_TERM = re.compile(
    r"^\W*(?:und\s+)?(?:was|wofür|wofuer|wofur)\s+(?:ist|sind|bedeutet|bedeuten|heißt|heisst|meint|steht)\s+"
    r"(?:(?:denn|eigentlich|genau|nochmal|noch\s+mal|überhaupt|bitte)\s+)*"
    r"(?!(?:das|es|dies\w*|der\s+typ|unser\w*|mein\w*|ihr\w*|jetzt|nun|konkret|damit|dabei|so|hier|"
    r"du|sie|ihr|euer|eure|mir|uns|denn|für|fur)\b)"
    # … and not about the assistant or the result ("Was ist der nächste Schritt?", "Was sind Beispiele?")
    r"(?!.*\b(?:nächst\w*|misch\w*|beispiel\w*|option\w*|möglich\w*|ergebnis\w*|typ|schritt\w*|funktion\w*|"
    r"befehl\w*|hilfe|selbsttest\w*|test)\b)[a-zäöüß]"
    # "HVB heißt was": the term first, the question word last (not "Das heißt was?", the own result)
    rf"|^\W*(?!(?:das|es|dies\w*|unser\w*|mein\w*)\b){_TERM_MEANS_WHAT}",
    re.IGNORECASE,
)


def defines_a_term(text: str) -> bool:
    return bool(_DEFINES_A_TERM.match(text or ""))


def names_command(intent: str, text: str) -> bool:
    """True when `text` carries the word its command intent needs ("Teamergebnis", "löschen",
    "Bericht"), or the intent needs none."""
    cue = _COMMAND_CUES.get(intent)
    return cue is None or bool(cue.search(text or ""))


def _folded_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


@lru_cache(maxsize=1)
def _answer_option_names() -> frozenset[str]:
    """Every answer button's name and goal label, folded ("suchfunktion", "fachbereich it")."""
    from dteam.interview.goals import GOAL_LABELS
    from dteam.interview.practices import QUESTIONS

    names = set(GOAL_LABELS.values())
    for question in QUESTIONS.values():
        for option in question.options:
            names.add(option.title)
            names.update(part for part in option.title.split(" / ") if len(part) > 2)
    return frozenset(_folded_words(name) for name in names)


def is_answer_option(text: str) -> bool:
    """The message is exactly the name of an interview answer option (as typed instead of clicked)."""
    return _folded_words(text or "") in _answer_option_names()


# "Weitermachen" after »Abbrechen« – but not "Stopp, ich will nicht weitermachen".
RESUME_INTENT = "resume_interview"
STOP_INTENT = "stop_interview"
STOP_MAX_WORDS = 8
_DOES_NOT_WANT = re.compile(r"\b(?:nicht|kein\w*|stopp?|abbrech\w*|aufhör\w*)\b", re.IGNORECASE)

# "Das war nicht meine Frage", "Du bist doof": an apology and other questions (action_answer_not_helpful).
COMPLAINT_INTENT = "complain"
CORRECT_GOALS_INTENT = "correct_goals"
# Taking a goal out: "streich …", "… raus", "lass … weg", "entfernen"
_STRIKES = re.compile(
    r"\b(?:streich\w*|gestrichen|raus|rausnehmen|weglassen|entfern\w*|lass\w*\s+(?:\w+\s+){0,3}weg)\b",
    re.IGNORECASE,
)
CODE_INTENT = "give_code"
_USER_IS_LOST = re.compile(
    r"\bich\s+(?:verstehe|weiß|kapiere|check\w*)\s+(?:nicht|nix)\b|\bwas\s+ich\s+(?:hier\s+)?(?:tun|machen)\s+soll"
    r"|\bwie\s+(?:geht|funktioniert)\s+das\b",
    re.IGNORECASE,
)

# "Was muss ich jetzt machen?", "Wie geht es jetzt weiter?", "Was nun?": the user asks what to do here
# (the help), not what municipalities should do ("Was sollen wir als Kommune jetzt tun?" is for the sources).
_ASKS_WHAT_NOW = re.compile(
    r"^\W*(?:und\s+|ok\W*\s*|okay\W*\s*|gut\W*\s*|hm+\W*\s*)?"
    r"(?:was\s+(?:muss|soll|kann)\s+ich\s+(?:denn\s+)?(?:jetzt|nun|hier|als\s+nächstes|damit)?\s*(?:machen|tun)"
    r"|wie\s+geht\s*(?:'s|es|s)?\s+(?:das\s+)?(?:jetzt\s+|nun\s+|hier\s+)?weiter|was\s+(?:jetzt|nun)"
    r"|wie\s+(?:fange|starte|beginne)\s+ich(?:\s+an)?|wo\s+(?:fange|beginne)\s+ich(?:\s+an)?"
    # "Was bringt mir das hier eigentlich?" got the podcast's view that no type ranks first ("Was bringt mir
    # das?" after an answer asks about that answer's subject).
    r"|was\s+(?:bringt|nützt|hilft)\s+(?:mir|uns)\s+(?:das\s+hier|der\s+(?:selbst)?test|dieser\s+(?:assistent|bot|chat))"
    r"(?:\s+(?:denn|eigentlich|überhaupt|konkret|genau)){0,3})\W*$",
    re.IGNORECASE,
)

_NAMES_A_FEATURE = re.compile(
    r"\b(?:selbst\s?-?\s?)?test\b|team|code|bericht|pdf|ziel-?zustand|soll-?zustand", re.IGNORECASE
)

# Where a question about one of the assistant's features (team mode, report, return code, target)
# can land; the help explains that feature (dteam.followup.guide). Commands keep theirs: "Kann ich
# den Bericht bekommen?" asks for the report itself.
_FEATURE_QUESTION_INTENTS = frozenset({KNOWLEDGE_INTENT, FALLBACK_INTENT, START_INTENT, "show_examples"})


def asks_for_others_data(text: str) -> bool:
    """ "Zeig mir die Gespräche anderer Nutzer": other people's conversations, answers or results."""
    return bool(_OTHERS_DATA.search(text or ""))


def _about_the_assistant(message: str, intent: str) -> str | None:
    """Questions about the user's own goals and result, the assistant, its features, the others'
    results or what is stored: the sources cannot answer them, and a question about storing must
    never delete."""
    if _ASKS_OWN_GOALS.search(message) or asks_why_not_type(message):
        return OWN_GOALS_INTENT
    if _JUDGES_IT.search(message) or wants_another_type(message):
        # "Sollten wir lieber Community Manager werden?" got that type's profile.
        return MEANING_INTENT
    if _OTHERS_DO_BETTER.search(message):
        return RESULT_PART_INTENT  # the part on what to learn from the other types
    if _ABOUT_THE_BOT.search(message):
        return BOT_INTENT
    if (
        len(message.split()) <= OTHERS_RESULTS_MAX_WORDS
        and _OTHERS_RESULTS.search(message)
        and not named_type(message)
    ):
        return STATISTICS_INTENT
    if _OWN_STANDING.search(message) and not named_type(message):
        return RESULT_PART_INTENT
    if asks_for_others_data(message) or (intent in _NOT_UNDERSTOOD and _WITHHOLDS_DATA.search(message)):
        return PRIVACY_INTENT  # was taken for the statistics: the privacy notice says nobody sees them
    if _ANSWERS_REMAINING.search(message):
        return RESUME_INTENT  # after »Ergebnis jetzt«: the skipped questions (flow.resume)
    # "Wofür ist der Rückkehrcode?" was taken for give_code: without a code it is a question about codes.
    about_a_feature = (
        intent in _FEATURE_QUESTION_INTENTS
        or (intent == CODE_INTENT and not looks_like_code(message))
        # "Kann ich das dem Gemeinderat vorlegen?" (taken for the report or an answer) names no report:
        # a question about showing the result, which the report help answers.
        or (
            intent in (REPORT_INTENT, INFORM_INTENT)
            and looks_like_question(message)
            and not _COMMAND_CUES[REPORT_INTENT].search(message)
        )
    )
    topic = help_topic(message) if about_a_feature or asks_how_a_feature_works(message) else None
    if (topic == TEAM and intent == START_INTENT) or (
        topic
        and intent == FALLBACK_INTENT
        and _NAMES_A_FEATURE.search(message)
        and not extract_goals(message)
    ):
        # "mit meinen Kollegen zusammen den Test machen", "Ich habe meinen Code verloren": explained.
        # Not an interview answer about taking part ("Bürger sollen zusammen mit der Verwaltung an
        # Projekten teilnehmen" is a goal): a statement must name the test or the feature itself.
        return HELP_INTENT
    if intent == DELETE_INTENT and _OTHERS_DATA_CONTEXT.search(message) and not _OWN_DATA.search(message):
        return KNOWLEDGE_INTENT if looks_like_question(message) else FALLBACK_INTENT
    if not looks_like_question(message):
        return None
    if intent == DELETE_INTENT:
        # "Werden meine Daten gespeichert?" was taken for a deletion: without a delete word it is asked.
        if _DELETE_VERB.search(message):
            return None
        # Not every such question is about storing: "Meint Herr Weber, dass es je nach Bundesland mehr
        # von einem Typ gibt?" was taken for a deletion too.
        return PRIVACY_INTENT if _COMMAND_CUES[PRIVACY_INTENT].search(message) else KNOWLEDGE_INTENT
    if _PRIVACY_QUESTION.search(message):
        return PRIVACY_INTENT
    if intent == PRIVACY_INTENT and _USES_A_PRODUCT.search(message):
        # "Dürfen wir Microsoft 365 in der Verwaltung datenschutzkonform einsetzen?" asks about the
        # municipality's own tools, not about what this assistant stores.
        return KNOWLEDGE_INTENT
    if topic:
        return HELP_INTENT  # "Können mehrere Kolleg:innen mitmachen?", "Wofür ist der Rückkehrcode?"
    if intent in (KNOWLEDGE_INTENT, FALLBACK_INTENT, RESUME_INTENT) and _ABOUT_THE_SELF_TEST.search(message):
        return HELP_INTENT
    if intent in (KNOWLEDGE_INTENT, FALLBACK_INTENT, HELP_INTENT) and _ASKS_WHAT_NOW.search(message):
        return HELP_INTENT  # "Was muss ich jetzt machen?" got the sources' refusal
    return None


def route(text: str, intent: str | None, confidence: float) -> str:
    """The intent the assistant acts on for this message (see module docstring)."""
    intent = intent or FALLBACK_INTENT
    message = (text or "").strip()
    if not message or message.startswith("/"):
        return intent
    if looks_foreign(message):
        # "Can you speak English?": the fallback says the assistant answers in German; the knowledge
        # base would only say its sources have nothing on it.
        return FALLBACK_INTENT
    if intent == DELETE_INTENT and _FORGOT.search(message) and not _DELETE_VERB_BUT_FORGET.search(message):
        # "Und noch die Vereine als drittes, die hätte ich fast vergessen" deleted the whole interview.
        return KNOWLEDGE_INTENT if looks_like_question(message) else INFORM_INTENT
    if (
        (intent in OWN_RESULT_INTENTS or intent in (KNOWLEDGE_INTENT, FALLBACK_INTENT))
        and _SELF_ASSESSED.search(message)
        and named_type(message)
        and looks_like_question(message)
    ):
        # "Wir sehen uns eher als Community Manager. Wo sollten wir laut Studie noch besser werden?": a
        # question on that type, not on a test result (nor a wish to be another type).
        return KNOWLEDGE_INTENT
    about_the_assistant = _about_the_assistant(message, intent)
    if about_the_assistant:
        return about_the_assistant
    if (
        intent in (KNOWLEDGE_INTENT, FALLBACK_INTENT) or intent in ANSWER_INTENTS
    ) and _ASKS_TO_TAKE_THE_TEST.search(_last_sentence(message) or message):
        # "Hallo, ich bin Kämmerin in einer Stadt … Können wir den Test machen?" got the sources' refusal.
        return START_INTENT
    if intent == KNOWLEDGE_INTENT:
        return intent
    if (
        intent == CODE_INTENT
        and not looks_like_code(message)
        and looks_like_question(message)
        and not _OWN_THINGS.search(message)  # "Wie lautet mein Code?"
    ):
        # "D-Team – was heißt das D da eigentlich?" was taken for an incomplete code
        return KNOWLEDGE_INTENT
    if intent == RESUME_INTENT and _DOES_NOT_WANT.search(message):
        # "Stopp, ich will nicht weitermachen" – but "Wir wollen nicht so weitermachen wie bisher,
        # sondern effizienter werden" is an answer (inside the interview the form reads a fallback).
        if len(message.split()) <= STOP_MAX_WORDS and not extract_goals(message):
            return STOP_INTENT
        return FALLBACK_INTENT
    if intent == COMPLAINT_INTENT and _USER_IS_LOST.search(message) and not extract_goals(message):
        return HELP_INTENT  # "Ich verstehe nicht, was ich tun soll" is no complaint about an answer
    if intent == COMPLAINT_INTENT and (
        (_STRIKES.search(message) and analyse_goals(message).mentions) or keeps_only_places(message)
    ):
        # "Nee, die Pilotprojekte streich mal ganz, die bringen uns nichts": a goal taken out, no complaint;
        # "Eigentlich nur das erste. Das mit der Förderung war Quatsch.": the others taken out
        return CORRECT_GOALS_INTENT
    if intent in _ANSWER_BEFORE and is_answer_option(message):
        # "Civic Tech?", "E-Akte?": an option's name asked about is a question for the sources (inside the
        # interview the question is answered and asked again)
        return KNOWLEDGE_INTENT if message.rstrip().endswith("?") else INFORM_INTENT
    if intent in _NOT_UNDERSTOOD and (_wants_the_self_test_now(message) or _LETS_GO.search(message)):
        return START_INTENT  # "Hi, ich würde gern wissen, was für ein Typ wir sind", "ok dann los"
    if intent in (FALLBACK_INTENT, KNOWLEDGE_INTENT) and _ABOUT_OWN_TEAM.search(message):
        return TEAM_RESULT_INTENT  # "Wer ist denn alles in meinem Team?": the team's members and result
    if (
        intent == FALLBACK_INTENT
        and not looks_like_question(message)
        and extract_goals(message)
        and not _keyword_query(message)  # "kostenloses internet in der innenstadt kommunen prozent"
    ):
        # "Bei uns geht es um Effizienz" outside the test: offered the test (inside, read as the answer).
        return INFORM_INTENT
    if intent in ANSWER_INTENTS and _WISH.search(message) and _wants_the_self_test_now(message):
        # "Hallo, wir sind eine Stadt mit 30.000 Einwohnern und wollen den Test machen": the start
        # takes kind and size over. Only with an explicit wish, so an interview answer stays one.
        return START_INTENT
    if intent == WHAT_IF_INTENT and not (_WHAT_IF_CUE.search(message) or extract_goals(message)):
        # "einwohnerzahl wennigsen (kam im podcast vor)": keywords asking the sources are a question too
        return KNOWLEDGE_INTENT if _asks_something(message) else FALLBACK_INTENT
    cue = _COMMAND_CUES.get(intent)
    if cue is not None and not cue.search(message):
        return KNOWLEDGE_INTENT if _asks_something(message) else FALLBACK_INTENT
    if not looks_like_question(message):
        if (
            intent == START_INTENT
            and not _wants_the_self_test_now(message)
            and _INDIRECT_QUESTION.search(message)
            and _ABOUT_TYPES_OR_FIGURES.search(message)
        ):
            return KNOWLEDGE_INTENT
        if intent == STATISTICS_INTENT and not _requests_statistics(message):
            # "kommunalbeschäftigte deutschland gesamtzahl": a figure from the sources, not ours
            return KNOWLEDGE_INTENT if _keyword_query(message) else FALLBACK_INTENT
        if intent in OWN_RESULT_INTENTS and _TAKES_BACK.match(message) and not refers_to_own_result(message):
            # "Nee, ehrlich gesagt eher 70 zu 30 für die Bearbeitung im Rathaus": a correction of the answer
            # just given (inside the interview the form reads a fallback as an answer), not a question on a
            # result
            return FALLBACK_INTENT
        if intent in OWN_RESULT_INTENTS and _keyword_query(message) and not refers_to_own_result(message):
            # "stuttgart digitalchef teamgroesse im vergleich zu nuertingen": a comparison in the sources
            return KNOWLEDGE_INTENT
        if (intent in ANSWER_INTENTS or intent == FALLBACK_INTENT) and _keyword_query(message):
            # "einwohner median bedächtige städte gemeinden", "salach cdo stelle budget pro jahr": keywords
            # asking the sources, no answer (and understood, not met with the fallback)
            return KNOWLEDGE_INTENT
        return intent
    if intent == START_INTENT:
        return intent if _wants_the_self_test_now(message) else KNOWLEDGE_INTENT
    if intent == STATISTICS_INTENT:
        # "Wie viele sächsische Kommunen haben beim Förderprojekt mit den Digital-Lotsen bisher mitgemacht?":
        # taking part in a programme or a state's figures are asked of the sources, not of the self-test
        elsewhere = (
            names_a_state(message) or _TOOK_PART_ELSEWHERE.search(message) or _STUDY_METHOD.search(message)
        )
        return intent if asks_own_statistics(message) and not elsewhere else KNOWLEDGE_INTENT
    if intent in ASSISTANT_INTENTS and _ADDRESSES_ASSISTANT.search(message):
        return intent
    if intent not in ANSWER_INTENTS and intent not in OWN_RESULT_INTENTS and _OWN_THINGS.search(message):
        return intent  # "Was kommt bei unserem Team heraus?": the user's own data, not the sources
    if intent in OWN_RESULT_INTENTS and not refers_to_own_result(message):
        return KNOWLEDGE_INTENT
    if intent == FALLBACK_INTENT:
        return KNOWLEDGE_INTENT
    if intent in ANSWER_INTENTS:
        # An interview answer can start like a question ("Wie gesagt, Effizienz"): only clear ones move.
        return KNOWLEDGE_INTENT if is_clear_question(message) else intent
    if (
        intent in STEP_INTENTS
        and len(message.split()) >= STEP_QUESTION_MIN_WORDS
        and is_clear_question(message)
    ):
        # "nicht wollen oder nicht können – was bremst laut den Befragten mehr" was taken for »Fertig«.
        return KNOWLEDGE_INTENT
    if confidence < COMMAND_CONFIDENCE or (intent == BOT_INTENT and defines_a_term(message)):
        return KNOWLEDGE_INTENT
    return intent
