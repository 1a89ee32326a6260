"""The command palette's own entries for soleus-tui, beside Textual's (theme, keys, quit)."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

SETTINGS = "Settings"
SETTINGS_HELP = "Units, bell, plain mode, rest per exercise, theme"


class SoleusCommands(Provider):
    async def discover(self) -> Hits:
        yield DiscoveryHit(SETTINGS, self.open_settings, help=SETTINGS_HELP)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(SETTINGS)
        if score > 0:
            yield Hit(score, matcher.highlight(SETTINGS), self.open_settings, help=SETTINGS_HELP)

    def open_settings(self) -> None:
        from soleus_tui.ui.shell.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())
