"""Unit tests never talk to a running API: point the action code at a closed port."""

import os

os.environ["API_URL"] = "http://127.0.0.1:9"
os.environ["API_TIMEOUT"] = "0.5"
