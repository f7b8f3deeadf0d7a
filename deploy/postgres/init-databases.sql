-- Runs once when the PostgreSQL volume is initialised (docker-compose): the tracker store uses the
-- default database (POSTGRES_DB), the anonymous results store gets a database of its own so that
-- access rights and backups can differ.
CREATE DATABASE results;
