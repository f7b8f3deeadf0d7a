"""The result choices and "Mehr dazu" in Matrix (numbered choices) and Teams (card payloads)."""

from actions.knowledge import more_button
from bot.matrix.formatting import choices_from_buttons, render_message, resolve_choice
from bot.teams import user_text_from_activity
from dteam.result import steps
from dteam.result.service import choice_button


def first_step_buttons() -> list[dict]:
    step = steps.first_step(["effizienz", "buergernaehe"])
    return [choice_button(part, title) for part, title in step.choice_buttons()] + [more_button("studie-x")]


def test_matrix_numbers_the_choices_and_maps_answers_to_payloads():
    buttons = first_step_buttons()
    choices = choices_from_buttons(buttons)
    plain, html = render_message("Was möchten Sie als Nächstes wissen?", choices)
    assert "1. Warum dieser Typ?" in plain and "5. Alles auf einmal" in plain and "6. Mehr dazu" in plain
    assert resolve_choice("2", choices) == '/result_part{"result_part":"compare"}'
    assert resolve_choice("alles auf einmal", choices) == '/result_part{"result_part":"all"}'
    assert resolve_choice("4", choices) == "/show_examples"
    assert resolve_choice("6", choices) == '/kb_more{"kb_entry":"studie-x"}'


def test_teams_card_actions_send_the_payload():
    for button in first_step_buttons():
        activity = {"type": "message", "text": button["title"], "value": {"payload": button["payload"]}}
        assert user_text_from_activity(activity) == button["payload"]
