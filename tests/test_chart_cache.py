"""The result chart is sharp on high-density screens and stays off the result turn (issue 11)."""

import base64
import io
import time

from PIL import Image

from dteam.result import chart

GOALS = ["buergernaehe", "innovation", "wirtschaft"]


def test_chart_has_enough_pixels_for_high_density_screens():
    image = Image.open(io.BytesIO(chart.render_png(GOALS)))
    # the web chat shows it at most ~480 CSS px wide: 2 device pixels per CSS pixel
    assert image.size == (960, 540)
    assert len(chart.render_png(GOALS)) < 100_000


def test_a_ranking_is_drawn_once_and_then_served_from_the_cache():
    goals = ["innovation", "wirtschaft"]
    first = chart.result_chart_data_url(goals)
    started = time.perf_counter()
    again = chart.result_chart_data_url([g.upper() for g in goals])
    assert again == first and time.perf_counter() - started < 0.01
    assert base64.b64decode(first.split(",", 1)[1]) == chart.render_png(goals)


def test_prerender_draws_in_a_worker_process_before_the_result_is_asked_for():
    goals = ["zivilgesellschaft", "foerdermittel", "effizienz"]
    try:
        chart.prerender(goals)
        future = chart._pending[chart._key(goals)]
        png = future.result(timeout=120)  # the worker starts Python and matplotlib once
        assert png == chart.render_png(goals)
        started = time.perf_counter()
        url = chart.result_chart_data_url(goals)
        assert time.perf_counter() - started < 0.05
        assert base64.b64decode(url.split(",", 1)[1]) == png
    finally:
        chart.shutdown()
