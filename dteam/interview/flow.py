"""The interview's dialogue flow as a pure state machine.

The state is the interview's slot values (a mapping); a `Turn` is one user message as the NLU saw
it. `step(state, turn)` handles the answer to the requested question and returns the slot updates
and the messages to send; `ask(state, slot)` builds a question; `start()` opens the interview.
No Rasa import: the adapter in actions/interview.py maps tracker <-> state and updates <-> events.

Order of handling one turn (the policy the issue-3 contract describes):
navigation (zurück, Ergebnis jetzt, Korrektur) -> goal or practice answer: button value, "no more",
correction, question (left to the rules, which answer it and resume), parsed answer, interruption
(left to the rules), skip, else re-ask with an example and, after repeated failures, point to the
buttons.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dteam.interview import goal_check, practices, semantic_match
from dteam.interview import goals as goal_parser
from dteam.routing import (
    COMPLAINT_INTENT,
    OWN_RESULT_INTENTS,
    is_clear_question,
    looks_like_question,
    starts_like_question,
)
from dteam.text import looks_foreign

# The Rasa form that asks the questions (domain.yml); the adapters look for it in the tracker.
INTERVIEW_FORM = "interview_form"
GOAL_SLOT = "goals"
INTERVIEW_SLOTS: tuple[str, ...] = (GOAL_SLOT, *practices.QUESTION_ORDER)
REQUESTED_SLOT = "requested_slot"
GOALS_DRAFT = "goals_draft"
GOALS_ASKED_MORE = "goals_asked_more"
ANSWER_DRAFT = "answer_draft"
FAILURES = "interview_failures"
# An unsure semantic match waiting for the user's yes/no: {"slot", "values", "text"}; for a wish beside
# goals the rules found also "ranked", the goals with the proposed one in its place (taken on "Ja").
PENDING_MATCH = "pending_match"
# The practice questions »Ergebnis jetzt« skipped: "Weitermachen" after the result asks them still.
SKIPPED_AT_RESULT = "skipped_at_result"
# Helper slots reset when a test starts.
STATE_SLOTS: tuple[str, ...] = (
    GOALS_DRAFT,
    GOALS_ASKED_MORE,
    ANSWER_DRAFT,
    FAILURES,
    PENDING_MATCH,
    SKIPPED_AT_RESULT,
)
CONFIRM_VALUE = "bestaetigen"
REJECT_VALUE = "ablehnen"
# "Nur Bürgernähe": of several proposed options, only this one (button value ONLY_PREFIX + option).
ONLY_PREFIX = "nur:"
# "Eher Bürgernähe": instead of the one proposed goal, the matcher's next likeliest (INSTEAD_PREFIX + goal).
INSTEAD_PREFIX = "eher:"
_YES = re.compile(r"^\W*(ja|jap|jo|genau|stimmt|richtig|korrekt|passt|ok|okay|yes)\b", re.IGNORECASE)
_NO = re.compile(r"^\W*(nein|nee|nö|no|falsch|stimmt nicht|passt nicht)\b", re.IGNORECASE)

# Intents that are no answer to the current question: the rules answer them, then the form resumes.
INTERRUPTING_INTENTS = frozenset(
    {
        "ask_question",
        "help",
        "bot_challenge",
        "greet",
        "thank",
        "goodbye",
        "show_examples",
        "stop_interview",
        "restart",
        "restart_conversation",
        "start_interview",
        "show_statistics",
        "delete_my_data",
        "give_code",  # a return or team code mid-interview is handled, then the question resumes
        "privacy_info",  # "Ist das hier anonym?" before answering
        "kb_more",  # "Mehr dazu" under an answer given mid-interview
        COMPLAINT_INTENT,  # "Das war nicht meine Frage" about such an answer (unless it answers)
        # "Wie schneiden wir ab?", "Warum sind wir Optimierer?": the result comes after the last question.
        *OWN_RESULT_INTENTS,
    }
)
# The offers that come with the result (report, target, team): asked for during the interview, the
# question stays open and the user learns when they come.
AFTER_RESULT_INTENTS = frozenset({"request_report", "create_team", "set_target", "show_team_result"})
AFTER_RESULT_TEXT = (
    "Bericht, Ziel in drei Jahren und Teammodus gibt es nach Ihrem Ergebnis – beantworten Sie zuerst die "
    "Fragen oder wählen Sie »Ergebnis jetzt«."
)
MAX_FAILURES_BEFORE_BUTTONS = 2
FINISH_VALUE = "fertig"
MAX_WORDS_BARE_YES = 3  # "Ja", "ja, gibt es": a yes that names nothing yet
# "Fertig", "Mehr Ziele haben wir nicht": the classifier's finish_goals counts at once for short messages;
# a longer one only when it names no goal – it took "Wir wollen Dinge testen, die sonst noch keiner
# macht" (a goal) for one after a retraining.
MAX_WORDS_FINISH_INTENT = 5
NONE_VALUE = "keine"
# Said once, at the start (and in the help text), not under every question.
NAVIGATION_HINT = (
    "Jede Frage außer der ersten können Sie mit »weiß nicht« überspringen, mit »zurück« kehren Sie zur "
    "vorigen Frage zurück, »Ergebnis jetzt« wertet sofort aus und »Abbrechen« beendet den Test."
)

Updates = dict[str, Any]


@dataclass(frozen=True)
class Turn:
    """One user message: the NLU's intent, the text, and the value of a pressed answer button."""

    intent: str = ""
    text: str = ""
    button_value: str | None = None


@dataclass(frozen=True)
class Message:
    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)


def answer_payload(value: str) -> str:
    """Button payload that carries an answer value past the NLU (no slot is set directly)."""
    return "/inform" + json.dumps({"answer": value}, ensure_ascii=False)


def next_question(state: Mapping[str, Any]) -> str | None:
    """The first unanswered question in interview order, or None when all are answered."""
    return next((slot for slot in INTERVIEW_SLOTS if state.get(slot) is None), None)


def goal_list(goal_ids: list[str]) -> str:
    return ", ".join(f"{i}. {goal_parser.goal_label(g)}" for i, g in enumerate(goal_ids, start=1))


# --- starting and asking --------------------------------------------------------------------------


# "wir sind eine kleine Gemeinde", "unsere Stadt", "ich arbeite in der Kreisverwaltung": the user's own
# municipality, not one named in passing.
_OWN_MUNICIPALITY = re.compile(r"\b(?:wir|uns|unser\w*|ich|mein\w*)\b", re.IGNORECASE)
_NAMES_INHABITANTS = re.compile(r"einwohner|bürger:?innen|menschen|leute", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:seit|im\s+jahr|ab|bis|von|anno|in)\s+(?:19|20)\d\d\b", re.IGNORECASE)
# "Kreis, ca. 250.000", "Stadt mit 12 Tsd.": a number written as a head count, not as a year.
_HEAD_COUNT_FORM = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b|\d\s*(?:tsd|tausend|mio|millionen?)\b", re.IGNORECASE)


def _goals_before_the_test(start_message: str | None) -> list[str]:
    if not start_message or start_message.startswith("/"):
        return []
    return goal_parser.extract_goals(start_message)


def _facts_before_the_test(*texts: str | None) -> Updates:
    """Kind and size of the municipality the user wrote when starting ("Moin, wir sind eine kleine
    Gemeinde in Niedersachsen und wollen wissen, wo wir stehen"), so that they are not asked again."""
    facts: Updates = {}
    for text in texts:
        if not text or text.startswith("/") or not _OWN_MUNICIPALITY.search(text):
            continue
        kind = practices.parse_answer("municipality_kind", text)
        if kind.ok and kind.value != practices.SKIPPED:
            facts.setdefault("municipality_kind", kind.value)
        inhabitants = practices.parse_inhabitants(text) if _NAMES_INHABITANTS.search(text) else None
        if inhabitants:
            facts.setdefault("inhabitants", inhabitants)
    return facts


MUNICIPALITY_FACT_SLOTS = ("municipality_kind", "inhabitants")
# "Wir sind eine Stadt mit 20.000 Einwohnern und wollen …": with goals in the same answer, the kind counts
# only when said of the own municipality ("Die Gemeinden im Kreis sollen …" is no kind).
_WE_ARE = re.compile(
    r"\bwir\s+(?:sind|als)\b|\bals\s+(?:\w+\s+)?(?:stadt|gemeinde|kreis|landkreis|kommune)\b", re.IGNORECASE
)
_SAYS_INHABITANTS = re.compile(r"einwohner", re.IGNORECASE)


def _municipality_facts(state: Mapping[str, Any], text: str, with_goals: bool) -> Updates:
    """Kind and size of the municipality said at the goal question ("Wir sind ein Landkreis", "ca.
    180.000 Einwohner"), for the questions that come later and are not answered yet.

    `with_goals`: the answer names goals too, so only "wir sind …" counts as a kind and only a number
    with "Einwohner" as a size ("5.000 Bürger:innen sollen das Portal nutzen" is no head count)."""
    if not text or text.startswith("/") or _asks_more_than_an_answer(text) or _YEAR.search(text):
        return {}
    facts: Updates = {}
    # Without goals, the kind parser alone decides ("Kleine Gemeinde, so 3000 Leute").
    if state.get("municipality_kind") is None and (not with_goals or _WE_ARE.search(text)):
        kind = practices.parse_answer("municipality_kind", text)
        if kind.ok and kind.value != practices.SKIPPED:
            facts["municipality_kind"] = kind.value
    size_named = _SAYS_INHABITANTS if with_goals else _NAMES_INHABITANTS
    if state.get("inhabitants") is None and (
        size_named.search(text) or (not with_goals and _HEAD_COUNT_FORM.search(text))
    ):
        inhabitants = practices.parse_inhabitants(text)
        if inhabitants and inhabitants >= MIN_INHABITANTS_GONE_ON:
            facts["inhabitants"] = inhabitants
    return facts


