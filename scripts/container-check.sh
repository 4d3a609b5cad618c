#!/usr/bin/env bash
# The container check: builds the image and runs it the way an operator does, against the loopback fake Bot API
# (tests/AnatomyBot.FakeBotApi), then checks that
#   - it answers a Telegram question,
#   - Docker's own HEALTHCHECK turns the container healthy (and how long that took),
#   - the bot process is not root,
#   - an edit to a file inside the mounted knowledge folder is reloaded without a restart (the image's watcher
#     polls, Knowledge__PollIntervalSeconds=2; the edit is made from the host side of the bind mount),
#   - SIGTERM stops it with exit code 0 within Host__ShutdownTimeoutSeconds.
#
# Usage: scripts/container-check.sh [--skip-tests]
#   --skip-tests  builds with --build-arg RUN_TESTS=false (CI: it has just run the same tests outside the image).
# Environment:
#   IMAGE               tag to build and run (default anatomybot:check)
#   BASE_IMAGES_SCRIPT  starts a Docker engine and provides the .NET base images where no registry is reachable
#                       (default ../shared/tools/container-base-images.sh beside the repository; used when present)
#   KEEP_DOCKER=1       leave a Docker engine this script started running afterwards (default: stop it again)
# Exit codes: 0 passed, 1 failed, 3 skipped because no Docker engine could be started (the reason is printed).
# The last line of output is one result line: "container check: passed|FAILED|skipped (...)".
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

run_tests=true
for arg in "$@"; do
  case "$arg" in
    --skip-tests) run_tests=false ;;
    *) echo "usage: scripts/container-check.sh [--skip-tests]" >&2; exit 2 ;;
  esac
done

image=${IMAGE:-anatomybot:check}
base_images=${BASE_IMAGES_SCRIPT:-$repo/../shared/tools/container-base-images.sh}
name=anatomybot-check-$$
token="100200300:container-check-$$"
shutdown_timeout=10 # the image's Host__ShutdownTimeoutSeconds
started=$(date +%s)
work=$(mktemp -d)

log() { echo "container-check: $*"; }
elapsed() { echo $(( $(date +%s) - started )); }
result() { echo "container check: $* in $(elapsed) s"; }
fail() {
  log "FAILED: $*"
  if docker container inspect "$name" >/dev/null 2>&1; then
    log "last container log lines:"; docker logs --tail 40 "$name" 2>&1 | sed 's/^/  | /'
  fi
  [ -s "$work/fake.log" ] && { log "fake Bot API output:"; sed 's/^/  | /' "$work/fake.log"; }
  result "FAILED ($*)"
  exit 1
}
cleanup() {
  docker rm -f -v "$name" >/dev/null 2>&1 || true
  stop_fake_bot_api
  rm -rf "$work"
  docker_engine_down
}
# shellcheck source=scripts/lib/check-common.sh
source scripts/lib/check-common.sh
trap cleanup EXIT

# --- A Docker engine, and base images where no registry is reachable.
docker_engine_up "$base_images"

# --- Build. The classic builder: BuildKit would need to pull its Dockerfile frontend image from a registry.
log "docker build -t $image (RUN_TESTS=$run_tests)"
build_started=$(date +%s)
DOCKER_BUILDKIT=0 docker build --network host --build-arg RUN_TESTS="$run_tests" -t "$image" . >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; fail "docker build failed"; }
log "built in $(( $(date +%s) - build_started )) s; $(docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' "$image")"

# --- The fake Bot API as its own process on loopback.
start_fake_bot_api

ask() {  # ask QUESTION: prints the bot's answer (the fake sends the question as a private message)
  curl -sS --fail-with-body --max-time 90 --data-urlencode "text=$1" --data timeout=60 "$control/ask"
}

