"""Web pages: ``summarizer run https://...`` downloads a page and reads it like an HTML file
(or, for ``text/plain``, like a text file).

Pages are fetched with httpx, streamed, and every download is bounded:

* http and https only, for the address given and for redirects; at most
  :data:`MAX_REDIRECTS` redirects, and a redirect loop is reported as one;
* a timeout for connecting and for each read (:data:`DEFAULT_TIMEOUT`) and a deadline for
  the whole download (:data:`DEFAULT_DEADLINE`), so a server that sends a byte now and then
  cannot hold the batch forever;
* at most ``max_bytes`` (``--max-input-bytes``) downloaded, and at most as many after gzip,
  deflate or brotli decompression, which is done here in bounded steps: a "decompression bomb"
  fails after a little work and little memory;
* only ``text/html``, ``application/xhtml+xml`` and ``text/plain`` are read (a page without a
  Content-Type is sniffed); the charset of the Content-Type is the declared encoding;
* cookies that a site sets are sent back for the rest of that one download (its redirects), and
  forgotten afterwards.

Many pages are fetched at once by a :class:`UrlFetcher`: at most ``concurrency`` downloads at a
time, at most ``per_host`` of them to one host, on an event loop in a thread of its own, with
connections kept open and reused between pages of one host.

Every problem becomes an :class:`~summarizer.records.InputFailure` whose id is
:func:`url_id` of the address and whose source is the address; nothing is raised.

Proxies come from the environment, read as Python's urllib (and pip) reads it: ``http_proxy``
for http:// pages, ``https_proxy`` for https:// pages (tunnelled with CONNECT, so the page's
certificate is still checked), the upper-case names too, and ``no_proxy`` for the hosts to reach
directly (``all_proxy`` is not read). A proxy address is ``http://HOST:PORT`` (port 80 when left
out), and may hold a user name and password (``http://user:secret@proxy:3128``). The proxy for
each page is chosen here, not by httpx, so that an error can name the proxy and the variable it
came from, and a malformed proxy address fails the pages that would use it rather than the batch.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import threading
import zlib
from collections.abc import Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from functools import cache
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from ..errors import InputError, UsageError
from ..records import Article, InputFailure
from . import html as html_reader
from . import text as text_reader
from .base import ReadItem, too_big_message
from .sniff import sniff_kind

if TYPE_CHECKING:  # asyncio, ssl and httpx are imported when a page is fetched, to keep --help fast
    import asyncio
    import concurrent.futures
    import ssl
    from collections.abc import AsyncIterator

    import httpx

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "MAX_PER_HOST",
    "MAX_REDIRECTS",
    "Download",
    "UrlFetcher",
    "article_from_download",
    "fetch",
    "is_url",
    "read_url",
    "read_url_list",
    "url_id",
    "user_agent",
]

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for a connection, and for each piece of the answer."""

DEFAULT_DEADLINE = 60.0
"""Seconds one download (redirects included) may take in total."""

DEFAULT_CONCURRENCY = 8
"""Downloads at a time."""

MAX_PER_HOST = 2
"""Downloads at a time from one host (by name), so that a list of one site's pages does not hammer it."""

MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})

_URL_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")  # two letters or more: never a drive letter
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_SLUG_JUNK = re.compile(r"[^\w.-]+")
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"


def is_url(text: str) -> bool:
    """True for ``scheme://...`` inputs; :func:`read_url` refuses every scheme but http(s)."""
    return bool(_URL_LIKE.match(text))


