"""Dashboard: the read-only Streamlit app."""
