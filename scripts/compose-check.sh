#!/usr/bin/env bash
# The compose check: brings deploy/compose.yaml up (PostgreSQL, two bot replicas, nginx) with Debian's docker-compose
# package, every service on the host network, against the loopback fake Bot API (tests/AnatomyBot.FakeBotApi); then
#   - both replicas answer /healthz through their own port, and the proxy's /healthz answers,
#   - a Telegram update POSTed to the proxy's webhook path (with the secret) is answered (sendMessage at the fake),
#   - an update without the secret is refused with 401,
#   - neither replica was restarted or logged a critical error (PostgreSQL is healthy before they start),
#   - it tears everything down (containers, volume).
# Usage: scripts/compose-check.sh [--bot-image TAG]
#   --bot-image TAG  run the replicas from TAG, an image already built from this checkout (.ci/run passes the one the
#                    container check has just built), instead of building one. Without it the bot image is built as
#                    the container check builds it (RUN_TESTS=false), so Docker's layer cache shares their layers.
# PostgreSQL and nginx are images of their own (deploy/postgres, deploy/nginx: Debian's packages on the local Debian
# stand-in); Docker keeps them, so they are built once per machine (about 1 min) and reused until their files change.
# Environment: BASE_IMAGES_SCRIPT, KEEP_DOCKER=1 as in scripts/container-check.sh.
# Exit codes: 0 passed, 1 failed, 3 skipped because no Docker engine could be started (the reason is printed).
# The last line of output is one result line: "compose check: passed|FAILED|skipped (...)".
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

bot_image=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bot-image) bot_image=${2:?--bot-image needs a tag}; shift 2 ;;
    *) echo "usage: scripts/compose-check.sh [--bot-image TAG]" >&2; exit 2 ;;
  esac
done
base_images=${BASE_IMAGES_SCRIPT:-$repo/../shared/tools/container-base-images.sh}
project=anatomybot-check-$$
token="100200300:compose-check-$$"
secret="compose-check-secret-$$"
started=$(date +%s)
work=$(mktemp -d)
check_file=deploy/.compose.check-$$.yaml

log() { echo "compose-check: $*"; }
result() { echo "compose check: $* in $(( $(date +%s) - started )) s"; }
since() { echo $(( $(date +%s) - $1 )); }
compose() { docker-compose -p "$project" -f "$check_file" -f deploy/compose.host-network.yaml "$@"; }
fail() {
  log "FAILED: $*"
  compose logs --tail 30 2>&1 | sed 's/^/  | /' || true
  [ -s "$work/fake.log" ] && { log "fake Bot API output:"; sed 's/^/  | /' "$work/fake.log"; }
  result "FAILED ($*)"
  exit 1
}
cleanup() {
  [ -f "$check_file" ] && compose down -v --remove-orphans >/dev/null 2>&1 || true
  rm -f "$check_file"
  stop_fake_bot_api
  rm -rf "$work"
  docker_engine_down
}
# shellcheck source=scripts/lib/check-common.sh
source scripts/lib/check-common.sh
trap cleanup EXIT

# --- A Docker engine and the local Debian stand-in (the same script as the container check).
docker_engine_up "$base_images"
command -v docker-compose >/dev/null 2>&1 || { log "installing Debian's docker-compose"; apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }
base=debian:bookworm-slim
docker image inspect local/debian:bookworm >/dev/null 2>&1 && base=local/debian:bookworm

# --- The fake Bot API on loopback.
start_fake_bot_api

free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % 20000 ))
    (: >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { echo "$candidate"; return; }
  done
  return 1
}
db_port=$(free_port); bot1=$(free_port); bot2=$(free_port); proxy=$(free_port)

# --- Up. The proxy's published port is left out of this copy: the host network publishes nothing.
awk '/^    ports:$/ {skip = 1; next} skip && /^      - / {next} {skip = 0; print}' deploy/compose.yaml >"$check_file"
export POSTGRES_PASSWORD="check-$$" TELEGRAM_TOKEN="$token" TELEGRAM_API="$bot_api" WEBHOOK_SECRET="$secret"
export WEBHOOK_URL="https://bot.example.org/telegram/webhook" BASE_IMAGE="$base"
export DB_HOST=127.0.0.1 DB_PORT="$db_port" BOT1_PORT="$bot1" BOT2_PORT="$bot2" PROXY_PORT="$proxy" SEMANTIC=false
export UPSTREAMS="127.0.0.1:$bot1 127.0.0.1:$bot2" KNOWLEDGE_DIR="$repo/knowledge"

