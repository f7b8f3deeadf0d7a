"""Custom Rasa NLU components for German (no downloaded language model needed)."""