def _described_facts(facts: Mapping[str, Any]) -> str:
    return " und ".join(
        practices.describe_value(slot, facts[slot]) for slot in MUNICIPALITY_FACT_SLOTS if slot in facts
    )


def start(
    earlier_answer: str | None = None, start_message: str | None = None, earlier_messages: Sequence[str] = ()
) -> tuple[Updates, list[Message]]:
    """Clears earlier answers and explains the interview before the first question.

    `earlier_answer`: goals the user named before the test ran ("Effizienz und Bürgernähe sind uns
    wichtig" got "Das klingt nach einer Antwort für den Selbsttest …"); they become the goal draft, which
    the first question shows for confirming or adding, instead of being asked for again.
    `start_message`: the message that started the test; the kind and size of the municipality named
    there, in `earlier_answer` or in `earlier_messages` (the user's messages of this conversation before
    it, newest first: "Guten Morgen, ich bin Hauptamtsleiterin in einer kleinen Gemeinde") are taken
    over and their questions skipped.
    """
    facts = _facts_before_the_test(start_message, earlier_answer, *earlier_messages)
    intro = (
        f"Gern! Zuerst frage ich nach Ihren wichtigsten Digitalisierungszielen, danach folgen "
        f"{len(INTERVIEW_SLOTS) - 1 - len(facts)} kurze Fragen zu Ihrer Kommune und ihrer Praxis (etwa fünf "
        "Minuten). " + NAVIGATION_HINT
    )
    updates: Updates = {slot: None for slot in INTERVIEW_SLOTS}
    updates.update({slot: 0.0 if slot == FAILURES else None for slot in STATE_SLOTS})
    # Goals of an earlier answer, then those of the message that started the test, added as the
    # goal question adds a further answer ("Bürgernähe ist auch wichtig").
    named = goal_parser.extract_goals(earlier_answer or "")
    started_with = _goals_before_the_test(start_message)
    if started_with:
        named = goal_parser.add_goals(named, start_message) if named else started_with
    if len(named) >= goal_parser.MAX_GOALS:
        updates[GOAL_SLOT] = named[: goal_parser.MAX_GOALS]
    elif named:
        updates.update({GOALS_DRAFT: named, GOALS_ASKED_MORE: True})
    if named:
        intro += f" Ihre Ziele von eben habe ich übernommen: {goal_list(named)}."
    if facts:
        updates.update(facts)
        described = ", ".join(practices.describe_value(slot, value) for slot, value in facts.items())
        intro += f" Aus Ihren Nachrichten übernommen: {described} (mit »zurück« änderbar)."
    return updates, [Message(intro)]


RESUMED = "Gut, es geht an derselben Stelle weiter – Ihre bisherigen Antworten habe ich noch."


def resume(state: Mapping[str, Any]) -> tuple[Updates, list[Message]]:
    """ "Weitermachen" after »Abbrechen«: the answers given so far are still in the slots, so the form
    goes on with the next open question; with nothing answered yet it is a fresh start. After
    »Ergebnis jetzt« it asks the questions that were skipped for it, then shows the result again."""
    remaining = [slot for slot in state.get(SKIPPED_AT_RESULT) or () if slot in practices.QUESTION_ORDER]
    if remaining:
        reopened: Updates = {slot: None for slot in remaining}
        reopened.update({SKIPPED_AT_RESULT: None, FAILURES: 0.0, PENDING_MATCH: None, ANSWER_DRAFT: None})
        return reopened, [Message(remaining_questions_text(len(remaining)))]
    if not any(state.get(slot) not in (None, "") for slot in (*INTERVIEW_SLOTS, GOALS_DRAFT)):
        return start()
    return {FAILURES: 0.0, PENDING_MATCH: None}, [Message(RESUMED)]


def remaining_questions_text(count: int) -> str:
    questions = "die offene Frage" if count == 1 else f"die {count} offenen Fragen"
    return (
        f"Gern, {questions} zur Praxis Ihrer Kommune. Danach zeige ich Ihr Ergebnis noch einmal, dann "
        "mit dem Vergleich zu anderen Kommunen."
    )


def ask(state: Mapping[str, Any], slot: str) -> Message:
    """The question for `slot` with its progress ("Frage 3 von 12") and buttons."""
    number = INTERVIEW_SLOTS.index(slot) + 1
    progress = f"Frage {number} von {len(INTERVIEW_SLOTS)}"
    pending = _pending(state, slot)
    if pending:
        # An unsure semantic match is put to the user once, instead of the question.
        values = list(pending["values"])
        text = semantic_match.confirmation_question(slot, pending["text"], values)
        if len(values) > 1:  # "Nur …": one of the proposed options alone
            choices = _choice_buttons(slot, "Nur", ONLY_PREFIX, values)
        else:  # "Eher …": one of the matcher's next likeliest instead
            choices = _choice_buttons(slot, "Eher", INSTEAD_PREFIX, list(pending.get("alternatives") or []))
        return Message(
            f"{progress}: {text}",
            [
                {"title": "Ja, alle" if len(values) > 1 else "Ja", "payload": answer_payload(CONFIRM_VALUE)},
                *choices,
                {"title": "Nein", "payload": answer_payload(REJECT_VALUE)},
            ],
        )
    if slot == GOAL_SLOT:
        text, buttons = _goal_question(state)
    else:
        text, buttons = _practice_question(state, slot)
    if number > 1:
        buttons.append({"title": "Zurück", "payload": "/go_back"})
    if state.get(GOAL_SLOT) or state.get(GOALS_DRAFT):
        buttons.append({"title": "Ergebnis jetzt", "payload": "/result_now"})
    return Message(f"{progress}: {text}", buttons)


def _choice_buttons(slot: str, word: str, prefix: str, values: list[str]) -> list[dict[str, str]]:
    labels = semantic_match.option_labels(slot, values)
    return [
        {"title": f"{word} {label}", "payload": answer_payload(prefix + value)}
        for value, label in zip(values, labels, strict=True)
    ]


def _goal_question(state: Mapping[str, Any]) -> tuple[str, list[dict[str, str]]]:
    draft = list(state.get(GOALS_DRAFT) or [])
    buttons = [
        {"title": b["title"], "payload": answer_payload(b["value"])}
        for b in goal_parser.goal_buttons(exclude=draft)
    ]
    if draft:
        text = (
            f"Bisher habe ich: {goal_list(draft)}. Gibt es ein weiteres wichtiges Ziel? "
            "Wenn nicht, antworten Sie »Fertig«."
        )
        buttons.append({"title": "Fertig", "payload": answer_payload(FINISH_VALUE)})
    else:
        text = (
            "Welche Digitalisierungsziele sind für Ihre Kommune am wichtigsten? Nennen Sie bis zu drei, "
            "das wichtigste zuerst – in eigenen Worten (z. B. »Vor allem Effizienz, dann Bürgernähe«) "
            "oder per Schaltfläche, eins nach dem anderen."
        )
    return text, buttons


def _practice_question(state: Mapping[str, Any], slot: str) -> tuple[str, list[dict[str, str]]]:
    question = practices.QUESTIONS[slot]
    draft = list(state.get(ANSWER_DRAFT) or [])
    buttons = [
        {"title": b["title"], "payload": answer_payload(b["value"])}
        for b in question.buttons()
        if b["value"] not in draft
    ]
    text = question.text
    if question.multi and draft:
        chosen = ", ".join(question.option(v).title for v in draft)
        text += f" Bisher gewählt: {chosen}. Weitere wählen oder »Fertig«."
        buttons.insert(0, {"title": "Fertig", "payload": answer_payload(FINISH_VALUE)})
    return text, buttons


# --- one user turn ----------------------------------------------------------------------------------


def step(state: Mapping[str, Any], turn: Turn) -> tuple[Updates, list[Message]]:
    """Handles one user turn at the requested question.

    Returns the slot updates (always including `requested_slot`: the next question, None when the
    interview is complete) and the messages to send. Empty updates but for `requested_slot` mean the
    turn was no answer (a question, "Hilfe", ...) and is left to the rules.
    """
    requested = state.get(REQUESTED_SLOT)
    updates: Updates = {}
    messages: list[Message] = []
    if requested in INTERVIEW_SLOTS:
        updates, messages = _handle_answer(requested, state, _clean(turn))
    after = {**state, **updates}
    updates[REQUESTED_SLOT] = next_question(after)
    return updates, messages


def _clean(turn: Turn) -> Turn:
    text = (turn.text or "").strip()
    if text.startswith("/") and turn.button_value is None:
        text = ""  # an intent payload carries no answer text
    return Turn(intent=turn.intent or "", text=text, button_value=turn.button_value)


def _pending(state: Mapping[str, Any], slot: str) -> Mapping[str, Any] | None:
    pending = state.get(PENDING_MATCH)
    if isinstance(pending, Mapping) and pending.get("slot") == slot and pending.get("values"):
        return pending
    return None


