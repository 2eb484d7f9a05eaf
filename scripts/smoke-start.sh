#!/usr/bin/env bash
# Starts the app the way the README says (npm start) on a fresh SQLite file, waits for
# it, checks the demo data answers (100 projects on the 2024 implementation list), the
# OpenAPI page and readiness (/api/ready), then stops it: the whole process group (npm → sh
# → node), so no server is left behind for a later run to meet on the same port.
set -uo pipefail
dir=$(mktemp -d)
port=${SMOKE_PORT:-3917}
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null; then
  echo "smoke test: port $port is already taken (an old server?): stop it or set SMOKE_PORT" >&2
  rm -rf "$dir"
  exit 1
fi
# A process group of its own, so that stopping it stops npm, its shell and the server alike.
set -m
DATABASE_URL="sqlite:$dir/tracker.sqlite" PORT=$port ADMIN_PASSWORD=smoke-admin-password npm start >"$dir/app.log" 2>&1 &
pid=$!
set +m
cleanup() {
  kill -TERM -- "-$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 180); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/regions" 2>/dev/null)
  [ "$code" = "401" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }
token=$(curl -fs "http://127.0.0.1:$port/api/auth/login" -H 'content-type: application/json' -d '{"username":"admin","password":"smoke-admin-password"}' | json accessToken)
page=$(curl -fs -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")
total=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/projects?list=implementation&year=2024" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
docs=$(curl -fs -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/docs")
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/ready")
echo "implementation list 2024: $total projects; /api/docs: HTTP $docs; war room /: HTTP $page; /api/ready: HTTP $ready"
if [ "$total" != "100" ] || [ "$docs" != "200" ] || [ "$page" != "200" ] || [ "$ready" != "200" ]; then
  tail -n 30 "$dir/app.log"
  exit 1
fi
