"""Scores and findings: pure functions from a questionnaire and its answers."""
