"""A real headless Chromium against a real server: the demo as a new user meets it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import skip_or_fail
from hireloop.demo.loader import DEMO_EMAIL, DEMO_PASSWORD

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = _free_port()
        self.env = {**os.environ, "HIRELOOP_HOME": str(home)}
        self.env.pop("HIRELOOP_DATABASE_URL", None)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def hireloop(self, *args: str) -> None:
        subprocess.run([sys.executable, "-m", "hireloop", *args], env=self.env, check=True)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hireloop", "serve", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz") as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    if CHROMIUM is None:
        skip_or_fail("Chromium is not installed (apt-get install chromium)")
    srv = Server(tmp_path)
    srv.hireloop("db", "upgrade")
    srv.hireloop("demo", "load")
    srv.start()
    yield srv
    srv.stop()


def test_a_stage_move_in_the_browser_survives_a_reload_and_a_restart(server: Server) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.goto(f"{server.url}/")
        expect(page).to_have_url(f"{server.url}/login?next=/")
        page.fill("input[name=email]", DEMO_EMAIL)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("button[type=submit]")
        expect(page.locator("h1")).to_have_text("Dashboard")

        page.click("text=production RAG support assistant")
        card = page.locator(".column[data-stage=screened] .board-card").first
        name = card.locator("a").inner_text()
        card.locator("select").select_option("interviewing")
        moved = page.locator(".column[data-stage=interviewing] .board-card", has_text=name)
        expect(moved).to_have_count(1)

        page.reload()
        expect(moved).to_have_count(1)
        brief_url = page.url.split("#")[0]

        server.stop()
        server.start()
        page.goto(brief_url)
        expect(moved).to_have_count(1)
        moved.locator("a").click()
        history = page.locator("table").last
        expect(history).to_contain_text("interviewing")
        expect(history).to_contain_text("Dana Demo")
        browser.close()