def _handle_answer(slot: str, state: Mapping[str, Any], turn: Turn) -> tuple[Updates, list[Message]]:
    pending = _pending(state, slot)
    if pending:
        return _resolve_pending(slot, pending, state, turn)
    navigation = turn.button_value is None
    if (
        navigation
        and turn.intent == "go_back"
        and not (slot != GOAL_SLOT and _corrects_goals(state, slot, turn.text))
    ):
        # not "Das Letzte kann weg." after the goals were taken: a goal struck, no step back
        return _go_back(slot)
    if navigation and turn.intent == "result_now":
        return _result_now(state)
    if (
        navigation
        and slot != GOAL_SLOT  # "Unser Ziel: …" (set_target) is often a goal answer in words the rules miss
        and turn.intent in AFTER_RESULT_INTENTS
        and not _names_an_answer(slot, turn.text)
    ):
        # "Können Sie mir den Bericht per Mail schicken?" mid-interview was read as a failed answer.
        return {slot: None}, [Message(AFTER_RESULT_TEXT)]
    if navigation and turn.intent == COMPLAINT_INTENT and not _names_an_answer(slot, turn.text):
        # "Das war nicht meine Frage" after an answer given mid-interview: the rules apologise and offer
        # other entries, then the question comes again (it was read as "no more goals").
        return {}, []
    aside = _goals_aside(state, slot, turn.text) if navigation and slot != GOAL_SLOT else None
    if aside is not None:
        # "Stadt. Ach so, bei den Zielen: Fördermittel komplett raus.": the answer and a goal correction.
        answer, correction = aside
        goal_updates, goal_messages = _correct_goals_midway(state, correction)
        if goal_updates.get(GOAL_SLOT):
            updates, messages = _handle_answer(slot, {**state, **goal_updates}, Turn(turn.intent, answer))
            return {**goal_updates, **updates}, goal_messages + messages
    chosen = list(state.get(GOAL_SLOT) or [])
    sequenced = _ordered_by_sequence(chosen, turn.text) if navigation and slot != GOAL_SLOT else None
    if sequenced and not goal_parser.analyse(turn.text).negated and not _names_an_answer(slot, turn.text):
        # "Reihenfolge: Familien zuerst, dann informieren, Fördergeld als letztes." after the goals were taken
        return _goals_now(sequenced, unchanged=sequenced == chosen)
    if (
        navigation
        and slot != GOAL_SLOT
        and (turn.intent == "correct_goals" or _corrects_goals(state, slot, turn.text))
    ):
        return _correct_goals_midway(state, turn.text)
    reordered = None if slot == GOAL_SLOT or not navigation else _reordered_by_meaning(chosen, turn.text)
    if reordered and not _names_an_answer(slot, turn.text):
        return _goals_now(reordered, unchanged=reordered == state.get(GOAL_SLOT))
    if slot == GOAL_SLOT:
        updates, messages = _answer_goals(state, turn)
        if turn.button_value is None and (updates.get(GOAL_SLOT) or updates.get(GOALS_DRAFT)):
            # "Wir sind eine Stadt mit 20.000 Einwohnern und wollen vor allem effizienter werden"
            updates.update(
                {
                    k: v
                    for k, v in _municipality_facts(state, turn.text, with_goals=True).items()
                    if k not in updates
                }
            )
    else:
        updates, messages = _answer_practice(slot, state, turn)
    return updates, messages + _noted(slot, state, turn, updates, messages)


# "ach nee, wir sind ja Stadt" one question later: the words that take back what was just said.
_TAKES_BACK = re.compile(
    r"\b(?:ach\s+(?:nee|nein|ne|quatsch)|nee|korrektur|korrigier\w*|ich\s+meinte|falsch|vertan|"
    r"stimmt\s+nicht|eigentlich|doch|sorry|pardon|moment)\b",
    re.IGNORECASE,
)


def _correct_previous_answer(
    slot: str, state: Mapping[str, Any], turn: Turn
) -> tuple[Updates, list[Message]] | None:
    """A correction of the answer just given ("ach nee, wir sind ja seit letztem Jahr Stadt" at the
    question after the kind of municipality): the previous question gets the new value and the
    current one is asked again. Only the previous practice question, and only with a take-back word."""
    index = INTERVIEW_SLOTS.index(slot)
    previous = INTERVIEW_SLOTS[index - 1] if index > 0 else None
    if previous in (None, GOAL_SLOT) or state.get(previous) is None or not _TAKES_BACK.search(turn.text):
        return None
    parsed = practices.parse_answer(previous, turn.text)
    if not parsed.ok or parsed.value == state.get(previous):
        return None
    described = practices.describe_value(previous, parsed.value)
    return {previous: parsed.value, slot: None}, [Message(f"Verstanden, korrigiert: {described}.")]


def _noted(
    slot: str, state: Mapping[str, Any], turn: Turn, updates: Updates, messages: list[Message]
) -> list[Message]:
    """Free text read as a complete answer is said back once ("Notiert: 1. Effizienz, …"), so a
    misreading shows at once and can be corrected ("Zurück", "Fördermittel streichen"). Buttons, a
    skip and a ranking the user has just seen as a draft need no echo."""
    value = updates.get(slot)
    if turn.button_value is not None or messages:
        return []
    if slot == GOAL_SLOT:
        # Kind and size said with the goals ("Wir sind eine Stadt mit 20.000 Einwohnern und …").
        facts = {k: updates[k] for k in MUNICIPALITY_FACT_SLOTS if updates.get(k) is not None}
        if value is None or list(value) == list(state.get(GOALS_DRAFT) or []):
            return [Message(f"Notiert: {_described_facts(facts)}.")] if facts else []
        told = f" – und {_described_facts(facts)}" if facts else ""
        return [Message(f"Notiert: {goal_list(list(value))}{told}.")]
    if value is None or value == practices.SKIPPED:
        return []
    # "Gemeinde mit 4500 Einwohnern": the head count that came with the answer is said back too.
    answered = [
        other for other in practices.QUESTION_ORDER if other in updates and updates[other] is not None
    ]
    described = " und ".join(practices.describe_value(other, updates[other]) for other in answered)
    return [Message(f"Notiert: {described}.")]


# A message that opens with "dafür/stattdessen noch …": a goal in the place of one struck before
_IN_ITS_PLACE_NOW = re.compile(
    r"^\W*(?:(?:und|ach|also|ok|okay)\W+)?(?:dafür|dafuer|stattdessen|statt\s+dessen)\s+(?:noch|dann|bitte|lieber|rein)\b",
    re.IGNORECASE,
)
# "ach, und Fördermittel noch dazu", "Innovation bitte auch noch mit rein": a goal added to fewer than three
_ADDS_ONE = re.compile(
    r"\b(?:noch\s+dazu|auch\s+noch|noch\s+mit\s+(?:rein|auf\w*)|noch\s+(?:rein|aufnehmen|ergänzen|hinzufügen)|"
    r"dazu\s?nehmen|dazunehmen|hinzufügen|ergänzen\s+sie)\b"
    # "und noch: Zuschüsse vom Bund holen"
    r"|^\W*(?:und|ach(?:\s+ja)?|ach\s+und|oh\s+und)\W+noch\b",
    re.IGNORECASE,
)
_SAYS_ONLY = re.compile(r"\b(?:nur|ausschließlich|bloß|lediglich)\b", re.IGNORECASE)


def _corrects_goals(state: Mapping[str, Any], slot: str, text: str) -> bool:
    """A message at a later question that corrects the goals although the intent classifier missed it:
    correction words, a goal already chosen, and no answer to the question asked ("Fördermittel bitte
    wieder raus" at the question about the municipality's kind)."""
    current = list(state.get(GOAL_SLOT) or [])
    if not text or not current:
        return False
    if not goal_parser.is_correction(text):
        # "ach, und bitte Innovation ganz ans Ende, Wirtschaft nach vorn": the chosen goals in a new order.
        edited = goal_parser.apply_correction(current, text)
        # "und dafür die Wirtschaft an die erste Stelle": a goal given a place in the ranking.
        placed = goal_parser.names_a_place(text)
        # "Nein, nur die Online-Anträge.": fewer of the chosen goals, said with "nur"
        narrowed = bool(edited) and set(edited) < set(current) and bool(_SAYS_ONLY.search(text))
        # "Dafür noch: die Förderaufrufe vom Bund nutzen." after a goal was struck: one in its place
        in_its_place = (
            bool(_IN_ITS_PLACE_NOW.match(text) or _ADDS_ONE.search(text))
            and len(current) < goal_parser.MAX_GOALS
            and set(current) < set(edited)
        )
        # "Innovation eher nicht, der Rest stimmt": a chosen goal put aside, the others kept
        struck = set(goal_parser.analyse(text).negated) & set(current)
        put_aside = bool(struck) and edited == [goal for goal in current if goal not in struck]
        return (
            edited != current
            and (sorted(edited) == sorted(current) or placed or narrowed or in_its_place or put_aside)
            and not practices.parse_answer(slot, text).ok
        )
    analysis = goal_parser.analyse(text)
    # "Leistungsangebot ersetzen durch rechtliche Vorgaben": the replaced goal is no longer named, but
    # it is mentioned.
    mentioned = {mention.goal for mention in analysis.mentions}
    # "Reihenfolge genau umgekehrt bitte.": the whole list reversed, no goal named
    reversed_list = not mentioned and goal_parser.reverses_the_list(text)
    # "ne, alles zurück. Nur das OZG, sonst nichts": a new list in place of the chosen one
    restarted = bool(analysis.goals) and goal_parser.restarts_the_list(text)
    if restarted:
        return True
    if not mentioned & set(current) and not goal_parser.edits_places(text) and not reversed_list:
        return False
    if not mentioned and goal_parser.leads_with_place_edit(text):
        # "Punkt 2 streichen, das macht der Landkreis schon.": the reason's "Landkreis" is no answer to the
        # question about the municipality's kind.
        return True
    # "statt Glasfaser lieber den Tourismus, Glasfaser macht eh der Kreis": one struck, another in its place
    struck = set(analysis.negated) & set(current)
    replaced = bool(struck) and goal_parser.apply_correction(current, text) != current
    if struck and (set(analysis.all_goals) <= set(current) or replaced):
        # "Streichen Sie die Wirtschaft, das macht bei uns die Gesellschaft vom Kreis": a chosen goal
        # taken out (and the others perhaps reordered: "Und Glasfaser nach vorne"); "vom Kreis" there is
        # no answer to the question about the municipality's kind.
        return True
    return not practices.parse_answer(slot, text).ok


