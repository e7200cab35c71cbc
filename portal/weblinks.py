"""Whether an outside address may become a link: http and https only."""

from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
# What a browser drops from an address before reading its scheme (WHATWG URL parsing):
# C0 controls and spaces around it, tabs and line breaks anywhere.
_AROUND = "".join(chr(c) for c in range(0x21))
_INSIDE = str.maketrans("", "", "\t\n\r")


def web_url(value) -> str:
    """The address itself when a browser would open it as http(s), else ""."""
    if not value:
        return ""
    text = str(value)
    read_as = text.strip(_AROUND).translate(_INSIDE)
    try:
        parts = urlsplit(read_as)
    except ValueError:
        return ""
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return ""
    return text