# --- Images. The classic builder: BuildKit would need to pull its Dockerfile frontend image from a registry.
phase=$(date +%s)
if [ -n "$bot_image" ]; then
  docker image inspect "$bot_image" >/dev/null 2>&1 || fail "--bot-image $bot_image: no such image"
  bot_built="reused $bot_image"
else
  bot_image=anatomybot:compose-check
  DOCKER_BUILDKIT=0 docker build --network host --build-arg RUN_TESTS=false -t "$bot_image" . >"$work/bot-build.log" 2>&1 \
    || { tail -40 "$work/bot-build.log"; fail "docker build of the bot image failed"; }
  bot_built="bot image built in $(since "$phase") s"
fi
export BOT_IMAGE="$bot_image"
phase=$(date +%s)
DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0 compose build db proxy >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; fail "docker-compose build db proxy failed"; }
infra_built="PostgreSQL and nginx images $(grep -q 'Using cache' "$work/build.log" && ! grep -q '^ ---> Running in' "$work/build.log" && echo cached || echo built) in $(since "$phase") s"
log "$bot_built; $infra_built"

phase=$(date +%s)
log "starting (db :$db_port, bots :$bot1 :$bot2, proxy :$proxy)"
compose up -d --no-build >"$work/up.log" 2>&1 || { cat "$work/up.log"; fail "docker-compose up failed"; }

for port in "$bot1" "$bot2" "$proxy"; do
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "/healthz on port $port did not answer healthy within 180 s"
done
log "both replicas and the proxy answer /healthz $(since "$phase") s after docker-compose up"

# --- An update through the proxy: stored by whichever replica got it, answered once.
update='{"update_id":900001,"message":{"message_id":1,"date":1700000000,"chat":{"id":4242,"type":"private","first_name":"Check"},"from":{"id":4242,"is_bot":false,"first_name":"Check"},"text":"what nerve supplies the iliacus"}}'
# The replicas start once PostgreSQL is healthy (compose's depends_on), so this is normally accepted at once; but a
# replica that cannot store an update answers 503 so that Telegram delivers it again, as Telegram does after any 5xx.
# The check does the same, and still requires exactly one answer.
attempts=0
for _ in $(seq 1 60); do
  attempts=$((attempts + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Content-Type: application/json" -H "X-Telegram-Bot-Api-Secret-Token: $secret" \
    --data "$update" "http://127.0.0.1:$proxy/telegram/webhook")
  case "$code" in 502 | 503 | 504) ;; *) break ;; esac
  sleep 1
done
[ "$code" = 200 ] || fail "the proxy answered $code to a webhook update (attempt $attempts)"
[ "$attempts" = 1 ] || log "the webhook update was accepted on delivery $attempts (5xx while PostgreSQL was starting)"
for _ in $(seq 1 60); do curl -sf "$control/calls" | grep -q '^sendMessage ' && break; sleep 0.5; done
curl -sf "$control/calls" | grep -q '^sendMessage 1$' || fail "the update sent through the proxy was not answered exactly once: $(curl -sf "$control/calls" | tr '\n' ' ')"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Content-Type: application/json" --data "$update" "http://127.0.0.1:$proxy/telegram/webhook")
[ "$code" = 401 ] || fail "an update without the secret got $code, not 401"
log "an update through the proxy was answered once; one without the secret got 401"

# --- A clean start: no replica stopped and was restarted (e.g. on meeting PostgreSQL before its database existed), and
# no replica logged a critical error or the runtime's libgssapi_krb5 load error (the connection string disables GSS).
for service in bot1 bot2; do
  restarts=$(docker inspect -f '{{.RestartCount}}' "$(compose ps -q "$service")")
  [ "$restarts" = 0 ] || fail "$service was restarted $restarts time(s) by Docker"
done
if compose logs --no-color bot1 bot2 2>&1 | grep -E 'crit: |libgssapi_krb5' >"$work/bad-lines.log"; then
  fail "a replica logged: $(head -3 "$work/bad-lines.log" | tr '\n' ' ')"
fi
log "both replicas started cleanly (no restart, no critical error)"

result "passed (PostgreSQL, two replicas, nginx; $bot_built; $infra_built)"
