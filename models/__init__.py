"""The domain layer: tables, database setup, queries, commands and pure calculations.

Never imports streamlit, so everything here is testable with plain pytest.
"""
