"""Web pages (``http://`` and ``https://`` inputs), against real servers on 127.0.0.1 (and 127.0.0.2 where
the machine has it) or a mock transport: no test looks up a host name."""

from __future__ import annotations

import base64
import http.client
import io
import json
import select
import shutil
import socket
import ssl
import subprocess
import threading
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import httpx
import pytest

from summarizer import UsageError, __version__
from summarizer.formats import iter_inputs
from summarizer.formats import url as url_reader
from summarizer.formats.url import UrlFetcher, is_url, read_url, read_url_list, url_id
from summarizer.records import Article, InputFailure

PARAGRAPHS = (
    "The city council voted on Tuesday to approve a new budget after months of debate among its members.",
    "Officials said the plan would fund schools, roads and libraries across the region from next year.",
    "Opposition members argued that the spending was too high and that taxes would have to rise to pay for it.",
    "The mayor said the vote showed that the council could still agree on the things that matter most.",
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Council approves budget</title>"
    '<meta name="author" content="Jane Roe">'
    '<link rel="canonical" href="https://example.com/news/budget"></head><body>'
    '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
    "<article><h1>Council approves budget</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article><footer>Copyright 2024</footer></body></html>"
).encode()
RUSSIAN = "Министр иностранных дел заявил во вторник, что переговоры продолжатся на следующей неделе в Москве."
PLAIN = "Plain text news.\r\nThe second line of the story."

STOP = threading.Event()  # set at teardown: slow handlers give up at once


