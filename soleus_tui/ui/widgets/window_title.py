"""The terminal's window title, so a backgrounded tab or tmux window still shows the rest left.

Nothing is drawn. The title the terminal had is pushed on its title stack before the first change
and popped when the text is cleared or the widget goes away (leaving the screen, quitting).
Terminals without a title stack are left with the app's name instead of a stale countdown.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widget import Widget

PUSH_TITLE = "\x1b[22;0t"
POP_TITLE = "\x1b[23;0t"


def set_title(text: str) -> str:
    return f"\x1b]2;{text}\x07"


class WindowTitle(Widget):
    DEFAULT_CSS = """
    WindowTitle {
        display: none;
    }
    """

    text: reactive[str | None] = reactive(None, init=False)  # shown before the app's name

    def watch_text(self, old: str | None, new: str | None) -> None:
        if new is None:
            self._restore()
        else:
            self._write((PUSH_TITLE if old is None else "") + set_title(f"{new} · {self.app.TITLE}"))

    def on_unmount(self) -> None:
        if self.text is not None:
            self._restore()

    def _restore(self) -> None:
        self._write(set_title(self.app.TITLE or "") + POP_TITLE)

    def _write(self, sequence: str) -> None:
        driver = self.app._driver  # Textual has no public call for the window title
        if driver is not None and not self.app.is_headless:
            driver.write(sequence)
