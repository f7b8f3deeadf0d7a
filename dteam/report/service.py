"""Looks up what is behind a code and renders its PDF (used by the chat server's /bericht/ route)."""

from __future__ import annotations

from dteam.followup import codes as code_format
from dteam.followup.team import team_result
from dteam.report.pdf import result_report, team_report
from dteam.storage.codes import CodeStore


def report_for_code(code: str, store: CodeStore | None = None) -> bytes | None:
    """PDF bytes for a return code or a team code with enough finished members; None otherwise.

    Raises SQLAlchemyError when the store is unreachable (the caller answers 503).
    """
    canonical = code_format.parse_code(code)
    if canonical is None:
        return None
    store = store or CodeStore()
    if canonical.startswith(code_format.TEAM_PREFIX + "-"):
        status = store.team_status(canonical)
        result = team_result(status.measurements) if status else None
        return team_report(canonical, result) if result else None
    stored = store.load(canonical)
    if stored is None:
        return None
    earlier = store.load(stored.previous_code) if stored.previous_code else None
    previous = (earlier.code, earlier.measurement) if earlier else None
    return result_report(stored.code, stored.measurement, previous)
