"""The follow-up turns (issue 12) as plain functions: return codes, then → now, target state,
team mode, report link and deletion by code.

Each function takes plain values (conversation id, slot values, message text) and returns a
`Reply`: the messages to send (text, buttons, optional custom payload) and the slot updates. The
Rasa adapters (actions/followup.py) only read the tracker, call these and send the reply. A code
store that cannot be reached becomes the German `messages.STORE_DOWN` here; no storage exception
leaves this module.

The report is offered as text with the link plus a custom payload the channels understand:

    {"report": {"path": "/bericht/DT-XXXXX-XXXXX.pdf", "filename": "...pdf", "title": "..."}}

The web chat shows it as a download link, the Matrix bridge uploads the PDF as m.file, the Teams
connector sends it as an attachment (see bot/report_payload.py). REPORT_BASE_URL (public address of
the chat server) makes the link in the text absolute for channels other than the web chat.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from dteam.followup import codes as code_format
from dteam.followup import guide, messages
from dteam.followup.compare import compare, comparison_text
from dteam.followup.measurement import Measurement
from dteam.followup.target import target_result, target_text
from dteam.followup.team import not_enough_members_text, team_result, team_text
from dteam.interview import goals as goal_parser
from dteam.reply import Message, Reply, say
from dteam.result.steps import named_type, without_type_names
from dteam.storage.codes import CodeStore
from dteam.study.typology import MAX_GOALS, type_goals

logger = logging.getLogger(__name__)

REPORT_KEY = "report"
BUTTON_START = {"title": "Selbsttest starten", "payload": "/start_interview"}
BUTTON_TARGET = {"title": "Ziel in drei Jahren", "payload": "/set_target"}
BUTTON_TEAM = {"title": "Team anlegen", "payload": "/create_team"}
BUTTON_TEAM_RESULT = {"title": "Teamergebnis", "payload": "/show_team_result"}
BUTTON_REPORT = {"title": "Bericht (PDF)", "payload": "/request_report"}
BUTTON_CANCEL = {"title": "Abbrechen", "payload": "/stop_interview"}
BUTTON_EXAMPLES = {"title": "Frage stellen", "payload": "/show_examples"}

TARGET_SLOT = "target_goals"
REQUESTED_SLOT = "requested_slot"
RETURN_CODE_SLOT = "return_code"
# Slots that hold a code; deleting that code clears them.
CODE_SLOTS_OF_TEAM = ("team_code",)
CODE_SLOTS_OF_RESULT = (RETURN_CODE_SLOT, "previous_code")
CODE_SLOTS = (*CODE_SLOTS_OF_TEAM, *CODE_SLOTS_OF_RESULT)


def _store_down() -> Reply:
    return say(messages.STORE_DOWN)


def report_path(code: str) -> str:
    return f"/bericht/{code}.pdf"


def report_link(code: str, env: Mapping[str, str] = os.environ) -> str:
    """Absolute link when REPORT_BASE_URL is set, else the chat server's path (web chat)."""
    return env.get("REPORT_BASE_URL", "").rstrip("/") + report_path(code)


def report_payload(code: str, title: str) -> dict[str, Any]:
    return {REPORT_KEY: {"path": report_path(code), "filename": f"D-Team-{code}.pdf", "title": title}}


def report_messages(code: str, title: str) -> list[Message]:
    return [Message(f"{title}: {report_link(code)}"), Message(json=report_payload(code, title))]


def _buttons_after_joining(own_code: str | None) -> list[dict[str, str]]:
    return [BUTTON_TEAM_RESULT] if own_code else [BUTTON_START, BUTTON_TEAM_RESULT]


# --- how the features work ------------------------------------------------------------------------


def general_help() -> Reply:
    return say(guide.GENERAL_HELP, [BUTTON_START, BUTTON_EXAMPLES])


def feature_help(message: str, return_code: str | None = None, team_code: str | None = None) -> Reply | None:
    """ "Wie funktioniert der Teammodus?": the feature explained with the button that uses it next;
    None when the message names no feature (the general help answers)."""
    topic = guide.help_topic(message)
    return None if topic is None else topic_help(topic, return_code, team_code)


def topic_help(
    topic: str, return_code: str | None = None, team_code: str | None = None, question: str = ""
) -> Reply:
    """One feature (dteam.followup.guide topic) explained, with the button that fits the conversation;
    `question`: a follow-up right after using the feature, answered first where it can be."""
    if topic == guide.TEAM:
        buttons = [BUTTON_TEAM_RESULT] if team_code else [BUTTON_TEAM]
        if not return_code:
            buttons.append(BUTTON_START)
    elif topic == guide.REPORT:
        buttons = [BUTTON_REPORT] if return_code else [BUTTON_START]
    elif topic == guide.TARGET:
        buttons = [BUTTON_TARGET] if return_code else [BUTTON_START]
    else:
        buttons = [] if return_code else [BUTTON_START]
    return say(guide.follow_up_text(topic, question) if question else guide.topic_text(topic), buttons)


