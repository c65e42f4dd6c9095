"""The client's address behind trusted proxies: the header is believed only from the right,
only as far as trusted proxies wrote it; a client never chooses its own address."""

from __future__ import annotations

import ipaddress

import pytest

from models.auth.client_address import client_address, forwarded_https, parse_address

PROXY = "10.0.0.5"  # our reverse proxy
LB = "10.1.0.9"  # a load balancer in front of it
TRUSTED = (ipaddress.ip_network("10.0.0.5/32"), ipaddress.ip_network("10.1.0.0/16"))
V6_TRUSTED = (ipaddress.ip_network("fd00::/64"),)

CASES = {
    # (peer, X-Forwarded-For, trusted networks) -> the client
    "direct, no header": ("203.0.113.7", None, TRUSTED, "203.0.113.7"),
    "direct, forged header ignored": ("203.0.113.7", "198.51.100.1", TRUSTED, "203.0.113.7"),
    "nothing trusted: header ignored": (PROXY, "203.0.113.7", (), PROXY),
    "through our proxy": (PROXY, "203.0.113.7", TRUSTED, "203.0.113.7"),
    "through lb and proxy": (PROXY, f"203.0.113.7, {LB}", TRUSTED, "203.0.113.7"),
    "spoofed entry left of the real one": (
        PROXY,
        "198.51.100.66, 203.0.113.7",
        TRUSTED,
        "203.0.113.7",
    ),
    "spoofed trusted-looking entry": (PROXY, "10.1.0.1, 203.0.113.7", TRUSTED, "203.0.113.7"),
    "spoof through two proxies": (
        PROXY,
        f"198.51.100.66, 203.0.113.7, {LB}",
        TRUSTED,
        "203.0.113.7",
    ),
    "header in two lines": (PROXY, "198.51.100.66,203.0.113.7", TRUSTED, "203.0.113.7"),
    "trusted proxy without header": (PROXY, None, TRUSTED, PROXY),
    "trusted proxy with empty header": (PROXY, " , ", TRUSTED, PROXY),
    "client inside the trusted network": (PROXY, "10.1.2.3", TRUSTED, "10.1.2.3"),
    "garbage from the client's side": (PROXY, "unknown", TRUSTED, PROXY),
    "garbage right of a trusted hop": (PROXY, f"203.0.113.7, evil, {LB}", TRUSTED, LB),
    "script in the header": (PROXY, "<script>alert(1)</script>", TRUSTED, PROXY),
    "a port on the address": (PROXY, "203.0.113.7:51234", TRUSTED, "203.0.113.7"),
    "ipv6 in brackets with port": (PROXY, "[2001:db8::7]:443", TRUSTED, "2001:db8::7"),
    "ipv6 proxy and client": ("fd00::2", "2001:db8::7", V6_TRUSTED, "2001:db8::7"),
    "ipv4-mapped peer is the ipv4 proxy": (
        f"::ffff:{PROXY}",
        "203.0.113.7",
        TRUSTED,
        "203.0.113.7",
    ),
    "ipv4-mapped client, normalised": (PROXY, "::ffff:203.0.113.7", TRUSTED, "203.0.113.7"),
    "no peer (localhost in Streamlit)": (None, "203.0.113.7", TRUSTED, None),
    "garbage peer": ("testclient", "203.0.113.7", TRUSTED, None),
    "scoped ipv6 entry is garbage": (PROXY, "fe80::1%eth0", TRUSTED, PROXY),
}


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "trusted", "expected"), CASES.values(), ids=CASES.keys()
)
def test_the_client_is_the_rightmost_untrusted_address(
    peer: str | None, forwarded_for: str | None, trusted: tuple, expected: str | None
) -> None:
    assert client_address(peer, forwarded_for, trusted) == expected


def test_a_long_chain_is_read_from_the_right_only() -> None:
    chain = ", ".join(["198.51.100.66"] * 1000 + ["203.0.113.7"])
    assert client_address(PROXY, chain, TRUSTED) == "203.0.113.7"


PROTO_CASES = {
    "trusted proxy says https": (PROXY, "https", TRUSTED, True),
    "any case and spaces": (PROXY, " HTTPS ", TRUSTED, True),
    "trusted proxy says http": (PROXY, "http", TRUSTED, False),
    "the first proxy's value of a list": (PROXY, "https, http", TRUSTED, True),
    "untrusted peer cannot claim https": ("203.0.113.7", "https", TRUSTED, False),
    "nothing trusted": (PROXY, "https", (), False),
    "no header": (PROXY, None, TRUSTED, False),
    "no peer": (None, "https", TRUSTED, False),
}


@pytest.mark.parametrize(
    ("peer", "proto", "trusted", "expected"), PROTO_CASES.values(), ids=PROTO_CASES.keys()
)
def test_only_a_trusted_proxy_says_the_browser_used_https(
    peer: str | None, proto: str | None, trusted: tuple, expected: bool
) -> None:
    assert forwarded_https(peer, proto, trusted) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("192.0.2.1", "192.0.2.1"),
        (" 192.0.2.1:8080 ", "192.0.2.1"),
        ("[::1]", "::1"),
        ("[::1", None),
        ("[::1]x", None),
        ("2001:DB8::1", "2001:db8::1"),
        ("192.0.2.256", None),
        ("example.org", None),
        ("", None),
        (None, None),
    ],
)
def test_addresses_are_parsed_and_normalised(text: str | None, expected: str | None) -> None:
    parsed = parse_address(text)
    assert (str(parsed) if parsed is not None else None) == expected