def url_id(url: str) -> str:
    """A stable id for the page at ``url``: its last path segment without the extension
    (``.../2024/budget-vote.html`` -> ``budget-vote``), else its host name."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "url"
    segment = unquote(parts.path.rstrip("/").rpartition("/")[2])
    for candidate in (posixpath.splitext(segment)[0], host):
        slug = _SLUG_JUNK.sub("-", candidate).strip("-.")
        if slug:
            return slug
    return "url"


def read_url_list(path: str, stdin: IO[bytes] | None = None) -> list[str]:
    """The addresses in the URL list at ``path`` (``--url-list``; ``-`` reads ``stdin``): one a
    line, UTF-8; blank lines and lines that start with ``#`` are skipped.

    Raises :class:`~summarizer.errors.UsageError` when the list cannot be read.
    """
    import sys

    name = "standard input" if path == "-" else path
    try:
        if path == "-":
            data = (stdin if stdin is not None else sys.stdin.buffer).read()
        else:
            with open(path, "rb") as stream:
                data = stream.read()
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"could not read the URL list {name}: it is not UTF-8 text ({exc.reason} at byte "
                         f"{exc.start})") from None
    except OSError as exc:
        raise UsageError(f"could not read the URL list {name} ({exc.strerror or exc})") from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def user_agent() -> str:
    """What the requests say they come from: the distribution and its version."""
    from .. import __version__  # here, not at import time: the package may still be loading

    return f"newsroom-summarizer/{__version__}"


@dataclass(frozen=True)
class Download:
    """A downloaded page: ``url`` is the final address (after redirects), ``content_type``
    the lower-case media type (None when the server sent none), ``charset`` the declared
    encoding if Python knows it, ``body`` the bytes (decompressed)."""

    url: str
    content_type: str | None
    charset: str | None
    body: bytes


def read_url(
    url: str,
    max_bytes: int = 20_000_000,
    *,
    timeout: float | None = None,
    deadline: float | None = None,
) -> Iterator[ReadItem]:
    """The article at ``url`` (one Article, or one InputFailure saying why not).

    ``timeout`` and ``deadline`` default to :data:`DEFAULT_TIMEOUT` and :data:`DEFAULT_DEADLINE`.
    """
    with UrlFetcher(max_bytes=max_bytes, timeout=timeout, deadline=deadline) as fetcher:
        item = fetcher.result(url, fetcher.submit(url))
    yield item


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float | None = None,
    deadline: float | None = None,
) -> Download:
    """Download ``url`` within the limits described in the module documentation.

    Raises :class:`~summarizer.errors.InputError` with a message for people on any problem.
    """
    with UrlFetcher(max_bytes=max_bytes, timeout=timeout, deadline=deadline) as fetcher:
        return fetcher.submit(url).result()


def article_from_download(download: Download, *, record_id: str, source: str) -> Article:
    """Read a downloaded page with the HTML reader (or as plain text); ``url`` is the final address."""
    kind = download.content_type
    if kind is None:
        kind = "text/html" if sniff_kind(download.body[:4096]) == "html" else "text/plain"
    if kind in HTML_TYPES:
        article = html_reader.article_from_bytes(
            download.body, record_id=record_id, source=source, declared=download.charset
        )
        return replace(article, url=download.url)
    text = text_reader.text_from_bytes(download.body, source, declared=download.charset)
    return Article(id=record_id, text=text, source=source, url=download.url)


# --- many downloads at once ----------------------------------------------------------------


class UrlFetcher:
    """Downloads pages concurrently: :meth:`submit` starts one and returns a future of its
    :class:`Download`; :meth:`result` waits for it and reads the page (in the caller's thread).

    The downloads run on an asyncio event loop in a daemon thread, started by the first
    :meth:`submit`; :meth:`close` (or leaving the ``with`` block) cancels what is still running
    and closes the connections. ``transport`` replaces the network (an ``httpx.MockTransport``
    in tests); it is then used for every page, proxies or not.
    """

    def __init__(
        self,
        *,
        max_bytes: int,
        timeout: float | None = None,
        deadline: float | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        per_host: int = MAX_PER_HOST,
        transport: Any = None,
    ) -> None:
        if concurrency < 1 or per_host < 1:
            raise ValueError("concurrency and per_host must be at least 1")
        self.max_bytes = max_bytes
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.deadline = DEFAULT_DEADLINE if deadline is None else deadline
        self.concurrency = concurrency
        self.per_host = per_host
        self._transport = transport
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._slots: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._clients: dict[_Proxy | None, httpx.AsyncClient] = {}
        self._futures: set[concurrent.futures.Future[Download]] = set()

    def __enter__(self) -> UrlFetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def submit(self, url: str) -> concurrent.futures.Future[Download]:
        """Start downloading ``url``; the future's exception is an InputError with a message for people."""
        import asyncio

        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="summarizer-downloads", daemon=True)
            self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._download(url), self._loop)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return future

    def result(self, url: str, future: concurrent.futures.Future[Download]) -> ReadItem:
        """The article of a submitted ``url`` (one Article, or one InputFailure saying why not)."""
        record_id = url_id(url)
        try:
            return article_from_download(future.result(), record_id=record_id, source=url)
        except InputError as exc:
            return InputFailure(id=record_id, source=url, error=str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
            return InputFailure(
                id=record_id, source=url, error=f"unexpected error while reading {url} ({type(exc).__name__}: {exc})"
            )

    def close(self) -> None:
        """Cancel the downloads still running, close the connections and stop the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return  # nothing was downloaded: asyncio (and ssl with it, ~0.05 s) is not imported for a run of files
        import asyncio
        import concurrent.futures

        self._loop = self._thread = None
        for future in list(self._futures):
            future.cancel()
        try:
            asyncio.run_coroutine_threadsafe(self._close_clients(), loop).result(timeout=5)
        except (concurrent.futures.TimeoutError, concurrent.futures.CancelledError, RuntimeError):
            pass  # the connections go with the thread
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        if not thread.is_alive():
            loop.close()

    async def _close_clients(self) -> None:
        import asyncio

        current = asyncio.current_task()
        tasks = [task for task in asyncio.all_tasks() if task is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    # --- on the event loop ---

    async def _download(self, given: str) -> Download:
        import asyncio

        _check_address(given, given)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        loop = asyncio.get_running_loop()
        jar = _cookie_jar()
        seen: set[tuple[str, str]] = set()
        current = given
        end: float | None = None
        async with self._slots:
            for _ in range(MAX_REDIRECTS + 1):
                async with self._host_slot(current):
                    if end is None:  # the deadline counts from the first request, not from the wait for a slot
                        end = loop.time() + self.deadline
                    try:
                        outcome = await asyncio.wait_for(self._get(given, current, jar, seen), end - loop.time())
                    except asyncio.TimeoutError:
                        raise InputError(
                            f"could not download {given}: it took longer than {self.deadline:g} seconds in total, "
                            "so it was stopped"
                        ) from None
                if isinstance(outcome, Download):
                    return outcome
                current = outcome
        raise InputError(f"could not download {given}: too many redirects (more than {MAX_REDIRECTS})")

    @asynccontextmanager
    async def _host_slot(self, url: str) -> AsyncIterator[None]:
        import asyncio

        host = (urlsplit(url).hostname or "").lower()
        slot = self._hosts.get(host)
        if slot is None:
            slot = self._hosts[host] = asyncio.Semaphore(self.per_host)
        async with slot:
            yield

    def _client(self, proxy: _Proxy | None) -> httpx.AsyncClient:
        client = self._clients.get(proxy)
        if client is None:
            from http.cookiejar import CookieJar, DefaultCookiePolicy

            import httpx

            options: dict[str, Any] = {}
            if self._transport is not None:
                options["transport"] = self._transport
            elif proxy is not None:
                options["proxy"] = httpx.Proxy(proxy.shown, auth=proxy.auth)
            client = httpx.AsyncClient(
                verify=_tls_context(),
                trust_env=False,  # the proxy is chosen by _proxy_for; the certificates come from ssl's defaults
                timeout=httpx.Timeout(self.timeout),
                limits=httpx.Limits(max_connections=self.concurrency, max_keepalive_connections=self.concurrency),
                follow_redirects=False,  # followed by _download, with its own limits and messages
                cookies=CookieJar(DefaultCookiePolicy(allowed_domains=[])),  # cookies are kept per download
                headers={"User-Agent": user_agent(), "Accept": _ACCEPT, "Accept-Encoding": _accept_encoding()},
                **options,
            )
            self._clients[proxy] = client
        return client

    async def _get(self, given: str, current: str, jar: httpx.Cookies, seen: set[tuple[str, str]]
                   ) -> Download | str:
        """One request: the page, or the address a redirect points to (``seen``: the addresses
        asked so far, with the cookies sent, to tell a loop from a site that sets a cookie and
        asks again)."""
        import httpx

        proxy = _proxy_for(current)
        try:
            client = self._client(proxy)
            request = client.build_request("GET", current)
            jar.set_cookie_header(request)
            seen.add((urldefrag(current).url, request.headers.get("Cookie", "")))
            response = await client.send(request, stream=True)
            try:
                jar.extract_cookies(response)
                status = response.status_code
                if status in _REDIRECT_STATUSES:
                    return _follow(given, current, response, jar, seen)
                if not 200 <= status < 300:
                    raise InputError(_refusal(given, response, proxy if current.lower().startswith("http:") else None))
                content_type, charset = _content_type(response)
                if content_type is not None and content_type not in HTML_TYPES | TEXT_TYPES:
                    raise InputError(
                        f"could not download {given}: the server sent {content_type}, "
                        "not a web page (text/html) or plain text (text/plain)"
                    )
                body = await _read_body(response, given, self.max_bytes)
                return Download(url=current, content_type=content_type, charset=charset, body=body)
            finally:
                await response.aclose()
        except httpx.InvalidURL as exc:
            raise InputError(f"{given} is not a valid web address ({exc})") from None
        except httpx.HTTPError as exc:
            raise InputError(_explain(exc, given, current, self.timeout, proxy)) from None


@cache
def _accept_encoding() -> str:
    return "gzip, deflate, br" if _brotli() is not None else "gzip, deflate"


def _cookie_jar() -> httpx.Cookies:
    import httpx

    return httpx.Cookies()


def _check_address(given: str, address: str) -> None:
    """Refuse anything but a well-formed http(s) address (``given`` is named in messages)."""
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise InputError(f"{given} is not a valid web address ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme or "://" not in address:
        raise InputError(f"{given} is not a web address (it should start with http:// or https://)")
    if scheme not in SCHEMES:
        hint = "; to read a local file, give its path instead" if scheme == "file" else ""
        raise InputError(f"{given}: only http:// and https:// addresses can be downloaded, not {scheme}://{hint}")
    if not parts.hostname:
        raise InputError(f"{given} is not a valid web address (it has no host name)")


def _follow(given: str, current: str, response: httpx.Response, jar: httpx.Cookies,
            seen: set[tuple[str, str]]) -> str:
    """The address a redirect points to, unless it is refused."""
    import httpx

    location = (response.headers.get("Location") or "").strip()
    if not location:
        raise InputError(
            f"could not download {given}: the server answered {_status_text(response)} "
            "without saying where to (no Location header)"
        )
    target = urljoin(current, location)
    scheme = urlsplit(target).scheme.lower()
    if scheme not in SCHEMES:
        raise InputError(
            f"could not download {given}: the server redirected to {target}, "
            "which is not an http:// or https:// address (refused)"
        )
    _check_address(given, target)
    probe = httpx.Request("GET", target)  # the cookies the next request would send
    jar.set_cookie_header(probe)
    if (urldefrag(target).url, probe.headers.get("Cookie", "")) in seen:
        raise InputError(f"could not download {given}: redirect loop ({current} redirects back to {target})")
    return target


@dataclass(frozen=True)
class _Proxy:
    host: str
    port: int
    auth: tuple[str, str] | None  # user name and password, when the address holds them
    shown: str  # http://HOST:PORT, for messages
    variable: str  # the environment variable it came from


def _proxy_for(url: str) -> _Proxy | None:
    """The proxy that the environment sets for ``url``, or None to connect directly."""
    import os
    import urllib.request

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    address = urllib.request.getproxies_environment().get(scheme)
    if not address or urllib.request.proxy_bypass_environment(parts.hostname or ""):  # type: ignore[attr-defined]
        return None
    variable = next((name for name in (f"{scheme}_proxy", f"{scheme.upper()}_PROXY") if os.environ.get(name)),
                    f"{scheme}_proxy")
    proxy = urlsplit(address if "://" in address else "http://" + address)
    problem = None
    try:
        port = proxy.port or 80
    except ValueError:
        port, problem = 0, "its port is not a number from 1 to 65535"
    if proxy.scheme.lower() != "http":
        problem = f"it is a {proxy.scheme}:// proxy, and only http:// proxies are supported"
    elif not proxy.hostname:
        problem = "it has no host name"
    if problem:
        masked = re.sub(r"(//[^:/@]*):[^@/]*@", r"\1:***@", address if "://" in address else "//" + address)
        raise InputError(f"could not download {url}: the proxy address in {variable} ({masked.removeprefix('//')}) "
                         f"cannot be used: {problem}. Write it as http://HOST:PORT.")
    if ":" in (parts.hostname or ""):  # httpcore 1.0 writes an IPv6 address without its brackets for a proxy
        raise InputError(f"could not download {url}: an IPv6 address cannot go through a proxy; add it to no_proxy, "
                         "or give the server's name instead")
    auth = (unquote(proxy.username), unquote(proxy.password or "")) if proxy.username else None
    host = proxy.hostname or ""
    return _Proxy(host, port, auth, f"http://{f'[{host}]' if ':' in host else host}:{port}", variable)


def _through(proxy: _Proxy) -> str:
    return f"the proxy {proxy.shown} (from {proxy.variable})"


def _password_hint(proxy: _Proxy) -> str:
    if proxy.auth:
        return "check the user name and password in the proxy address"
    return "put a user name and password in the proxy address: http://USER:PASSWORD@HOST:PORT"


def _refusal(given: str, response: httpx.Response, proxy: _Proxy | None) -> str:
    """Words for an answer that is not a page (a status outside 200-299); ``proxy``: the plain-http proxy
    that relayed it, if any (through an https tunnel, every answer is the page's server's)."""
    status = response.status_code
    answer = _status_text(response)
    if proxy and status == HTTPStatus.PROXY_AUTHENTICATION_REQUIRED:
        return f"could not download {given}: {_through(proxy)} answered {answer} ({_password_hint(proxy)})"
    if proxy and status in (HTTPStatus.BAD_GATEWAY, HTTPStatus.SERVICE_UNAVAILABLE, HTTPStatus.GATEWAY_TIMEOUT):
        return (f"could not download {given}: the answer was {answer}, through {_through(proxy)}, which may have "
                "sent it itself (it could not reach the server, or the server failed)")
    return f"could not download {given}: the server answered {answer}"


async def _read_body(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    """The body, decompressed here (not by httpx) so that its size is bounded at every step."""
    length = (response.headers.get("Content-Length") or "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(too_big_message(url, int(length), max_bytes))
    sink = _sink(response, url, max_bytes)
    received = 0
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > max_bytes:
            raise InputError(too_big_message(url, None, max_bytes))
        sink.feed(chunk)
    return sink.finish()


def _content_type(response: httpx.Response) -> tuple[str | None, str | None]:
    from email.message import Message

    header = response.headers.get("Content-Type")
    if header is None:
        return None, None
    parsed = Message()
    parsed["Content-Type"] = header
    charset = parsed.get_content_charset()
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None  # unknown to Python: let the page's <meta charset> or detection decide
    return parsed.get_content_type(), charset


def _status_text(response: httpx.Response) -> str:
    reason = (response.reason_phrase or "").strip()
    if not reason:
        try:
            reason = HTTPStatus(response.status_code).phrase
        except ValueError:
            reason = ""
    return f"{response.status_code} {reason}".strip()


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the exceptions it was raised from (httpx -> httpcore -> the socket's or ssl's)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _cause(exc: BaseException, kind: type[BaseException] | tuple[type[BaseException], ...]) -> Any:
    return next((cause for cause in _causes(exc) if isinstance(cause, kind)), None)


def _explain(exc: httpx.HTTPError, given: str, current: str, timeout: float, proxy: _Proxy | None) -> str:
    """Words for a network error while downloading ``given`` (``current``: the address asked;
    ``proxy``: the proxy it went through, if any)."""
    import ssl

    import httpx

    parts = urlsplit(current)
    host = parts.hostname or current
    prefix = f"could not download {given}"
    tls = _cause(exc, ssl.SSLError)
    if proxy is not None:
        where = _through(proxy)
        if isinstance(exc, httpx.ProxyError):  # the proxy answered CONNECT with an error status
            status = str(exc).strip()
            hint = f" ({_password_hint(proxy)})" if status.startswith("407") else ""
            return f"{prefix}: {where} refused to connect to {host}: {status}{hint}"
        if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)) and tls is None:
            unreachable = _unreachable(exc, f"the name of {where}", where, "proxy", timeout)
            cause = _cause(exc, OSError)
            reason = (cause.strerror or cause) if cause is not None else exc
            return f"{prefix}: {unreachable or f'the connection to {where} failed ({reason})'}"
    unreachable = _unreachable(exc, f"the server name {host}", host, "web server", timeout, parts.netloc)
    if unreachable:
        return f"{prefix}: {unreachable}"
    if isinstance(tls, ssl.SSLCertVerificationError):
        return f"{prefix}: the security certificate of {host} could not be verified ({tls.verify_message})"
    if tls is not None:
        return f"{prefix}: the secure (https) connection to {host} failed ({tls.reason or tls})"
    if isinstance(exc, httpx.RemoteProtocolError):
        text = str(exc)
        if "without sending a response" in text:
            return f"{prefix}: {host} closed the connection without answering"
        if "complete message body" in text:
            return f"{prefix}: the connection to {host} was cut off before the whole page arrived"
        return f"{prefix}: {host} sent an answer that is not valid HTTP ({text})"
    if _cause(exc, ConnectionResetError) is not None:
        return f"{prefix}: {host} broke off the connection"
    cause = _cause(exc, OSError)
    reason = (cause.strerror or str(cause)) if cause is not None else (str(exc) or type(exc).__name__)
    return f"{prefix}: the connection to {host} failed ({reason})"


def _unreachable(exc: httpx.HTTPError, name: str, who: str, listener: str, timeout: float,
                 address: str | None = None) -> str | None:
    """Words for a name not found, a refused connection or a silence, naming ``who`` was asked; else None."""
    import socket

    import httpx

    if _cause(exc, socket.gaierror) is not None:
        return f"{name} could not be found (check the address and the network connection)"
    if isinstance(exc, httpx.TimeoutException):
        return f"{who} did not answer within {timeout:g} seconds"
    if _cause(exc, ConnectionRefusedError) is not None:
        return f"{address or who} refused the connection (no {listener} is listening there)"
    return None


@cache
def _tls_context() -> ssl.SSLContext:
    """Certificates are checked against the system's store (and SSL_CERT_FILE / SSL_CERT_DIR)."""
    import ssl
    return ssl.create_default_context()


# --- Content-Encoding ----------------------------------------------------------------------


class _Sink:
    """Collects the body as it arrives (no Content-Encoding)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def feed(self, chunk: bytes) -> None:
        self.data += chunk

    def finish(self) -> bytes:
        return bytes(self.data)


class _Decoder(_Sink):
    """Decompresses as the body arrives, never producing more than ``limit`` bytes."""

    def __init__(self, coding: str, url: str, limit: int) -> None:
        super().__init__()
        self.coding = coding
        self.url = url
        self.limit = limit

    def room(self) -> int:
        return self.limit + 1 - len(self.data)  # always >= 1 (0 would mean "no limit")

    def add(self, data: bytes) -> None:
        self.data += data
        if len(self.data) > self.limit:
            raise InputError(too_big_message(f"{self.url} (after {self.coding} decompression)", None, self.limit))

    def corrupt(self, exc: Exception) -> InputError:
        return InputError(f"could not download {self.url}: the {self.coding}-compressed page is corrupt ({exc})")


class _Inflater(_Decoder):
    """gzip or deflate, with zlib."""

    def __init__(self, coding: str, url: str, limit: int) -> None:
        super().__init__(coding, url, limit)
        wbits = 16 + zlib.MAX_WBITS if coding in {"gzip", "x-gzip"} else zlib.MAX_WBITS
        self._inflater: Any = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, chunk: bytes) -> None:
        try:
            self._inflate(chunk)
        except zlib.error as exc:
            if self.coding == "deflate" and not self._started and not self.data:
                # "deflate" should be zlib-wrapped, but some servers send raw deflate data
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                try:
                    self._inflate(chunk)
                except zlib.error as again:
                    raise self.corrupt(again) from None
            else:
                raise self.corrupt(exc) from None
        self._started = True

    def _inflate(self, data: bytes) -> None:
        while data and not self._inflater.eof:
            self.add(self._inflater.decompress(data, self.room()))
            data = self._inflater.unconsumed_tail

    def finish(self) -> bytes:
        try:
            self.add(self._inflater.flush())
        except zlib.error as exc:
            raise self.corrupt(exc) from None
        return bytes(self.data)


class _Unbrotli(_Decoder):
    """brotli, with the brotli package's bounded output (``output_buffer_limit``)."""

    def __init__(self, coding: str, url: str, limit: int) -> None:
        super().__init__(coding, url, limit)
        self._brotli = _brotli()
        self._decompressor = self._brotli.Decompressor()

    def feed(self, chunk: bytes) -> None:
        data = chunk
        try:
            while True:
                out = self._decompressor.process(data, output_buffer_limit=self.room())
                self.add(out)
                data = b""
                if self._decompressor.can_accept_more_data() or self._decompressor.is_finished() or not out:
                    break
        except self._brotli.error as exc:
            raise self.corrupt(exc) from None

    def finish(self) -> bytes:
        if not self._decompressor.is_finished():
            raise self.corrupt(ValueError("the data ends too soon"))
        return bytes(self.data)


@cache
def _brotli() -> Any:
    """The brotli module, if it is installed and bounds its output (1.2 and later); else None."""
    try:
        import brotli
    except ImportError:
        return None
    return brotli if hasattr(brotli.Decompressor(), "can_accept_more_data") else None


def _sink(response: httpx.Response, url: str, limit: int) -> _Sink:
    header = response.headers.get("Content-Encoding") or ""
    codings = [c.strip().lower() for c in header.split(",") if c.strip() and c.strip().lower() != "identity"]
    if not codings:
        return _Sink()
    if len(codings) == 1 and codings[0] in {"gzip", "x-gzip", "deflate"}:
        return _Inflater(codings[0], url, limit)
    if codings == ["br"] and _brotli() is not None:
        return _Unbrotli("br", url, limit)
    supported = "gzip, deflate and br are" if _brotli() is not None else "gzip and deflate are"
    raise InputError(
        f"could not download {url}: the server compressed the page with {header.strip()!r}, "
        f"which is not supported (only {supported})"
    )
