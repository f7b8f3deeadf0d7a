"""Short forms of the knowledge entries (front-matter field `short:`) and "Mehr dazu".

Every curated entry needs a short form of at most 60 words: the bot's first reply. It must be a
complete answer in its own words – not the body cut off – and may only use figures the body has.
"""

import re
from pathlib import Path

import pytest

from dteam.kb import KIND_ANSWER, build_knowledge_base
from dteam.kb.entries import SHORT_MAX_WORDS, EntryFormatError, load_entries, parse_entry

ENTRIES_ROOT = Path(__file__).resolve().parent.parent / "knowledge" / "entries"
ENTRIES = load_entries(ENTRIES_ROOT)
# The source documents lie beside the checkout (../shared/sources); only used if present, never shipped.
SOURCES_DIR = next(
    (
        path
        for path in (ENTRIES_ROOT.parents[2] / "shared" / "sources", Path("/work/shared/sources"))
        if path.is_dir()
    ),
    Path("/work/shared/sources"),
)
COPY_WINDOW = 8
FIGURE = re.compile(r"(?<![\d,.])(\d+(?:,\d+)?(?:\.\d{3})*)(?!\d|,\d)")


def word_count(text: str) -> int:
    return len(text.split())


def test_all_entries_are_loaded():
    assert len(ENTRIES) == len([p for p in ENTRIES_ROOT.rglob("*.md") if p.name.lower() != "readme.md"])
    assert len(ENTRIES) >= 200


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_short_form_exists_and_is_short(entry):
    assert entry.short, f"{entry.id}: no short form (short:)"
    assert word_count(entry.short) <= SHORT_MAX_WORDS, f"{entry.id}: {word_count(entry.short)} words"
    assert word_count(entry.short) >= 12, f"{entry.id}: too short to be an answer"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_short_form_is_written_not_cut(entry):
    body_words = entry.body.split()
    short_words = entry.short.split()
    # a body cut after n words would start exactly like the body
    assert short_words[:12] != body_words[:12], f"{entry.id}: short form is the start of the body"
    assert entry.short.rstrip()[-1] in '.?!“»«)"', f"{entry.id}: short form does not end a sentence"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_short_form_uses_only_figures_from_the_body(entry):
    body_figures = set(FIGURE.findall(entry.body))
    extra = [f for f in FIGURE.findall(entry.short) if f not in body_figures]
    assert not extra, f"{entry.id}: figures {extra} are not in the body"


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason="source documents not available here")
def test_short_forms_and_questions_are_written_in_own_words():
    windows = set()
    for path in SOURCES_DIR.glob("*.txt"):
        words = re.findall(r"\w+", path.read_text(encoding="utf-8").lower())
        windows |= {tuple(words[i : i + COPY_WINDOW]) for i in range(len(words) - COPY_WINDOW + 1)}
    copied = []
    for entry in ENTRIES:
        for text in [entry.short, *entry.questions]:
            words = re.findall(r"\w+", text.lower())
            for i in range(len(words) - COPY_WINDOW + 1):
                window = tuple(words[i : i + COPY_WINDOW])
                if window in windows and not any(w.isdigit() for w in window):
                    copied.append(f"{entry.id}: {' '.join(window)}")
                    break
    assert not copied, "passages taken over from the sources:\n" + "\n".join(copied)


def test_the_word_limit_check_fails_on_a_long_short_form():
    text = (
        "---\nid: studie-test\ntitle: Test\nsource: studie\ncitation: Test\nspeaker: ''\n"
        f"short: {' '.join(['Wort'] * (SHORT_MAX_WORDS + 1))}\nquestions: [a, b]\nkeywords: [x]\n---\nText."
    )
    entry = parse_entry(text)
    assert word_count(entry.short) == SHORT_MAX_WORDS + 1
    with pytest.raises(AssertionError):
        test_short_form_exists_and_is_short(entry)


def test_missing_short_form_fails_the_check_but_the_loader_keeps_the_entry():
    entry = parse_entry(
        "---\nid: studie-x\ntitle: T\nsource: studie\ncitation: C\n"
        "questions: [a, b]\nkeywords: [k]\n---\nKörper."
    )
    assert entry.short == "" and entry.first_reply == "Körper." and not entry.has_more
    with pytest.raises(AssertionError):
        test_short_form_exists_and_is_short(entry)
    with pytest.raises(EntryFormatError):
        parse_entry("---\nid: x\n---\n")


@pytest.fixture(scope="module")
def knowledge_base():
    return build_knowledge_base()


def test_answer_gives_the_short_form_first_and_the_body_on_request(knowledge_base):
    answer = knowledge_base.answer("Was ist FIM?", None, None, None)
    assert answer.kind == KIND_ANSWER
    entry = knowledge_base.by_id[answer.entry_id]
    assert answer.text == entry.short and answer.has_more
    assert answer.message().endswith(answer.citation) and answer.citation.startswith("Quelle:")
    more = knowledge_base.more(answer.entry_id)
    assert more.text == entry.body and more.citation == answer.citation
    assert knowledge_base.more("gibt-es-nicht") is None and knowledge_base.more(None) is None
