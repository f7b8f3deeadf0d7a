"""Deployment wiring of the report service (issue 12), checked statically like test_deploy_static."""

from __future__ import annotations

from tests.test_deploy_static import _by_kind, _compose, _containers


def test_compose_chat_page_reaches_reports_only_through_the_report_service() -> None:
    services = _compose()["services"]
    report, web = services["report"], services["web"]
    assert web["environment"]["REPORT_SERVICE_URL"] == "http://report:8090"
    assert set(web["networks"]) == {"front"}  # still off the database network
    assert set(report["networks"]) == {"front", "back"}
    assert report["command"] == ["python", "-m", "bot.report_server"]
    assert report["environment"]["RESULTS_DB_URL"].startswith("postgresql://")
    assert "ports" not in report


def test_k8s_report_service_is_reachable_from_the_chat_page_only() -> None:
    deployment = _by_kind("Deployment")["dteam-report"]
    (container,) = _containers(deployment)
    assert container["args"] == ["python", "-m", "bot.report_server"]
    service = _by_kind("Service")["dteam-report"]
    assert service["spec"]["selector"] == {"app.kubernetes.io/name": "dteam-report"}
    config = _by_kind("ConfigMap")["dteam-config"]["data"]
    assert config["REPORT_SERVICE_URL"] == "http://dteam-report.dteam.svc.cluster.local:8090"
    (policy,) = [
        p
        for p in _by_kind("NetworkPolicy").values()
        if p["spec"]["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/name") == "dteam-report"
    ]
    (rule,) = policy["spec"]["ingress"]
    assert [peer["podSelector"]["matchLabels"] for peer in rule["from"]] == [
        {"app.kubernetes.io/name": "dteam-web"}
    ]
    assert [port["port"] for port in rule["ports"]] == [8090]
