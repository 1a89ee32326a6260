"""soleus-tui: a terminal trainer for the soleus."""

__version__ = "0.1.0"
