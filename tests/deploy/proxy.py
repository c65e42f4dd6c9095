"""The reverse proxy of deploy/nginx, rendered and run for tests.

`render_template` substitutes the PROXY_* variables as the nginx image's envsubst step (and
deploy/nginx/render.sh) does: only the named variables, so nginx's own `$host` stays.
`running_proxy` starts the Debian nginx on free ports with a self-signed certificate, behind
a main configuration like the image's (`http { include <rendered>; }`) that also logs which
instance served each request under which routing cookie.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import skip_or_fail

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEPLOY = PROJECT_ROOT / "deploy"
TEMPLATE = DEPLOY / "nginx" / "dashboard.conf.template"
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
NGINX_REASON = (
    f"the proxy tests need Debian's nginx at {NGINX} (apt-get install -y nginx); "
    ".ci/run installs it"
)
START_TIMEOUT_S = 30
ROUTE_COOKIE = "dashboard_route"
# What the proxy adds to every response (each once: the app's own copies are hidden).
SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "frame-ancestors 'self'",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
# envsubst's two forms: ${NAME} and $NAME
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def template_variables(text: str | None = None) -> set[str]:
    """The variables the template expects (upper-case; nginx's own are lower-case)."""
    text = TEMPLATE.read_text() if text is None else text
    names = {braced or bare for braced, bare in _VARIABLE.findall(text)}
    return {name for name in names if name.isupper()}


def render_template(values: Mapping[str, str]) -> str:
    """The template with `values` substituted (envsubst limited to these names)."""
    return _VARIABLE.sub(
        lambda match: values.get(match[1] or match[2], match[0]), TEMPLATE.read_text()
    )


def nginx_binary() -> str:
    found = NGINX if Path(NGINX).exists() else shutil.which("nginx")
    if found is None:
        skip_or_fail(NGINX_REASON)
    assert found is not None
    return found


def self_signed_certificate(directory: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A certificate and key for `host` (an IP address or a name), valid for a day."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:  # pragma: no cover - cryptography is in requirements-dev.txt
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
             "-nodes", "-days", "1", "-subj", f"/CN={host}", "-addext",
             f"subjectAltName={'IP' if _is_ip(host) else 'DNS'}:{host}",
             "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
        return cert, key
    private = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    alt: x509.GeneralName = (
        x509.IPAddress(ipaddress.ip_address(host)) if _is_ip(host) else x509.DNSName(host)
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([alt]), critical=False)
        .sign(private, hashes.SHA256())
    )
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key.chmod(0o600)
    return cert, key


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_config(workdir: Path, values: Mapping[str, str]) -> Path:
    """The rendered template and a main configuration around it, as the nginx image has;
    returns the main file. Temporary files and logs stay in `workdir`."""
    workdir.mkdir(parents=True, exist_ok=True)
    site = workdir / "dashboard.conf"
    site.write_text(render_template(values))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers may read the 0700 workdir
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = workdir / "nginx.conf"
    main.write_text(
        f"{user}worker_processes 1;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "    log_format routes '$dashboard_route|$status|$request_method $uri|$upstream_addr';\n"
        f"    access_log {workdir / 'access.log'} routes;\n"
        f"{temp}\n"
        f"    include {site};\n"
        "}\n"
    )
    return main


def nginx_command(main: Path, *extra: str) -> list[str]:
    workdir = main.parent
    return [
        nginx_binary(),
        "-p",
        str(workdir),
        "-c",
        str(main),
        "-e",
        str(workdir / "error.log"),
        *extra,
    ]


def check_config(main: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on the configuration: its syntax, the certificate, the upstreams."""
    return subprocess.run(
        nginx_command(main, "-t", "-g", f"pid {main.parent / 'nginx.pid'};"),
        capture_output=True,
        text=True,
        timeout=60,
    )


@dataclass
class Proxy:
    https_url: str
    http_url: str
    access_log: Path

    def routes(self) -> list[tuple[str, str, str, str]]:
        """(routing cookie value, status, request, instance address) per logged request."""
        lines = self.access_log.read_text().splitlines() if self.access_log.exists() else []
        return [tuple(line.split("|", 3)) for line in lines]  # type: ignore[misc]


def tls_context() -> ssl.SSLContext:
    """A client context that accepts the test's self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2, context=tls_context()) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)  # polling the proxy's port while nginx starts
    raise RuntimeError(f"nginx did not answer within {START_TIMEOUT_S} s: {log.read_text()}")


@contextmanager
def running_proxy(workdir: Path, upstreams: tuple[str, str], max_body_mb: int) -> Iterator[Proxy]:
    """nginx in the foreground with the deploy template, TLS on a free port, in front of the
    two `upstreams` (host:port); stopped at the end."""
    workdir.mkdir(parents=True, exist_ok=True)
    cert, key = self_signed_certificate(workdir)
    https_port, http_port = free_port(), free_port()
    main = write_config(
        workdir,
        {
            "PROXY_SERVER_NAME": "127.0.0.1",
            "PROXY_HTTP_PORT": str(http_port),
            "PROXY_HTTPS_PORT": str(https_port),
            "PROXY_TLS_CERT_FILE": str(cert),
            "PROXY_TLS_KEY_FILE": str(key),
            "PROXY_UPSTREAM_1": upstreams[0],
            "PROXY_UPSTREAM_2": upstreams[1],
            "PROXY_MAX_BODY_MB": str(max_body_mb),
        },
    )
    output = workdir / "nginx.out"
    with output.open("wb") as out:
        process = subprocess.Popen(
            nginx_command(main, "-g", f"daemon off; pid {workdir / 'nginx.pid'};"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        https_url = f"https://127.0.0.1:{https_port}"
        try:
            _wait_until_serving(f"{https_url}/_stcore/health", process, workdir / "error.log")
            yield Proxy(https_url, f"http://127.0.0.1:{http_port}", workdir / "access.log")
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
