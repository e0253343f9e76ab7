"""Comparison over time (diff) and across people (gap, summary). Pure: data in, data out."""