def _gzip(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def _gzip_bomb(size: int = 50_000_000) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1_000_000)
    parts = [packer.compress(zeros) for _ in range(size // len(zeros))]
    return b"".join(parts) + packer.flush()


BOMBS = {"gzip": _gzip_bomb(), "br": brotli.compress(bytes(50_000_000), quality=5)}  # 50 MB of zeros each


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, Callable[[Handler], None]] = {}
    requested: list[str] = []  # every path asked for, in order (tests clear it)

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        self.requested.append(self.path)
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404, "Not Found")
        else:
            route(self)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def reply(self, body: bytes, content_type: str | None = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(200)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def route(path: str) -> Callable[[Callable[[Handler], None]], Callable[[Handler], None]]:
    def register(function: Callable[[Handler], None]) -> Callable[[Handler], None]:
        Handler.routes[path] = function
        return function

    return register


@route("/news/budget-vote.html")
@route("/news/final-story.html")
def _page(h: Handler) -> None:
    h.reply(PAGE)


@route("/notes.txt")
def _plain(h: Handler) -> None:
    h.reply(PLAIN.encode(), "text/plain; charset=utf-8")


@route("/ru")
def _russian(h: Handler) -> None:  # encoding only in the header, not in the page
    page = f"<html><head><title>Новости</title></head><body><p>{RUSSIAN}</p><p>{RUSSIAN}</p></body></html>"
    h.reply(page.encode("cp1251"), "text/html; charset=windows-1251")


@route("/untyped")
def _untyped(h: Handler) -> None:
    h.reply(PAGE, None)


@route("/gzipped")
def _gzipped(h: Handler) -> None:
    h.reply(_gzip(PAGE), Content_Encoding="gzip")


@route("/deflated")
def _deflated(h: Handler) -> None:
    h.reply(zlib.compress(PLAIN.encode()), "text/plain", Content_Encoding="deflate")


@route("/raw-deflated")
def _raw_deflated(h: Handler) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    h.reply(packer.compress(PLAIN.encode()) + packer.flush(), "text/plain", Content_Encoding="deflate")


@route("/brotli")
def _brotli(h: Handler) -> None:
    h.reply(brotli.compress(PAGE), Content_Encoding="br")


@route("/zstd")
def _zstd(h: Handler) -> None:
    h.reply(b"(\xb5/\xfd", Content_Encoding="zstd")


@route("/bomb-gzip")
def _gzip_bomb_page(h: Handler) -> None:
    h.reply(BOMBS["gzip"], Content_Encoding="gzip")


@route("/bomb-br")
def _brotli_bomb_page(h: Handler) -> None:
    h.reply(BOMBS["br"], Content_Encoding="br")


@route("/agent")
def _agent(h: Handler) -> None:  # says who asked
    h.reply(h.headers.get("User-Agent", "").encode(), "text/plain")


@route("/gate")
def _gate(h: Handler) -> None:  # sets a cookie and sends the reader back to itself; the page needs the cookie
    if "visited=yes" in h.headers.get("Cookie", ""):
        h.reply(PAGE)
        return
    h.send_response(302)
    h.send_header("Set-Cookie", "visited=yes; Path=/")
    h.send_header("Location", "/gate")
    h.send_header("Content-Length", "0")
    h.end_headers()


@route("/gate-forever")
def _gate_forever(h: Handler) -> None:  # sets the same cookie and sends the reader back, whatever it sends
    h.send_response(302)
    h.send_header("Set-Cookie", "visited=yes; Path=/")
    h.send_header("Location", "/gate-forever")
    h.send_header("Content-Length", "0")
    h.end_headers()


@route("/hang-up")
def _hang_up(h: Handler) -> None:  # closes the connection without a word
    h.close_connection = True


@route("/cut-short")
def _cut_short(h: Handler) -> None:  # promises 1,000 bytes, sends 10
    h.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n0123456789")


@route("/not-http")
def _not_http(h: Handler) -> None:
    h.wfile.write(b"Hello there, this is not HTTP\r\n\r\n")


@route("/cookies")
def _cookies(h: Handler) -> None:  # says which cookies came with the request
    h.reply((h.headers.get("Cookie") or "no cookies").encode(), "text/plain")


@route("/slow")
def _slow(h: Handler) -> None:
    if not STOP.wait(5):
        h.reply(PAGE)


@route("/drip")
def _drip(h: Handler) -> None:  # headers at once, then a byte every 0.1 s
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.end_headers()
    while not STOP.wait(0.1):
        h.wfile.write(b"x")
        h.wfile.flush()


@route("/drip-headers")
def _drip_headers(h: Handler) -> None:  # the headers themselves a byte every 0.1 s
    h.wfile.write(b"HTTP/1.0 200 OK\r\n")
    for byte in b"X-Padding: " + b"a" * 1000:
        if STOP.wait(0.1):
            return
        h.wfile.write(bytes([byte]))
        h.wfile.flush()


@route("/huge")
def _huge(h: Handler) -> None:  # no Content-Length: the body ends when the connection does
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.end_headers()
    for _ in range(25):
        h.wfile.write(b"word " * 1600)


@route("/huge-declared")
def _huge_declared(h: Handler) -> None:
    h.reply(b"word " * 40_000, "text/plain")


@route("/loop-a")
def _loop_a(h: Handler) -> None:
    h.redirect("/loop-b")


@route("/loop-b")
def _loop_b(h: Handler) -> None:
    h.redirect("/loop-a", 301)


@route("/hop1")
def _hop1(h: Handler) -> None:
    h.redirect("/hop2", 301)


@route("/hop2")
def _hop2(h: Handler) -> None:
    h.redirect(f"http://{h.headers['Host']}/news/final-story.html", 307)  # an absolute address


def _forever(number: int) -> Callable[[Handler], None]:
    return lambda h: h.redirect(f"/forever{number + 1}")


for _n in range(10):
    route(f"/forever{_n}")(_forever(_n))


@route("/to-ftp")
def _to_ftp(h: Handler) -> None:
    h.redirect("ftp://example.invalid/story.txt")


@route("/broken")
def _broken(h: Handler) -> None:
    h.send_error(500, "Internal Server Error")


@route("/report.pdf")
def _pdf(h: Handler) -> None:
    h.reply(b"%PDF-1.7\n", "application/pdf")


@route("/photo")
def _png(h: Handler) -> None:
    h.reply(b"\x89PNG\r\n\x1a\n", "image/png")


@route("/lying")
def _lying(h: Handler) -> None:
    h.reply(b"\x89PNG\r\n\x1a\n\x00\x00", "text/html")


class Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() waits for every handler thread

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hung up on purpose (timeouts, size limits)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    STOP.clear()
    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        STOP.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
        assert not thread.is_alive()


PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "all_proxy",
                   "ALL_PROXY")


