"""Streamlit glue: cached readers, widgets and chart builders around `models`."""
