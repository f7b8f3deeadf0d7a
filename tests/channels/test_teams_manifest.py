"""The Teams app package builder fills every placeholder and ships valid icons."""

import json
import struct
import zipfile

import pytest

from bot.teams_manifest.build_package import build, fill_manifest

BOT_ID = "11111111-2222-3333-4444-555555555555"


def test_package_contains_filled_manifest_and_icons_of_the_required_sizes(tmp_path):
    path = build(BOT_ID, "assistent.example-kommune.de", tmp_path / "teams-app.zip", version="1.2.3")
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        sizes = {
            name: struct.unpack(">II", package.read(name)[16:24]) for name in ("color.png", "outline.png")
        }
    assert "${{" not in json.dumps(manifest)
    assert manifest["id"] == BOT_ID and manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["version"] == "1.2.3"
    assert manifest["validDomains"] == ["assistent.example-kommune.de"]
    assert sizes == {"color.png": (192, 192), "outline.png": (32, 32)}


@pytest.mark.parametrize(
    "bot_id, host", [("kein-guid", "bot.example.de"), (BOT_ID, "https://bot.example.de/")]
)
def test_invalid_values_are_refused(tmp_path, bot_id, host):
    with pytest.raises(ValueError, match="Ungültige"):
        build(bot_id, host, tmp_path / "x.zip")


def test_missing_placeholder_values_are_named():
    with pytest.raises(ValueError, match="BOT_HOST"):
        fill_manifest(
            {"BOT_APP_ID": BOT_ID, "TEAMS_APP_ID": BOT_ID, "APP_VERSION": "1.0.0", "PUBLISHER_NAME": "X"}
        )