@pytest.fixture(autouse=True)
def _no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's proxy settings must not reach the test server; proxy tests set their own."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def fetch_one(address: str, **options: object) -> Article | InputFailure:
    options.setdefault("max_bytes", 1_000_000)
    items = list(read_url(address, **options))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def failure(address: str, **options: object) -> InputFailure:
    item = fetch_one(address, **options)
    assert isinstance(item, InputFailure), item
    assert item.source == address
    assert address in item.error, item.error
    return item


# --- pages that work -----------------------------------------------------------------------


def test_article_page(base: str) -> None:
    address = f"{base}/news/budget-vote.html"
    article = fetch_one(address)
    assert isinstance(article, Article), article
    assert (article.id, article.source, article.url) == ("budget-vote", address, address)
    assert article.title == "Council approves budget"
    assert article.byline == "Jane Roe"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "Copyright" not in article.text


def test_plain_text_goes_through_the_text_path(base: str) -> None:
    article = fetch_one(f"{base}/notes.txt")
    assert isinstance(article, Article), article
    assert article.text == PLAIN.replace("\r\n", "\n")
    assert (article.id, article.title, article.url) == ("notes", None, f"{base}/notes.txt")


def test_charset_from_the_content_type_header(base: str) -> None:
    article = fetch_one(f"{base}/ru")
    assert isinstance(article, Article), article
    assert RUSSIAN in article.text and article.title == "Новости"


def test_page_without_content_type_is_sniffed(base: str) -> None:
    article = fetch_one(f"{base}/untyped")
    assert isinstance(article, Article) and article.title == "Council approves budget"


@pytest.mark.parametrize("path", ["/gzipped", "/deflated", "/raw-deflated", "/brotli"])
def test_compressed_pages(base: str, path: str) -> None:
    article = fetch_one(base + path)
    assert isinstance(article, Article), article
    assert PARAGRAPHS[0] in article.text or article.text == PLAIN.replace("\r\n", "\n")


def test_redirect_chain_records_the_final_address(base: str) -> None:
    article = fetch_one(f"{base}/hop1")
    assert isinstance(article, Article), article
    assert article.url == f"{base}/news/final-story.html"
    assert (article.id, article.source) == ("hop1", f"{base}/hop1")  # the id and source: the address given


# --- pages that fail -----------------------------------------------------------------------


def test_http_errors(base: str) -> None:
    missing = failure(f"{base}/missing")
    assert "404 Not Found" in missing.error and missing.id == "missing"
    assert "500 Internal Server Error" in failure(f"{base}/broken").error


@pytest.mark.parametrize(("path", "kind"), [("/report.pdf", "application/pdf"), ("/photo", "image/png")])
def test_wrong_content_type(base: str, path: str, kind: str) -> None:
    assert f"the server sent {kind}, not a web page" in failure(base + path).error


def test_binary_body_behind_a_text_type(base: str) -> None:
    assert "looks like a PNG image" in failure(f"{base}/lying").error


