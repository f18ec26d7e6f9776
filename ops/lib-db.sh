# Shared by ops/backup and ops/restore: the database to use and libpq settings from an Npgsql connection string.
# CASEFLOW_DATABASE when set, else the embedded cluster (started if needed).

caseflow_database() {
  if [ -z "${CASEFLOW_DATABASE:-}" ]; then
    "$ROOT/ops/pg" start
    CASEFLOW_DATABASE="$("$ROOT/ops/pg" url)"
  fi
  printf '%s' "$CASEFLOW_DATABASE"
}

# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE from "Host=...;Port=...;Username=...;Password=...;Database=...".
export_libpq() {
  local part key value
  IFS=';' read -ra parts <<< "$1"
  for part in "${parts[@]}"; do
    key=$(printf '%s' "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value=${part#*=}
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|user\ id|userid|user) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
      database) export PGDATABASE="$value" ;;
    esac
  done
}

pg_tool() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/$1" ]; then printf '%s' "$dir/$1"; else command -v "$1"; fi
}