# "ne, eigentlich ist mitreden wichtiger als schneller": two chosen goals compared in words of one's own.
_MORE_IMPORTANT_THAN = re.compile(
    r"^(?P<first>[^?]{0,120}?)\b(?:viel\s+|deutlich\s+|noch\s+)?wichtiger\s+als\s+(?P<second>[^?.!]{1,80}?)\W*$",
    re.IGNORECASE,
)
_LAST_CLAUSE = re.compile(r"[^,;:.!]*$")


# "… erreichen können, Chat oder so. Das ist sogar [wichtiger als …]": a pronoun points at the sentence before
_POINTER_CLAUSE = re.compile(
    r"^\W*(?:das|dies|die|der|es)\s+(?:ist|sind|wäre|wären|wär|wird)(?:\s+\w+){0,2}\W*$", re.IGNORECASE
)
_LAST_SENTENCE = re.compile(r"[^.!?;]*[.!?;]?\s*$")


def _chosen_goal_in(part: str, ranking: list[str], new_allowed: bool = False) -> str | None:
    clause = _LAST_CLAUSE.search(part).group(0)  # "ne, eigentlich ist mitreden" -> "eigentlich ist mitreden"
    if _POINTER_CLAUSE.match(clause) and part[: len(part) - len(clause)].strip():
        part = _LAST_SENTENCE.search(part[: len(part) - len(clause)].rstrip(" .!?;")).group(0)
    else:
        part = clause
    named = goal_parser.extract_goals(part)
    if len(named) == 1 and (named[0] in ranking or new_allowed):
        return named[0]
    return None if named else semantic_match.likeliest_chosen_goal(part, ranking)


# "Also erst Internet, dann die Läden.", "Reihenfolge: Familien zuerst, dann informieren, Fördergeld als
# letztes.": the goals of the draft put in order by words of their own
_FIRST_WORDS = r"(?:zu)?erst|zunächst|als\s+erstes"
_THEN_WORDS = r"dann|danach|anschließend"
_LAST_WORDS = r"als\s+letztes|zuletzt|ganz\s+am\s+ende"
_FIRST_IN_SEQUENCE = re.compile(rf"\b(?:{_FIRST_WORDS})\b", re.IGNORECASE)
_THEN_IN_SEQUENCE = re.compile(rf"\b(?:{_THEN_WORDS})\b", re.IGNORECASE)
_LAST_PLACE = re.compile(rf"\b(?:{_LAST_WORDS})\b", re.IGNORECASE)
_SEQUENCE_PARTS = re.compile(rf"[,;:]|{_THEN_IN_SEQUENCE.pattern}", re.IGNORECASE)
_SEQUENCE_WORDS = re.compile(rf"\b(?:also|und|reihenfolge|{_FIRST_WORDS}|{_LAST_WORDS})\b", re.IGNORECASE)


def _ordered_by_sequence(draft: list[str], text: str) -> list[str] | None:
    """The draft in the order a sequence names ("erst …, dann …") – each part mapped to one goal of the
    draft by the rules or, in words the rules do not know, by meaning; None unless two or more are named."""
    opening = _FIRST_IN_SEQUENCE.search(text or "")
    if len(draft) < 2 or not opening or not _THEN_IN_SEQUENCE.search(text, opening.end()):
        return None
    first: list[str] = []
    last: list[str] = []
    # from the part that says what comes first ("Sorry, Reihenfolge anders: Einzelhandel zuerst, …")
    start = max((m.end() for m in _SEQUENCE_PARTS.finditer(text, 0, opening.start())), default=0)
    for part in _SEQUENCE_PARTS.split(text[start:]):
        words = _SEQUENCE_WORDS.sub(" ", part).strip(" .!?")
        goal = _chosen_goal_in(words, draft) if words else None
        if goal is None or goal in first or goal in last:
            continue
        (last if _LAST_PLACE.search(part) else first).append(goal)
    named = first + last
    if len(named) < 2:
        return None
    return first + [goal for goal in draft if goal not in named] + last


def _reordered_by_meaning(ranking: list[str], text: str, new_allowed: bool = False) -> list[str] | None:
    """The ranking with one goal moved (or, `new_allowed`, a new one put) before a chosen goal the user
    says it is more important than – also in words the rules do not know ("mitreden" for Bürgernähe);
    None if that is not what the text says, unchanged if the order already is so."""
    compared = _MORE_IMPORTANT_THAN.search(text or "")
    if compared is None or not ranking:
        return None
    first = _chosen_goal_in(compared["first"], ranking, new_allowed)
    second = _chosen_goal_in(compared["second"], ranking)
    if first is None or second not in ranking or first == second:
        return None
    if first in ranking and ranking.index(first) < ranking.index(second):
        return list(ranking)  # already so: said back unchanged
    reordered = [goal for goal in ranking if goal != first]
    reordered.insert(reordered.index(second), first)
    return reordered[: goal_parser.MAX_GOALS]


def _says_finished(turn: Turn) -> bool:
    if goal_parser.is_no_more_goals(turn.text):
        return True
    if turn.intent != "finish_goals":
        return False
    if len(turn.text.split()) <= MAX_WORDS_FINISH_INTENT:
        return True
    # A longer message counts as "no more" unless it names a goal (rules or a sure paraphrase).
    return not (
        goal_parser.extract_goals(turn.text) or any(m.sure for m in semantic_match.match_goals(turn.text))
    )


def _names_an_answer(slot: str, text: str) -> bool:
    """The text answers the question by the rules ("Stimmt nicht, wir haben doch eine Strategie")."""
    if slot == GOAL_SLOT:
        # "Innovation raus, das passt nicht zu uns" (taken for a complaint) strikes a named goal.
        return bool(goal_parser.extract_goals(text)) or (
            goal_parser.is_correction(text) and bool(goal_parser.analyse(text).negated)
        )
    if slot in practices.QUESTIONS:
        return practices.parse_answer(slot, text).ok
    return False


def _is_interruption(turn: Turn) -> bool:
    if turn.intent == "ask_question" and goal_parser.asks_the_sources(turn.text):
        # "ham eigentlich viele kommunen schon ne digitalstrategie (laut öfit-studie)": no mark, no question
        # word, but it asks what the sources say (read by meaning it had become the goal Innovation).
        return True
    if turn.intent == "ask_question" or turn.intent in OWN_RESULT_INTENTS:
        # "Wenn Ingenieure eine Wohnung suchen, sollen sie an uns denken" (own_result_what_if) is a goal.
        return looks_like_question(turn.text)
    return turn.intent in INTERRUPTING_INTENTS


def _invalid(slot: str, hint: str, state: Mapping[str, Any]) -> tuple[Updates, list[Message]]:
    failures = int(state.get(FAILURES) or 0) + 1
    if failures >= MAX_FAILURES_BEFORE_BUTTONS:
        hint = (hint + " " if hint else "") + (
            "Am einfachsten wählen Sie eine der Schaltflächen unten – oder »Überspringen«."
            if slot != GOAL_SLOT
            else "Am einfachsten wählen Sie Ihre Ziele mit den Schaltflächen unten, eins nach dem "
            "anderen, und dann »Fertig«."
        )
    return {slot: None, FAILURES: float(failures)}, [Message(hint)]


def _answered(slot: str, value: Any) -> tuple[Updates, list[Message]]:
    return {slot: value, FAILURES: 0.0, ANSWER_DRAFT: None}, []


# --- semantic matches ---------------------------------------------------------------------------------


def _semantic_answer(
    slot: str, matches: list[semantic_match.Match], text: str, state: Mapping[str, Any]
) -> tuple[Updates, list[Message]] | None:
    """Take sure matches; ask once about unsure ones (ask() shows the yes/no question)."""
    if not matches:
        return None
    values = [m.value for m in matches]
    if all(m.sure for m in matches):
        return _accept_matched(slot, values, state)
    pending = {"slot": slot, "values": values, "text": text}
    alternatives = _alternatives(matches, state)
    if alternatives:
        pending["alternatives"] = alternatives
    return {PENDING_MATCH: pending, FAILURES: 0.0}, []


def _alternatives(unsure: list[semantic_match.Match], state: Mapping[str, Any], taken=()) -> list[str]:
    """With one unsure goal: the matcher's next likeliest goals not yet in the answer ("Eher …")."""
    if len(unsure) != 1:
        return []
    known = set(state.get(GOALS_DRAFT) or []) | set(taken)
    return [goal for goal in unsure[0].alternatives if goal not in known]


