"""The soleus-tui command: options, the export, import, programme and today subcommands, and clean exits."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from soleus_tui import __version__
from soleus_tui.core.store import Profile, StoreError, default_config_dir, resolve_data_dir, valid_profile_name

if TYPE_CHECKING:
    from soleus_tui.core.catalog import Catalog


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with a one-line message and exit 2 for anything it refuses."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"soleus-tui: {message}\n")


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="soleus-tui", description="A terminal trainer for the soleus.")
    parser.add_argument("--version", action="version", version=f"soleus-tui {__version__}")
    parser.add_argument("--data-dir", metavar="PATH", help="keep all data under PATH (or set SOLEUS_TUI_DATA_DIR)")
    parser.add_argument("--profile", default="default", metavar="NAME", help="profile name (default: default)")
    parser.add_argument("--exercises", metavar="PATH", type=Path, help="use this catalog file instead of the built-in one")
    parser.add_argument("--plain", action="store_true", help="ASCII digits and bars (on by itself when TERM=linux)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    export = commands.add_parser("export", help="write every logged set to stdout or a file")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--output", metavar="FILE", type=Path, help="write here instead of stdout")
    bring_in = commands.add_parser("import", help="bring in history from a Strong, Hevy or soleus-tui export")
    bring_in.add_argument("file", metavar="FILE", type=Path)
    bring_in.add_argument("--dry-run", action="store_true", help="show what would be imported, write nothing")
    programme = commands.add_parser("programme", help="list, start or stop a programme")
    action = programme.add_subparsers(dest="action", metavar="ACTION", parser_class=ArgumentParser, required=True)
    action.add_parser("list", help="every programme: id, name, weeks, schedule")
    action.add_parser("start", help="start a programme today").add_argument("id")
    action.add_parser("stop", help="stop the running programme")
    commands.add_parser("today", help="today's plan as plain text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not valid_profile_name(args.profile):
        print(
            f"soleus-tui: bad profile name {args.profile!r}: use 1-32 of a-z, 0-9, '_' and '-', "
            "starting with a letter or digit",
            file=sys.stderr,
        )
        return 2
    data_dir = resolve_data_dir(args.data_dir, os.environ)
    try:
        profile = Profile.open(data_dir, args.profile)
    except StoreError as error:
        print(f"soleus-tui: {error}", file=sys.stderr)
        return 1
    if args.command == "export":
        return export(profile, args.format, args.output, exercises(args))
    if args.command == "import":
        from soleus_tui.core.imports.command import import_command

        return import_command(profile, args.file, exercises(args), sys.stdout, sys.stderr, dry_run=args.dry_run)
    if args.command in ("programme", "today"):
        return programmes(profile, args)
    return run_app(data_dir, args)


def programmes(profile: Profile, args: argparse.Namespace) -> int:
    from datetime import date

    from soleus_tui.core.programmes import commands
    from soleus_tui.core.settings import load_settings

    catalog = exercises(args)
    if args.command == "today":
        settings = load_settings(profile.settings_path)[0]
        return commands.today(profile, catalog, settings.units, date.today(), sys.stdout, sys.stderr, settings.pain)
    if args.action == "list":
        return commands.list_programmes(catalog, sys.stdout)
    if args.action == "start":
        return commands.start(profile, catalog, args.id, date.today(), sys.stdout, sys.stderr)
    return commands.stop(profile, sys.stdout)


def exercises(args: argparse.Namespace) -> Catalog:
    """The catalog the app would train with; its warnings go to stderr."""
    from soleus_tui.core.catalog import load_catalog  # the app itself reads it after its first frame

    found = load_catalog(args.exercises, default_config_dir() / "exercises.toml")
    for warning in found.warnings:
        print(f"soleus-tui: {warning}", file=sys.stderr)
    return found


def export(profile: Profile, fmt: str, output: Path | None, catalog: Catalog) -> int:
    from soleus_tui.core.history.export import ExportRefused, open_output, write_csv, write_json
    from soleus_tui.core.history.reader import HistoryReader

    reader = HistoryReader(profile)
    sessions = [session for _, session in reader.sessions()][::-1]
    write = write_csv if fmt == "csv" else write_json
    try:
        if output is None:
            write(sessions, sys.stdout, catalog)
        else:
            with open_output(output, profile.root) as handle:
                write(sessions, handle, catalog)
    except ExportRefused as refusal:
        print(f"soleus-tui: {refusal}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `soleus-tui export | head`: the reader has all it wanted
        sys.stdout = None  # nothing more to flush at exit
        return 0
    except OSError as error:
        print(f"soleus-tui: cannot write {output or 'to standard output'}: {error.strerror}", file=sys.stderr)
        return 1
    for warning in reader.warnings():
        print(f"soleus-tui: {warning}", file=sys.stderr)
    return 0


def run_app(data_dir: Path, args: argparse.Namespace) -> int:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    from soleus_tui.app import SoleusApp

    plain = args.plain or os.environ.get("TERM") == "linux"
    app = SoleusApp(data_dir=data_dir, profile=args.profile, plain=plain, exercises=args.exercises)
    # What start-up built (the modules, the app and its services) lives as long as the process:
    # kept out of the collector's full passes, which otherwise stall the first key's screen.
    gc.freeze()
    app.run()
    return app.return_code or 0
