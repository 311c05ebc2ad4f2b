"""Headless Chromium for printing: Debian's chromium if installed, else Playwright's own browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Error, Playwright, sync_playwright

from spasmcourse.publish.errors import BuildError

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
)
INSTALL_HINT = ("no usable Chromium to print the handouts. Install Debian's package "
                "(apt-get install chromium) or Playwright's browser (.venv/bin/playwright install chromium).")


class BrowserUnavailable(BuildError):
    """No Chromium could be started; the message says how to install one."""


def chromium_path() -> str | None:
    """Debian's chromium, if it is on the PATH."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def open_browser() -> Iterator[Browser]:
    """A headless Chromium driven by Playwright, closed afterwards; BrowserUnavailable if none starts."""
    try:
        manager = sync_playwright().start()
    except Error as error:
        raise BuildError(f"Playwright could not start: {_first_line(error)}") from None
    try:
        browser = _launch(manager)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        manager.stop()


def _launch(playwright: Playwright) -> Browser:
    failures = []
    for executable in dict.fromkeys((chromium_path(), None)):
        try:
            return playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_FLAGS))
        except Error as error:
            failures.append(_first_line(error))
    raise BrowserUnavailable(f"{INSTALL_HINT} ({failures[-1]})")


def _first_line(error: Error) -> str:
    return (error.message or str(error)).strip().splitlines()[0]