# --- after the result ------------------------------------------------------------------------------


def after_result(
    conversation_id: str,
    goals: Sequence[str],
    answers: Mapping[str, Any],
    previous_code: str | None = None,
    target_goals: Sequence[str] | None = None,
    team_code: str | None = None,
    store: CodeStore | None = None,
    current_code: str | None = None,
) -> Reply:
    """Stores the finished self-test under a new return code (or, corrected, under the code this
    conversation already has), shows the code and, after an earlier code, then → now. Failures are
    logged only (empty reply); the result itself stands."""
    try:
        store = store or CodeStore()
        measurement = Measurement.from_interview(list(goals), answers, target_goals=target_goals or ())
        code = store.save_measurement(conversation_id, measurement, previous_code, current_code)
        previous = store.load(previous_code) if previous_code else None
    except (SQLAlchemyError, RuntimeError, ValueError):
        logger.exception("Could not store the return code")
        return Reply()
    shown: list[Message] = []
    if previous is not None:
        shown.append(Message(comparison_text(compare(previous.measurement, measurement), previous.code)))
    shown.append(Message(json=report_payload(code, messages.REPORT_TITLE)))
    text, buttons = messages.code_shown(code, report_link(code)), [BUTTON_REPORT, BUTTON_TARGET, BUTTON_TEAM]
    if team_code:
        text += "\n" + messages.result_counts_for_team(team_code)
        buttons = [BUTTON_REPORT, BUTTON_TARGET, BUTTON_TEAM_RESULT]
    # Last, so that its buttons are the ones under the latest message.
    shown.append(Message(text, buttons))
    return Reply(shown, {RETURN_CODE_SLOT: code})


# --- codes and teams -------------------------------------------------------------------------------


def handle_code(
    conversation_id: str, text: str, own_code: str | None, store: CodeStore | None = None
) -> Reply:
    """A message with a DT- code (earlier result) or a TEAM- code (join that team)."""
    code = code_format.find_code(text)
    if code is None:
        if code_format.looks_like_code(text):
            return say(messages.MALFORMED_CODE)
        # "Wofür ist der Rückkehrcode?", "Ich habe meinen Code vergessen": no code, a question about it.
        return feature_help(text, own_code) or topic_help(guide.RETURN_CODE, own_code)
    try:
        store = store or CodeStore()
        if code.is_team:
            return _join(store, conversation_id, code.value, own_code)
        return _recall(store, code.value)
    except SQLAlchemyError:
        logger.exception("Code store unavailable")
        return _store_down()


def _recall(store: CodeStore, code: str) -> Reply:
    stored = store.load(code)
    if stored is None:
        return say(messages.unknown_return_code(code), [BUTTON_START])
    return Reply(
        [Message(messages.recalled(stored.measurement), [BUTTON_START])], {"previous_code": stored.code}
    )


def _join(store: CodeStore, conversation_id: str, team_code: str, own_code: str | None) -> Reply:
    joined = store.join_team(team_code, conversation_id, own_code)
    if joined is None:
        return say(messages.unknown_team(team_code), [BUTTON_TEAM])
    status = store.team_status(joined)
    text = messages.joined_team(joined, status.joined, status.finished, bool(own_code))
    return Reply([Message(text, _buttons_after_joining(own_code))], {"team_code": joined})


def create_team(conversation_id: str, own_code: str | None, store: CodeStore | None = None) -> Reply:
    """A new team with this conversation as first member (with its result, if it has one)."""
    try:
        store = store or CodeStore()
        team_code = store.create_team(conversation_id)
        if own_code:
            store.join_team(team_code, conversation_id, own_code)
    except (SQLAlchemyError, RuntimeError):
        logger.exception("Could not create a team")
        return _store_down()
    return Reply(
        [Message(messages.team_created(team_code), _buttons_after_joining(own_code))],
        {"team_code": team_code},
    )


def team_result_reply(text: str, team_code: str | None, store: CodeStore | None = None) -> Reply:
    """The team result for a TEAM- code in the message, else for the conversation's team."""
    given = code_format.find_code(text, code_format.TEAM_KIND)
    team_code = given.value if given else team_code
    if not team_code:
        return say(messages.NO_TEAM, [BUTTON_TEAM])
    try:
        status = (store or CodeStore()).team_status(team_code)
    except SQLAlchemyError:
        logger.exception("Code store unavailable")
        return _store_down()
    if status is None:
        return say(messages.unknown_team(team_code), [BUTTON_TEAM])
    result = team_result(status.measurements)
    if result is None:
        return say(not_enough_members_text(status.finished, status.joined))
    return Reply(
        [Message(team_text(result, status.joined)), *report_messages(status.code, messages.TEAM_REPORT_TITLE)]
    )