# --- A knowledge folder to mount, readable by the image's non-root user, and a free port for the HTTP listener.
mkdir -p "$work/knowledge"
cp -r knowledge/. "$work/knowledge/"
chmod -R a+rX "$work"
port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 20000 ))
  (: >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { port=$candidate; break; }
done
[ -n "$port" ] || fail "no free port found"

# --- Run it as the README does, with host networking so the container reaches the loopback fake.
log "docker run $image (HTTP on 127.0.0.1:$port)"
run_started=$(date +%s.%N)
docker run -d --name "$name" --network host --stop-timeout 20 \
  -e Telegram__Token="$token" -e Telegram__ApiBaseUrl="$bot_api" -e Http__Urls="http://127.0.0.1:$port" \
  -v "$work/knowledge:/app/knowledge" "$image" >/dev/null || fail "docker run failed"

running() { [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" = true ]; }
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  running || fail "the container exited (code $(docker inspect -f '{{.State.ExitCode}}' "$name"))"
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "/healthz did not answer healthy within 60 s"
to_healthz=$(awk -v a="$run_started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
# The whole log is read first: with pipefail, "docker logs | grep -q" fails whenever grep stops reading early.
logs_have() {
  local text
  text=$(docker logs "$name" 2>&1)
  grep -qF -- "$1" <<<"$text"
}
logs_have "AnatomyBot ready in" || fail "no 'AnatomyBot ready in' line in the log"
log "$(docker logs "$name" 2>&1 | grep -o 'AnatomyBot ready in [0-9]* ms' | head -1); /healthz healthy ${to_healthz} s after docker run"
logs_have "Polling /app/knowledge every" || fail "the knowledge watcher is not polling the mounted folder"

# --- A question through the Bot API.
answer=$(ask "what nerve supplies the iliacus") || fail "no answer to 'what nerve supplies the iliacus': $answer"
grep -qi "femoral" <<<"$answer" || fail "the answer does not name the femoral nerve: $answer"
log "answered: $(head -1 <<<"$answer")"

# --- Not root: the uid of the container's main process, as the container sees it.
uid=$(docker exec "$name" cat /proc/1/status | awk '/^Uid:/ {print $2}')
[ -n "$uid" ] && [ "$uid" != 0 ] || fail "the bot runs as uid '${uid}'"
log "runs as uid $uid"

# --- Reload: a file edited inside the mounted folder (from the host side) is picked up without a restart.
marker=zebrafinch
before=$(ask "$marker") || fail "no answer to '$marker': $before"
grep -q "Nicknames of the psoas" <<<"$before" && fail "'$marker' matched the nicknames topic before the edit"
sed -i "s/^keywords:$/keywords:\n  - $marker/" "$work/knowledge/topics/nicknames.yaml"
grep -q "^  - $marker$" "$work/knowledge/topics/nicknames.yaml" || fail "could not edit the mounted knowledge file"
for _ in $(seq 1 120); do
  logs_have "Knowledge files changed" && break
  running || fail "the container exited after the knowledge edit"
  sleep 0.5
done
logs_have "Knowledge files changed" || fail "the edit in the mounted knowledge folder was not reloaded within 60 s"
after=$(ask "$marker") || fail "no answer to '$marker' after the reload: $after"
grep -q "Nicknames of the psoas" <<<"$after" || fail "the reloaded keyword '$marker' did not reach the answer: $after"
log "reloaded: $(docker logs "$name" 2>&1 | grep -o 'Knowledge files changed.*' | head -1)"

# --- Docker's own health status (the image's HEALTHCHECK: the bot's healthcheck verb).
for _ in $(seq 1 240); do
  status=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$name")
  [ "$status" = healthy ] && break
  running || fail "the container exited while waiting for healthy"
  sleep 0.5
done
[ "$status" = healthy ] || fail "health status is '$status' after 120 s"
# Docker keeps the last probes with their times; "... +0000 UTC" is Go's time format, which date reads without " UTC".
started_at=$(date -d "$(docker inspect -f '{{.State.StartedAt}}' "$name")" +%s.%N)
healthy_at=$(docker inspect -f '{{range .State.Health.Log}}{{if eq .ExitCode 0}}{{.End}}{{"\n"}}{{end}}{{end}}' "$name" | head -1)
healthy_at=$(date -d "${healthy_at% UTC}" +%s.%N) || fail "cannot read the time of the passing probe"
to_healthy=$(awk -v a="$started_at" -v b="$healthy_at" 'BEGIN {printf "%.1f", b - a}')
log "healthy ${to_healthy} s after start (first probe of the HEALTHCHECK that passed)"

# --- SIGTERM: exit 0 within the shutdown timeout.
stop_started=$(date +%s.%N)
docker kill --signal TERM "$name" >/dev/null
code=$(timeout "$shutdown_timeout" docker wait "$name") || fail "still running ${shutdown_timeout} s after SIGTERM"
stop_seconds=$(awk -v a="$stop_started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
[ "$code" = 0 ] || fail "exit code $code after SIGTERM"
log "SIGTERM: exit 0 after ${stop_seconds} s"

result "passed (image $(docker images --format '{{.Size}}' "$image"), /healthz ${to_healthz} s, Docker healthy ${to_healthy} s after start, SIGTERM exit 0 in ${stop_seconds} s)"
