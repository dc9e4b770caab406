"""``tidings serve``: the API and the dashboard."""

from __future__ import annotations

import click

from tidings.cli.store import db_option


def serve(db: str, host: str, port: int, token=None, read_token=None, cors=(), announce=True) -> None:
    import uvicorn

    from tidings.api.app import create_app
    from tidings.api.settings import Settings

    settings = Settings.from_env(db=db, token=token, read_token=read_token, cors_origins=tuple(cors) or None)
    app = create_app(settings)
    if announce:
        shown = "localhost" if host in ("0.0.0.0", "::") else host
        click.echo(f"tidings: dashboard at http://{shown}:{port}/  (API: /api/events, spec: /api/openapi.json)")
        if settings.read_token:
            click.echo(f"tidings: reads need the read token: open http://{shown}:{port}/#token=TOKEN")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="TIDINGS_TOKEN", help="Bearer token for writes (POST /api/ingest); without it writes are off.")
@click.option("--read-token", envvar="TIDINGS_READ_TOKEN", help="When set, reading the data needs this token too.")
@click.option("--cors-origin", "cors", multiple=True, help="An origin allowed to call the API from another site (repeatable).")
def serve_cmd(db, host, port, token, read_token, cors):
    """Serve the REST API and the dashboard over DB."""
    serve(db, host, port, token, read_token, cors)


commands = [serve_cmd]