def _accept_matched(
    slot: str, values: list[str], state: Mapping[str, Any], ranked: list[str] | None = None
) -> tuple[Updates, list[Message]]:
    if slot == GOAL_SLOT:
        draft = list(state.get(GOALS_DRAFT) or [])
        if ranked:  # the goals of the answer with the confirmed ones in their place
            draft = list(ranked) + [v for v in draft if v not in ranked]
        merged = draft + [v for v in values if v not in draft]
        updates, messages = _goals_with_follow_up(merged[: goal_parser.MAX_GOALS], False, state)
    elif practices.QUESTIONS[slot].multi:
        draft = list(state.get(ANSWER_DRAFT) or [])
        updates, messages = _answered(slot, draft + [v for v in values if v not in draft])
    else:
        updates, messages = _answered(slot, values[0])
    return {**updates, PENDING_MATCH: None}, messages


def _resolve_pending(
    slot: str, pending: Mapping[str, Any], state: Mapping[str, Any], turn: Turn
) -> tuple[Updates, list[Message]]:
    # Only a bare yes/no ("Ja", "Nein, falsch") answers the question; "Ja, wir haben …" is an answer.
    short = turn.button_value is None and len(turn.text.split()) <= 3
    if turn.button_value == CONFIRM_VALUE or (short and _YES.match(turn.text)):
        return _accept_matched(slot, list(pending["values"]), state, pending.get("ranked"))
    button = turn.button_value or ""
    only = button.removeprefix(ONLY_PREFIX)
    if button.startswith(ONLY_PREFIX) and only in pending["values"]:
        # One of several proposed options: the others are dropped, also from the answer's ranking.
        dropped = set(pending["values"]) - {only}
        ranked = [v for v in pending.get("ranked") or [] if v not in dropped] or None
        return _accept_matched(slot, [only], state, ranked)
    instead = button.removeprefix(INSTEAD_PREFIX)
    if button.startswith(INSTEAD_PREFIX) and instead in (pending.get("alternatives") or []):
        # The next likeliest goal instead of the proposed one, in its place.
        proposed = pending["values"][0]
        ranked = [instead if v == proposed else v for v in pending.get("ranked") or []] or None
        return _accept_matched(slot, [instead], state, ranked)
    if turn.button_value == REJECT_VALUE or (short and _NO.match(turn.text)):
        draft = list(state.get(GOALS_DRAFT) or [])
        if slot == GOAL_SLOT and draft:
            # The question was about one more part of an answer whose other goals stand: keep those.
            updates, messages = _goals_with_follow_up(draft, False, state)
            return {**updates, PENDING_MATCH: None, FAILURES: 0.0}, [
                Message("Gut, das lasse ich weg."),
                *messages,
            ]
        return {PENDING_MATCH: None, FAILURES: 0.0}, [
            Message("Danke, dann ordne ich das nicht so ein. Sagen Sie es gern anders oder wählen Sie unten.")
        ]
    moved_on = _answers_the_next_question(slot, state, turn)
    if moved_on:
        # "Das liegt beim Landrat …" after "Ich ordne … als »Ja, vorhanden« ein – stimmt das?": the user went
        # on to the next question without objecting, so the proposal stands and the message counts there
        # (it was asked back with the new message quoted as if it were about the strategy).
        updates, messages = _accept_matched(slot, list(pending["values"]), state, pending.get("ranked"))
        ahead, value = moved_on
        updates[ahead] = value
        accepted = practices.describe_value(slot, updates.get(slot))
        described = practices.describe_value(ahead, value)
        return updates, [*messages, Message(f"Notiert: {accepted}; und für die nächste Frage: {described}.")]
    # Anything else is a new answer (or a question): handle it as if nothing were pending.
    updates, messages = _handle_answer(slot, {**state, PENDING_MATCH: None}, turn)
    return {PENDING_MATCH: None, **updates}, messages


def _answers_the_next_question(slot: str, state: Mapping[str, Any], turn: Turn) -> tuple[str, Any] | None:
    """(question, value) when a message in reply to "stimmt das?" answers the next open practice question by
    the rules and not this one, else None."""
    if slot == GOAL_SLOT or turn.button_value is not None or looks_like_question(turn.text):
        return None
    if practices.parse_answer(slot, turn.text).ok or len(turn.text.split()) < MIN_WORDS_EARLY_ANSWER:
        return None
    return _following_answer(slot, state, turn.text, understood=False)


# --- navigation -------------------------------------------------------------------------------------


def _go_back(slot: str) -> tuple[Updates, list[Message]]:
    index = INTERVIEW_SLOTS.index(slot)
    updates: Updates = {FAILURES: 0.0, ANSWER_DRAFT: None}
    if index == 0:
        updates[slot] = None
        return updates, [Message("Das ist schon die erste Frage – weiter zurück geht es nicht.")]
    previous = INTERVIEW_SLOTS[index - 1]
    if previous == GOAL_SLOT:
        updates.update({GOALS_DRAFT: None, GOALS_ASKED_MORE: None})
    updates[previous] = None
    return updates, [Message("Gut, zurück zur vorigen Frage.")]


def _result_now(state: Mapping[str, Any]) -> tuple[Updates, list[Message]]:
    goals = state.get(GOAL_SLOT) or state.get(GOALS_DRAFT)
    if not goals:
        return {FAILURES: 0.0}, [
            Message(
                "Für ein Ergebnis brauche ich mindestens Ihr wichtigstes Digitalisierungsziel. "
                "Welches Ziel steht bei Ihnen an erster Stelle?"
            )
        ]
    updates: Updates = {GOAL_SLOT: list(goals)}
    skipped = [slot for slot in practices.QUESTION_ORDER if state.get(slot) is None]
    updates.update({slot: practices.SKIPPED for slot in skipped})
    updates.update({FAILURES: 0.0, ANSWER_DRAFT: None, SKIPPED_AT_RESULT: skipped or None})
    return updates, []


# Where a message that answers a later question may turn to the goals: sentence ends, ", und …", and
# "bei den Zielen" ("Stadt. Ach so, bei den Zielen: Fördermittel raus.").
_GOALS_ADDRESSED = r"\b(?:bei|zu|an)\s+den\s+zielen\b"
_ASIDE_SPLIT = re.compile(rf"(?<=[.!?;])\s+|,\s+(?=und\b)|(?={_GOALS_ADDRESSED})", re.IGNORECASE)


_ABOUT_GOALS = re.compile(rf"{_GOALS_ADDRESSED}|\b(?:die|unsere|meine)\s+ziele\b", re.IGNORECASE)


def _goals_aside(state: Mapping[str, Any], slot: str, text: str) -> tuple[str, str] | None:
    """(answer, goal correction) when one message answers the question and corrects the goals
    ("knapp 45.000. Ach, und Effizienz vor Bürgernähe bitte"); None otherwise."""
    current = list(state.get(GOAL_SLOT) or [])
    if not current or not text:
        return None
    answer_parts: list[str] = []
    goal_parts: list[str] = []
    for piece in _ASIDE_SPLIT.split(text):
        part = (piece or "").strip(" ,;:-–")
        if not part:
            continue
        named = {m.goal for m in goal_parser.analyse(part).mentions}
        edited = goal_parser.apply_correction(current, part) if named else current
        # A goal named in passing ("…, und Bürgernähe ist darin zentral") edits nothing: only a correction
        # word, the goals addressed, or a new order of the same goals ("Effizienz vor Bürgernähe") do.
        edits = edited != current and (
            goal_parser.is_correction(part) or bool(_ABOUT_GOALS.search(part)) or set(edited) == set(current)
        )
        (goal_parts if edits else answer_parts).append(part)
    if not goal_parts or not answer_parts:
        return None
    answer, correction = ". ".join(answer_parts), ". ".join(goal_parts)
    if not practices.parse_answer(slot, answer).ok:
        return None
    return answer, correction


def _correct_goals_midway(state: Mapping[str, Any], text: str) -> tuple[Updates, list[Message]]:
    current = state.get(GOAL_SLOT) or []
    corrected = goal_parser.apply_correction(current, text)
    if not corrected or corrected == current:
        return {FAILURES: 0.0}, [
            Message(
                "Ich habe in Ihrer Korrektur keine Ziele erkannt. Beispiel: »Korrektur: am wichtigsten "
                "ist Bürgernähe, dann Effizienz«."
            )
        ]
    return _goals_now(corrected)


def _goals_now(goals: list[str], unchanged: bool = False) -> tuple[Updates, list[Message]]:
    """The goals after a correction at a later question, said back."""
    said = "So stehen Ihre Ziele schon" if unchanged else "Verstanden, Ihre Ziele lauten jetzt"
    return {GOAL_SLOT: goals, FAILURES: 0.0}, [Message(f"{said}: {goal_list(goals)}.")]


# --- goals ------------------------------------------------------------------------------------------


