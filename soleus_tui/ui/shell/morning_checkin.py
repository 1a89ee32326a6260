"""The morning check-in: pain and stiffness this morning, 0-10, asked on the first start of a day
after a session that recorded pain (DESIGN section 10). A digit answers (`t` is ten), escape skips;
either way it is not asked again that day, and the box closes once that is saved.

`offer_morning_checkin(app)` is the hook the app calls once at start: it reads the files in a
thread worker and puts the question up only when it is due.
"""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from soleus_tui.core.pain.checkins import CheckIns, checkins_path, morning_checkin_due, save_checkins
from soleus_tui.core.pain.rules import SAFETY_FROM, SAFETY_LINE, SOURCE
from soleus_tui.ui.widgets.keys import key_label

PAIN_KEYS = [*(str(digit) for digit in range(10)), "t"]


class MorningCheckInScreen(ModalScreen[None]):
    CSS_PATH = "morning_checkin.tcss"
    BINDINGS = [
        *(Binding(key, f"answer({n})", f"Pain {n}", show=False, id=f"checkin.pain-{n}") for n, key in enumerate(PAIN_KEYS)),
        Binding("escape", "skip", "Skip", id="checkin.skip"),
    ]

    def __init__(self, checkins: CheckIns, today: date) -> None:
        super().__init__()
        self.checkins = checkins
        self.today = today
        self.answered = False

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin-box"):
            yield Static("Good morning: how are the calf and the Achilles?", id="checkin-title")
            yield Static("Pain and stiffness this morning, on a scale from 0 (none) to 10 (the worst imaginable).",
                         id="checkin-question")  # fmt: skip
            yield Static(id="checkin-last", markup=False)
            yield Static(id="checkin-keys", markup=False)

    def on_mount(self) -> None:
        last = self.checkins.checkins[-1] if self.checkins.checkins else None
        self.query_one("#checkin-last", Static).update(
            f"Last check-in: {last.morning_pain}/10 on {last.day.isoformat()}. Higher than that today means "
            f"a lighter next session ({SOURCE})." if last else f"The first check-in. ({SOURCE})"
        )
        first, ninth, ten = (key_label(self, f"checkin.pain-{n}") for n in (0, 9, 10))
        self.query_one("#checkin-keys", Static).update(
            f"{first}-{ninth}  answer · {ten}  ten · {key_label(self, 'checkin.skip')}  skip for today"
        )

    def action_answer(self, pain: int) -> None:
        self.keep(pain)

    def action_skip(self) -> None:
        self.keep(None)

    def keep(self, pain: int | None) -> None:
        if self.answered:
            return  # a second key while the first answer is being saved
        self.answered = True
        if pain is not None and pain >= SAFETY_FROM:
            self.notify(SAFETY_LINE, title=f"Morning pain {pain}/10", severity="warning", markup=False, timeout=30)
        self.save(self.checkins.skipped(self.today) if pain is None else self.checkins.answered(self.today, pain))

    @work(thread=True, exclusive=True, group="morning-checkin")
    def save(self, checkins: CheckIns) -> None:
        """Saved before the box closes: home, shown again, reads its plan with this answer."""
        path = checkins_path(self.app.profile)  # type: ignore[attr-defined]
        try:
            save_checkins(path, checkins)
        except OSError as error:
            self.app.notify(f"Could not save the check-in to {path}: {error.strerror or error}", severity="error", markup=False)
        self.app.call_from_thread(self.dismiss)


def offer_morning_checkin(app: App[int]) -> None:
    """Ask this morning's pain when it is due; call once, after the first frame."""
    app.run_worker(lambda: _check(app), thread=True, exclusive=True, group="morning-checkin")


def _check(app: App[int]) -> None:
    today = app.clock.now().date()  # type: ignore[attr-defined]
    try:
        due, checkins, warnings = morning_checkin_due(app.profile, today)  # type: ignore[attr-defined]
    except OSError as error:
        app.notify(f"Could not read the check-ins: {error.strerror or error}", severity="error", markup=False)
        return
    for warning in warnings:
        app.notify(warning, severity="warning", markup=False, timeout=10)
    if due:
        app.call_from_thread(app.push_screen, MorningCheckInScreen(checkins, today))
