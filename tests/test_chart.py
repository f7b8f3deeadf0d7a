"""Tests for the result chart (dteam/result/chart.py)."""

import base64
import io

import pytest
from PIL import Image

from dteam.result.chart import render_png, result_chart_data_url


def test_data_url_is_small_valid_png():
    url = result_chart_data_url(["effizienz", "buergernaehe"])
    assert url.startswith("data:image/png;base64,")
    raw = base64.b64decode(url.split(",", 1)[1])
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(raw) < 100_000
    image = Image.open(io.BytesIO(raw))
    assert image.format == "PNG" and image.size[0] > image.size[1] > 200


def test_deterministic_and_depends_on_goals():
    first = render_png(["daseinsvorsorge", "wirtschaft"])
    assert first == render_png(["daseinsvorsorge", "wirtschaft"])
    assert first != render_png(["rechtliche_vorgaben"])


def test_invalid_goals_raise():
    with pytest.raises(ValueError):
        render_png(["unbekannt"])