def test_slow_server_times_out(base: str) -> None:
    item = failure(f"{base}/slow", timeout=0.5)
    assert "did not answer within 0.5 seconds" in item.error


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_slow_drip_stops_at_the_deadline(base: str, path: str) -> None:
    item = failure(base + path, timeout=1, deadline=0.8)
    assert "took longer than 0.8 seconds in total" in item.error


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_size_limit(base: str, path: str) -> None:
    item = failure(base + path, max_bytes=10_000)
    assert "the limit is 10.0 KB (10,000 bytes)" in item.error and "--max-input-bytes" in item.error
    assert isinstance(fetch_one(base + path, max_bytes=200_000), Article)


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_decompression_bomb_stops_small(base: str, coding: str) -> None:
    tracemalloc.start()
    try:
        item = failure(f"{base}/bomb-{coding}", max_bytes=100_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # the page would be 50 MB
    assert f"after {coding} decompression" in item.error and "--max-input-bytes" in item.error


def test_unsupported_content_encoding(base: str) -> None:
    error = failure(f"{base}/zstd").error
    assert "'zstd', which is not supported (only gzip, deflate and br are)" in error


def test_a_real_user_agent(base: str) -> None:
    article = fetch_one(f"{base}/agent")
    assert isinstance(article, Article), article
    assert article.text == f"newsroom-summarizer/{__version__}"


def test_cookies_are_kept_through_the_redirects_of_one_download(base: str) -> None:
    gate, echo = f"{base}/gate", f"{base}/cookies"
    article, cookies = iter_inputs([gate, echo], max_bytes=1_000_000)
    assert isinstance(article, Article) and article.title == "Council approves budget", article
    assert article.url == gate
    assert isinstance(cookies, Article) and cookies.text == "no cookies"  # not passed on to the next download
    loop = failure(f"{base}/gate-forever").error  # the second request already sent the cookie the third would
    assert f"redirect loop ({base}/gate-forever redirects back to {base}/gate-forever)" in loop


def test_broken_answers(base: str) -> None:
    assert "127.0.0.1 closed the connection without answering" in failure(f"{base}/hang-up").error
    assert "the connection to 127.0.0.1 was cut off before the whole page arrived" in failure(f"{base}/cut-short").error
    assert "127.0.0.1 sent an answer that is not valid HTTP" in failure(f"{base}/not-http").error


def test_redirect_loop(base: str) -> None:
    assert "redirect loop" in failure(f"{base}/loop-a").error


def test_too_many_redirects(base: str) -> None:
    assert "too many redirects (more than 5)" in failure(f"{base}/forever0").error
    assert "404" in failure(f"{base}/forever5").error  # 5 redirects are followed (to a missing page)


def test_redirect_to_another_scheme_is_refused(base: str) -> None:
    item = failure(f"{base}/to-ftp")
    assert "redirected to ftp://example.invalid/story.txt" in item.error and "refused" in item.error


@pytest.mark.parametrize("address", ["ftp://example.invalid/story.txt", "file:///etc/hostname"])
def test_other_schemes_are_refused(address: str) -> None:
    item = failure(address)
    assert "only http:// and https:// addresses can be downloaded" in item.error
    assert address.split(":")[0] + "://" in item.error


def _unknown_name(request: httpx.Request) -> httpx.Response:
    """What httpx raises when a host name cannot be looked up."""
    raise httpx.ConnectError("[Errno -2] Name or service not known", request=request) from socket.gaierror(
        socket.EAI_NONAME, "Name or service not known")


def test_unresolvable_host() -> None:
    address = "http://nonexistent.invalid/"
    with UrlFetcher(max_bytes=1000, transport=httpx.MockTransport(_unknown_name)) as fetcher:
        item = fetcher.result(address, fetcher.submit(address))
    assert isinstance(item, InputFailure) and item.id == "nonexistent.invalid" and item.source == address
    assert item.error == (f"could not download {address}: the server name nonexistent.invalid could not be found "
                          "(check the address and the network connection)")


def test_bad_addresses() -> None:
    assert "no host name" in failure("http:///path").error
    assert "not a valid web address" in failure("http://127.0.0.1:notaport/").error


def test_connection_refused(base: str) -> None:
    import socket

    with socket.socket() as unused:  # a port that was just free and has no listener
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    assert "refused the connection" in failure(f"http://127.0.0.1:{port}/x").error


needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None,
                                   reason="needs the openssl command to make a certificate")


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """An https server on 127.0.0.1 with a certificate of its own: its port and the certificate."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server = Server(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], cert
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@needs_openssl
def test_https(https_server: tuple[int, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    port, cert = https_server
    address = f"https://127.0.0.1:{port}/notes.txt"
    assert "the security certificate of 127.0.0.1 could not be verified" in failure(address).error
    monkeypatch.setattr(url_reader, "_tls_context", lambda: ssl.create_default_context(cafile=str(cert)))
    article = fetch_one(address)
    assert isinstance(article, Article) and article.url == address and article.text.startswith("Plain text")


# --- through a proxy -----------------------------------------------------------------------


class ProxyHandler(BaseHTTPRequestHandler):
    """A forward proxy: GET with a whole address for http://, CONNECT (a tunnel) for https://.
    Records each request; asks for Basic credentials when the server has ``password`` set."""

    def _allowed(self) -> bool:
        server: Any = self.server
        server.seen.append((self.command, self.path))
        if server.password is None:
            return True
        expected = "Basic " + base64.b64encode(f"reader:{server.password}".encode()).decode()
        if self.headers.get("Proxy-Authorization") == expected:
            return True
        self.send_response(407, "Proxy Authentication Required")
        self.send_header("Proxy-Authenticate", 'Basic realm="test"')
        self.send_header("Content-Length", "0")
        self.end_headers()
        return False

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if not self._allowed():
            return
        target = urlsplit(self.path)
        if target.hostname != "127.0.0.1":  # nothing else is reachable from the tests
            self.send_error(502, "Bad Gateway")
            return
        upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=5)
        upstream.request("GET", target.path or "/", headers={"Accept-Encoding": self.headers.get("Accept-Encoding", "")})
        answer = upstream.getresponse()
        body = answer.read()
        self.send_response(answer.status, answer.reason)
        for name in ("Content-Type", "Content-Encoding", "Location"):
            if answer.getheader(name):
                self.send_header(name, answer.getheader(name))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        upstream.close()

    def do_CONNECT(self) -> None:  # noqa: N802
        if not self._allowed():
            return
        host, _, port = self.path.rpartition(":")
        with socket.create_connection((host, int(port)), timeout=5) as upstream:
            self.send_response(200, "Connection established")
            self.end_headers()
            ends = [self.connection, upstream]
            while True:
                ready, _, _ = select.select(ends, [], [], 5)
                if not ready:
                    break
                for end in ready:
                    data = end.recv(65536)
                    if not data:
                        return
                    (upstream if end is self.connection else self.connection).sendall(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


@pytest.fixture
def proxy() -> Iterator[Any]:
    server: Any = Server(("127.0.0.1", 0), ProxyHandler)
    server.seen, server.password = [], None
    server.address = f"127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_http_through_the_proxy_of_the_environment(base: str, proxy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    address = f"{base}/news/budget-vote.html"
    monkeypatch.setenv("http_proxy", f"http://{proxy.address}")
    article = fetch_one(address)
    assert isinstance(article, Article) and article.title == "Council approves budget"
    assert proxy.seen == [("GET", address)]  # the proxy was asked for the whole address
    monkeypatch.setenv("no_proxy", "localhost,127.0.0.1")
    assert isinstance(fetch_one(address), Article)
    assert len(proxy.seen) == 1  # no_proxy: straight to the server


def test_a_proxy_that_wants_a_password(base: str, proxy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    proxy.password = "p@ss word"
    address = f"{base}/news/budget-vote.html"
    monkeypatch.setenv("HTTP_PROXY", f"http://{proxy.address}")
    error = failure(address).error
    assert f"the proxy http://{proxy.address} (from HTTP_PROXY) answered 407 Proxy Authentication Required" in error
    assert "put a user name and password in the proxy address: http://USER:PASSWORD@HOST:PORT" in error
    monkeypatch.setenv("HTTP_PROXY", f"http://reader:wrong@{proxy.address}")
    error = failure(address).error
    assert "check the user name and password in the proxy address" in error and "wrong" not in error
    monkeypatch.setenv("HTTP_PROXY", f"http://reader:p%40ss%20word@{proxy.address}")  # quoted, as in any URL
    assert isinstance(fetch_one(address), Article)


def test_international_names_and_gateway_errors_through_the_proxy(proxy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", f"http://{proxy.address}")
    error = failure("http://bücher.example/news").error
    assert proxy.seen[-1] == ("GET", "http://xn--bcher-kva.example/news")  # the name in its ASCII form
    assert f"the answer was 502 Bad Gateway, through the proxy http://{proxy.address} (from http_proxy)" in error


def test_ipv6_addresses_through_the_proxy(proxy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", f"http://{proxy.address}")
    error = failure("http://[::1]:8080/news").error
    assert "an IPv6 address cannot go through a proxy; add it to no_proxy" in error
    assert proxy.seen == []


@needs_openssl
def test_https_is_tunnelled_through_the_proxy(https_server: tuple[int, Path], proxy: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    port, cert = https_server
    address = f"https://127.0.0.1:{port}/notes.txt"
    monkeypatch.setenv("https_proxy", f"http://{proxy.address}")
    assert "the security certificate of 127.0.0.1 could not be verified" in failure(address).error  # still checked
    monkeypatch.setattr(url_reader, "_tls_context", lambda: ssl.create_default_context(cafile=str(cert)))
    article = fetch_one(address)
    assert isinstance(article, Article) and article.text.startswith("Plain text")
    assert proxy.seen[-1] == ("CONNECT", f"127.0.0.1:{port}")
    proxy.password = "secret"
    error = failure(address).error
    assert f"the proxy http://{proxy.address} (from https_proxy) refused to connect to 127.0.0.1: 407" in error
    assert "user name and password" in error


def test_a_proxy_that_is_down_or_misspelt_is_named(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    monkeypatch.setenv("http_proxy", f"127.0.0.1:{port}")  # no scheme: http:// is meant
    error = failure(f"{base}/x").error
    assert f"the proxy http://127.0.0.1:{port} (from http_proxy) refused the connection" in error
    monkeypatch.setenv("http_proxy", "socks5://127.0.0.1:1080")
    assert "only http:// proxies are supported" in failure(f"{base}/x").error
    monkeypatch.setenv("http_proxy", "http://proxy.example:99999")
    assert "(http://proxy.example:99999) cannot be used: its port is not a number from 1 to 65535" in \
        failure(f"{base}/x").error
    monkeypatch.setenv("http_proxy", "http://reader:secret@:3128")
    error = failure(f"{base}/x").error
    assert "(http://reader:***@:3128) cannot be used: it has no host name" in error and "secret" not in error


# --- through iter_inputs -------------------------------------------------------------------


def test_mixed_batch_keeps_order(base: str, tmp_path: Path) -> None:
    local = tmp_path / "story.txt"
    local.write_text("A local story.", encoding="utf-8")
    page = f"{base}/news/budget-vote.html"
    items = list(iter_inputs([f"{base}/missing", str(local), page, page, "ftp://x.invalid/a"], max_bytes=1_000_000))
    assert [type(i).__name__ for i in items] == ["InputFailure", "Article", "Article", "Article", "InputFailure"]
    assert [i.id for i in items] == ["missing", "story", "budget-vote", "budget-vote-2", "a"]
    missing, story, _, again, _ = items
    assert isinstance(missing, InputFailure) and "404" in missing.error
    assert isinstance(story, Article) and story.text == "A local story."
    assert isinstance(again, Article) and any("already used" in w for w in again.warnings)


def test_iter_inputs_passes_max_bytes_and_module_defaults(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (big,) = iter_inputs([f"{base}/huge"], max_bytes=10_000)
    assert isinstance(big, InputFailure) and "--max-input-bytes" in big.error
    monkeypatch.setattr(url_reader, "DEFAULT_TIMEOUT", 0.3)
    (slow,) = iter_inputs([f"{base}/slow"])
    assert isinstance(slow, InputFailure) and "0.3 seconds" in slow.error


# --- many pages at once ---------------------------------------------------------------------


class Gauge:
    """Counts the requests in progress on the servers that share it, per host and in all. The first
    ``round`` requests to arrive are held until that many are in progress at once (or ``patience``
    seconds have passed, so that a fetcher that asks one at a time fails instead of hanging), then
    ``linger`` seconds more, for any request beyond the bounds to show up while they are held."""

    def __init__(self, round: int, patience: float = 10, linger: float = 0.3) -> None:  # noqa: A002
        self.round, self.patience, self.linger = round, patience, linger
        self.changed = threading.Condition()
        self.active: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.peak_total = self.arrived = 0
        self.connections: dict[str, set[int]] = {}

    def enter(self, host: str, port: int) -> None:
        with self.changed:
            self.arrived += 1
            self.active[host] = self.active.get(host, 0) + 1
            self.peak[host] = max(self.peak.get(host, 0), self.active[host])
            self.peak_total = max(self.peak_total, sum(self.active.values()))
            self.connections.setdefault(host, set()).add(port)
            self.changed.notify_all()
            if self.arrived <= self.round:
                if self.changed.wait_for(lambda: sum(self.active.values()) >= self.round, self.patience):
                    self.changed.wait_for(lambda: False, self.linger)

    def leave(self, host: str) -> None:
        with self.changed:
            self.active[host] -= 1


class GaugedHandler(Handler):
    """HTTP/1.1 with keep-alive; /story/N answers "Story N." in its turn on the gauge."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        gauge: Gauge = self.server.gauge  # type: ignore[attr-defined]
        host = self.server.server_address[0]
        gauge.enter(host, self.client_address[1])
        try:
            self.reply(f"Story {self.path.rpartition('/')[2]}.".encode(), "text/plain")
        finally:
            gauge.leave(host)


