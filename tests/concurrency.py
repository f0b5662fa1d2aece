"""Real parallel requests, each on its own database connection, released together."""

import threading

from django.db import connection
from django.test import Client


def post_at_once(people, path: str, data: dict | None = None) -> list[int]:
    """Each person POSTs to `path` from their own signed-in client, all released together;
    the status codes, in the order of `people`."""
    return posts_at_once([(person, path, data) for person in people])


def posts_at_once(posts) -> list[int]:
    """Each (person, path, data) is POSTed from its own signed-in client (one person may
    post several, as from several browser tabs), all released together; the status codes,
    in order."""
    clients = []
    for person, _path, _data in posts:
        client = Client()
        client.force_login(person)
        clients.append(client)
    start = threading.Barrier(len(clients))
    statuses = [None] * len(clients)

    def post(index):
        _person, path, data = posts[index]
        try:
            start.wait()
            statuses[index] = clients[index].post(path, data or {}).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses
