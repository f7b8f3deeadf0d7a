"""Alias kept for the documented CLI `python -m actions.typology`; the classifier lives in
dteam.study.typology (pure domain). This module defines no action."""

from dteam.study.typology import classify, main  # noqa: F401

if __name__ == "__main__":
    raise SystemExit(main())
