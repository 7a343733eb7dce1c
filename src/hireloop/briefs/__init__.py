"""Outcome briefs."""
