"""Engagements after the contract starts: checkpoints, handover, outcomes and conversion."""
