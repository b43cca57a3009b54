"""Byline's widgets, one per module."""
