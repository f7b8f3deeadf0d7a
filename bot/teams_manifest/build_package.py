"""Build the Teams app package (manifest.json + icons, zipped) for upload.

    .venv/bin/python -m bot.teams_manifest.build_package \
        --bot-app-id <Microsoft App ID> --host assistent.example-kommune.de

Fills the ${{...}} placeholders of manifest.json, draws the two icons Teams
requires (192x192 colour, 32x32 white outline on transparent) and writes
build/teams-app.zip. See docs/channels-teams.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path

TEMPLATE = Path(__file__).with_name("manifest.json")
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HOST = re.compile(r"^(?=.{1,253}$)([a-zA-Z0-9-]{1,63}\.)+[a-zA-Z]{2,63}$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
ACCENT = (31, 78, 121, 255)


def fill_manifest(values: dict[str, str]) -> dict:
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("${{" + name + "}}", value)
    left = sorted(set(re.findall(r"\$\{\{(\w+)\}\}", text)))
    if left:
        raise ValueError("Platzhalter ohne Wert: " + ", ".join(left))
    return json.loads(text)


def _font(size: int):
    import matplotlib
    from PIL import ImageFont

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
    return ImageFont.truetype(str(path), size)


def draw_icons() -> tuple[bytes, bytes]:
    from PIL import Image, ImageDraw

    color = Image.new("RGBA", (192, 192), ACCENT)
    ImageDraw.Draw(color).text((96, 96), "D", font=_font(120), fill="white", anchor="mm")
    outline = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(outline)
    draw.rounded_rectangle((1, 1, 30, 30), radius=6, outline="white", width=2)
    draw.text((16, 16), "D", font=_font(20), fill="white", anchor="mm")
    images = []
    for image in (color, outline):
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        images.append(buffer.getvalue())
    return images[0], images[1]


def build(
    bot_app_id: str,
    host: str,
    out: Path,
    teams_app_id: str | None = None,
    version: str = "1.0.0",
    publisher: str = "D-Team",
) -> Path:
    teams_app_id = teams_app_id or bot_app_id
    for label, value, pattern in (
        ("Bot-App-ID", bot_app_id, GUID),
        ("Teams-App-ID", teams_app_id, GUID),
        ("Host", host, HOST),
        ("Version", version, VERSION),
    ):
        if not pattern.match(value):
            raise ValueError(f"Ungültige {label}: {value!r}")
    manifest = fill_manifest(
        {
            "BOT_APP_ID": bot_app_id,
            "TEAMS_APP_ID": teams_app_id,
            "BOT_HOST": host,
            "APP_VERSION": version,
            "PUBLISHER_NAME": publisher,
        }
    )
    color, outline = draw_icons()
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        package.writestr("color.png", color)
        package.writestr("outline.png", outline)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Teams-App-Paket für den D-Team-Assistenten bauen")
    parser.add_argument(
        "--bot-app-id", default=os.environ.get("TEAMS_APP_ID"), help="Microsoft App ID des Azure Bots"
    )
    parser.add_argument(
        "--host", default=os.environ.get("TEAMS_BOT_HOST"), help="öffentlicher Hostname des Bots"
    )
    parser.add_argument(
        "--teams-app-id", default=None, help="eigene GUID der Teams-App (Standard: Bot-App-ID)"
    )
    parser.add_argument("--version", default="1.0.0")
    parser.add_argument("--publisher", default="D-Team")
    parser.add_argument("--out", default="build/teams-app.zip")
    args = parser.parse_args(argv)
    if not args.bot_app_id or not args.host:
        parser.error("--bot-app-id und --host (oder TEAMS_APP_ID, TEAMS_BOT_HOST) sind nötig")
    try:
        path = build(
            args.bot_app_id, args.host, Path(args.out), args.teams_app_id, args.version, args.publisher
        )
    except ValueError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 2
    print(f"Teams-App-Paket geschrieben: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