def report_reply(text: str, return_code: str | None) -> Reply:
    """The report link for a DT- code in the message, else for the conversation's last result."""
    given = code_format.find_code(text, code_format.RETURN_KIND)
    code = given.value if given else return_code
    if not code:
        return say(messages.NO_REPORT_YET, [BUTTON_START])
    return Reply(report_messages(code, messages.REPORT_TITLE))


# --- target state ----------------------------------------------------------------------------------


def ask_target() -> Reply:
    return say(messages.ASK_TARGET, [BUTTON_CANCEL])


TARGET_INTENT = "set_target"
# Commands the target question lets through ("Team anlegen", "Was ist FIM?", "Danke"): it fills nothing,
# the form rejects, the command's rule runs and the question is asked again. Everything else is read as
# an attempt to answer ("keine Ahnung" gets the hint with an example).
TARGET_PASSES_THROUGH = frozenset(
    {
        "ask_question",
        "kb_more",
        "complain",
        "help",
        "show_examples",
        "bot_challenge",
        "greet",
        "thank",
        "goodbye",
        "create_team",
        "show_team_result",
        "give_code",
        "request_report",
        "result_part",
        "own_result_why",
        "own_result_meaning",
        "own_result_next",
        "show_statistics",
        "privacy_info",
        "start_interview",
        # »Abbrechen« (the question's own button), "Meine Daten löschen" and "Neu starten" end it: they
        # got "kein Digitalisierungsziel erkannt" and left the user stuck in the question.
        "stop_interview",
        "delete_my_data",
        "restart_conversation",
    }
)


def validate_target(requested_slot: str | None, text: str, intent: str | None = None) -> Reply:
    """Reads the target goals from free text (same parser as the interview's goal question).

    The message that starts the question may already name them ("In drei Jahren soll Bürgernähe vorn
    stehen"); a message of another intent during the question fills nothing (the form rejects it).
    """
    ask_again = {TARGET_SLOT: None, REQUESTED_SLOT: TARGET_SLOT}
    if requested_slot == TARGET_SLOT and intent in TARGET_PASSES_THROUGH:
        return Reply()
    wished_type = _wished_type(text)
    # "wie die Optimierer" names the type, not the goal "Effizienz" alone (the lexicon reads the name).
    goals = [] if text.startswith("/") else goal_parser.extract_goals(without_type_names(text))
    if goals:
        return Reply(slots={TARGET_SLOT: goals[:MAX_GOALS], REQUESTED_SLOT: None})
    if wished_type:
        goals = type_goals(wished_type)
        message = Message(messages.target_from_type(wished_type))
        return Reply([message], slots={TARGET_SLOT: goals, REQUESTED_SLOT: None})
    if requested_slot != TARGET_SLOT or intent == TARGET_INTENT:
        # The message that starts the question answers it only if it names goals or a type; »Ziel in
        # drei Jahren« once more just asks again, without a complaint.
        return Reply(slots=ask_again)
    return Reply([Message(messages.NO_TARGET_GOALS)], ask_again)


_NEGATION = re.compile(r"\b(?:nicht|kein\w*|nie)\b", re.IGNORECASE)


def _wished_type(text: str) -> str | None:
    """ "In drei Jahren wollen wir eher Community Manager sein": the one type named without a negation."""
    if text.startswith("/") or _NEGATION.search(text):
        return None
    return named_type(text)


def show_target(
    target_goals: Sequence[str] | None,
    municipality_type: str | None,
    return_code: str | None,
    store: CodeStore | None = None,
) -> Reply:
    """The target state next to today's type; stored with the return code for the report."""
    goals = list(target_goals or [])
    if not goals:
        return Reply()
    shown = [Message(target_text(target_result(goals, municipality_type)))]
    if return_code:
        try:
            (store or CodeStore()).set_target(return_code, goals)
        except SQLAlchemyError:
            logger.exception("Could not store the target goals")
        else:
            shown.append(Message(messages.TARGET_STORED, [BUTTON_REPORT]))
    return Reply(shown)


# --- deletion --------------------------------------------------------------------------------------


def delete_by_code(
    conversation_id: str, text: str, slots: Mapping[str, Any], store: CodeStore | None = None
) -> Reply | None:
    """ "Meine Daten löschen DT-…/TEAM-…": only that code's data. None when the message has no code.

    `slots` holds the conversation's code slots; those pointing at deleted data are cleared.
    """
    code = code_format.find_code(text)
    if code is None:
        return None
    try:
        deletion = (store or CodeStore()).delete_code(code.value, conversation_id)
    except SQLAlchemyError:
        logger.exception("Deleting by code failed")
        return _store_down()
    deleted = bool(deletion.memberships if code.is_team else deletion.codes)
    names = CODE_SLOTS_OF_TEAM if code.is_team else CODE_SLOTS_OF_RESULT
    return Reply(
        [Message(messages.code_deleted(code.value, deleted, code.is_team))],
        {slot: None for slot in names if slots.get(slot) == code.value},
    )
