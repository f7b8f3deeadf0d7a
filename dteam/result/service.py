"""The result turns as plain functions: show the result, correct the goals afterwards, one part
of the result on request (with follow-ups and what-if questions).

Each function takes the conversation's slot values (`state`, keys `RESULT_STATE_SLOTS`) and the
message, and returns a `dteam.reply.Reply`; the Rasa adapter (actions/result.py) only reads the
tracker and sends it. Storing is decided here too: the anonymous statistics row goes into the
reply's background work (storing must not cost the user the result), the return code is stored by
dteam.followup.service.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from dteam.followup import service as followup
from dteam.interview import flow, practices
from dteam.interview import goals as goal_parser
from dteam.reply import Message, Reply, say
from dteam.result import chart, steps
from dteam.storage import results

logger = logging.getLogger(__name__)

GOALS_SLOT = "goals"
TYPE_SLOT = "municipality_type"
RESULT_STATE_SLOTS = (
    GOALS_SLOT,
    *practices.QUESTION_ORDER,
    "previous_code",
    followup.TARGET_SLOT,
    "team_code",
    # A corrected result is stored under the code already shown, not under a second one.
    followup.RETURN_CODE_SLOT,
    flow.SKIPPED_AT_RESULT,
)
# After »Ergebnis jetzt«: the skipped practice questions can still be answered (flow.resume).
BUTTON_REMAINING = {"title": "Restliche Fragen beantworten", "payload": "/resume_interview"}
BUTTON_START = followup.BUTTON_START

NO_RESULT_YET = (
    "Es gibt noch kein Ergebnis: Dafür brauche ich mindestens Ihr wichtigstes Digitalisierungsziel. "
    "Möchten Sie den Selbsttest starten?"
)
NO_CORRECTION_FOUND = (
    "In Ihrer Korrektur habe ich keine geänderten Ziele erkannt. Beispiel: »Korrektur: am "
    "wichtigsten ist Bürgernähe, dann Effizienz«."
)
TEXT_RESULT_AT_END = (
    "Ihr Ergebnis zeige ich Ihnen am Ende des Selbsttests – danach kann ich es Ihnen Schritt für Schritt "
    "erklären; wer nicht warten möchte, wählt »Ergebnis jetzt«. Jetzt geht es mit der Frage weiter."
)
OWN_RESULT_PARTS = {
    "own_result_why": steps.PART_WHY,
    "own_result_meaning": steps.PART_MEANING,
    "own_result_next": steps.PART_LEARN,
}
WHAT_IF_INTENT = "own_result_what_if"


def answers_of(state: Mapping[str, Any]) -> dict[str, Any]:
    """The interview answers (kind, size and practices) among the slot values."""
    return {slot: state.get(slot) for slot in practices.QUESTION_ORDER}


def _goals(state: Mapping[str, Any]) -> list[str]:
    return list(state.get(GOALS_SLOT) or [])


# --- presenting a step -----------------------------------------------------------------------------


def choice_button(part: str, title: str) -> dict[str, str]:
    if part == steps.PART_ASK:
        return {"title": title, "payload": "/show_examples"}
    return {"title": title, "payload": f'/result_part{{"result_part":"{part}"}}'}


def step_messages(step: steps.Step) -> list[Message]:
    """Texts in order, the chart after the first one, the choices as buttons under the last."""
    texts = list(step.texts)
    shown: list[Message] = []
    if step.chart_goals:
        try:
            image = chart.result_chart_data_url(step.chart_goals)
        except Exception:  # the chart is a bonus; never lose the result over it
            logger.exception("Result chart could not be drawn")
        else:
            shown.append(Message(texts.pop(0), image=image))
            # The chart in words: for screen readers and channels that show no images.
            texts = [step.chart_text + "\n\n" + texts[0], *texts[1:]] if texts else [step.chart_text]
    buttons = [choice_button(part, title) for part, title in step.choice_buttons()]
    for index, text in enumerate(texts):
        last = index == len(texts) - 1
        shown.append(Message(text, buttons if last else []))
    return shown


# --- the result ------------------------------------------------------------------------------------


def _answered(value: Any) -> Any:
    return None if value == practices.SKIPPED else value


def save_anonymous_result(
    conversation_id: str,
    goals: Sequence[str],
    answers: Mapping[str, Any],
    store: results.ResultsStore | None = None,
) -> None:
    """The anonymous statistics row (skipped answers count as unknown). Failures are logged only:
    statistics must not cost the user the result."""
    try:
        typology = steps.classify_goals(goals)
        inhabitants = _answered(answers.get("inhabitants"))
        (store or results.ResultsStore()).save_result(
            conversation_id=conversation_id,
            goals=list(goals),
            municipality_type=typology.type_id,
            distances=typology.distances,
            is_mixed=typology.is_mixed,
            municipality_kind=_answered(answers.get("municipality_kind")),
            inhabitants=inhabitants if isinstance(inhabitants, int) else None,
            practices={k: v for k, v in answers.items() if k not in ("municipality_kind", "inhabitants")},
        )
    except Exception:
        logger.exception("Could not store the anonymous result")


def result_reply(conversation_id: str, goals: Sequence[str], state: Mapping[str, Any]) -> Reply:
    """The result for `goals`: short first step (type, motto, reason, chart; every other part on
    request), the anonymous statistics row (background), then return code, then → now and team."""
    goals = list(goals)
    answers = answers_of(state)
    shown = Reply(
        step_messages(steps.first_step(goals)),
        {GOALS_SLOT: goals, TYPE_SLOT: steps.classify_goals(goals).type_id},
        # Written while the reply is sent (a database commit costs ~20 ms): the result turn must
        # not cost much more than any other turn.
        [partial(save_anonymous_result, conversation_id, goals, answers)],
    )
    remaining = len(state.get(flow.SKIPPED_AT_RESULT) or ())
    if remaining:
        shown += say(remaining_offer(remaining), [BUTTON_REMAINING])
    return shown + followup.after_result(
        conversation_id,
        goals,
        answers,
        previous_code=state.get("previous_code"),
        target_goals=state.get(followup.TARGET_SLOT),
        team_code=state.get("team_code"),
        current_code=state.get(followup.RETURN_CODE_SLOT),
    )


def remaining_offer(count: int) -> str:
    questions = "eine Frage" if count == 1 else f"{count} Fragen"
    return (
        f"Sie haben {questions} zur Praxis Ihrer Kommune übersprungen. Wenn Sie sie noch beantworten, "
        "vergleiche ich Ihre Praxis mit Ihrem Typ und allen Befragten."
    )


def _no_result_yet() -> Reply:
    return say(NO_RESULT_YET, [BUTTON_START])


def show_result(conversation_id: str, state: Mapping[str, Any]) -> Reply:
    goals = _goals(state)
    if not goals:
        return _no_result_yet()
    return result_reply(conversation_id, goals, state)


def correct_goals(conversation_id: str, state: Mapping[str, Any], text: str) -> Reply:
    """ "Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz" after the result: re-classify."""
    current = _goals(state)
    if not current:
        # Nothing to correct yet; goals come only from the interview, never from a payload.
        return _no_result_yet()
    corrected = [] if text.startswith("/") else goal_parser.apply_correction(current, text)
    if not corrected or corrected == current:
        return say(NO_CORRECTION_FOUND)
    labels = ", ".join(f"{i}. {goal_parser.goal_label(g)}" for i, g in enumerate(corrected, 1))
    understood = say(f"Verstanden, ich werte mit diesen Zielen neu aus: {labels}.")
    return understood + result_reply(conversation_id, corrected, state)


def result_part(
    state: Mapping[str, Any],
    intent: str,
    text: str,
    named_part: str | None = None,
    active_loop: str | None = None,
) -> Reply:
    """A part of the result on request (`named_part`: the button's result_part entity), follow-ups
    about one's own result, and what-if questions."""
    text = "" if text.startswith("/") else text
    if active_loop == flow.INTERVIEW_FORM:
        return say(TEXT_RESULT_AT_END)
    goals = _goals(state)
    if not goals:
        return say(steps.NO_RESULT, [BUTTON_START])
    if intent == WHAT_IF_INTENT:
        return Reply(step_messages(steps.what_if_step(goals, text)))
    if named_part in steps.PARTS:
        part = named_part
    else:
        part = OWN_RESULT_PARTS.get(intent) or steps.part_from_text(text)
    asked_type = steps.named_type(text) if part in (steps.PART_WHY, steps.PART_MEANING) else None
    judged = part == steps.PART_MEANING and steps.judges_the_type(text)
    # "Warum Optimierer? Wir sind doch eher bürgerorientiert": the goal the user claims, not a type's name.
    claimed = goal_parser.extract_goals(steps.without_type_names(text)) if part == steps.PART_WHY else []
    shown = step_messages(
        steps.part_step(
            part, goals, answers_of(state), asked_type=asked_type, judged=judged, claimed_goals=claimed
        )
    )
    if part == steps.PART_COMPARE and state.get(flow.SKIPPED_AT_RESULT) and shown:
        shown[-1] = Message(shown[-1].text, [BUTTON_REMAINING, *shown[-1].buttons], shown[-1].image)
    return Reply(shown)
