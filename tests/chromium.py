"""A small client of a real headless Chromium, over the DevTools protocol on a pipe; standard library only.

Chromium started with ``--remote-debugging-pipe`` reads commands (JSON, each ended by a NUL byte) on
its file descriptor 3 and writes answers and events on 4. :class:`Chromium` starts it with no network
(no DNS, no background requests, its own empty profile), opens one page, and offers what the tests and
``scripts/screenshot_digest.py`` need: load a file, read what happened (console errors, exceptions,
requests), evaluate an expression, measure the layout, take a screenshot.

    with Chromium() as browser:
        page = browser.load(Path("digest.html"))
        page.errors, page.requests, browser.evaluate("document.body.innerText")
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Names under which Debian, Ubuntu and Google ship the browser.
EXECUTABLES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Flags for a browser that makes no request of its own and resolves no name.
FLAGS = (
    "--headless",
    "--remote-debugging-pipe",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--disable-gpu",
    "--hide-scrollbars",
    "--mute-audio",
    "--metrics-recording-only",
    "--no-pings",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)

TIMEOUT = 60.0
"""Seconds to wait for one answer before giving up (a stuck browser must not hang the tests)."""


class ChromiumError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """The path of an installed Chromium (``$SUMMARIZER_CHROMIUM`` first), else None."""
    named = os.environ.get("SUMMARIZER_CHROMIUM")
    if named:
        return shutil.which(named) or (named if os.access(named, os.X_OK) else None)
    return next((path for path in map(shutil.which, EXECUTABLES) if path), None)


@dataclass
class PageLoad:
    """What happened while a page loaded: every request, failed requests, console errors, exceptions."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Chromium:
    """One headless Chromium with one page; use as a context manager (the browser is closed at the end)."""

    def __init__(self, executable: str | None = None, width: int = 1100, height: int = 1400) -> None:
        path = executable or find_chromium()
        if path is None:
            raise ChromiumError(f"no Chromium found (looked for {', '.join(EXECUTABLES)} on PATH)")
        self._profile = tempfile.TemporaryDirectory(prefix="summarizer-chromium-")
        flags = [*FLAGS, f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run its sandbox as root (CI containers)
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def onto_3_and_4() -> None:  # in the child: the browser's end of each pipe onto descriptors 3 and 4
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser_r, from_browser_w)]
            for target, fd in zip((3, 4), high):
                os.dup2(fd, target)  # inheritable; every other descriptor of ours closes on exec

        self._process = subprocess.Popen([path, *flags, "about:blank"], preexec_fn=onto_3_and_4, close_fds=False,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._stderr: list[bytes] = []
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self._next_id = 0
        self._answers: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._events: queue.Queue[dict[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            self._session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.send(f"{domain}.enable", session=True)
            self.send("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        except BaseException:
            self.close()
            raise

    # --- the protocol -----------------------------------------------------------------------------

    def _drain_stderr(self) -> None:
        assert self._process.stderr is not None
        for line in self._process.stderr:
            self._stderr.append(line)

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._from_browser, "rb", buffering=0) as pipe:
            while chunk := pipe.read(1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message and message["id"] in self._answers:
                        self._answers[message["id"]].put(message)
                    else:
                        self._events.put(message)
        self._events.put({"method": "_closed"})

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = False) -> dict[str, Any]:
        """Send one command and wait for its answer (to the page when ``session``, else to the browser)."""
        with self._lock:
            self._next_id += 1
            number = self._next_id
            self._answers[number] = queue.Queue(maxsize=1)
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        try:
            answer = self._answers[number].get(timeout=TIMEOUT)
        except queue.Empty:
            raise ChromiumError(f"no answer to {method} within {TIMEOUT:.0f} s; browser said: "
                                f"{b''.join(self._stderr[-5:]).decode(errors='replace')}") from None
        finally:
            del self._answers[number]
        if "error" in answer:
            raise ChromiumError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    # --- what the tests use ---------------------------------------------------------------------------

    def load(self, path: Path) -> PageLoad:
        """Open a local file and wait until it has loaded; what happened meanwhile."""
        while not self._events.empty():  # events of an earlier page
            self._events.get_nowait()
        seen = PageLoad()
        answer = self.send("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        if answer.get("errorText"):
            raise ChromiumError(f"could not open {path}: {answer['errorText']}")
        loaded = False
        while not loaded:
            try:
                event = self._events.get(timeout=TIMEOUT)
            except queue.Empty:
                raise ChromiumError(f"{path} did not finish loading within {TIMEOUT:.0f} s") from None
            method, params = event.get("method"), event.get("params", {})
            if method == "Page.loadEventFired":
                loaded = True
            elif method == "_closed":
                raise ChromiumError("the browser closed while loading the page")
            elif method == "Network.requestWillBeSent":
                seen.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                seen.failed.append(f"{params.get('errorText')} ({params.get('blockedReason') or params.get('type')})")
            elif method == "Runtime.exceptionThrown":
                seen.errors.append("exception: " + params["exceptionDetails"].get("text", ""))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                seen.errors.append("console: " + " ".join(str(a.get("value", "")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                seen.errors.append(f"{params['entry'].get('source')}: {params['entry'].get('text')}")
        # Messages the page logs while it finishes (a refused style sheet is reported as it is applied).
        self.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))", wait=True)
        while not self._events.empty():
            event = self._events.get_nowait()
            params = event.get("params", {})
            if event.get("method") == "Log.entryAdded" and params["entry"].get("level") == "error":
                seen.errors.append(f"{params['entry'].get('source')}: {params['entry'].get('text')}")
            elif event.get("method") == "Runtime.exceptionThrown":
                seen.errors.append("exception: " + params["exceptionDetails"].get("text", ""))
            elif event.get("method") == "Network.loadingFailed":
                seen.failed.append(str(params.get("errorText")))
        return seen

    def evaluate(self, expression: str, wait: bool = False) -> Any:
        """The value of a JavaScript expression in the page (``wait``: of the promise it returns)."""
        answer = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": wait}, session=True)
        if "exceptionDetails" in answer:
            raise ChromiumError(f"{expression}: {answer['exceptionDetails'].get('text')}")
        return answer["result"].get("value")

    def content_size(self) -> tuple[float, float]:
        """Width and height of the laid-out page, in CSS pixels."""
        size = self.send("Page.getLayoutMetrics", session=True)["cssContentSize"]
        return size["width"], size["height"]

    def screenshot(self, path: Path, height: float | None = None, top: float = 0) -> None:
        """A PNG of the page from ``top`` (CSS pixels from its top): ``height`` pixels of it, or all the rest."""
        width, full = self.content_size()
        clip = {"x": 0, "y": top, "width": width, "height": min(full - top, height or full), "scale": 1}
        data = self.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                         session=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                os.write(self._to_browser, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
                self._process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
        os.close(self._to_browser)
        self._profile.cleanup()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
