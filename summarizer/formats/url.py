"""Web pages: ``summarizer run https://...`` downloads a page and reads it like an HTML file
(or, for ``text/plain``, like a text file).

Only the standard library is used (:mod:`http.client`), and every download is bounded:

* http and https only, for the address given and for redirects; at most
  :data:`MAX_REDIRECTS` redirects, and a redirect loop is reported as one;
* a timeout for connecting and for each read (:data:`DEFAULT_TIMEOUT`) and a deadline for
  the whole download (:data:`DEFAULT_DEADLINE`), so a server that sends a byte now and then
  cannot hold the batch forever;
* at most ``max_bytes`` (``--max-input-bytes``) downloaded, and at most as many after gzip or
  deflate decompression: a "gzip bomb" fails after a little work and little memory;
* only ``text/html``, ``application/xhtml+xml`` and ``text/plain`` are read (a page without a
  Content-Type is sniffed); the charset of the Content-Type is the declared encoding.

Every problem becomes an :class:`~summarizer.records.InputFailure` whose id is
:func:`url_id` of the address and whose source is the address; nothing is raised.

Proxies come from the environment, read as Python's urllib (and pip) reads it: ``http_proxy``
for http:// pages, ``https_proxy`` for https:// pages (tunnelled with CONNECT, so the page's
certificate is still checked), the upper-case names too, and ``no_proxy`` for the hosts to reach
directly (``all_proxy`` is not read). A proxy address is ``http://HOST:PORT`` (port 80 when left
out), and may hold a user name and password (``http://user:secret@proxy:3128``).
"""

from __future__ import annotations

import codecs
import posixpath
import re
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit

from ..errors import InputError
from ..records import Article, InputFailure
from . import html as html_reader
from . import text as text_reader
from .base import ReadItem, too_big_message
from .sniff import sniff_kind

