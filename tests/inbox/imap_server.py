"""A small IMAP4rev1 server for the tests, on a real socket (socketserver, one thread per client).

Enough of RFC 3501 for a mail reader: CAPABILITY, NOOP, LOGIN, SELECT/EXAMINE, SEARCH (ALL,
UNSEEN, SEEN), FETCH (UID, FLAGS, RFC822, RFC822.SIZE, BODY[], BODY.PEEK[]), STORE (+FLAGS,
-FLAGS, FLAGS, and .SILENT), each also as UID command, CLOSE and LOGOUT. RFC822 and BODY[] set
\\Seen as a real server does; BODY.PEEK[] does not. Every command received is kept in `log`, and
`refuse_fetch` holds UIDs whose FETCH the server answers NO (as when another client expunged the
message meanwhile).
"""

import re
import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class StoredMessage:
    uid: int
    data: bytes
    flags: set[str] = field(default_factory=set)


@dataclass
class MailStore:
    """The server's state: users and their passwords, folders of messages, what was asked."""

    users: dict[str, str] = field(default_factory=dict)
    folders: dict[str, list[StoredMessage]] = field(default_factory=lambda: {"INBOX": []})
    log: list[str] = field(default_factory=list)
    refuse_fetch: set[int] = field(default_factory=set)
    next_uid: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, data: bytes, *, folder="INBOX", seen=False) -> StoredMessage:
        with self.lock:
            message = StoredMessage(self.next_uid, data, {"\\Seen"} if seen else set())
            self.next_uid += 1
            self.folders.setdefault(folder, []).append(message)
            return message

    def seen(self, folder="INBOX") -> list[bool]:
        return ["\\Seen" in message.flags for message in self.folders[folder]]


TOKEN = re.compile(rb'"((?:[^"\\]|\\.)*)"|(\((?:[^()]|\([^()]*\))*\))|(\S+)')


def _tokens(line: bytes) -> list[str]:
    """A command line's arguments: atoms, quoted strings (unescaped), parenthesised lists."""
    found = []
    for quoted, listed, atom in TOKEN.findall(line):
        if quoted or (not listed and not atom):
            found.append(re.sub(rb"\\(.)", rb"\1", quoted).decode())
        else:
            found.append((listed or atom).decode())
    return found


def _numbers(spec: str, biggest: int) -> set[int]:
    """The numbers of an IMAP sequence set ("1", "2:4", "3,5", "1:*")."""
    found: set[int] = set()
    for part in spec.split(","):
        low, _, high = part.partition(":")
        low_n = biggest if low == "*" else int(low)
        high_n = low_n if not high else (biggest if high == "*" else int(high))
        low_n, high_n = sorted((low_n, high_n))
        found.update(range(low_n, high_n + 1))
    return found