def _answer_goals(state: Mapping[str, Any], turn: Turn) -> tuple[Updates, list[Message]]:
    draft: list[str] = list(state.get(GOALS_DRAFT) or [])

    if turn.button_value is not None:
        value = turn.button_value
        if value in goal_parser.GOAL_IDS:
            if value not in draft:
                draft.append(value)
            if len(draft) >= goal_parser.MAX_GOALS:
                return _goals_done(draft)
            return {GOALS_DRAFT: draft, FAILURES: 0.0}, []
        if value == FINISH_VALUE:
            return _finish_goals(draft, state)
        return _invalid(GOAL_SLOT, "Diese Auswahl kenne ich nicht.", state)

    if _says_finished(turn):
        # "Mehr Transparenz, fertig.": the goals named with the last word count before the end.
        named = goal_parser.extract_goals(turn.text)
        if named:
            draft = goal_parser.add_goals(draft, turn.text) if draft else named
        return _finish_goals(draft[: goal_parser.MAX_GOALS], state)

    # "Was ist der Unterschied zwischen Bürgernähe und Leistungsangebot? Ich nehme beides, Bürgernähe
    # zuerst.": an answer around the question – the goals count (the question is answered too).
    beside = goal_parser.goals_beside_question(turn.text)
    asked = turn.intent == "ask_question" and not beside
    # A tag question is an answer asking for agreement – unless it is about what the sources say
    # ("Mike Weber tippt im Podcast doch darauf, dass …, oder?").
    agreement = _TAG_QUESTION.search(turn.text) and not goal_parser.asks_the_sources(turn.text)
    if asked and is_clear_question(turn.text) and not agreement and not _tentative_answer(turn.text):
        # A question, e.g. "Was bedeutet Daseinsvorsorge?": the rules answer it – before any reading by
        # meaning, which took "Wie viel Prozent der serviceorientierten Kommunen machen die
        # Digitalisierung zur Sache der Bürgermeisterin?" as a reordering (Leistungsangebot).
        return {}, []
    if asked and goal_parser.queries_rather_than_answers(turn.text):
        # "fim bekanntheit bedächtige %", "lunch & learn salach beteiligung prozent": keywords asking the
        # sources for a figure, not a goal answer (they had become Fördermittel and Bürgernähe).
        return {}, []
    # Without a draft, a correction inside the first answer ("Nur die Vereine. Hm, nein: an erster Stelle die
    # Zuschüsse, dann die Vereine.") is the parser's to read: there is nothing earlier to edit.
    # "Moment, das Zweite zuerst": places of the draft edited.
    if draft and (
        goal_parser.is_correction(turn.text)
        or _reranks_draft(draft, turn.text)
        or goal_parser.edits_places(turn.text)
    ):
        found = goal_parser.apply_correction(draft, turn.text)
        if found:
            return _goals_with_follow_up(found, True, state)
    # "Innovation ist wichtiger als Effizienz" puts a new goal before a drafted one; without the
    # comparison, named goals are added below.
    reordered = (
        _weighted_toward(draft, turn.text)
        or _reordered_by_meaning(draft, turn.text, new_allowed=True)
        or _ordered_by_sequence(draft, turn.text)
    )
    if reordered:
        return _goals_with_follow_up(reordered, True, state)

    analysis = goal_parser.analyse(turn.text)
    found = analysis.goals
    if found and not draft:
        # The first answer: the learned check drops a goal that was only background and adds one said
        # in words the rules do not know (goal_check; unchanged without the encoder).
        found = goal_check.checked_goals(turn.text, analysis)
    found = found or beside
    if asked and looks_like_question(turn.text) and not found:
        # Something that only starts like a question and names goals stays an answer: "Was das Gesetz
        # verlangt, fristgerecht schaffen".
        return {}, []
    if found and turn.intent != "skip":
        with_wishes = _add_unknown_wishes(state, turn.text, found)
        if with_wishes:
            return with_wishes
    if found:
        merged = goal_parser.add_goals(draft, turn.text) if draft else found
        return _goals_with_follow_up(merged[: goal_parser.MAX_GOALS], False, state, turn.text)
    if _is_interruption(turn):
        return {}, []
    if turn.intent != "skip" and not analysis.rules_out_goals:
        # A part that dismisses its goal ("Fördermittel sind ausdrücklich kein Ziel") is not read as naming
        # it: the part's vector carries the word, not what was said about it.
        matches = [
            match
            for match in semantic_match.match_goals(turn.text)
            if not goal_parser.dismisses(match.text, match.value)
        ]
        if goal_parser.reads_as_a_report(turn.text):
            # A complaint or a description resembles a goal by its topic, not by what it says: ask once.
            matches = [replace(match, sure=False) for match in matches]
        understood = _semantic_answer(GOAL_SLOT, matches, turn.text, state)
        if understood:
            return understood
    if draft and turn.intent == "skip":
        # "Weiß nicht" to "Gibt es ein weiteres wichtiges Ziel?": none – the goals named so far stand.
        return _goals_done(draft)
    if draft:
        gone_on = _answers_next_question(draft, state, turn.text)
        if gone_on:
            return gone_on
    # "Der Landkreis drängt auf Smart Region …": a text about goals (another's, done ones) names its
    # municipality's kind only with "wir sind …".
    facts = (
        {}
        if turn.intent == "skip"
        else _municipality_facts(state, turn.text, with_goals=bool(analysis.mentions))
    )
    if facts and draft:
        # "Wir haben 180.000 Einwohner" to "Gibt es ein weiteres wichtiges Ziel?": no further goal.
        updates, _ = _goals_done(draft)
        return {**updates, **facts}, [
            Message(f"Notiert: {goal_list(list(draft))} – und {_described_facts(facts)}.")
        ]
    if facts:
        # "Wir sind ein Landkreis" to the goal question: the answer to a later question counts there.
        return {**facts, GOAL_SLOT: None, FAILURES: 0.0}, [
            Message(
                f"Notiert: {_described_facts(facts)} – danach hätte ich gleich gefragt. Zuerst brauche "
                "ich aber Ihre Ziele."
            )
        ]
    if draft and turn.intent == "affirm" and len(turn.text.split()) <= MAX_WORDS_BARE_YES:
        # "Ja" to the same question: which one? Not a failed answer.
        return {GOAL_SLOT: None}, [
            Message(
                "Gern – welches Ziel kommt hinzu? Nennen Sie es in eigenen Worten oder wählen Sie es "
                "unten; wenn doch keines, »Fertig«."
            )
        ]
    if turn.intent == "skip":
        hint = (
            "Ohne Ziele kann ich Ihre Kommune leider nicht einordnen – diese eine Frage brauche ich. "
            "Welches Ziel ist Ihnen am wichtigsten?"
        )
    elif not draft and goal_parser.leaves_own_goals_open(turn.text):
        # "… aber was wir selbst wollen, haben wir im Rat noch nicht besprochen": the speaker's own view.
        hint = (
            "Verstehe – beschlossen ist noch nichts. Für die Einordnung genügt Ihre eigene Einschätzung: "
            "Welches Ziel würden Sie als Erstes nennen?"
        )
    elif not draft and _EVERYTHING.search(turn.text):
        # "Hm, schwer zu sagen. Alles irgendwie." – a vague answer, not a failed one.
        hint = (
            "Verständlich – wichtig ist vieles. Für die Einordnung zählt, was bei Ihnen zuerst kommt: "
            "Welches Ziel würden Sie als Erstes nennen, wenn Sie nur eines nennen dürften?"
        )
    else:
        hint = (
            "Darin habe ich kein Digitalisierungsziel erkannt. Zum Beispiel: »Vor allem Effizienz, dann "
            "Bürgernähe und Fördermittel« oder »Wir müssen das OZG umsetzen«."
        )
    return _invalid(GOAL_SLOT, hint, state)


# "Alles irgendwie", "Eigentlich alle", "Schwer zu sagen": every goal, or none chosen yet.
_EVERYTHING = re.compile(
    r"\b(?:alles|alle(?:\s+ziele)?|schwer\s+zu\s+sagen|kann\s+(?:ich\s+)?(?:mich\s+)?nicht\s+entscheiden|"
    r"(?:ist\s+)?(?:alles|alle)\s+(?:gleich\s+)?wichtig|gleich\s+wichtig)\b",
    re.IGNORECASE,
)

# "Ach nee, eigentlich eher Effizienz zuerst und dann Bürgernähe" after "Bürgernähe": takes back the order.
_TAKES_BACK_ORDER = re.compile(
    r"^\W*(?:ach\s+)?(?:nee|nein|ne|quatsch|moment|halt|stopp?)\b|\b(?:eigentlich|lieber|umgekehrt)\b",
    re.IGNORECASE,
)


# "Nee, eher 70 zu 30 für die Bearbeitung im Rathaus": the larger share for one goal of the draft
_SHARE_FOR = re.compile(r"\b(\d{1,3})\s*(?:zu|:|/)\s*(\d{1,3})\s+(?:für|fuer|fur)\b", re.IGNORECASE)


def _weighted_toward(draft: list[str], text: str) -> list[str] | None:
    """The draft with the goal a message gives the larger share of two moved to the front, else None."""
    share = _SHARE_FOR.search(text or "")
    named = goal_parser.extract_goals(text[share.end() :]) if share else []
    if not share or int(share.group(1)) <= int(share.group(2)) or len(named) != 1 or named[0] not in draft:
        return None
    return [named[0], *(goal for goal in draft if goal != named[0])]


def _reranks_draft(draft: list[str], text: str) -> bool:
    """A further answer that takes back and names a goal of the draft with another: a new ranking, not
    goals to add after the draft."""
    if not draft or not _TAKES_BACK_ORDER.search(text or ""):
        return False
    named = goal_parser.extract_goals(text)
    return len(named) >= 2 and bool(set(named) & set(draft))


