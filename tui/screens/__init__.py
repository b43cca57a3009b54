"""Byline's screens, one per module."""
