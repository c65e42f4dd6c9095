"""The client's address behind reverse proxies: who is really knocking (for the throttle).

A proxy that forwards a request appends the address it was connected from to the
`X-Forwarded-For` header (`client, proxy1, proxy2`). Only the entries added by our own proxies
can be believed: anything to their left was written by whoever connected to the first proxy,
and a client can send any `X-Forwarded-For` it likes. So the header is read from the right,
and only while the hop that handed it to us is one of the trusted networks (the setting
`trusted_proxies`):

- the peer (the address that connected to the app) is not trusted: the peer is the client,
  whatever the header says;
- the peer is trusted: walk the header from the right past trusted addresses; the first one
  outside the trusted networks is the client (the address our first proxy saw);
- every entry is trusted: the leftmost one (the client is inside a trusted network);
- an entry that is no IP address (`unknown`, a name, a forged mess) ends the walk: the
  trusted hop to its right is the client, since nothing left of it can be believed.

The answer is always a normalised IP address (an IPv4-mapped IPv6 peer as IPv4) or None when
the peer itself is unknown. Pure: no web framework; `components.auth` and
`components.login_routes` hand in what the server saw.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
MAX_HOPS = 32  # entries read from the right; a real chain of proxies has a few


def parse_address(text: str | None) -> IPAddress | None:
    """`text` as an IP address (a port, IPv6 brackets, IPv4-mapped IPv6 undone), else None."""
    text = (text or "").strip()
    if text.startswith("["):  # [2001:db8::1] or [2001:db8::1]:443
        text, closed, port = text[1:].partition("]")
        if not closed or (port and not port.startswith(":")):
            return None
    elif text.count(":") == 1:  # 192.0.2.1:443
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if isinstance(address, ipaddress.IPv6Address) and address.scope_id:
        return None  # fe80::1%eth0 is no client address
    return address


def _trusted(address: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_address(
    peer: str | None, forwarded_for: str | None, trusted: Iterable[IPNetwork]
) -> str | None:
    """The client's address: `peer` unless it is a trusted proxy, then from `forwarded_for`
    (the joined `X-Forwarded-For` values), read from the right as the module says."""
    networks = tuple(trusted)
    hop = parse_address(peer)
    if hop is None:
        return None
    if not _trusted(hop, networks):
        return str(hop)
    entries = [entry for entry in (forwarded_for or "").split(",") if entry.strip()]
    for entry in reversed(entries[-MAX_HOPS:]):
        address = parse_address(entry)
        if address is None:
            return str(hop)  # garbage: believe nothing to its left
        hop = address
        if not _trusted(hop, networks):
            return str(hop)
    return str(hop)  # all trusted: the leftmost, or the peer when there was no header


def forwarded_https(
    peer: str | None, forwarded_proto: str | None, trusted: Iterable[IPNetwork]
) -> bool:
    """Whether a trusted proxy says the browser used HTTPS (`X-Forwarded-Proto: https`; of a
    list, the first proxy's value). From any other peer the header means nothing."""
    hop = parse_address(peer)
    if hop is None or not _trusted(hop, tuple(trusted)):
        return False
    first = (forwarded_proto or "").split(",")[0]
    return first.strip().casefold() == "https"
