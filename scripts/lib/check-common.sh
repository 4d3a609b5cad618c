# Shared by scripts/container-check.sh and scripts/compose-check.sh (sourced, not run). The caller defines
# log(), result() and fail(), and the variables work (a temporary directory) and token (the fake bot's token).
#   docker_engine_up BASE_IMAGES_SCRIPT  a Docker engine answers afterwards, or the run ends with exit 3 (skipped);
#                                        started_engine=true when this run started it.
#   docker_engine_down                   stops the engine only if this run started it (and KEEP_DOCKER is not 1),
#                                        so nothing is left running on a shared machine.
#   start_fake_bot_api                   builds and starts tests/AnatomyBot.FakeBotApi on loopback; sets fake_pid,
#                                        bot_api (its Bot API base address) and control (its control address).
started_engine=false
fake_pid=""

docker_engine_up() {
  local base_images=$1 engine_was_up=false
  docker info >/dev/null 2>&1 && engine_was_up=true
  if [ -f "$base_images" ]; then
    log "preparing the engine and base images with $base_images"
    if ! bash "$base_images"; then
      docker info >/dev/null 2>&1 && [ "$engine_was_up" = false ] && started_engine=true
      docker info >/dev/null 2>&1 || { result "skipped (no Docker engine: $base_images could not start one, see /tmp/dockerd.log)"; exit 3; }
      fail "$base_images failed although the Docker engine answers"
    fi
    [ "$engine_was_up" = false ] && started_engine=true
  elif [ "$engine_was_up" = false ]; then
    result "skipped (no Docker engine answers and $base_images, which would start one, is not there)"
    exit 3
  fi
  return 0
}

docker_engine_down() {
  if [ "$started_engine" = true ] && [ "${KEEP_DOCKER:-}" != 1 ] && [ -s /var/run/docker.pid ]; then
    local pid; pid=$(cat /var/run/docker.pid)
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
  return 0
}

stop_fake_bot_api() {
  if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi
  return 0
}

start_fake_bot_api() {
  # Debug build: in CI, dotnet test has just built it.
  dotnet build tests/AnatomyBot.FakeBotApi -nologo -v q >"$work/fake-build.log" 2>&1 \
    || { cat "$work/fake-build.log"; fail "building tests/AnatomyBot.FakeBotApi failed"; }
  dotnet tests/AnatomyBot.FakeBotApi/bin/Debug/net10.0/AnatomyBot.FakeBotApi.dll "$token" >"$work/fake.log" 2>&1 &
  fake_pid=$!
  for _ in $(seq 1 60); do grep -q '^control ' "$work/fake.log" && break; kill -0 "$fake_pid" 2>/dev/null || break; sleep 0.5; done
  bot_api=$(awk '$1 == "bot-api" {print $2}' "$work/fake.log")
  control=$(awk '$1 == "control" {print $2}' "$work/fake.log")
  [ -n "$bot_api" ] && [ -n "$control" ] || fail "the fake Bot API did not start"
  log "fake Bot API at $bot_api"
}
