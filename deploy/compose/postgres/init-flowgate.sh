#!/bin/bash
# First start of the compose PostgreSQL only (docker-entrypoint-initdb.d): the application role and
# database of docs/ARCHITECTURE.md, and the role Temporal's auto-setup creates its databases with.
# Schemas are created by the runtimes' Flyway migrations.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=flowgate_password="$FLOWGATE_DB_PASSWORD" \
  --set=temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE flowgate LOGIN PASSWORD :'flowgate_password';
CREATE DATABASE flowgate OWNER flowgate;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
