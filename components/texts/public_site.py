"""The public status page (Offentlig statusside): preview, publish, earlier publications."""

from __future__ import annotations

TITLE = "Offentlig statusside"
INTRO = (
    "Den statiske hjemmeside, kommunen kan lægge på sin hjemmeside: planen kort, de 6 temaer, "
    "genopretningen, effektmålene og tidslinjen. Kun samlede tal, som på borgermødets dias. "
    "Forhåndsvisningen herunder er præcis det, der udgives."
)
PUBLISH = "Udgiv"
PUBLISH_HELP = (
    "Logger udgivelsen (hvem, hvornår og SHA-256 af filernes manifest) og giver en zip-fil "
    "med siden (index.html, style.css og SHA256SUMS) til kommunens hjemmeside."
)
PUBLISHED = "Statussiden er udgivet {moment}. SHA-256 af SHA256SUMS: {sha}"
DOWNLOAD = "Hent den udgivne statusside (zip)"
CLI_HINT = "Serveren kan også udgive direkte til en mappe: `python manage.py publish --out MAPPE`."
PREVIEW = "Forhåndsvisning"
PREVIEW_ALT = "Forhåndsvisning af den offentlige statusside"
HISTORY = "Tidligere udgivelser"
NO_HISTORY = "Statussiden er ikke udgivet endnu."
HISTORY_COLUMNS = (
    "Tidspunkt",
    "Udgivet af",
    "Hvor",
    "Status pr.",
    "Filer",
    "SHA-256 af SHA256SUMS",
)