class _Handler(socketserver.StreamRequestHandler):
    store: MailStore

    def send(self, text: str | bytes) -> None:
        self.wfile.write(text if isinstance(text, bytes) else text.encode())
        self.wfile.flush()

    def handle(self) -> None:
        self.user = None
        self.folder = None
        self.send("* OK [CAPABILITY IMAP4rev1] Aftersales test IMAP server ready\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            line = line.rstrip(b"\r\n")
            tag, _, rest = line.partition(b" ")
            command, _, arguments = rest.partition(b" ")
            name = command.decode().upper()
            self.store.log.append(
                f"{name} ***" if name == "LOGIN" else f"{name} {arguments.decode()}".strip()
            )
            tag = tag.decode()
            if name == "LOGOUT":
                self.send(f"* BYE logging out\r\n{tag} OK LOGOUT completed\r\n")
                return
            try:
                self.send(self.answer(tag, name, _tokens(arguments)))
            except (ValueError, IndexError, KeyError) as error:
                self.send(f"{tag} BAD {error}\r\n")

    def answer(self, tag: str, name: str, args: list[str]) -> bytes | str:
        if name == "CAPABILITY":
            return f"* CAPABILITY IMAP4rev1\r\n{tag} OK CAPABILITY completed\r\n"
        if name == "NOOP":
            return f"{tag} OK NOOP completed\r\n"
        if name == "LOGIN":
            user, password = args[0], args[1]
            if self.store.users.get(user) != password or not password:
                return f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials\r\n"
            self.user = user
            return f"{tag} OK LOGIN completed\r\n"
        if self.user is None:
            return f"{tag} BAD log in first\r\n"
        if name in ("SELECT", "EXAMINE"):
            if args[0] not in self.store.folders:
                return f"{tag} NO [NONEXISTENT] no such folder\r\n"
            self.folder = args[0]
            messages = self.store.folders[self.folder]
            mode = "READ-ONLY" if name == "EXAMINE" else "READ-WRITE"
            return (
                f"* {len(messages)} EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Deleted)\r\n"
                f"* OK [UIDVALIDITY 1] UIDs valid\r\n"
                f"* OK [UIDNEXT {self.store.next_uid}] next UID\r\n"
                f"{tag} OK [{mode}] {name} completed\r\n"
            )
        if self.folder is None:
            return f"{tag} BAD select a folder first\r\n"
        if name == "CLOSE":
            self.folder = None
            return f"{tag} OK CLOSE completed\r\n"
        by_uid = name == "UID"
        if by_uid:
            name, args = args[0].upper(), args[1:]
        handler = {"SEARCH": self.search, "FETCH": self.fetch, "STORE": self.store_flags}.get(name)
        if handler is None:
            return f"{tag} BAD unknown command {name}\r\n"
        return handler(tag, args, by_uid=by_uid)

    def _chosen(self, spec: str, *, by_uid: bool) -> list[tuple[int, StoredMessage]]:
        messages = self.store.folders[self.folder]
        if by_uid:
            wanted = _numbers(spec, messages[-1].uid if messages else 0)
            return [(n, m) for n, m in enumerate(messages, 1) if m.uid in wanted]
        wanted = _numbers(spec, len(messages))
        return [(n, m) for n, m in enumerate(messages, 1) if n in wanted]

    def search(self, tag: str, args: list[str], *, by_uid: bool) -> str:
        keys = [arg.upper() for arg in args if arg.upper() != "CHARSET"]
        found = []
        for number, message in enumerate(self.store.folders[self.folder], 1):
            seen = "\\Seen" in message.flags
            if ("UNSEEN" in keys and seen) or ("SEEN" in keys and not seen):
                continue
            found.append(message.uid if by_uid else number)
        return (
            f"* SEARCH {' '.join(map(str, found))}".rstrip() + f"\r\n{tag} OK SEARCH completed\r\n"
        )

    def fetch(self, tag: str, args: list[str], *, by_uid: bool) -> bytes:
        spec, items = args[0], args[1].strip("()").upper().split()
        out = b""
        for number, message in self._chosen(spec, by_uid=by_uid):
            if message.uid in self.store.refuse_fetch:
                return f"{tag} NO [UNAVAILABLE] message {message.uid} is gone\r\n".encode()
            parts = [f"UID {message.uid}".encode()]
            for item in items:
                if item in ("RFC822", "BODY[]", "BODY.PEEK[]"):
                    label = "RFC822" if item == "RFC822" else "BODY[]"
                    if item != "BODY.PEEK[]":
                        message.flags.add("\\Seen")  # reading it whole marks it seen
                    parts.append(f"{label} {{{len(message.data)}}}\r\n".encode() + message.data)
                elif item == "RFC822.SIZE":
                    parts.append(f"RFC822.SIZE {len(message.data)}".encode())
                elif item == "FLAGS":
                    parts.append(f"FLAGS ({' '.join(sorted(message.flags))})".encode())
            out += f"* {number} FETCH (".encode() + b" ".join(parts) + b")\r\n"
        return out + f"{tag} OK FETCH completed\r\n".encode()

    def store_flags(self, tag: str, args: list[str], *, by_uid: bool) -> str:
        spec, how, flags = args[0], args[1].upper(), set(args[2].strip("()").split())
        out = ""
        for number, message in self._chosen(spec, by_uid=by_uid):
            if how.startswith("+"):
                message.flags |= flags
            elif how.startswith("-"):
                message.flags -= flags
            else:
                message.flags = set(flags)
            if not how.endswith(".SILENT"):
                shown = " ".join(sorted(message.flags))
                out += f"* {number} FETCH (UID {message.uid} FLAGS ({shown}))\r\n"
        return out + f"{tag} OK STORE completed\r\n"


class ImapServer(socketserver.ThreadingTCPServer):
    """`with ImapServer(store) as server:` listens on 127.0.0.1 at `server.port`."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, store: MailStore):
        handler = type("Handler", (_Handler,), {"store": store})
        super().__init__(("127.0.0.1", 0), handler)
        self.port = self.server_address[1]
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
