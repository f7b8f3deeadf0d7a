"""Result chart: the user's rank points vs the four cluster centres (Table 1) as a PNG data URL.

Pure module (matplotlib, Agg backend). Deterministic: fixed size/DPI, no timestamps in metadata.
Drawn at CHART_DPI, so it stays sharp on high-density screens (the web chat shows it at about half
its pixel width). Drawing takes a few hundred milliseconds, so it stays off the result turn: there
are only 820 goal rankings, each chart is cached, and `prerender(goals)` draws it in a low-priority
worker process as soon as the goals are known (long before the result is asked for).
"""

from __future__ import annotations

import base64
import io
import logging
import multiprocessing
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from dteam.interview.goals import GOAL_LABELS
from dteam.study.data import GOAL_IDS, TYPE_IDS, TYPE_NAMES, cluster_centres
from dteam.study.typology import classify
from dteam.text import format_number

logger = logging.getLogger(__name__)

CHART_SIZE_INCHES = (6.4, 3.6)
CHART_DPI = 150  # 960 x 540 px
CACHE_SIZE = 1024  # > 820 possible rankings

TYPE_COLOURS = {
    "bedaechtige": "#4c72b0",
    "optimierer": "#dd8452",
    "serviceorientierte": "#55a868",
    "community_manager": "#c44e52",
}


def render_png(goals: Sequence[str]) -> bytes:
    result = classify(goals)
    centres = cluster_centres()
    labels = [GOAL_LABELS[g] for g in GOAL_IDS]
    positions = list(range(len(GOAL_IDS)))
    fig, ax = plt.subplots(figsize=CHART_SIZE_INCHES, dpi=CHART_DPI)
    try:
        for type_id in TYPE_IDS:
            winner = type_id == result.type_id
            ax.plot(
                positions,
                centres[type_id],
                marker="o",
                markersize=3,
                linewidth=2.2 if winner else 1.0,
                alpha=1.0 if winner else 0.55,
                color=TYPE_COLOURS[type_id],
                label=f"{TYPE_NAMES[type_id]} (Abstand {format_number(result.distances[type_id], 2)})",
            )
        ax.bar(
            positions,
            [result.points[g] for g in GOAL_IDS],
            color="#999999",
            alpha=0.45,
            width=0.6,
            label="Ihre Rangpunkte",
        )
        ax.set_xticks(positions)
        ax.set_xticklabels(labels, rotation=35, ha="right", fontsize=7)
        ax.set_ylim(0, 3.2)
        ax.set_yticks([0, 1, 2, 3])
        ax.set_ylabel("Bedeutung (0–3)", fontsize=8)
        ax.tick_params(axis="y", labelsize=7)
        ax.set_title(f"Ihr Zielprofil und die Typzentren – Ergebnis: {result.type_name}", fontsize=9)
        ax.legend(fontsize=6, loc="upper right", frameon=False)
        fig.text(
            0.01,
            0.015,
            "Quelle: Studie »Digitale Kommune: Eine Typfrage?«, Tabelle 1",
            fontsize=6,
            color="#555555",
        )
        # Fixed margins (not tight_layout): the labels never change, and layout costs a third of the time.
        fig.subplots_adjust(left=0.085, right=0.99, top=0.92, bottom=0.33)
        buffer = io.BytesIO()
        # metadata without Software/date keeps the bytes identical across runs
        fig.savefig(buffer, format="png", metadata={"Software": None})
        return _small_png(buffer.getvalue())
    finally:
        plt.close(fig)


def _small_png(png: bytes) -> bytes:
    """The same picture with a 64-colour palette: a third of the bytes, no visible difference."""
    from PIL import Image  # matplotlib depends on Pillow

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- cache and background drawing ----------------------------------------------------------------

_lock = threading.Lock()
_cache: dict[tuple[str, ...], str] = {}
_pending: dict[tuple[str, ...], Future] = {}
_pool: ProcessPoolExecutor | None = None


def _key(goals: Sequence[str]) -> tuple[str, ...]:
    return tuple(str(g).strip().lower() for g in goals if g and str(g).strip())


def _data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _lower_priority() -> None:
    try:
        os.nice(10)  # drawing must not slow down the turns of other users
    except OSError:
        pass


def _worker_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # spawn, not fork: the action server runs an event loop and threads
        context = multiprocessing.get_context("spawn")
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_lower_priority)
    return _pool


def _store(key: tuple[str, ...], png: bytes) -> str:
    url = _data_url(png)
    with _lock:
        if len(_cache) >= CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = url
        _pending.pop(key, None)
    return url


def prerender(goals: Sequence[str]) -> None:
    """Start drawing the chart for `goals` in the background (no-op if cached or under way)."""
    key = _key(goals)
    if not key:
        return
    with _lock:
        if key in _cache or key in _pending:
            return
        try:
            future = _worker_pool().submit(render_png, list(key))
        except Exception:  # no worker (e.g. shutting down): the result turn draws it itself
            logger.warning("Chart pre-rendering unavailable", exc_info=True)
            return
        _pending[key] = future
    future.add_done_callback(lambda done: _store(key, done.result()) if not done.exception() else None)


def result_chart_data_url(goals: Sequence[str]) -> str:
    """`data:image/png;base64,...` for the bot message's image field (cached per goal ranking)."""
    key = _key(goals)
    with _lock:
        cached = _cache.get(key)
        future = _pending.get(key)
    if cached:
        return cached
    if future is not None:
        try:
            return _store(key, future.result(timeout=10))
        except Exception:
            logger.warning("Background chart failed; drawing it now", exc_info=True)
    return _store(key, render_png(list(key)))


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
