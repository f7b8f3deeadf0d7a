"""Pure helpers of the Matrix bridge: sender ids, Markdown -> Matrix HTML,
numbered button choices, image data URLs.

No matrix-nio import here, so the rules can be unit-tested in any venv.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dteam.channel_ids import channel_secret, keyed_sender_id

# Largest image we accept from the bot (a result chart is ~50-150 kB).
MAX_IMAGE_BYTES = 5 * 1024 * 1024
ALLOWED_IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}

CHOICE_HINT = "Antworten Sie mit der Nummer oder dem Text einer Auswahl."


@dataclass(frozen=True)
class Choice:
    title: str
    payload: str


def sender_id_for(room_id: str, user_id: str, secret: bytes | None = None) -> str:
    """Stable Rasa sender id per (room, user), keyed with CHANNEL_ID_SECRET (dteam/channel_ids.py).

    Matrix ids (which contain the homeserver name and can be personal) do not end up verbatim in the
    tracker store, and since every member of a shared room knows both ids, the HMAC key is what stops
    one member from computing another member's conversation id.
    """
    return keyed_sender_id("matrix", [room_id, user_id], channel_secret() if secret is None else secret)


def choices_from_buttons(buttons: Iterable[dict] | None) -> list[Choice]:
    choices = []
    for button in buttons or []:
        title = str(button.get("title") or "").strip()
        payload = str(button.get("payload") or "").strip() or title
        if title or payload:
            choices.append(Choice(title=title or payload, payload=payload))
    return choices


_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")
_NUMBER_LIST = re.compile(r"^\s*\d{1,3}(\s*(,|;|und|\s)\s*\d{1,3})+\s*$", re.IGNORECASE)


def resolve_choice(message: str, choices: Sequence[Choice]) -> str:
    """Map a user's answer to the offered choices.

    "2" -> payload of the second choice; the exact title (any case) -> its
    payload; several numbers ("1, 3") -> the titles as free text, so that a
    multi-select question receives a readable list. Anything else, including
    numbers outside the range (e.g. an inhabitant count), passes unchanged.
    """
    if not choices:
        return message
    single = _NUMBER.match(message)
    if single:
        index = int(single.group(1))
        if 1 <= index <= len(choices):
            return choices[index - 1].payload
        return message
    if _NUMBER_LIST.match(message):
        indices = [int(n) for n in re.findall(r"\d{1,3}", message)]
        if all(1 <= i <= len(choices) for i in indices):
            unique = list(dict.fromkeys(indices))
            return ", ".join(choices[i - 1].title for i in unique)
        return message
    wanted = message.strip().casefold()
    for choice in choices:
        if choice.title.casefold() == wanted:
            return choice.payload
    return message


# --- Markdown subset -> Matrix HTML ------------------------------------------
# The bot's texts use a small Markdown subset (bold, italics, code, links,
# lists, paragraphs). We escape everything first and only then turn the
# markers into tags, so user-controlled text can never inject HTML.

_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^\s)]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_ORDERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")


def _inline(escaped: str) -> str:
    code_spans: list[str] = []

    def keep_code(match: re.Match) -> str:
        code_spans.append(f"<code>{match.group(1)}</code>")
        return f"\x00{len(code_spans) - 1}\x00"

    text = _CODE.sub(keep_code, escaped)
    text = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', text)
    text = _BOLD.sub(lambda m: f"<strong>{m.group(1) or m.group(2)}</strong>", text)
    text = _ITALIC.sub(lambda m: f"<em>{m.group(1)}</em>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: code_spans[int(m.group(1))], text)


def markdown_to_html(text: str) -> str:
    escaped = html.escape(text.replace("\r\n", "\n"), quote=True)
    blocks = [b for b in re.split(r"\n\s*\n", escaped) if b.strip()]
    out = []
    for block in blocks:
        lines = block.split("\n")
        if all(_BULLET.match(line) for line in lines):
            items = "".join(f"<li>{_inline(_BULLET.match(item).group(1))}</li>" for item in lines)
            out.append(f"<ul>{items}</ul>")
        elif all(_ORDERED.match(line) for line in lines):
            first = int(_ORDERED.match(lines[0]).group(1))
            start = f' start="{first}"' if first != 1 else ""
            items = "".join(f"<li>{_inline(_ORDERED.match(item).group(2))}</li>" for item in lines)
            out.append(f"<ol{start}>{items}</ol>")
        elif len(lines) == 1 and _HEADING.match(lines[0]):
            out.append(f"<p><strong>{_inline(_HEADING.match(lines[0]).group(1))}</strong></p>")
        else:
            out.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return "".join(out)


def render_message(text: str, choices: Sequence[Choice] = ()) -> tuple[str, str]:
    """Plain-text body and HTML formatted body for one bot message."""
    text = (text or "").strip()
    if not choices:
        return text, markdown_to_html(text)
    plain_choices = "\n".join(f"{i}. {c.title}" for i, c in enumerate(choices, 1))
    plain = f"{text}\n\n{plain_choices}\n\n{CHOICE_HINT}".strip()
    items = "".join(f"<li>{html.escape(c.title)}</li>" for c in choices)
    formatted = f"{markdown_to_html(text)}<ol>{items}</ol><p><em>{CHOICE_HINT}</em></p>"
    return plain, formatted


# --- images -------------------------------------------------------------------

_DATA_URL = re.compile(r"^data:([\w.+-]+/[\w.+-]+)((?:;[\w-]+=[^;,]*)*);base64,(.*)$", re.DOTALL)


def decode_data_url(url: str) -> tuple[str, bytes]:
    """Return (mime type, bytes) of a base64 data URL; ValueError if unusable."""
    match = _DATA_URL.match(url.strip())
    if not match:
        raise ValueError("not a base64 data URL")
    mime = match.group(1).lower()
    if mime not in ALLOWED_IMAGE_TYPES:
        raise ValueError(f"unsupported image type {mime}")
    encoded = re.sub(r"\s+", "", match.group(3))
    if len(encoded) > MAX_IMAGE_BYTES * 4 // 3 + 4:
        raise ValueError("image too large")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("invalid base64 data") from error
    if not data:
        raise ValueError("empty image")
    if sniff_image_type(data) != mime:
        raise ValueError("image content does not match its declared type")
    return mime, data


def sniff_image_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def png_dimensions(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR chunk (for the m.image info)."""
    if len(data) >= 24 and data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    return None
