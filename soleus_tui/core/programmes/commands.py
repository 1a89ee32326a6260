"""`soleus-tui programme list|start|stop` and `soleus-tui today`: plain text for a shell."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.programmes.running import read_running, start_running, stop_running
from soleus_tui.core.programmes.state import load_state
from soleus_tui.core.programmes.text import NO_PROGRAMME, plan_lines, programme_summary
from soleus_tui.core.settings import load_settings, save_settings
from soleus_tui.core.store import Profile

HOW_TO_START = "`soleus-tui programme start ID` starts one (the ids: `soleus-tui programme list`), or p on the home screen"


def list_programmes(catalog: Catalog, out: TextIO) -> int:
    for programme in catalog.programmes:
        print(programme_summary(programme), file=out)
    return 0


def pain_turned_on(profile: Profile, programme: Programme) -> str:
    """A programme that asks for pain turns the pain questions on; the line that says so, or ""."""
    settings_path: Path = profile.settings_path
    settings, _ = load_settings(settings_path)
    if not programme.pain or settings.pain:
        return ""
    save_settings(settings_path, replace(settings, pain=True))
    return "Pain questions are now on: this programme asks for pain after each exercise."


def start(profile: Profile, catalog: Catalog, programme_id: str, today: date, out: TextIO, err: TextIO) -> int:
    programme = catalog.programme(programme_id)
    if programme is None:
        print(f"soleus-tui: no programme {programme_id!r}; `soleus-tui programme list` shows the ids", file=err)
        return 2
    start_running(profile, programme.id, today)
    print(f"Started {programme.name} today: {programme.weeks} weeks, {programme.schedule}. Source: {programme.source}", file=out)
    if said := pain_turned_on(profile, programme):
        print(said, file=out)
    return 0


def stop(profile: Profile, out: TextIO) -> int:
    running, _ = read_running(profile)
    if stop_running(profile) and running is not None:
        print(f"Stopped {running.id}; its sessions stay in history.", file=out)
    else:
        print("No programme was running.", file=out)
    return 0


def today(profile: Profile, catalog: Catalog, unit: str, day: date, out: TextIO, err: TextIO, pain: bool) -> int:
    """`pain`: the pain setting, so the loads are those the runner will suggest."""
    state = load_state(profile, catalog, unit, day, pain=pain)
    for warning in state.warnings:
        print(f"soleus-tui: {warning}", file=err)
    if state.plan is None:
        print(f"{NO_PROGRAMME} {HOW_TO_START}.", file=out)
        return 0
    if state.progress is not None and state.progress.finished:
        print(f"{state.plan.programme_name}: all {state.plan.weeks} weeks are done. {HOW_TO_START}.", file=out)
        return 0
    print("\n".join(plan_lines(state.plan, unit)), file=out)
    return 0
