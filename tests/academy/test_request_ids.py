"""Every request has an id: on the response, and on each log line the request causes."""

import logging

import pytest

from academy.request_ids import HEADER, RequestIdFilter

pytestmark = pytest.mark.django_db


class Kept(logging.Handler):
    """The records logged while it is attached, with the site's request-id filter."""

    def __init__(self):
        super().__init__()
        self.records = []
        self.addFilter(RequestIdFilter())

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def kept():
    handler = Kept()
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)


def test_each_response_says_its_request_id_and_each_is_new(client):
    first, second = client.get("/healthz")[HEADER], client.get("/healthz")[HEADER]
    assert len(first) == 32 and first != second


def test_a_request_id_from_the_load_balancer_is_kept_and_a_forged_one_replaced(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c2e")[HEADER] == "lb-7f3a9c2e"
    forged = "x\n2026-12-04 INFO academy signed in as admin"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=forged)[HEADER] != forged


def test_what_a_request_logs_carries_its_id(client, kept):
    response = client.get("/no-such-page/")  # Django logs the 404
    assert response.status_code == 404
    [not_found] = [r for r in kept.records if r.name == "django.request"]
    assert not_found.request_id == response[HEADER]
    logging.getLogger("academy").warning("outside any request")
    assert kept.records[-1].request_id == ""