if TYPE_CHECKING:
    import http.client
    import ssl

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "Download",
    "article_from_download",
    "fetch",
    "is_url",
    "read_url",
    "url_id",
    "user_agent",
]

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for a connection, and for each piece of the answer."""

DEFAULT_DEADLINE = 60.0
"""Seconds one download (redirects included) may take in total."""

MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})

_URL_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")  # two letters or more: never a drive letter
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 1 << 16
_SLUG_JUNK = re.compile(r"[^\w.-]+")
_SAFE_IN_TARGET = "!#$%&'()*+,/:;=?@[]~"  # already-escaped "%xx" stays as it is
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
    record_id = url_id(url)
    item: ReadItem
    try:
        download = fetch(url, max_bytes=max_bytes, timeout=timeout, deadline=deadline)
        item = article_from_download(download, record_id=record_id, source=url)
    except InputError as exc:
        item = InputFailure(id=record_id, source=url, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
        item = InputFailure(
            id=record_id, source=url, error=f"unexpected error while reading {url} ({type(exc).__name__}: {exc})"
        )
    yield item


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
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    clock = _Clock(DEFAULT_DEADLINE if deadline is None else deadline)
    try:
        return _fetch(url, max_bytes, timeout, clock)
    finally:
        clock.cancel()


def _fetch(url: str, max_bytes: int, timeout: float, clock: _Clock) -> Download:
    import http.client

    _check_address(url, url)
    current = url
    seen = {urldefrag(url).url}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            connection, response, proxy = _get(current, timeout, clock)
            try:
                status = response.status
                if status in _REDIRECT_STATUSES:
                    current = _follow(url, current, response, seen)
                    continue
                if not 200 <= status < 300:
                    raise InputError(_refusal(url, response, proxy))
                content_type, charset = _content_type(response)
                if content_type is not None and content_type not in HTML_TYPES | TEXT_TYPES:
                    raise InputError(
                        f"could not read {url}: the server sent {content_type}, "
                        "not a web page (text/html) or plain text (text/plain)"
                    )
                body = _read_body(response, url, max_bytes, timeout, clock)
                return Download(url=current, content_type=content_type, charset=charset, body=body)
            finally:
                clock.watch(None)
                response.close()
                connection.close()
    except InputError:
        raise
    except (OSError, http.client.HTTPException) as exc:
        raise InputError(_explain(exc, url, current, timeout, clock)) from None
    raise InputError(f"could not download {url}: too many redirects (more than {MAX_REDIRECTS})")


def _check_address(given: str, address: str) -> None:
    """Refuse anything but a well-formed http(s) address (``given`` is named in messages)."""
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise InputError(f"{given} is not a valid web address ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        hint = "; to read a local file, give its path instead" if scheme == "file" else ""
        raise InputError(f"{given}: only http:// and https:// addresses can be downloaded, not {scheme}://{hint}")
    if not parts.hostname:
        raise InputError(f"{given} is not a valid web address (it has no host name)")


def _follow(given: str, current: str, response: http.client.HTTPResponse, seen: set[str]) -> str:
    """The address a redirect points to, unless it is refused."""
    location = (response.getheader("Location") or "").strip()
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
    key = urldefrag(target).url
    if key in seen:
        raise InputError(f"could not download {given}: redirect loop ({current} redirects back to {target})")
    seen.add(key)
    return target


@dataclass(frozen=True)
class _Proxy:
    host: str
    port: int
    auth: dict[str, str]  # a Proxy-Authorization header, when the address holds a user name
    shown: str  # http://HOST:PORT, for messages
    variable: str  # the environment variable it came from


def _proxy_for(url: str) -> _Proxy | None:
    """The proxy that the environment sets for ``url``, or None to connect directly."""
    import base64
    import os
    import urllib.request

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    address = urllib.request.getproxies_environment().get(scheme)
    if not address or urllib.request.proxy_bypass(parts.hostname or ""):
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
    auth = {}
    if proxy.username:
        secret = f"{unquote(proxy.username)}:{unquote(proxy.password or '')}".encode()
        auth = {"Proxy-Authorization": "Basic " + base64.b64encode(secret).decode("ascii")}
    host = proxy.hostname or ""
    return _Proxy(host, port, auth, f"http://{f'[{host}]' if ':' in host else host}:{port}", variable)


def _through(proxy: _Proxy) -> str:
    return f"the proxy {proxy.shown} (from {proxy.variable})"


def _password_hint(proxy: _Proxy) -> str:
    if proxy.auth:
        return "check the user name and password in the proxy address"
    return "put a user name and password in the proxy address: http://USER:PASSWORD@HOST:PORT"


def _refusal(given: str, response: http.client.HTTPResponse, proxy: _Proxy | None) -> str:
    """Words for an answer that is not a page (a status outside 200-299); ``proxy``: the plain-http proxy
    that relayed it, if any (through an https tunnel, every answer is the page's server's)."""
    status = response.status
    answer = _status_text(response)
    if proxy and status == HTTPStatus.PROXY_AUTHENTICATION_REQUIRED:
        return f"could not download {given}: {_through(proxy)} answered {answer} ({_password_hint(proxy)})"
    if proxy and status in (HTTPStatus.BAD_GATEWAY, HTTPStatus.SERVICE_UNAVAILABLE, HTTPStatus.GATEWAY_TIMEOUT):
        return (f"could not download {given}: the answer was {answer}, through {_through(proxy)}, which may have "
                "sent it itself (it could not reach the server, or the server failed)")
    return f"could not download {given}: the server answered {answer}"


def _get(url: str, timeout: float, clock: _Clock
         ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse, _Proxy | None]:
    """Send a GET request for ``url``: the connection, the response (its headers read), and the
    plain-http proxy that relays the answer, if any.

    Through the environment's proxy, if it sets one for ``url`` (:func:`_proxy_for`).
    """
    import http.client

    parts = urlsplit(url)
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    proxy = _proxy_for(url)
    wait = clock.limit(timeout)
    connection: http.client.HTTPConnection
    if proxy is None:
        if https:
            connection = http.client.HTTPSConnection(host, parts.port, timeout=wait, context=_tls_context())
        else:
            connection = http.client.HTTPConnection(host, parts.port, timeout=wait)
    else:
        name = _ascii_host(url, host)
        if https:
            connection = http.client.HTTPSConnection(proxy.host, proxy.port, timeout=wait, context=_tls_context())
            connection.set_tunnel(name, parts.port or 443, headers=proxy.auth)
        else:
            connection = http.client.HTTPConnection(proxy.host, proxy.port, timeout=wait)
    try:
        if proxy is None:
            connection.connect()
        else:
            try:  # to the proxy (and for https, CONNECT through it), without TLS yet
                http.client.HTTPConnection.connect(connection)
            except OSError as exc:
                raise _ProxyError(exc, proxy) from exc
            if https:  # TLS with the page's server, inside the tunnel: its errors are that server's
                connection.sock = _tls_context().wrap_socket(connection.sock, server_hostname=name)
        clock.watch(connection.sock)
        target = quote(parts.path or "/", safe=_SAFE_IN_TARGET)
        if parts.query:
            target += "?" + quote(parts.query, safe=_SAFE_IN_TARGET)
        headers = {
            "User-Agent": user_agent(),
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
        }
        if proxy is not None and not https:  # a plain-http proxy is asked for the whole address
            authority = f"[{name}]" if ":" in name else name
            target = f"http://{authority}{f':{parts.port}' if parts.port else ''}{target}"
            headers.update(proxy.auth)
        connection.request("GET", target, headers=headers)
        return connection, connection.getresponse(), proxy if not https else None
    except BaseException:
        connection.close()
        raise


def _ascii_host(url: str, host: str) -> str:
    """The host name as it is written in requests to a proxy (international names in their ASCII form)."""
    import sys

    try:
        name = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise InputError(f"could not download {url}: {host} is not a valid host name") from None
    if ":" in name and sys.version_info < (3, 12):
        raise InputError(f"could not download {url}: an IPv6 address cannot go through a proxy with Python before "
                         "3.12; add it to no_proxy, or give the server's name instead")
    return name


class _ProxyError(OSError):
    """Reaching a page through a proxy failed at the proxy (see :func:`_explain`)."""

    def __init__(self, cause: OSError, proxy: _Proxy) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.proxy = proxy


def _read_body(response: http.client.HTTPResponse, url: str, max_bytes: int, timeout: float, clock: _Clock) -> bytes:
    length = (response.getheader("Content-Length") or "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(too_big_message(url, int(length), max_bytes))
    sink = _sink(response, url, max_bytes)
    received = 0
    while True:
        clock.limit(timeout)  # sets the socket timeout to what is left, at most ``timeout``
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if received > max_bytes:
            raise InputError(too_big_message(url, None, max_bytes))
        sink.feed(chunk)
    clock.limit(timeout)  # a body cut short by the deadline is not a whole page
    return sink.finish()


def _content_type(response: http.client.HTTPResponse) -> tuple[str | None, str | None]:
    headers = response.headers
    if headers.get("Content-Type") is None:
        return None, None
    charset = headers.get_content_charset()
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None  # unknown to Python: let the page's <meta charset> or detection decide
    return headers.get_content_type(), charset


def _status_text(response: http.client.HTTPResponse) -> str:
    reason = (response.reason or "").strip()
    if not reason:
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
    return f"{response.status} {reason}".strip()


def _explain(exc: BaseException, given: str, current: str, timeout: float, clock: _Clock) -> str:
    """Words for a network error while downloading ``given`` (``current``: the address asked)."""
    import http.client
    import ssl

    parts = urlsplit(current)
    host = parts.hostname or current
    prefix = f"could not download {given}"
    if clock.expired or clock.remaining() < 0.05:
        return f"{prefix}: it took longer than {clock.seconds:g} seconds in total, so it was stopped"
    if isinstance(exc, _ProxyError):
        proxy, cause = exc.proxy, exc.cause
        where = _through(proxy)
        tunnel = re.match(r"Tunnel connection failed: (\d{3})\s*(.*)", str(cause))
        if tunnel:
            hint = f" ({_password_hint(proxy)})" if tunnel.group(1) == "407" else ""
            return f"{prefix}: {where} refused to connect to {host}: {tunnel.group(1)} {tunnel.group(2).strip()}{hint}"
        unreachable = _unreachable(cause, f"the name of {where}", where, "proxy", timeout)
        return f"{prefix}: {unreachable or f'the connection to {where} failed ({cause.strerror or cause})'}"
    unreachable = _unreachable(exc, f"the server name {host}", host, "web server", timeout, parts.netloc)
    if unreachable:
        return f"{prefix}: {unreachable}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"{prefix}: the security certificate of {host} could not be verified ({exc.verify_message})"
    if isinstance(exc, ssl.SSLError):
        return f"{prefix}: the secure (https) connection to {host} failed ({exc.reason or exc})"
    if isinstance(exc, http.client.RemoteDisconnected):
        return f"{prefix}: {host} closed the connection without answering"
    if isinstance(exc, http.client.IncompleteRead):
        return f"{prefix}: the connection to {host} was cut off before the whole page arrived"
    if isinstance(exc, http.client.HTTPException):
        return f"{prefix}: {host} sent an answer that is not valid HTTP ({type(exc).__name__})"
    if isinstance(exc, ConnectionResetError):
        return f"{prefix}: {host} broke off the connection"
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"{prefix}: the connection to {host} failed ({reason})"


def _unreachable(exc: BaseException, name: str, who: str, listener: str, timeout: float,
                 address: str | None = None) -> str | None:
    """Words for a name not found, a refused connection or a silence, naming ``who`` was asked; else None."""
    if isinstance(exc, socket.gaierror):
        return f"{name} could not be found (check the address and the network connection)"
    if isinstance(exc, TimeoutError):
        return f"{who} did not answer within {timeout:g} seconds"
    if isinstance(exc, ConnectionRefusedError):
        return f"{address or who} refused the connection (no {listener} is listening there)"
    return None


def user_agent() -> str:
    from .. import __version__  # here, not at import time: the package may still be loading

    return f"summarizer/{__version__} (+https://github.com/)"


@cache
def _tls_context() -> ssl.SSLContext:
    import ssl

    return ssl.create_default_context()


# --- the deadline --------------------------------------------------------------------------


class _Clock:
    """The deadline of one download.

    Socket timeouts bound each wait; a timer shuts the socket down when the deadline passes,
    which also stops a server that sends its headers a byte at a time.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def limit(self, timeout: float) -> float:
        """How long the next wait may take; raises TimeoutError once the deadline has passed."""
        remaining = self.remaining()
        if self.expired or remaining <= 0:
            raise TimeoutError("the deadline has passed")
        wait = min(timeout, remaining)
        with self._lock:
            if self._socket is not None:
                try:
                    self._socket.settimeout(wait)
                except OSError:
                    pass  # already closed: the answer has been read to its end
        return wait

    def watch(self, sock: socket.socket | None) -> None:
        """Set the socket that :meth:`limit` and the deadline act on (None: no socket)."""
        with self._lock:
            self._socket = sock
            if sock is not None and self.expired:
                raise TimeoutError("the deadline has passed")

    def cancel(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._socket is not None:
                try:  # the plain socket call, also for an SSL socket: it only wakes up the reader
                    socket.socket.shutdown(self._socket, socket.SHUT_RDWR)
                except OSError:
                    pass


# --- Content-Encoding ----------------------------------------------------------------------


class _Sink:
    """Collects the body as it arrives (no Content-Encoding)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def feed(self, chunk: bytes) -> None:
        self.data += chunk

    def finish(self) -> bytes:
        return bytes(self.data)


class _Inflater(_Sink):
    """Decompresses gzip or deflate as it arrives, never producing more than ``limit`` bytes."""

    def __init__(self, coding: str, url: str, limit: int) -> None:
        super().__init__()
        self.coding = coding
        self.url = url
        self.limit = limit
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
                    raise self._corrupt(again) from None
            else:
                raise self._corrupt(exc) from None
        self._started = True

    def _inflate(self, data: bytes) -> None:
        while data and not self._inflater.eof:
            room = self.limit + 1 - len(self.data)  # always >= 1 (0 would mean "no limit")
            self.data += self._inflater.decompress(data, room)
            self._check_size()
            data = self._inflater.unconsumed_tail

    def finish(self) -> bytes:
        try:
            self.data += self._inflater.flush()
        except zlib.error as exc:
            raise self._corrupt(exc) from None
        self._check_size()
        return bytes(self.data)

    def _check_size(self) -> None:
        if len(self.data) > self.limit:
            raise InputError(too_big_message(f"{self.url} (after {self.coding} decompression)", None, self.limit))

    def _corrupt(self, exc: zlib.error) -> InputError:
        return InputError(f"could not download {self.url}: the {self.coding}-compressed page is corrupt ({exc})")


def _sink(response: http.client.HTTPResponse, url: str, limit: int) -> _Sink:
    header = response.getheader("Content-Encoding") or ""
    codings = [c.strip().lower() for c in header.split(",") if c.strip() and c.strip().lower() != "identity"]
    if not codings:
        return _Sink()
    if len(codings) == 1 and codings[0] in {"gzip", "x-gzip", "deflate"}:
        return _Inflater(codings[0], url, limit)
    raise InputError(
        f"could not download {url}: the server compressed the page with {header.strip()!r}, "
        "which is not supported (only gzip and deflate are)"
    )
