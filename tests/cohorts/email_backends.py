"""A stand-in for the email provider, for worker processes started by the tests: it writes
each message to a file in `TEST_OUTBOX`, and when `TEST_OUTBOX_STALL_AFTER` messages are
there it stops answering, as a provider that hangs does, until the worker is killed."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class FolderBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = Path(os.environ["TEST_OUTBOX"])
        stall_after = int(os.environ.get("TEST_OUTBOX_STALL_AFTER") or 0)
        for message in email_messages:
            if stall_after and len(list(folder.glob("*.eml"))) >= stall_after:
                time.sleep(3600)
            path = folder / f"{uuid.uuid4().hex}.eml"
            partial = path.with_suffix(".part")
            partial.write_bytes(message.message().as_bytes())
            partial.rename(path)  # whole messages only, for the test that reads the folder
        return len(email_messages)