@pytest.fixture
def gauged() -> Iterator[tuple[list[str], Gauge]]:
    """Servers on 127.0.0.1 and, where the machine has it, 127.0.0.2 (two hosts), sharing a gauge
    whose first round is two requests per host."""
    servers: list[Any] = []
    for host in ("127.0.0.1", "127.0.0.2"):
        try:
            servers.append(Server((host, 0), GaugedHandler))
        except OSError:
            pass  # no 127.0.0.2 (macOS): one host
    gauge = Gauge(round=2 * len(servers))
    threads = []
    for server in servers:
        server.gauge = gauge
        threads.append(threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True))
        threads[-1].start()
    try:
        yield [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in servers], gauge
    finally:
        for server, thread in zip(servers, threads):
            server.shutdown()
            server.server_close()
            thread.join(5)


def test_pages_are_fetched_together_at_most_two_per_host_and_kept_in_order(gauged: tuple[list[str], Gauge],
                                                                          tmp_path: Path) -> None:
    bases, gauge = gauged
    local = tmp_path / "local.txt"
    local.write_text("A local story.", encoding="utf-8")
    addresses = [f"{bases[n % len(bases)]}/story/{n}" for n in range(12)]
    items = list(iter_inputs([*addresses[:6], str(local)], urls=addresses[6:], max_bytes=1000))
    assert [i.text for i in items if isinstance(i, Article)] == \
        [f"Story {n}." for n in range(6)] + ["A local story."] + [f"Story {n}." for n in range(6, 12)]
    assert [i.source for i in items] == [*addresses[:6], str(local), *addresses[6:]]
    assert gauge.peak == {urlsplit(b).hostname: 2 for b in bases}  # two at once on each host, never three
    assert gauge.peak_total == 2 * len(bases)
    for host, ports in gauge.connections.items():  # keep-alive: connections are reused
        assert len(ports) <= 2, (host, ports)


