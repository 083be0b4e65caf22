#!/usr/bin/env bash
# Quick start: database, migrations, demo data, then the API and the worker in the foreground.
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f .env ]; then
  secret() { node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))"; }
  sed -e "s/^JWT_ACCESS_SECRET=.*/JWT_ACCESS_SECRET=$(secret)/" \
      -e "s/^JWT_REFRESH_SECRET=.*/JWT_REFRESH_SECRET=$(secret)/" \
      -e "s/^SIGNING_KEY_SECRET=.*/SIGNING_KEY_SECRET=$(secret)/" .env.example > .env
  echo "Created .env from .env.example with fresh JWT secrets."
fi
# An .env from before signed letters lacks the key that seals the signing keys.
if ! grep -q '^SIGNING_KEY_SECRET=' .env; then
  echo "SIGNING_KEY_SECRET=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")" >> .env
  echo "Added a fresh SIGNING_KEY_SECRET to .env."
fi

npm run --silent services:check
bash scripts/install-letter-fonts.sh || echo "Continuing: letters will not render until the fonts are there."
npm run --silent db:create
npm run --silent migration:run > /tmp/dafu-migrations.log 2>&1 || { cat /tmp/dafu-migrations.log; exit 1; }
echo "Migrations applied."
npm run --silent seed:demo
echo "Building the API, the worker and the web app..."
npm run --silent build > /tmp/dafu-build.log 2>&1 || { cat /tmp/dafu-build.log; exit 1; }

set -a; . ./.env; set +a
url="http://${HOST:-127.0.0.1}:${PORT:-3000}"
node dist/apps/api/main.js &
api=$!
node dist/apps/worker/main.js &
worker=$!
trap 'kill $api $worker 2>/dev/null; wait 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 60); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $api 2>/dev/null; then echo "The API stopped; see the log above." >&2; exit 1; fi
  sleep 0.5
done

cat <<MSG

Dafu is running.
  Web app:  $url/app/
  API:      $url
  API docs: $url/docs
  Health:   $url/health
  Demo logins (password Dafu-demo-2026):
    registrar      市政协提案委 registrar (CPPCC proposals)
    npc-registrar  市人大选工委 registrar (NPC suggestions)
    clerk          三门峡市民政局 clerk      reviewer / signatory: same bureau
    puyang-clerk   濮阳市民政局 clerk
    finance-clerk  市财政局 clerk (co bureau of demo item No. 12)   finance-reviewer: same bureau
    supervisor     市委市政府督查局          admin: system administrator
  Press Ctrl-C to stop.

MSG
wait $api $worker
