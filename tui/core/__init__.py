"""UI-free core of Byline: fetch, parse, store, extract, group and find quotes.

Nothing in this package may import textual or rich.
"""
