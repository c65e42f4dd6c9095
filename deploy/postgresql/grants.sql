-- The app's own PostgreSQL role: rows only, no schema changes.
--
-- Two roles per database:
--   * the OWNER (e.g. dashboard_owner) owns the database and its tables; it runs the deploy
--     steps: `manage.py init-db` / `migrate`, `backup` and `restore`.
--   * the APP role (e.g. dashboard_app) is what the running app, `send-reminders`,
--     `prune-logs` and `healthcheck` use: it reads and writes rows and cannot create, alter
--     or drop a table, so a flaw in the app cannot change the schema.
--
-- Run once as the owner, after the first `init-db`, in the dashboard database:
--   psql "postgresql://dashboard_owner@db.faxe.dk/dashboard" -v app_role=dashboard_app \
--        -v ON_ERROR_STOP=1 -f deploy/postgresql/grants.sql
-- The default privileges make every table a later migration creates (as the owner) readable
-- and writable by the app role too, so nothing has to be granted again after an upgrade.
-- Tested: tests/models/operations/test_postgres_roles.py.

GRANT CONNECT ON DATABASE :"DBNAME" TO :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
