"""The D-Team-Assistent's domain logic: no Rasa import anywhere below this package.

Sub-packages by concern: `study` (study tables, typology), `interview` (goals, practice questions,
dialogue flow), `result` (result content, chart), `kb` (knowledge base), `storage` (anonymous
results, privacy). The Rasa adapters live in `actions/`, the channels in `bot/`.
"""
