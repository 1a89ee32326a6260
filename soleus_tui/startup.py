"""What the app does once its first frame is out, so none of it delays that frame: the
read-only notice or the offer to resume, the user's keymap checked, the areas imported ahead of
the first key, the morning check-in."""

from __future__ import annotations

from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from textual.geometry import Size

from soleus_tui.ui.keymap import binding_owners, check_keymap
from soleus_tui.ui.shell.morning_checkin import offer_morning_checkin
from soleus_tui.ui.shell.too_small import fit_to
from soleus_tui.ui.train.resume import ResumeScreen

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

AREA_MODULES = ("history.history", "train.exercise_list", "learn.learn")
# Once home has been on screen this long, the user is reading it: a key pressed sooner finds the
# processor free for the area it opens, rather than shared with imports it may never need.
WARM_UP_AFTER_S = 0.5


def after_first_frame(app: SoleusApp, minimum: Size) -> None:
    if app.services.read_only:
        app.notify(
            "Another soleus-tui is training on this profile: you can look around, but not start a workout.",
            title="Read-only",
            severity="warning",
            timeout=10,
        )
    elif (saved := app.trainer.saved_workout()) is not None:
        fit_to(app, minimum, minimum)  # the question goes under, not over, a size warning
        app.push_screen(ResumeScreen(saved))
        fit_to(app, app.size, minimum)
    app.show_warnings()
    if app.keymap:
        app.run_worker(partial(checked_keymap, app), thread=True, group="keymap")
    app.set_timer(WARM_UP_AFTER_S, partial(app.run_worker, partial(warm_up, app), thread=True, group="warm-up"))
    offer_morning_checkin(app)


def checked_keymap(app: SoleusApp) -> None:
    """Every screen's bindings are read to check the user's keys: in a thread."""
    kept, warnings = check_keymap(app.settings.keymap, binding_owners())
    if warnings:
        app.call_from_thread(app.use_keymap, kept, warnings)


def warm_up(app: SoleusApp) -> list[str]:
    """Import the areas while home is read, so the first 1, 2 or 3 only draws. Once a key has
    opened an area it stops: an import here would only slow what the user opened."""
    imported = []
    for module in AREA_MODULES:
        if app.current_mode != app.DEFAULT_MODE:
            break
        import_module(f"soleus_tui.ui.{module}")
        imported.append(module)
    return imported