def test_the_number_of_downloads_at_once_is_bounded(gauged: tuple[list[str], Gauge]) -> None:
    bases, gauge = gauged
    gauge.round = 1
    addresses = [f"{bases[0]}/story/{n}" for n in range(4)]
    with UrlFetcher(max_bytes=1000, concurrency=1) as fetcher:
        items = [fetcher.result(a, f) for a, f in [(a, fetcher.submit(a)) for a in addresses]]
    assert [i.text for i in items if isinstance(i, Article)] == [f"Story {n}." for n in range(4)]
    assert gauge.peak_total == 1
    assert len(gauge.connections[urlsplit(bases[0]).hostname or ""]) == 1  # one connection, reused


def test_url_list(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_bytes("\ufeff# today's pages\nhttps://example.com/a\n\n  https://example.com/b  \r\nnotes.txt\n".encode())
    expected = ["https://example.com/a", "https://example.com/b", "notes.txt"]
    assert read_url_list(str(listing)) == expected
    assert read_url_list("-", io.BytesIO(listing.read_bytes())) == expected
    with pytest.raises(UsageError, match=r"could not read the URL list .*missing.txt \(No such file or directory\)"):
        read_url_list(str(tmp_path / "missing.txt"))
    (tmp_path / "latin.txt").write_bytes(b"https://example.com/caf\xe9\n")
    with pytest.raises(UsageError, match="latin.txt: it is not UTF-8 text"):
        read_url_list(str(tmp_path / "latin.txt"))


def test_lines_of_a_url_list_are_never_read_as_files(tmp_path: Path) -> None:
    local = tmp_path / "notes.txt"
    local.write_text("A local story.", encoding="utf-8")
    (item,) = iter_inputs([], urls=[str(local)])
    assert isinstance(item, InputFailure) and item.source == str(local)
    assert item.error == f"{local} is not a web address (it should start with http:// or https://)"


# --- the command line: --url-list -----------------------------------------------------------


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Any]:
    """``summarizer run ...`` in-process with the fake backends of the tests (no models)."""
    import logging

    from click.testing import CliRunner
    from fakes import HashEmbedder, RegexAnalyzer

    import summarizer.api
    from summarizer.cli import main

    real = summarizer.api.Summarizer
    monkeypatch.setattr(summarizer.api, "Summarizer", lambda settings=None, **options: real(
        settings, embedder=HashEmbedder(), analyzer=RegexAnalyzer(), **options))
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    logger = logging.getLogger("summarizer")
    monkeypatch.setattr(logger, "handlers", logger.handlers[:])
    monkeypatch.setattr(logger, "propagate", logger.propagate)

    def invoke(*args: str, input: str | None = None) -> Any:  # noqa: A002 - click's name
        return CliRunner().invoke(main, ["run", "-q", "-f", "jsonl", *args], input=input, catch_exceptions=False)

    return invoke