# "… Also Wirtschaft und Attraktivität, oder?": an answer that asks for agreement, not a question.
_TAG_QUESTION = re.compile(
    r",\s*(?:oder|oder\s+nicht|nicht|gell|ne|nich|richtig|stimmt(?:'?s)?|passt\s+das|wa)\s*\?+\s*$", re.I
)
# The last sentence opens with a hedge, not a request ("Vielleicht können Sie mir sagen, …?" asks).
_TENTATIVE_ANSWER = re.compile(
    r"(?:^|[.!?:]\s+)(?:(?:ich\s+)?(?:weiß|weiss)\s+(?:es\s+)?nicht(?:\s+(?:genau|so\s+genau|recht))?\W+)?"
    r"(?:vielleicht|eventuell|evtl\.?|möglicherweise|vermutlich|wahrscheinlich|am\s+ehesten)\b"
    r"(?!\s+(?:können|könnten|kann|könnte|wissen|weiß|sagen|erklären|gibt|wäre\s+es)\b)[^.!?]*\?+\s*$",
    re.I,
)


def _tentative_answer(text: str) -> bool:
    """ "Weiß nicht genau. Vielleicht eher die Terminvergabe online?": goals said with a raised voice (the
    goal analysis only runs for a message that ends so)."""
    return bool(_TENTATIVE_ANSWER.search(text)) and bool(goal_parser.extract_goals(text))


def _add_unknown_wishes(
    state: Mapping[str, Any], text: str, found: list[str]
) -> tuple[Updates, list[Message]] | None:
    """Goals the rules found plus wishes in other parts of the answer that only the matcher understands.

    "Effizienz, und dass die Leute im Dorf nicht wegziehen": the second part names no goal the rules
    know; the semantic matcher reads it. A sure match joins the goals where it was said (unless the
    answer states its own order: then after them); an unsure one is asked once (pending_match), with
    the ranking it would give. None when no open part matches.
    """
    if len(found) >= goal_parser.MAX_GOALS:
        # Three goals the rules read are the answer; a guess by meaning would push one of them out.
        return None
    parts = goal_parser.answer_parts(text)
    matches: list[tuple[int, semantic_match.Match]] = []
    for index, part in enumerate(parts):
        if not part.open:
            continue
        match = semantic_match.match_goal_part(part.text)
        if match and match.value not in found and all(match.value != m.value for _, m in matches):
            matches.append((index, match))
    if not matches:
        return None
    first_part: dict[str, int] = {}
    for index, part in enumerate(parts):
        for goal in part.goals:
            first_part.setdefault(goal, index)
    late = len(parts)
    stated_order = sorted(found, key=lambda g: first_part.get(g, late)) != found
    draft = list(state.get(GOALS_DRAFT) or [])

    placed_at: dict[str, int] = {}
    for mention in goal_parser.analyse(text).mentions:
        if mention.goal in found and mention.rank is not None and not mention.negated:
            placed_at[mention.goal] = mention.rank  # the last place said counts
    ranks = [placed_at.get(goal) for goal in found]
    # "… was eigentlich wichtiger ist: dass die Leute uns erreichen. Die Pflichten kommen an zweiter Stelle.":
    # the rules' goals are placed second or later, so the wish read by meaning takes the first place.
    first_place_free = bool(ranks) and all(rank is not None and rank > 1 for rank in ranks)
    # "Zuschüsse mitnehmen ist natürlich wichtig, aber wichtiger ist uns, dass die Bürger uns als
    # Dienstleister wahrnehmen": a wish said to matter more than what came before goes first.
    first_place_free = first_place_free or any(
        goal_parser.said_to_matter_more(parts[index].text) for index, _ in matches
    )

    def ranked(chosen: list[tuple[int, semantic_match.Match]]) -> list[str]:
        wishes = [m.value for _, m in chosen]
        if first_place_free:
            goals = wishes + found
        elif stated_order:
            goals = found + wishes
        else:
            # Goals of the same part keep the rules' order ("Uns sind die Vereine wichtiger als der Handel").
            placed = [(first_part.get(g, late), 0, found.index(g), g) for g in found] + [
                (i, 1, 0, m.value) for i, m in chosen
            ]
            goals = [goal for *_, goal in sorted(placed)]
        return (draft + [g for g in goals if g not in draft])[: goal_parser.MAX_GOALS]

    sure = ranked([(i, m) for i, m in matches if m.sure])
    unsure = [m for _, m in matches if not m.sure]
    if not unsure or len(sure) >= goal_parser.MAX_GOALS:
        return _goals_with_follow_up(sure, False, state)
    pending = {
        "slot": GOAL_SLOT,
        "values": [m.value for m in unsure],
        "text": " … ".join(m.text for m in unsure),
        "ranked": ranked(matches),
    }
    alternatives = _alternatives(unsure, state, taken=pending["ranked"])
    if alternatives:
        pending["alternatives"] = alternatives
    return {GOALS_DRAFT: sure, PENDING_MATCH: pending, FAILURES: 0.0}, []


# "Attraktivität" – "ich meine als Wohnort für junge Familien": the same goal in other words, not the end.
_CLARIFIES = re.compile(r"^\W*(?:ich\s+meine|ich\s+meinte|gemeint\s+ist|genauer\s+gesagt|konkret)\b", re.I)
# "Termine online buchen." – "Und Anträge online stellen." – "Und das Personal entlasten.": a message that
# goes on with the list ("Und …", "Außerdem …") but names a goal already noted keeps the question open.
_GOES_ON_WITH_THE_LIST = re.compile(
    r"^\W*(?:und|außerdem|ausserdem|zudem|sowie|plus)\b(?!\s+(?:das\s+)?(?:wars?|war\s+es|fertig|schluss)\b)",
    re.I,
)


def side_question(text: str) -> str | None:
    """The question in a goal answer that also answers ("Fördermittel. Was zählt zu Daseinsvorsorge?
    Egal, nehmen Sie die auch mit rein."), for the adapter to answer as well; None if there is none."""
    if not goal_parser.goals_beside_question(text):
        return None
    # "Vielleicht Innovation?" is a hedged answer, not a question to answer.
    question = goal_parser.question_sentences(text)
    if not _ASKS.match(question):
        return None
    # "… digitalisieren vor allem interne Abläufe. Müssen wir solche Prozesse trotzdem mit Bürger:innen
    # testen?": a question that points back needs the sentences before it.
    return text if _POINTS_BACK.search(question) else question


_ASKS = re.compile(
    r"^\W*(?:und\s+)?(?:was|wie|wer|wo|wann|warum|wieso|weshalb|welche\w*|gibt|ist|sind|kann|können|darf|dürfen|"
    r"zählt|zählen|heißt|bedeutet|gehört|gehören|muss|müssen|soll|sollen|sollte\w*|hat|haben|lohnt|bringt|"
    r"stimmt|gilt|macht|machen|nutzt|nutzen|braucht|brauchen|schaffen|schafft|klappt|gelingt|reicht|reichen)\b",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"\b(?:solche\w*|so\s+etwas|sowas|so\s+was|das|dies\w*|dazu|dafür|damit|davon|darunter|es)\b",
    re.IGNORECASE,
)


def _goals_with_follow_up(
    ranked: list[str], replace: bool, state: Mapping[str, Any], text: str = ""
) -> tuple[Updates, list[Message]]:
    asked_more = bool(state.get(GOALS_ASKED_MORE))
    # A message that added a goal is asked on, like a button (one goal per message is common);
    # one that added none, or says itself that the list is complete, ends the question.
    added = bool(set(ranked) - set(state.get(GOALS_DRAFT) or []))
    if (
        len(ranked) >= goal_parser.MAX_GOALS
        or goal_parser.closes_the_list(text)
        or (
            asked_more
            and not replace
            and not added
            and not _CLARIFIES.match(text or "")
            and not _GOES_ON_WITH_THE_LIST.match(text or "")
        )
    ):
        return _goals_done(ranked)
    # Fewer than three goals: ask for more (the goal question then shows the draft).
    return {GOALS_DRAFT: ranked, GOALS_ASKED_MORE: True, FAILURES: 0.0}, []


def _finish_goals(draft: list[str], state: Mapping[str, Any]) -> tuple[Updates, list[Message]]:
    if draft:
        return _goals_done(draft)
    return _invalid(GOAL_SLOT, "Bitte nennen Sie mindestens ein Ziel, bevor wir weitermachen.", state)


MIN_INHABITANTS_GONE_ON = 100


def _answers_next_question(
    draft: list[str], state: Mapping[str, Any], text: str
) -> tuple[Updates, list[Message]] | None:
    """ "Stadt" to "Gibt es ein weiteres wichtiges Ziel?": no further goal – the user has gone on to the
    next question and answered it. The goals so far stand and the answer counts (both said back, so a
    misreading can be corrected)."""
    following = next_question({**state, GOAL_SLOT: list(draft)})
    if following is None or following == GOAL_SLOT:
        return None
    parsed = practices.parse_answer(following, text)
    if not parsed.ok or parsed.value == practices.SKIPPED:
        return None
    if following == "inhabitants" and parsed.value < MIN_INHABITANTS_GONE_ON:
        return None  # "3" may be a third goal's rank, not a town of three
    updates, _ = _goals_done(draft)
    updates[following] = parsed.value
    described = practices.describe_value(following, parsed.value)
    return updates, [Message(f"Notiert: {goal_list(list(draft))} – und {described}.")]


def _goals_done(ranked: list[str]) -> tuple[Updates, list[Message]]:
    return {GOAL_SLOT: list(ranked[: goal_parser.MAX_GOALS]), GOALS_DRAFT: None, FAILURES: 0.0}, []


# --- context and practice questions -------------------------------------------------------------------


