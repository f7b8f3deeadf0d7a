"""Result chart: the user's rank points vs the four cluster centres (Table 1) as a PNG data URL.

Pure module (matplotlib, Agg backend). Deterministic: fixed size/DPI, no timestamps in metadata.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from dteam.interview.goals import GOAL_LABELS
from dteam.study.data import GOAL_IDS, TYPE_IDS, TYPE_NAMES, cluster_centres
from dteam.study.typology import classify
from dteam.text import format_number

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
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=90)
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
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        buffer = io.BytesIO()
        # metadata without Software/date keeps the bytes identical across runs
        fig.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(fig)


def result_chart_data_url(goals: Sequence[str]) -> str:
    """`data:image/png;base64,...` for the bot message's image field."""
    return "data:image/png;base64," + base64.b64encode(render_png(goals)).decode("ascii")
