"""Benchmarks that need the GUI (they sit above ui/, like app.py)."""
