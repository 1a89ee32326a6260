"""The bare Textual app start-up is measured against: a header, a line of text and a footer, and
nothing of soleus-tui. Run on its own, it stays in the terminal until it is closed.

    python -m benchmarks.bare
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
