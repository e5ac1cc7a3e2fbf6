"""Reading the XML files banks send back (ISO 20022: `pain.002` status reports, `camt.053`
statements, `camt.054` notifications), whatever their version.

Versions of a message differ in their namespace, not in the elements we read, so the tree comes
back with the namespaces taken off. A file with a DOCTYPE or an entity is refused outright: a
bank's file never has one, and it is how XML bombs and external entities get in.
"""

import xml.etree.ElementTree as ET

# what an API endpoint taking a bank's file as its body says of it in the OpenAPI schema
OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/xml": {"schema": {"type": "string"}}},
    }
}
LARGEST = 5 * 1024 * 1024  # a month's statement of thousands of entries is far smaller


def read(data: bytes) -> ET.Element | None:
    """The root element of `data` without namespaces, or None when it is not XML we read."""
    if len(data) > LARGEST or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return None
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    for element in root.iter():
        element.tag = element.tag.rsplit("}", 1)[-1]
    return root


def text(element: ET.Element | None, path: str) -> str:
    """The stripped text at `path` under `element` ('' when missing)."""
    if element is None:
        return ""
    return (element.findtext(path) or "").strip()