def records(result: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_url_list_from_a_file_comes_after_the_inputs_in_its_order(base: str, run_cli: Callable[..., Any],
                                                                   tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text("A local story about the council. It voted on Tuesday.", encoding="utf-8")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# the morning's pages\n{base}/news/budget-vote.html\n\n{base}/missing\n{base}/notes.txt\n",
                       encoding="utf-8")
    result = run_cli(str(local), "--url-list", str(listing))
    assert result.exit_code == 1, result.output  # one page is missing
    found = records(result)
    assert [r["source"] for r in found] == [str(local), f"{base}/news/budget-vote.html", f"{base}/missing",
                                            f"{base}/notes.txt"]
    assert [r["error"] is None for r in found] == [True, True, False, True]
    assert "404 Not Found" in found[2]["error"]
    assert "1 of 4 article(s) failed" in result.stderr


def test_url_list_from_standard_input(base: str, run_cli: Callable[..., Any]) -> None:
    result = run_cli("--url-list", "-", input=f"{base}/news/budget-vote.html\n{base}/news/final-story.html\n")
    assert result.exit_code == 0, result.output
    assert [(r["id"], r["title"]) for r in records(result)] == [("budget-vote", "Council approves budget"),
                                                                ("final-story", "Council approves budget")]


def test_resume_downloads_no_page_already_done(base: str, run_cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    pages = [f"{base}/news/budget-vote.html", f"{base}/missing"]
    first = run_cli("-o", str(out), "--url-list", "-", input="\n".join(pages) + "\n")
    assert first.exit_code == 1, first.output  # the missing page is an error record, which counts as done
    Handler.requested.clear()
    again = run_cli("-o", str(out), "--resume", "--url-list", "-",
                    input="\n".join([*pages, f"{base}/news/final-story.html", f"{base}/news/budget-vote.html"]) + "\n")
    assert again.exit_code == 1, again.output  # the earlier failure still counts in the exit code
    # Only the new addresses were fetched; the same page twice is a new record under the id a first run gives it.
    assert sorted(Handler.requested) == ["/news/budget-vote.html", "/news/final-story.html"]
    assert [r["id"] for r in map(json.loads, out.read_text("utf-8").splitlines())] == [
        "budget-vote", "missing", "final-story", "budget-vote-2"]
    assert "2 article(s) skipped as already done" in again.stderr


def test_url_list_usage_errors(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = run_cli()
    assert result.exit_code == 2 and "Missing argument 'INPUT...'" in result.stderr and "--url-list" in result.stderr
    result = run_cli("-", "--url-list", "-", input="")
    assert result.exit_code == 2 and "standard input can be read only once" in result.stderr
    result = run_cli("--url-list", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and f"could not read the URL list {tmp_path / 'nope.txt'}" in result.stderr
    (tmp_path / "empty.txt").write_text("# nothing today\n\n", encoding="utf-8")
    result = run_cli("--url-list", str(tmp_path / "empty.txt"))
    assert result.exit_code == 2 and "holds no web addresses" in result.stderr
    assert result.stdout == ""


# --- helpers -------------------------------------------------------------------------------


def test_is_url() -> None:
    assert is_url("https://example.com/a") and is_url("HTTP://x") and is_url("ftp://x") and is_url("file:///x")
    assert not is_url("news/a.txt") and not is_url("C:/news/a.txt") and not is_url("c://x") and not is_url("-")


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://example.com/news/2024/budget-vote.html?utm=1#top", "budget-vote"),
        ("https://example.com/news/budget-vote/", "budget-vote"),
        ("https://Example.COM/", "example.com"),
        ("https://example.com", "example.com"),
        ("https://example.com/a%20b%2Fc", "a-b-c"),
        ("https://example.com/.hidden", "hidden"),
        ("http:///", "url"),
    ],
)
def test_url_id(address: str, expected: str) -> None:
    assert url_id(address) == expected
