"""Command line for staff tasks (run from the repo root with the API venv):

python -m api.cli staff-user NAME        create or update a dashboard login (prompts)
python -m api.cli hash-password          print an argon2 hash for the STAFF_USERS env
python -m api.cli purge [--months N]     delete events and assessments past the retention
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

MIN_PASSWORD_LENGTH = 10


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Passwort: ")
        if getpass.getpass("Passwort wiederholen: ") != password:
            raise SystemExit("Die Passwörter stimmen nicht überein.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise SystemExit(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen haben.")
    return password


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.cli", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    user = sub.add_parser("staff-user", help="create or update a dashboard login")
    user.add_argument("name")
    user.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    hashing = sub.add_parser("hash-password", help="print an argon2 hash for STAFF_USERS")
    hashing.add_argument("--password-stdin", action="store_true")
    purge = sub.add_parser("purge", help="delete data older than the retention period")
    purge.add_argument("--months", type=int, default=None, help="default: RETENTION_MONTHS")
    args = parser.parse_args(argv)

    from api.core.db import SessionLocal
    from api.core.migrate import upgrade_head
    from api.services import staff_auth

    if args.command == "hash-password":
        print(staff_auth.hash_password(read_password(args.password_stdin)))
        return 0
    upgrade_head()
    with SessionLocal() as db:
        if args.command == "staff-user":
            password = read_password(args.password_stdin)
            try:
                created = staff_auth.set_db_user(db, args.name, password)
            except ValueError as error:
                raise SystemExit(str(error)) from error
            print(f"Zugang {args.name} {'angelegt' if created else 'aktualisiert'}.")
        else:
            from api.services.retention import purge_expired

            print(json.dumps(purge_expired(db, args.months)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
