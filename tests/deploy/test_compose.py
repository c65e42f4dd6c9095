"""deploy/compose.yaml: the invariants of a safe multi-instance deployment."""

from __future__ import annotations

import ipaddress
import re
import subprocess

import pytest
import sqlalchemy as sa

from tests.deploy.compose_file import (
    APPS,
    COMPOSE,
    INTERPOLATION,
    REQUIRED,
    MissingVariable,
    compose,
    env_example_names,
    environment,
    interpolate,
    service,
)
from tests.deploy.image_file import dockerfile_user
from tests.deploy.proxy import PROJECT_ROOT
from tests.test_repository import tracked_files

SHARED_SECRETS = ("DASHBOARD_COOKIE_KEY", "STREAMLIT_SERVER_COOKIE_SECRET", "PGPASSWORD")
SECRET_NAME = re.compile(r"KEY|SECRET|PASSWORD|TOKEN")
APP_SERVICES = ("migrate", *APPS, "backup", "reminders")  # every service that runs the image


def test_the_services() -> None:
    assert set(compose()["services"]) == {"db", "migrate", *APPS, "proxy", "backup", "reminders"}
    assert service("db")["image"].startswith("postgres:15")
    assert service("proxy")["image"].startswith("nginx:")
    images = {service(name)["image"] for name in APP_SERVICES}
    assert len(images) == 1, "every app service runs the one image"
    assert [name for name in compose()["services"] if "build" in service(name)] == ["migrate"]
    assert service("migrate")["build"]["dockerfile"] == "deploy/Dockerfile"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_the_app_runs_non_root_on_a_read_only_root_file_system(name: str) -> None:
    app = service(name)
    assert app["read_only"] is True
    assert "/tmp" in app["tmpfs"]
    assert app["user"] == dockerfile_user() != "0"
    assert not app["user"].startswith(("0:", "root"))
    assert app["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in app["security_opt"]
    volumes = [volume.split(":")[1] for volume in app.get("volumes", [])]
    assert set(volumes) <= {"/var/lib/dashboard", "/var/backups/dashboard"}


@pytest.mark.parametrize("name", APPS)
def test_each_instance_is_healthchecked_restarted_and_waits_for_the_deploy_step(
    name: str,
) -> None:
    app = service(name)
    assert app["healthcheck"]["test"] == ["CMD", "python", "manage.py", "healthcheck"]
    assert app["restart"] == "unless-stopped"
    assert app["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert app["depends_on"]["db"] == {"condition": "service_healthy"}
    assert "command" not in app  # the image's CMD: streamlit run app.py
    assert environment(name)["DASHBOARD_MULTI_INSTANCE"] == "1"
    assert environment(name)["DATABASE_URL"].startswith("postgresql+psycopg://")


def test_the_deploy_step_runs_init_db_once() -> None:
    migrate = service("migrate")
    assert migrate["command"] == ["python", "manage.py", "init-db"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"] == {"condition": "service_healthy"}
    assert environment("migrate") == environment("app1")


def test_both_instances_get_the_same_settings_and_shared_secrets_from_the_env_file() -> None:
    first, second = (environment(name) for name in APPS)
    assert first == second
    for name in SHARED_SECRETS:
        assert name in first, f"{name} is not given to the instances"
        match = REQUIRED.fullmatch(first[name])
        assert match, f"{name}: {first[name]!r} should be ${{VAR:?…}}, refused when missing"
    assert REQUIRED.fullmatch(first["DASHBOARD_COOKIE_KEY"])[1] == "DASHBOARD_COOKIE_KEY"
    secret = REQUIRED.fullmatch(first["STREAMLIT_SERVER_COOKIE_SECRET"])
    assert secret[1] == "STREAMLIT_SERVER_COOKIE_SECRET"
    assert environment("db")["POSTGRES_PASSWORD"] == first["PGPASSWORD"]


def test_no_secret_is_written_in_the_file() -> None:
    """Every secret-looking setting comes from the env file without a default; no URL holds a
    password (the database password reaches libpq as PGPASSWORD)."""
    for name in compose()["services"]:
        for key, value in environment(name).items():
            if SECRET_NAME.search(key) and not key.endswith("_FILE"):  # _FILE: a path
                assert INTERPOLATION.fullmatch(value), f"{name}.{key} has a literal value"
                assert not re.search(r":-[^}]", value), f"{name}.{key} has a default value"
            if "://" in value:
                assert sa.engine.make_url(value).password is None, f"{name}.{key}"


def test_every_variable_compose_reads_is_in_env_example_and_the_required_ones_are_empty() -> None:
    text = COMPOSE.read_text()
    read = set(INTERPOLATION.findall(text))
    documented = env_example_names()
    assert read <= set(documented), f"not in env.example: {sorted(read - set(documented))}"
    required = {match[1] for match in re.finditer(r"\$\{([A-Z][A-Z0-9_]*):\?", text)}
    assert {"POSTGRES_PASSWORD", "DASHBOARD_COOKIE_KEY", "STREAMLIT_SERVER_COOKIE_SECRET"} <= (
        required
    )
    for line in (COMPOSE.parent / "env.example").read_text().splitlines():
        name, _, value = line.partition("=")
        if name in required:
            assert value == "", f"env.example must leave {name} empty (compose refuses it then)"


def test_the_env_file_and_the_certificates_stay_out_of_git() -> None:
    tracked_files()  # skips without a git checkout
    paths = ["deploy/.env", "deploy/certs/privkey.pem", "deploy/certs/fullchain.pem"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == paths


def test_only_the_proxy_publishes_ports() -> None:
    published = {name for name, config in compose()["services"].items() if config.get("ports")}
    assert published == {"proxy"}
    assert service("proxy")["ports"] == ["80:80", "443:443"]


def test_the_proxy_renders_the_template_with_tls_and_waits_for_healthy_instances() -> None:
    proxy = service("proxy")
    assert (
        "./nginx/dashboard.conf.template:/etc/nginx/templates/dashboard.conf.template:ro"
        in proxy["volumes"]
    )
    assert "./certs:/etc/nginx/certs:ro" in proxy["volumes"]
    env = environment("proxy")
    assert env["NGINX_ENVSUBST_FILTER"] == "PROXY_"  # nginx's own $variables stay untouched
    assert env["PROXY_TLS_CERT_FILE"].startswith("/etc/nginx/certs/")
    assert env["PROXY_TLS_KEY_FILE"].startswith("/etc/nginx/certs/")
    assert {env["PROXY_UPSTREAM_1"], env["PROXY_UPSTREAM_2"]} == {"app1:8501", "app2:8501"}
    assert (env["PROXY_HTTP_PORT"], env["PROXY_HTTPS_PORT"]) == ("80", "443")
    assert proxy["depends_on"] == {
        name: {"condition": "service_healthy", "restart": True} for name in APPS
    }
    assert proxy["read_only"] is True
    assert "/etc/nginx/conf.d" in proxy["tmpfs"]  # where the image writes the rendered file
    assert proxy["restart"] == "unless-stopped"


def test_the_proxy_body_limit_matches_the_app_upload_limit() -> None:
    """Streamlit accepts maxUploadSize plus 1 MB of multipart envelope; the proxy the same."""
    upload_mb = int(environment("app1")["DASHBOARD_MAX_UPLOAD_MB"])
    assert int(environment("proxy")["PROXY_MAX_BODY_MB"]) == upload_mb + 1


def test_the_scheduled_tasks_are_not_started_by_up() -> None:
    for name in ("backup", "reminders"):
        assert service(name)["profiles"] == ["tasks"]
        assert service(name)["restart"] == "no"
    assert "manage.py backup" in " ".join(service("backup")["command"])
    assert "manage.py prune-logs" in " ".join(service("backup")["command"])
    assert service("reminders")["command"] == ["python", "manage.py", "send-reminders"]


def test_the_database_is_healthchecked_and_not_reachable_from_outside() -> None:
    db = service("db")
    assert db["healthcheck"]["test"][:2] == ["CMD", "pg_isready"]
    assert "ports" not in db
    assert db["restart"] == "unless-stopped"


@pytest.mark.parametrize("secret", ["POSTGRES_PASSWORD", *SHARED_SECRETS[:2]])
def test_compose_refuses_to_start_without_a_secret(secret: str) -> None:
    """As compose interpolates: with every env.example value filled in, nothing is refused;
    with one secret empty, every service that needs it is, naming env.example."""
    filled = {name: "x" * 40 for name in env_example_names()}
    emptied = {**filled, secret: ""}
    refused: dict[str, str] = {}
    for name in compose()["services"]:
        for value in environment(name).values():
            interpolate(value, filled)
            try:
                interpolate(value, emptied)
            except MissingVariable as error:
                refused[name] = str(error)
    assert set(refused) >= set(APP_SERVICES)
    if secret == "POSTGRES_PASSWORD":
        assert "db" in refused
    assert all("env.example" in message for message in refused.values())


def test_the_instances_believe_forwarded_headers_from_the_proxy_alone() -> None:
    """The proxy has a fixed address in its own subnet, and that one address is what the
    instances trust (never uvicorn's FORWARDED_ALLOW_IPS="*")."""
    defaults: dict[str, str] = {}
    proxy_address = interpolate(service("proxy")["networks"]["backend"]["ipv4_address"], defaults)
    subnet = interpolate(compose()["networks"]["backend"]["ipam"]["config"][0]["subnet"], defaults)
    assert ipaddress.ip_address(proxy_address) in ipaddress.ip_network(subnet)
    for name in APP_SERVICES:
        env = environment(name)
        assert "FORWARDED_ALLOW_IPS" not in env, name
        assert interpolate(env["DASHBOARD_TRUSTED_PROXIES"], defaults) == proxy_address, name
    from models.core.settings import Settings

    trusted = Settings(trusted_proxies=proxy_address).trusted_proxies
    assert [str(network) for network in trusted] == [f"{proxy_address}/32"]