def _answer_practice(slot: str, state: Mapping[str, Any], turn: Turn) -> tuple[Updates, list[Message]]:
    question = practices.QUESTIONS[slot]
    draft: list[str] = list(state.get(ANSWER_DRAFT) or [])

    if turn.button_value is not None:
        value = turn.button_value
        if value == practices.SKIPPED:
            return _answered(slot, practices.SKIPPED)
        if question.multi:
            if value == FINISH_VALUE:
                return _answered(slot, draft)
            if value == NONE_VALUE:
                return _answered(slot, [])
            if value in {o.value for o in question.options}:
                if value not in draft:
                    draft.append(value)
                if len(draft) == len(question.options):
                    return _answered(slot, draft)
                return {ANSWER_DRAFT: draft, FAILURES: 0.0}, []
        parsed = practices.parse_answer(slot, value)
        if parsed.ok:
            return _answered(slot, parsed.value)
        return _invalid(slot, parsed.message, state)

    if turn.intent == "skip":
        # "Noch nicht, aber wir fangen nächsten Monat an" was taken for "weiß nicht": an answer the
        # parser understands wins; skip words ("keine Ahnung") parse as skipped themselves.
        parsed = practices.parse_answer(slot, turn.text)
        return _answered(slot, parsed.value if parsed.ok else practices.SKIPPED)
    finishing = question.multi and _says_finished(turn)
    if finishing and draft:
        return _answered(slot, draft)
    parsed = practices.parse_answer(slot, turn.text)
    if turn.intent == "ask_question" and looks_like_question(turn.text):
        # "so 8000?", "Gemeinde?": an unsure answer, not a question to the knowledge base.
        if not parsed.ok or starts_like_question(turn.text):
            return {}, []
    if parsed.ok:
        value = parsed.value
        if question.multi and isinstance(value, list) and draft:
            value = draft + [v for v in value if v not in draft]
        updates, messages = _answered(slot, value)
        following = _following_answer(slot, state, turn.text, understood=True)
        if following:
            updates[following[0]] = following[1]
        return updates, messages
    if slot == STRATEGY_SLOT and _PARTLY.match(turn.text):
        # "so halb", "teilweise": the nearest option is asked once, not read as a greeting or a failure.
        return _semantic_answer(
            slot, [semantic_match.Match(IN_DEVELOPMENT, 0.0, 0.0, False, turn.text)], turn.text, state
        )
    if _is_interruption(turn):
        return {}, []
    corrected = _correct_previous_answer(slot, state, turn)
    if corrected:
        return corrected
    match = semantic_match.match_practice(slot, turn.text)
    if match and match.sure and _SOMEONE_ELSE_DOES_IT.search(turn.text):
        # "Glasfaser macht bei uns die Telekom" was taken as "In Eigenregie" without asking: with an outside
        # party as the doer, e5 matches the topic, not who acts – asked once.
        match = replace(match, sure=False)
    understood = _semantic_answer(slot, [match] if match else [], turn.text, state)
    if understood:
        return understood
    following = _following_answer(slot, state, turn.text, understood=False)
    if following:
        ahead, value = following
        described = practices.describe_value(ahead, value)
        return {ahead: value}, [Message(f"Das gehört schon zur nächsten Frage – notiert: {described}.")]
    if finishing:
        # "fertig" before anything was chosen ("Keine", "De-Mail, sonst nichts" parse above).
        return _invalid(
            slot,
            "Sie haben hier noch nichts ausgewählt. Wählen Sie mindestens eine Angabe – oder antworten "
            "Sie »keine« bzw. »weiß nicht«.",
            state,
        )
    if _DEPENDS.search(turn.text):
        return _invalid(slot, _depends_hint(slot), state)
    return _invalid(slot, _other_question_hint(slot, turn.text) or parsed.message, state)


_OUTSIDE_PARTY = (
    r"(?:telekom|vodafone|deutsche\s+glasfaser|\w*anbieter\w*|netzbetreiber\w*|provider\w*|dienstleister\w*|"
    r"privat\w*\s+(?:firma|unternehmen|investor\w*)|externe\w*\s+(?:firma|büro|dienstleister\w*))"
)
_SOMEONE_ELSE_DOES_IT = re.compile(
    r"\b(?:macht|machen|baut|bauen|übernimmt|übernehmen|erledigt|verlegt|verlegen)\s+(?:\w+\s+){0,3}?"
    r"(?:die|der|das|ein|eine|einem)\s+(?:\w+\s+)?" + _OUTSIDE_PARTY + r"\b"
    r"|\b" + _OUTSIDE_PARTY + r"\s+(?:\w+\s+){0,2}?(?:macht|baut|übernimmt|erledigt|verlegt)\b",
    re.IGNORECASE,
)


# "kommt drauf an", "je nachdem", "teils, teils": a vague answer, asked back, not "nicht verstanden".
_DEPENDS = re.compile(
    r"\b(?:kommt\s+(?:(?:ganz|immer|halt|eben|so)\s+)?(?:drauf|darauf)\s+an|je\s+nachdem|teils,?\s+teils|"
    r"mal\s+so,?\s+mal\s+so|(?:ist\s+)?(?:sehr\s+)?unterschiedlich|schwer\s+zu\s+sagen)\b",
    re.IGNORECASE,
)


def _depends_hint(slot: str) -> str:
    question = practices.QUESTIONS[slot]
    if not question.options:
        return "Eine ungefähre Zahl genügt, z. B. „ca. 12.000“ – oder antworten Sie „weiß nicht“."
    if question.multi:
        advice = "Mehrere Angaben sind möglich: Nennen Sie alles, was es bei Ihnen zumindest teilweise gibt."
    else:
        advice = "Wenn es bei Ihnen unterschiedlich ist, nehmen Sie, was überwiegt."
    return f"{advice} {practices.option_help(question)}"


STRATEGY_SLOT = "strategy"
IN_DEVELOPMENT = "in_entwicklung"
# A strategy that exists in part: "so halb", "teilweise", "zum Teil schon", "ansatzweise".
_PARTLY = re.compile(
    r"^\W*(?:(?:na\s+ja|naja|also|hm+|eher)[\s,]+)?(?:so\s+halb\w*|halb\w*|teilweise|zum\s+teil|in\s+teilen|"
    r"ansatzweise|so\s+ein\s+bisschen|ein\s+bisschen|irgendwie\s+schon)(?:\s+(?:schon|ja|so))?\W*$",
    re.IGNORECASE,
)


def _following_answer(
    slot: str, state: Mapping[str, Any], text: str, understood: bool
) -> tuple[str, Any] | None:
    """(question, value) of the next open question that `text` answers by the rules, or None.

    Not understood at this question, the message may be an answer given one question early ("so um die
    4500" at the kind of municipality): it counts there and this question comes again. Understood here,
    only a head count can ride along ("Eine Gemeinde mit knapp 4500 Einwohnern"): a yes or no would fit
    the next yes/no question too."""
    later = INTERVIEW_SLOTS[INTERVIEW_SLOTS.index(slot) + 1 :]
    following = next((other for other in later if state.get(other) is None), None)
    if following is None or (understood and following != "inhabitants") or _asks_more_than_an_answer(text):
        return None
    if understood and not (
        _NAMES_INHABITANTS.search(text) or (slot == "municipality_kind" and _HEAD_COUNT_FORM.search(text))
    ):
        return None  # "Stadt seit 1998" names a year, not a size
    parsed = practices.parse_answer(following, text)
    if not parsed.ok or parsed.value == practices.SKIPPED:
        return None
    if following == "inhabitants":
        if parsed.value < MIN_INHABITANTS_GONE_ON or _YEAR.search(text):
            return None  # "Stadt mit 3 Ortsteilen", "2" as a slip, "seit 2015": no head count
    elif _is_bare_reply(following, text, parsed.value):
        return None
    return following, parsed.value


MIN_WORDS_EARLY_ANSWER = 3


def _is_bare_reply(question_id: str, text: str, value: Any) -> bool:
    """ "nichts", "ja", "alle": a yes, no, none or all fits almost any question – at the one asked it is
    a failed answer to that one, not an early answer to the next."""
    options = practices.QUESTIONS[question_id].options
    return (
        len(re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", text)) < MIN_WORDS_EARLY_ANSWER
        or bool(_YES.match(text) or _NO.match(text))
        or value in ([], "keine", "nein", "ja", "vorhanden")
        or (isinstance(value, list) and len(value) == len(options))
    )


# "so um die 4500?" is an unsure answer; "Haben Kommunen mit 20.000 Einwohnern eher eine Strategie?" asks.
MAX_WORDS_UNSURE_ANSWER = 4


def _asks_more_than_an_answer(text: str) -> bool:
    return starts_like_question(text) or (
        looks_like_question(text) and len(text.split()) > MAX_WORDS_UNSURE_ANSWER
    )


def _other_question_hint(slot: str, text: str) -> str:
    """ "Das klingt nach einer Antwort zur Frage „Glasfaserausbau“ – die kommt noch. Bitte wählen Sie
    aus: …" (this question's options), or "" when the answer fits no other question either."""
    # A message in another language is no answer to any question (e5 is multilingual).
    other = None if looks_foreign(text) else semantic_match.fits_other_question(slot, text)
    if other is None:
        return ""
    later = INTERVIEW_SLOTS.index(other) > INTERVIEW_SLOTS.index(slot)
    when = "die kommt noch" if later else "die haben Sie schon beantwortet"
    options = practices.option_help(practices.QUESTIONS[slot])
    topic = practices.QUESTIONS[other].topic
    return f"Das klingt nach einer Antwort zur Frage „{topic}“ – {when}. {options}"
