"""Clients that talk to /api/v1/ as a real caller would: with a personal token, or a session."""

import json


def post_json(client, path, data, **kwargs):
    return client.post(path, json.dumps(data), content_type="application/json", **kwargs)


def patch_json(client, path, data, **kwargs):
    return client.patch(path, json.dumps(data), content_type="application/json", **kwargs)
