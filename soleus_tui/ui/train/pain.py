"""Asked after the last set of an exercise when pain monitoring is on: pain during it, 0 to 10.

Nothing else acts until it is answered or skipped: a digit answers here, it never switches areas.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from soleus_tui.ui.widgets.keys import key_label


class PainScreen(ModalScreen[int | None]):
    CSS_PATH = "train.tcss"
    BINDINGS = [
        *(Binding(str(n), f"answer({n})", f"Pain {n}", show=False, id=f"pain.{n}") for n in range(10)),
        Binding("t", "answer(10)", "Pain 10", show=False, id="pain.ten"),
        Binding("escape", "skip", "Skip", id="pain.skip"),
        # The app's keys stay quiet until this is answered (ctrl+q still quits, the workout saved).
        Binding("q,question_mark", "wait", show=False, id="pain.wait"),
    ]

    def __init__(self, exercise_name: str) -> None:
        super().__init__()
        self.exercise_name = exercise_name

    def compose(self) -> ComposeResult:
        ten, skip = key_label(self, "pain.ten"), key_label(self, "pain.skip")
        with Vertical(id="pain-box"):
            yield Static(f"Pain during {self.exercise_name}?", id="pain-title", markup=False)
            yield Static("0 none · 2 mild · 5 moderate · 8 severe · 10 the worst imaginable", markup=False)
            yield Static(f"0-9 answer · {ten} for 10 · {skip} skips", id="pain-hint", markup=False)

    def action_answer(self, pain: int) -> None:
        self.dismiss(pain)

    def action_skip(self) -> None:
        self.dismiss(None)

    def action_wait(self) -> None:
        """Nothing: the question comes first."""
