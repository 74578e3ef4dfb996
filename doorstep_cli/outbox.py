"""`doorstep outbox`: the e-mail and SMS Doorstep sent, as a developer reads
them, with each message's attachments (an appointment's invite lives only in
the stored message) listed by name, type and size, and written to files on
request (`--save DIR`)."""
from pathlib import Path


def show(rows, html=False, save=None):
    """Print `rows` (OutboxMessage, oldest first); with `save`, write their attachments there."""
    folder = Path(save) if save else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    for m in rows:
        print(f"--- {m.created_at:%Y-%m-%d %H:%M:%S} {m.channel} to {m.to}: {m.subject or ''}")
        for name, value in (m.headers or {}).items():
            print(f"{name}: {value}")
        print(m.body)
        if m.html:
            print(m.html if html else f"(and an HTML part of {len(m.html)} characters: --html shows it)")
        for part in m.attachments or []:
            print(_attachment_line(m, part, folder))
    if not rows:
        print("the outbox is empty")


def _attachment_line(message, part, folder):
    content = part.get("content") or ""
    data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    line = f"Attachment: {part.get('filename')} ({part.get('content_type')}, {_size(len(data))})"
    if folder is None:
        return line + " (--save DIR writes it to a file)"
    # The message's id first, so two invites named alike never overwrite each other; the name's
    # own folders are dropped, so a stored name cannot write outside DIR.
    path = folder / f"{message.id}-{Path(str(part.get('filename') or 'attachment')).name}"
    path.write_bytes(data)
    return f"{line} written to {path}"


def _size(count):
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} KB"
