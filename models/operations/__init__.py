"""Operations: what an IT department runs around the app, above everything else in `models`.

- `backup`: `manage.py backup` / `restore`. SQLite through the online backup API (a consistent
  copy while the app writes, checked with `integrity_check`), PostgreSQL through `pg_dump -Fc`
  / `pg_restore`; a manifest beside each backup (time, app commit, schema revision, row counts)
  that a restore checks; an older backup is migrated after the restore, a newer one refused.
- `health`: `manage.py healthcheck` (database answers, schema at head, data dir writable) and
  `manage.py check-config` (settings that will not work, explained), in Danish.
- `retention`: `manage.py prune-logs`: login events and reminder logs older than the retention
  setting are deleted; the plan's and reports' audit tables are kept for good.
- `rotation`: which backups to keep (the newest of each of the last N days and M weeks).
"""
