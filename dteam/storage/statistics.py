"""Statistics of the stored results next to the study's Table 2, as German text."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from dteam.storage.settings import min_group_size
from dteam.study import data as study_data
from dteam.text import format_percent

logger = logging.getLogger(__name__)

TYPE_SHARES_TABLE = 2
# Row ids of Table 2 (type shares by kind of municipality) per group; "alle" = all municipalities.
TABLE_2_ROW_FOR_GROUP: Mapping[str, str] = {
    "alle": "alle",
    "gemeinde": "gemeinden",
    "stadt": "staedte",
    "kreis": "kreise",
}
KIND_GROUP_LABELS: Mapping[str, str] = {
    "alle": "Alle Kommunen",
    "gemeinde": "Gemeinden",
    "stadt": "Städte",
    "kreis": "Kreise",
}
KIND_GROUPS: tuple[str, ...] = tuple(TABLE_2_ROW_FOR_GROUP)


@dataclass(frozen=True)
class TypeShare:
    type_id: str
    type_name: str
    count: int
    share_percent: float | None  # None when the group is empty
    study_percent: float


@dataclass(frozen=True)
class GroupDistribution:
    group: str  # "alle" or a kind id
    label: str
    total: int
    mixed: int
    shares: tuple[TypeShare, ...]


def study_type_shares(group: str) -> dict[str, float]:
    """Table 2: share (per cent) of each type among the municipalities of one kind (or all)."""
    row = study_data.get_row(TYPE_SHARES_TABLE, TABLE_2_ROW_FOR_GROUP[group])
    return {t: row.value(t) for t in study_data.TYPE_IDS}


def group_distribution(group: str, counts: Mapping[str, int], mixed: int) -> GroupDistribution:
    total = sum(counts.values())
    study_shares = study_type_shares(group)
    shares = tuple(
        TypeShare(
            type_id=t,
            type_name=study_data.TYPE_NAMES[t],
            count=counts[t],
            share_percent=(100.0 * counts[t] / total) if total else None,
            study_percent=study_shares[t],
        )
        for t in study_data.TYPE_IDS
    )
    return GroupDistribution(
        group=group, label=KIND_GROUP_LABELS[group], total=total, mixed=mixed, shares=shares
    )


def format_statistics(distributions: Sequence[GroupDistribution], min_group: int = 5) -> str:
    """German text of the distribution, one block per group, for chat and terminal alike.

    Groups smaller than `min_group` show only their size: with very few results a distribution
    could reveal the answer of a single, identifiable municipality.
    """
    table_info = study_data.get_table(TYPE_SHARES_TABLE).info
    overall = distributions[0]
    lines = [
        f"Verteilung der Kommunentypen unter den hier abgeschlossenen Einschätzungen "
        f"(insgesamt {overall.total}), daneben die Anteile aus der Studie "
        f"(Tabelle {table_info.number}: {table_info.title}):",
    ]
    for group in distributions:
        lines.append("")
        size = f"{group.total} Einschätzung{'' if group.total == 1 else 'en'}"
        if group.total < min_group:
            study = ", ".join(f"{s.type_name} {format_percent(s.study_percent)}" for s in group.shares)
            lines.append(
                f"{group.label} – {size}; eine Verteilung zeige ich aus Datenschutzgründen "
                f"erst ab {min_group}. Studie: {study}"
            )
            continue
        lines.append(f"{group.label} – {size}:")
        for share in group.shares:
            lines.append(
                f"  • {share.type_name}: {share.count} ({format_percent(share.share_percent)}) "
                f"– Studie {format_percent(share.study_percent)}"
            )
        if group.mixed:
            lines.append(f"  davon als Mischform eingestuft: {group.mixed}")
    lines.append("")
    respondents, typed = study_data.survey_size()
    lines.append(
        "Die Einschätzungen hier sind keine repräsentative Stichprobe; die Studie beruht auf "
        f"{typed} typisierten von {respondents} befragten Kommunen."
    )
    return "\n".join(lines)


MSG_STATS_UNAVAILABLE = (
    "Die Statistik ist gerade nicht verfügbar, weil der Ergebnisspeicher nicht "
    "erreichbar ist. Bitte versuchen Sie es später noch einmal."
)


def statistics_text(env: Mapping[str, str] = os.environ) -> str:
    """The statistics as German text, or the German notice that the store is unreachable."""
    from dteam.storage.results import ResultsStore  # results imports this module

    try:
        distributions = ResultsStore().type_distribution(by_kind=True)
    except SQLAlchemyError:
        logger.exception("Results store unavailable for statistics")
        return MSG_STATS_UNAVAILABLE
    return format_statistics(distributions, min_group_size(env))
