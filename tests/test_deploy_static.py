"""Static checks of the deployment files (no Docker engine or Kubernetes cluster runs here).

* docker-compose.yml: `docker compose config` if the plugin exists, else `docker-compose config`
  (Debian package docker-compose), else its bundled compose-spec JSON schema; plus structure.
* deploy/k8s/*.yaml: Kubernetes 1.28 OpenAPI schema (kubernetes-validate, strict) plus structure.
* deploy/endpoints.production.yml: loaded by Rasa itself and used for real against the local
  PostgreSQL (tracker store) and Redis (lock store).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from tests.support.postgres import throwaway_databases

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
COMPOSE_FILE = REPO / "docker-compose.yml"
ENDPOINTS = DEPLOY / "endpoints.production.yml"
ENV_EXAMPLE = DEPLOY / "env.example"
K8S_VERSION = "1.28.0"
ENV_REF = re.compile(r"\$\{([A-Z0-9_]+)\}")


def _compose():
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def _k8s_documents():
    documents = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document:
                documents.append((path.name, document))
    return documents


def _by_kind(kind):
    return {doc["metadata"]["name"]: doc for _, doc in _k8s_documents() if doc["kind"] == kind}


def _endpoint_env_refs():
    lines = [
        line
        for line in ENDPOINTS.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ]
    return set(ENV_REF.findall("\n".join(lines)))


# --- docker compose ------------------------------------------------------------------------------


def _compose_cli():
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy:
        return [legacy]
    return None


def _compose_schema():
    for candidate in Path("/usr/lib/python3/dist-packages/compose/config").glob("compose_spec.json"):
        return json.loads(candidate.read_text(encoding="utf-8"))
    return None


def test_compose_file_is_valid_for_compose():
    cli = _compose_cli()
    if cli is not None:
        completed = subprocess.run(
            [*cli, "--env-file", str(ENV_EXAMPLE), "-f", str(COMPOSE_FILE), "config"],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=120,
        )
        assert completed.returncode == 0, completed.stderr
        resolved = yaml.safe_load(completed.stdout)
        # Interpolation worked: the example password reached the services.
        assert resolved["services"]["rasa"]["environment"]["DB_PASSWORD"] == "change-me"
        return
    schema = _compose_schema()
    if schema is None:
        pytest.skip(
            "neither docker compose, docker-compose nor the compose-spec schema is installed "
            "(scripts/install_system_deps.sh installs docker-compose); structure is still "
            "checked by the other tests"
        )
    import jsonschema

    jsonschema.validate(_compose(), schema)


def test_compose_services_and_wiring():
    compose = _compose()
    services = compose["services"]
    assert {"rasa", "actions", "web", "postgres", "redis"} <= set(services)
    rasa = services["rasa"]
    assert "deploy/endpoints.production.yml" in rasa["command"]
    assert {"postgres", "redis", "actions"} <= set(rasa["depends_on"])
    assert rasa["environment"]["ACTION_ENDPOINT_URL"] == "http://actions:5055/webhook"
    # Every variable the production endpoints file needs is given to the rasa service.
    assert _endpoint_env_refs() <= set(rasa["environment"])
    actions_env = services["actions"]["environment"]
    assert actions_env["TRACKER_DB_URL"].startswith("postgresql://")
    assert actions_env["TRACKER_DB_URL"].endswith("@postgres:5432/rasa")
    assert actions_env["RESULTS_DB_URL"].endswith("@postgres:5432/results")
    assert "RESULTS_HASH_SECRET" in actions_env
    assert services["web"]["environment"]["RASA_URL"] == "http://rasa:5005"
    for name in ("rasa", "actions", "postgres", "redis"):
        assert "healthcheck" in services[name], name
    for name in ("rasa", "actions", "web"):
        build = services[name]["build"]
        assert build["dockerfile"] == "deploy/Dockerfile" and build["target"] == name
    # The init script creating the results database is mounted into PostgreSQL.
    mounts = services["postgres"]["volumes"]
    assert any(m.startswith("./deploy/postgres/init-databases.sql:") for m in mounts)
    assert "CREATE DATABASE results" in (DEPLOY / "postgres" / "init-databases.sql").read_text()
    # Secrets are required from .env, never given a usable default in the file.
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    assert "${POSTGRES_PASSWORD:?" in text and "${RESULTS_HASH_SECRET:?" in text
    # Only the chat page is published to the network; Rasa's API stays on loopback.
    assert rasa["ports"] == ["127.0.0.1:5005:5005"]


def test_env_example_covers_every_required_compose_variable():
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", COMPOSE_FILE.read_text(encoding="utf-8")))
    example = {
        line.split("=", 1)[0]
        for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert required and required <= example


# --- Dockerfile ------------------------------------------------------------------------------------


def test_dockerfile_targets_and_inputs():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    stages = re.findall(r"^FROM\s+(\S+)\s+AS\s+(\S+)", text, flags=re.MULTILINE)
    names = {name for _, name in stages}
    assert {"base", "rasa", "actions", "web"} <= names
    python_version = (REPO / ".python-version").read_text().strip()
    assert stages[0][0] == f"python:{python_version}-slim"
    for source in re.findall(r"^COPY\s+(?!--)([^\n]+?)\s+\./\s*$", text, flags=re.MULTILINE):
        for item in source.split():
            assert (REPO / item).exists(), f"COPY source {item} is missing"
    for port in ("5005", "5055", "8080"):
        assert f"EXPOSE {port}" in text
    assert "USER dteam" in text  # no container runs as root
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    for private in (".env", ".venv", "data_store", "*.db", "models", ".git"):
        assert private in ignored
    # make kb inside the image trains the entry classifier on the dev questions, never on a held-out set
    assert ignored.index("!bench/data/dev/kb_questions.yml") > ignored.index("bench")
    assert not [line for line in ignored if line.startswith("!bench") and "heldout" in line]


# --- production endpoints ---------------------------------------------------------------------------


def test_production_endpoints_as_rasa_reads_them(monkeypatch):
    from rasa.utils.endpoints import read_endpoint_config

    for name, value in {
        "DB_HOST": "db.internal",
        "DB_PORT": "5432",
        "DB_NAME": "rasa",
        "DB_USER": "rasa",
        "DB_PASSWORD": "pw",
        "REDIS_HOST": "redis.internal",
        "REDIS_PORT": "6379",
        "REDIS_PASSWORD": "rpw",
        "ACTION_ENDPOINT_URL": "http://actions:5055/webhook",
    }.items():
        monkeypatch.setenv(name, value)
    tracker = read_endpoint_config(str(ENDPOINTS), "tracker_store")
    assert tracker.type == "SQL" and tracker.url == "db.internal"
    assert tracker.kwargs["dialect"] == "postgresql" and tracker.kwargs["db"] == "rasa"
    lock = read_endpoint_config(str(ENDPOINTS), "lock_store")
    assert lock.type == "redis" and lock.url == "redis.internal"
    assert read_endpoint_config(str(ENDPOINTS), "action_endpoint").url == "http://actions:5055/webhook"

    # The action server derives the same tracker database from this file.
    from dteam.storage.settings import tracker_db_url_from_endpoints

    assert (
        tracker_db_url_from_endpoints(ENDPOINTS, dict(os.environ))
        == "postgresql://rasa:pw@db.internal:5432/rasa"
    )


@pytest.fixture
def throwaway_postgres():
    """Name of an empty database on the local server, dropped afterwards."""
    with throwaway_databases(1) as (url,):
        yield sa.engine.make_url(url).database


def test_production_stores_work_against_local_postgres_and_redis(throwaway_postgres, monkeypatch):
    """The production endpoints file, unchanged, with loopback PostgreSQL and Redis."""
    import redis
    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import read_endpoint_config

    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"Redis at 127.0.0.1:6379 not reachable: {error}")
    for name, value in {
        "DB_HOST": "127.0.0.1",
        "DB_PORT": "5432",
        "DB_NAME": throwaway_postgres,
        "DB_USER": "postgres",
        "DB_PASSWORD": "",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": "6379",
        "REDIS_PASSWORD": "",
        "ACTION_ENDPOINT_URL": "http://127.0.0.1:5055/webhook",
    }.items():
        monkeypatch.setenv(name, value)

    tracker_store = TrackerStore.create(read_endpoint_config(str(ENDPOINTS), "tracker_store"), Domain.empty())
    assert isinstance(tracker_store, SQLTrackerStore)
    sender_id = f"deploy-check-{uuid.uuid4().hex[:8]}"
    tracker = DialogueStateTracker.from_events(sender_id, [UserUttered("Hallo")])
    asyncio.run(tracker_store.save(tracker))
    assert asyncio.run(tracker_store.retrieve(sender_id)).latest_message.text == "Hallo"
    tracker_store.engine.dispose()

    lock_store = LockStore.create(read_endpoint_config(str(ENDPOINTS), "lock_store"))
    assert isinstance(lock_store, RedisLockStore)

    async def lock_and_release():
        async with lock_store.lock(sender_id):
            assert lock_store.get_lock(sender_id) is not None
        return lock_store.get_lock(sender_id)

    assert asyncio.run(lock_and_release()) is None  # released and cleaned up
    lock_store.red.close()


# --- Kubernetes ---------------------------------------------------------------------------------------


def test_k8s_manifests_match_the_kubernetes_schema():
    import kubernetes_validate

    documents = _k8s_documents()
    assert documents
    for filename, document in documents:
        try:
            kubernetes_validate.validate(document, K8S_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            pytest.fail(f"{filename} ({document.get('kind')}): {error.message}")


def _containers(deployment):
    return deployment["spec"]["template"]["spec"]["containers"]


def test_k8s_deployments_scale_and_probe():
    deployments = _by_kind("Deployment")
    assert {"dteam-rasa", "dteam-actions", "dteam-web"} <= set(deployments)
    assert deployments["dteam-rasa"]["spec"]["replicas"] >= 2
    assert deployments["dteam-actions"]["spec"]["replicas"] >= 2
    expected_probe = {
        "dteam-rasa": ("/", 5005),
        "dteam-actions": ("/health", 5055),
        "dteam-web": ("/health", 8080),
    }
    for name, (path, port) in expected_probe.items():
        container = _containers(deployments[name])[0]
        probe = container["readinessProbe"]["httpGet"]
        assert probe["path"] == path
        named_ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert named_ports.get(probe["port"], probe["port"]) == port
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert deployments[name]["spec"]["selector"]["matchLabels"].items() <= labels.items()


def test_k8s_services_select_their_deployments():
    deployments = _by_kind("Deployment")
    services = _by_kind("Service")
    for name in ("dteam-rasa", "dteam-actions", "dteam-web"):
        selector = services[name]["spec"]["selector"]
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert selector.items() <= labels.items()
        container_ports = {p["name"] for p in _containers(deployments[name])[0]["ports"]}
        assert {p["targetPort"] for p in services[name]["spec"]["ports"]} <= container_ports
    config = _by_kind("ConfigMap")["dteam-config"]["data"]
    assert config["ACTION_ENDPOINT_URL"].startswith("http://dteam-actions.")
    assert ":5055/webhook" in config["ACTION_ENDPOINT_URL"]
    assert config["RASA_URL"].startswith("http://dteam-rasa.")


def test_k8s_config_and_secret_references_resolve():
    config_maps = _by_kind("ConfigMap")
    secrets = _by_kind("Secret")
    workloads = list(_by_kind("Deployment").values()) + [
        {"metadata": c["metadata"], "spec": {"template": c["spec"]["jobTemplate"]["spec"]["template"]}}
        for c in _by_kind("CronJob").values()
    ]
    for workload in workloads:
        for container in _containers(workload):
            available = set()
            for source in container.get("envFrom", []):
                config_map = config_maps[source["configMapRef"]["name"]]
                available |= set(config_map["data"])
            for variable in container.get("env", []):
                ref = variable["valueFrom"]["secretKeyRef"]
                assert ref["key"] in secrets[ref["name"]]["stringData"], ref
                available.add(variable["name"])
            if workload["metadata"]["name"] == "dteam-rasa":
                assert _endpoint_env_refs() <= available
            if workload["metadata"]["name"] in ("dteam-actions", "dteam-purge"):
                assert {
                    "TRACKER_DB_URL",
                    "RESULTS_DB_URL",
                    "RESULTS_HASH_SECRET",
                    "TRACKER_RETENTION_DAYS",
                } <= available
    # The hash secret and database passwords never sit in the ConfigMap.
    for config_map in config_maps.values():
        assert not {"DB_PASSWORD", "RESULTS_HASH_SECRET", "REDIS_PASSWORD"} & set(config_map["data"])


def test_k8s_purge_runs_daily():
    cronjob = _by_kind("CronJob")["dteam-purge"]
    assert cronjob["spec"]["concurrencyPolicy"] == "Forbid"
    minute, hour, *rest = cronjob["spec"]["schedule"].split()
    assert rest == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()
    container = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    assert container["args"] == ["python", "scripts/purge.py"]


# --- exposure (issue 13, items 1, 2, 4, 9) -------------------------------------------------------------


def _rasa_command_lines():
    """Every way the deployment starts the Rasa server: compose, Dockerfile CMD, Kubernetes args."""
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    rasa_stage = dockerfile.split("AS rasa", 1)[1].split("\nFROM ", 1)[0]
    cmd = json.loads(re.search(r"^CMD\s+(\[.*\])\s*$", rasa_stage, flags=re.MULTILINE).group(1))
    return {
        "docker-compose.yml": _compose()["services"]["rasa"]["command"],
        "deploy/Dockerfile": cmd,
        "deploy/k8s/20-rasa.yaml": _containers(_by_kind("Deployment")["dteam-rasa"])[0]["args"],
    }


def test_rasa_http_api_is_off_or_needs_a_token_from_a_secret():
    for source, args in _rasa_command_lines().items():
        assert args[:2] == ["rasa", "run"], source
        if "--enable-api" in args:
            token_flags = {"--auth-token", "--jwt-secret"} & set(args)
            assert token_flags, f"{source}: HTTP API without authentication"
            token = args[args.index(sorted(token_flags)[0]) + 1]
            assert token.startswith("$"), f"{source}: token must come from a secret, not the file"


def test_socketio_channel_is_not_configured():
    credentials = yaml.safe_load((REPO / "credentials.yml").read_text(encoding="utf-8")) or {}
    assert "socketio" not in credentials
    assert "socket.io" not in (DEPLOY / "nginx" / "round_robin.conf.template").read_text()


def test_nginx_template_passes_on_only_the_channel_webhooks():
    text = (DEPLOY / "nginx" / "round_robin.conf.template").read_text(encoding="utf-8")
    blocks = re.findall(r"location\s+([^{]+?)\s*\{(.*?)\n        \}", text, flags=re.DOTALL)
    proxied = {location for location, body in blocks if "proxy_pass" in body}
    assert proxied == {"~ ^/webhooks/(rest|teams)/webhook$", "= /"}
    catch_all = dict(blocks)["/"]
    assert "return 404" in catch_all and "proxy_pass" not in catch_all


def test_compose_keeps_the_chat_page_away_from_actions_and_databases():
    compose = _compose()
    services = compose["services"]
    networks = {name: set(service.get("networks", [])) for name, service in services.items()}
    assert networks["web"] and networks["actions"]
    for backend in ("actions", "postgres", "redis"):
        assert not networks["web"] & networks[backend], backend
        assert networks[backend] <= {
            name for name, net in compose["networks"].items() if (net or {}).get("internal")
        }, backend
    assert networks["rasa"] & networks["web"] and networks["rasa"] & networks["actions"]
    assert "ports" not in services["actions"]


def test_k8s_network_policies_deny_by_default_and_admit_only_the_callers():
    policies = _by_kind("NetworkPolicy")
    default = [p for p in policies.values() if p["spec"]["podSelector"] == {}]
    assert (
        default and "Ingress" in default[0]["spec"]["policyTypes"] and not default[0]["spec"].get("ingress")
    )

    def policy_for(app):
        (policy,) = [
            p
            for p in policies.values()
            if p["spec"]["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/name") == app
        ]
        return policy["spec"]["ingress"]

    (actions_rule,) = policy_for("dteam-actions")
    assert [peer["podSelector"]["matchLabels"] for peer in actions_rule["from"]] == [
        {"app.kubernetes.io/name": "dteam-rasa"}
    ]
    assert [port["port"] for port in actions_rule["ports"]] == [5055]
    (rasa_rule,) = policy_for("dteam-rasa")
    pod_peers = [peer["podSelector"]["matchLabels"] for peer in rasa_rule["from"] if "podSelector" in peer]
    assert pod_peers == [{"app.kubernetes.io/name": "dteam-web"}]
    assert [port["port"] for port in rasa_rule["ports"]] == [5005]


def test_purge_is_scheduled_by_default_in_compose():
    purge = _compose()["services"]["purge"]
    assert "profiles" not in purge  # runs with a plain `docker compose up`
    assert purge.get("restart") == "unless-stopped"
    script = " ".join(purge["command"])
    assert "scripts/purge.py" in script and "sleep" in script
    assert "PURGE_INTERVAL_SECONDS" in purge["environment"]
    assert {"TRACKER_DB_URL", "RESULTS_DB_URL", "RESULTS_HASH_SECRET"} <= set(purge["environment"])


def test_replicas_share_the_cookie_and_channel_id_keys_from_secrets():
    """Several replicas with their own generated keys would reject each other's cookies and ids."""
    services = _compose()["services"]
    assert services["web"]["environment"]["WEB_SESSION_SECRET"].startswith("${WEB_SESSION_SECRET:?")
    assert services["rasa"]["environment"]["CHANNEL_ID_SECRET"].startswith("${CHANNEL_ID_SECRET:?")
    secret_keys = set(_by_kind("Secret")["dteam-secrets"]["stringData"])
    deployments = _by_kind("Deployment")
    for name, variable in (("dteam-web", "WEB_SESSION_SECRET"), ("dteam-rasa", "CHANNEL_ID_SECRET")):
        env = {item["name"]: item for item in _containers(deployments[name])[0].get("env", [])}
        assert env[variable]["valueFrom"]["secretKeyRef"]["key"] in secret_keys, name
