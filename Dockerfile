# syntax=docker/dockerfile:1
#
# AnatomyBot container image.
#   docker build -t anatomybot .
#   (where no container registry is reachable: bash ../shared/tools/container-base-images.sh first, then
#    DOCKER_BUILDKIT=0 docker build --network host -t anatomybot .)
#   docker run -d --name anatomybot -e Telegram__Token=... -e Discord__Token=... \
#     -v "$PWD/knowledge:/app/knowledge" -v anatomybot-data:/app/data -p 127.0.0.1:8080:8080 anatomybot
# Stages: build (restore, compile the app) -> test (knowledge check + the tests) -> publish -> runtime (aspnet, non-root).
# The publish stage starts FROM the test stage, so an image is only produced when the tests pass.
# --build-arg RUN_TESTS=false skips the tests (not the knowledge check): CI does this because it has just run the
# same tests on the same commit before building the image (scripts/container-check.sh).

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src

# Project files first: the restore layer is reused until a project or the package pins change.
COPY global.json Directory.Build.props Directory.Packages.props AnatomyBot.sln .editorconfig ./
COPY src/AnatomyBot/AnatomyBot.csproj src/AnatomyBot/
COPY src/AnatomyBot.Core/AnatomyBot.Core.csproj src/AnatomyBot.Core/
COPY src/AnatomyBot.Knowledge/AnatomyBot.Knowledge.csproj src/AnatomyBot.Knowledge/
COPY src/AnatomyBot.Telegram/AnatomyBot.Telegram.csproj src/AnatomyBot.Telegram/
COPY src/AnatomyBot.Discord/AnatomyBot.Discord.csproj src/AnatomyBot.Discord/
COPY src/AnatomyBot.Embeddings/AnatomyBot.Embeddings.csproj src/AnatomyBot.Embeddings/
COPY src/AnatomyBot.Charts/AnatomyBot.Charts.csproj src/AnatomyBot.Charts/
COPY src/AnatomyBot.Storage.Postgres/AnatomyBot.Storage.Postgres.csproj src/AnatomyBot.Storage.Postgres/
COPY src/AnatomyBot.Storage/AnatomyBot.Storage.csproj src/AnatomyBot.Storage/
COPY tests/AnatomyBot.Testing/AnatomyBot.Testing.csproj tests/AnatomyBot.Testing/
COPY tests/AnatomyBot.Tests/AnatomyBot.Tests.csproj tests/AnatomyBot.Tests/
COPY tests/AnatomyBot.Core.Tests/AnatomyBot.Core.Tests.csproj tests/AnatomyBot.Core.Tests/
COPY tests/AnatomyBot.Knowledge.Tests/AnatomyBot.Knowledge.Tests.csproj tests/AnatomyBot.Knowledge.Tests/
COPY tests/AnatomyBot.Telegram.Tests/AnatomyBot.Telegram.Tests.csproj tests/AnatomyBot.Telegram.Tests/
COPY tests/AnatomyBot.Discord.Tests/AnatomyBot.Discord.Tests.csproj tests/AnatomyBot.Discord.Tests/
COPY tests/AnatomyBot.Charts.Tests/AnatomyBot.Charts.Tests.csproj tests/AnatomyBot.Charts.Tests/
COPY tests/AnatomyBot.Storage.Tests/AnatomyBot.Storage.Tests.csproj tests/AnatomyBot.Storage.Tests/
COPY tests/AnatomyBot.Benchmarks/AnatomyBot.Benchmarks.csproj tests/AnatomyBot.Benchmarks/
COPY tests/AnatomyBot.FakeBotApi/AnatomyBot.FakeBotApi.csproj tests/AnatomyBot.FakeBotApi/
COPY tests/AnatomyBot.FakeDiscord/AnatomyBot.FakeDiscord.csproj tests/AnatomyBot.FakeDiscord/
COPY tests/AnatomyBot.Storage.Postgres.Tests/AnatomyBot.Storage.Postgres.Tests.csproj tests/AnatomyBot.Storage.Postgres.Tests/
RUN dotnet restore AnatomyBot.sln

COPY src/ src/
COPY tests/ tests/
COPY knowledge/ knowledge/
# Only the app here: the test stage compiles the test projects when it runs them, so RUN_TESTS=false builds no tests.
RUN dotnet build src/AnatomyBot/AnatomyBot.csproj -c Release --no-restore

FROM build AS test
ARG RUN_TESTS=true
# The shipped knowledge must validate, and every test must pass (none touches the internet).
# Tests marked [Trait("Category", "Repository")] are filtered out here: they check the repository's own files
# (this Dockerfile, .dockerignore, appsettings.example.json), which are deliberately not in the build context
# (.dockerignore drops the first two; the image has no use for the third). They test the repository, not the
# image, and run wherever the repository is checked out (`dotnet test`, .ci/run).
RUN dotnet src/AnatomyBot/bin/Release/net10.0/AnatomyBot.dll knowledge check knowledge \
 && if [ "$RUN_TESTS" = "true" ]; then \
      dotnet test AnatomyBot.sln -c Release --no-restore --filter "Category!=Repository"; \
    else \
      echo "RUN_TESTS=$RUN_TESTS: tests skipped (run them with dotnet test AnatomyBot.sln)"; \
    fi

FROM test AS publish
# Published for the build machine's platform, so it is compiled ahead of time (ReadyToRun, see AnatomyBot.csproj) and
# carries only that platform's native libraries; an unknown platform gets the portable build.
RUN case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid= ;; esac \
 && if [ -n "$rid" ]; then \
      dotnet publish src/AnatomyBot/AnatomyBot.csproj -c Release -r "$rid" --self-contained false -o /app/publish -p:UseAppHost=false; \
    else \
      dotnet publish src/AnatomyBot/AnatomyBot.csproj -c Release --no-restore -o /app/publish -p:UseAppHost=false; \
    fi

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app

# Knowledge and data are volumes: moderators edit the mounted knowledge and the SQLite database survives upgrades.
# Knowledge__PollIntervalSeconds makes the knowledge watcher look at the files every 2 s instead of waiting for
# file-system events, which do not arrive for many mounts (Docker Desktop, network shares). (DOTNET_USE_POLLING_FILE_WATCHER
# would not do it: it only switches .NET's configuration-file provider, not the FileSystemWatcher the bot uses.)
# ASPNETCORE_HTTP_PORTS is cleared because Http__Urls alone decides where the listener binds.
ENV Knowledge__PollIntervalSeconds=2 \
    DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS= \
    Knowledge__Path=/app/knowledge \
    Storage__Path=/app/data/anatomybot.db \
    Http__Urls=http://0.0.0.0:8080 \
    Host__ShutdownTimeoutSeconds=10

COPY --from=publish /app/publish/ /app/
COPY --from=build /src/knowledge/ /app/knowledge/

# The image's non-root "app" user owns the data folder; the knowledge stays readable (the bot only reads it).
RUN mkdir -p /app/data && chown -R "$APP_UID" /app/data
USER $APP_UID

VOLUME ["/app/knowledge", "/app/data"]
EXPOSE 8080

# The runtime image has no curl: the bot's own healthcheck verb GETs http://127.0.0.1:8080/healthz (from Http__Urls).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/AnatomyBot.dll", "healthcheck"]

STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/AnatomyBot.dll"]
