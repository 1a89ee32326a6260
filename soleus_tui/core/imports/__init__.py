"""Bringing history in: Strong and Hevy CSV exports and soleus-tui's own JSON, read into sessions."""
