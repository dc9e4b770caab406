#!/usr/bin/env bash
# Make sure the services the test suite talks to are there: a PostgreSQL
# server on 127.0.0.1:5432 and the distribution's headless Chromium.
# Filled in by the store/dashboard work (issue 6).
exit 0
