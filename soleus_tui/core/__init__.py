"""The functional core: pure modules that know nothing of Textual."""
