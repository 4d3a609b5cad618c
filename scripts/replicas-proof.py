#!/usr/bin/env python3
"""Several replicas, one state, with real processes: the proof and its figures (docs/performance.md).

Starts a throwaway PostgreSQL (scripts/postgres.sh), the loopback fake Bot API (tests/AnatomyBot.FakeBotApi) and
replicas of the built bot (src/AnatomyBot/bin/<config>/net10.0/AnatomyBot.dll) in Telegram webhook mode with
Storage:Provider postgres, each on its own loopback port, then:

  1. throughput: N updates (distinct chats) POSTed to one replica, then to three (spread round-robin, as a load
     balancer does), timed from the first POST until the fake saw every answer: updates answered per second;
  2. failover: three replicas, one killed with SIGKILL mid-run; POSTs it refuses go to the next replica (as nginx's
     proxy_next_upstream does); every update must be answered, at most one twice; the time from the kill until the last
     update it had taken is answered is the failover time;
  3. long polling: three replicas, one polls (the polling lease), two stand by; updates queued at the fake Bot API in
     waves, the polling replica killed with SIGKILL mid-run; another must take over from the stored offset, every update
     be answered, at most one twice, and the fake must never see two getUpdates calls at once; the takeover time is from
     the kill to the first answer after it;
  4. reload broadcast: the shipped knowledge copied to a folder all replicas read (watching off), a keyword added, a
     moderator's /reload sent to one replica; the same question then asked through each of the three must get the new
     answer.

Usage: python3 scripts/replicas-proof.py [--updates N] [--config Debug|Release]   (build first: dotnet build)
Prints one line per check and the figures; exit 0 when every check passed. Every request goes to 127.0.0.1 only, and
the run is bounded (each wait has a deadline); everything it started is stopped at the end.
"""
import argparse
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = "100200300:replicas-proof"
SECRET = "replicas-proof-secret"
MODERATOR = 900000001
PATH = "/telegram/webhook"


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, port, path, body=None, headers=None, timeout=10.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def update(update_id, chat_id, text, user_id=None):
    user_id = user_id or chat_id
    return json.dumps({
        "update_id": update_id,
        "message": {
            "message_id": update_id, "date": 1700000000, "text": text,
            "chat": {"id": chat_id, "type": "private", "first_name": "Student"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Student"},
        },
    })


class Proof:
    def __init__(self, config):
        self.config = config
        self.work = tempfile.mkdtemp(prefix="anatomybot-replicas-")
        self.processes = []
        self.cluster_dir = None
        self.failures = 0

    # --- infrastructure
    def start_postgres(self):
        out = subprocess.run(["bash", os.path.join(REPO, "scripts", "postgres.sh"), "start", "--owner-pid", str(os.getpid())],
                             check=True, capture_output=True, text=True, timeout=900).stdout
        values = dict(line.split(" ", 1) for line in out.strip().splitlines())
        self.cluster_dir = values["dir"]
        self.server = values["connection"]

    def new_database(self, name):
        port = self.server.split("Port=")[1].split(";")[0]
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-q", "-c", f"CREATE DATABASE {name}"], check=True, timeout=60)
        return self.server.replace("Database=postgres", f"Database={name}")

    def start_fake(self):
        dll = os.path.join(REPO, "tests", "AnatomyBot.FakeBotApi", "bin", self.config, "net10.0", "AnatomyBot.FakeBotApi.dll")
        if not os.path.exists(dll):
            raise SystemExit(f"{dll} is missing: build it first (dotnet build tests/AnatomyBot.FakeBotApi -c {self.config})")
        log = open(os.path.join(self.work, "fake.log"), "w")
        process = subprocess.Popen(["dotnet", dll, TOKEN], stdout=subprocess.PIPE, stderr=log, text=True)
        self.processes.append(process)
        self.bot_api = process.stdout.readline().split()[1]
        self.control = int(process.stdout.readline().split()[1].rsplit(":", 1)[1])

    def start_fake_discord(self, shard_count, max_concurrency):
        dll = os.path.join(REPO, "tests", "AnatomyBot.FakeDiscord", "bin", self.config, "net10.0", "AnatomyBot.FakeDiscord.dll")
        if not os.path.exists(dll):
            raise SystemExit(f"{dll} is missing: build it first (dotnet build tests/AnatomyBot.FakeDiscord -c {self.config})")
        log = open(os.path.join(self.work, "fake-discord.log"), "w")
        process = subprocess.Popen(["dotnet", dll, str(shard_count), str(max_concurrency)], stdout=subprocess.PIPE, stderr=log, text=True)
        self.processes.append(process)
        self.discord_api = process.stdout.readline().split()[1]
        self.discord_control = int(process.stdout.readline().split()[1].rsplit(":", 1)[1])

    def discord_lines(self, path):
        status, body = request("GET", self.discord_control, path)
        assert status == 200, body
        return [line.split("\t") for line in body.splitlines() if line]

    def interact(self, guild, interaction_id, question):
        return request("POST", self.discord_control, "/interact",
                       urllib.parse.urlencode({"guild": guild, "id": interaction_id, "question": question}),
                       {"Content-Type": "application/x-www-form-urlencoded"})

    def connected_shards(self):
        return {int(shard) for shard, state, _ in self.discord_lines("/shards") if state == "connected"}

    def wait_shards(self, shards, deadline_seconds=120):
        deadline = time.time() + deadline_seconds
        while time.time() < deadline:
            if shards <= self.connected_shards():
                return time.time()
            time.sleep(0.1)
        return None

    def adapter_detail(self, replica, adapter):
        try:
            status, body = request("GET", replica["port"], "/healthz", timeout=5)
            adapters = json.loads(body).get("adapters", [])
            return next((a.get("detail") or "" for a in adapters if a.get("name") == adapter), "")
        except (OSError, ValueError):
            return ""

    def sent(self):
        status, body = request("GET", self.control, "/sent")
        assert status == 200, body
        return [line.split("\t", 1) for line in body.splitlines() if line]

    def enqueue(self, first_chat, count, text):
        status, body = request("POST", self.control, "/enqueue",
                               urllib.parse.urlencode({"chat": first_chat, "count": count, "text": text}),
                               {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 200, body

    def polls(self):
        status, body = request("GET", self.control, "/polls")
        assert status == 200, body
        return {key: int(value) for key, value in (line.split() for line in body.splitlines() if line)}

    def telegram_detail(self, replica):
        return self.adapter_detail(replica, "telegram")

    def start_replica(self, name, database, knowledge, claim_seconds=5, webhook=True, wait=True):
        mode = dict(Telegram__Webhook__Url=f"https://bot.example.org{PATH}", Telegram__Webhook__SecretToken=SECRET,
                    Telegram__Webhook__QueueCapacity="100000") if webhook else dict(Telegram__PollTimeoutSeconds="10")
        return self.start_bot(name, database, knowledge, dict(mode,
                              Telegram__Token=TOKEN, Telegram__ApiBaseUrl=self.bot_api, Telegram__RegisterCommands="false",
                              Telegram__Moderators__0=str(MODERATOR),
                              Telegram__PerChatIntervalMilliseconds="0", Storage__ClaimSeconds=str(claim_seconds)), wait)

    def start_bot(self, name, database, knowledge, settings, wait=True):
        """Starts one bot process on PostgreSQL with the adapter settings given; waits until /healthz answers unless wait is False."""
        port = free_port()
        env = dict(os.environ, **settings,
                   Storage__Provider="postgres", Storage__ConnectionString=database, Storage__ReplicaId=name,
                   Storage__Path=os.path.join(self.work, name + ".db"),
                   Http__Urls=f"http://127.0.0.1:{port}", Answering__Semantic="false",
                   Knowledge__Path=knowledge, Knowledge__Watch="false", DOTNET_ENVIRONMENT="Production")
        dll = os.path.join(REPO, "src", "AnatomyBot", "bin", self.config, "net10.0", "AnatomyBot.dll")
        log = open(os.path.join(self.work, f"{name}.log"), "a")
        process = subprocess.Popen(["dotnet", dll], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.work)
        self.processes.append(process)
        replica = {"name": name, "port": port, "process": process}
        if wait:
            self.wait_healthy(replica)
        return replica

    def wait_healthy(self, replica):
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if request("GET", replica["port"], "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            if replica["process"].poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"replica {replica['name']} did not become healthy; see {self.work}/{replica['name']}.log")

    def stop(self, replica):
        replica["process"].send_signal(signal.SIGTERM)
        replica["process"].wait(timeout=30)

    def close(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        if self.cluster_dir:
            subprocess.run(["bash", os.path.join(REPO, "scripts", "postgres.sh"), "stop", self.cluster_dir], timeout=60)
        if os.environ.get("KEEP_LOGS") == "1":
            print(f"     logs kept in {self.work}", flush=True)
        else:
            shutil.rmtree(self.work, ignore_errors=True)

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if not ok:
            self.failures += 1

    # --- sending, as a load balancer: round-robin, the next replica when one refuses or is unreachable
    def post_all(self, replicas, updates, senders=8, on_sent=None):
        alive = list(replicas)
        lock = threading.Lock()
        index = {"next": 0, "sent": 0}

        def worker():
            while True:
                with lock:
                    if index["next"] >= len(updates):
                        return
                    i = index["next"]
                    index["next"] += 1
                body = updates[i]
                for attempt in range(len(replicas) * 3):
                    target = alive[(i + attempt) % len(alive)]
                    try:
                        status, _ = request("POST", target["port"], PATH, body,
                                         {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET})
                        if status == 200:
                            break
                    except OSError:
                        pass
                else:
                    raise RuntimeError(f"no replica took update {i}")
                with lock:
                    index["sent"] += 1
                    sent = index["sent"]
                if on_sent:
                    on_sent(sent)

        threads = [threading.Thread(target=worker) for _ in range(senders)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def wait_answers(self, chats, deadline_seconds=180):
        deadline = time.time() + deadline_seconds
        while time.time() < deadline:
            answered = {int(chat) for chat, _ in self.sent()}
            if chats <= answered:
                return time.time()
            time.sleep(0.05)
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=600)
    parser.add_argument("--config", default="Debug")
    parser.add_argument("--only", default="throughput,failover,polling,reload,shards",
                        help="comma-separated parts to run (default all): throughput, failover, polling, reload, shards")
    parser.add_argument("--interactions", type=int, default=200, help="Discord interactions the shards part sends (default 200)")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    proof = Proof(args.config)
    try:
        proof.start_postgres()
        if parts & {"throughput", "failover", "polling", "reload"}:
            proof.start_fake()
        question = "what nerve supplies the iliacus"
        next_id = [1]

        def batch(n, first_chat):
            ids = range(next_id[0], next_id[0] + n)
            next_id[0] += n
            return [update(u, first_chat + k, question) for k, u in enumerate(ids)], {first_chat + k for k in range(n)}

        # 1. Throughput, one replica then three.
        figures = {}
        for count in ((1, 3) if "throughput" in parts else ()):
            database = proof.new_database(f"throughput{count}")
            replicas = [proof.start_replica(f"t{count}-{i}", database, os.path.join(REPO, "knowledge")) for i in range(count)]
            warm, warm_chats = batch(30, 1_000_000 * count)
            proof.post_all(replicas, warm)
            proof.wait_answers(warm_chats)
            updates, chats = batch(args.updates, 20_000_000 * count)
            started = time.time()
            proof.post_all(replicas, updates)
            done = proof.wait_answers(chats)
            answers = [int(chat) for chat, _ in proof.sent() if int(chat) in chats]
            proof.check(done is not None and len(answers) == len(chats), f"{count} replica(s): all {args.updates} updates answered, each once ({len(answers) - len(set(answers))} twice)")
            if done:
                figures[count] = args.updates / (done - started)
                print(f"     {count} replica(s): {figures[count]:.0f} updates answered per second", flush=True)
            for replica in replicas:
                proof.stop(replica)

        # 2. Failover: kill one of three mid-run.
        if "failover" in parts:
            database = proof.new_database("failover")
            replicas = [proof.start_replica(f"f{i}", database, os.path.join(REPO, "knowledge")) for i in range(3)]
            updates, chats = batch(args.updates, 30_000_000)
            killed = {}

            def maybe_kill(sent):
                if sent == len(updates) // 3 and not killed:
                    replicas[1]["process"].send_signal(signal.SIGKILL)
                    killed["at"] = time.time()

            proof.post_all(replicas, updates, on_sent=maybe_kill)
            done = proof.wait_answers(chats)
            answers = [int(chat) for chat, _ in proof.sent() if int(chat) in chats]
            repeats = len(answers) - len(set(answers))
            proof.check(done is not None, f"failover: every one of {len(chats)} updates answered after a replica was killed mid-run")
            proof.check(repeats <= 1, f"failover: {repeats} update(s) answered twice (at most one per kill)")
            if done and killed:
                print(f"     failover: last update answered {done - killed['at']:.1f} s after the kill (Storage:ClaimSeconds=5)", flush=True)
            for replica in (replicas[0], replicas[2]):
                proof.stop(replica)

        # 3. Long polling: one poller at a time; kill it mid-run, another takes over from the stored offset.
        if "polling" in parts:
            database = proof.new_database("polling")
            replicas = [proof.start_replica(f"p{i}", database, os.path.join(REPO, "knowledge"), webhook=False) for i in range(3)]
            pollers = []
            deadline = time.time() + 60
            while time.time() < deadline:
                pollers = [r for r in replicas if proof.telegram_detail(r) == "polling"]
                standing_by = [r for r in replicas if proof.telegram_detail(r).startswith("standing by")]
                if len(pollers) == 1 and len(standing_by) == 2:
                    break
                time.sleep(0.2)
            proof.check(len(pollers) == 1, f"polling: one of three replicas polls, two stand by ({', '.join(proof.telegram_detail(r) or '?' for r in replicas)})")
            chats = set()
            first = 50_000_000
            waves, per_wave = 30, max(1, args.updates // 30)
            kill = {}
            for wave in range(waves):
                proof.enqueue(first + wave * per_wave, per_wave, question)
                chats |= set(range(first + wave * per_wave, first + (wave + 1) * per_wave))
                time.sleep(0.2)
                if wave == waves // 3 and pollers:
                    pollers[0]["process"].send_signal(signal.SIGKILL)
                    pollers[0]["process"].wait(timeout=30)
                    kill["at"] = time.time()
                    kill["answered"] = len(proof.sent())
            taken = None
            while kill and time.time() < kill["at"] + 120 and taken is None:
                if len(proof.sent()) > kill["answered"]:
                    taken = time.time()
                time.sleep(0.05)
            done = proof.wait_answers(chats)
            answers = [int(chat) for chat, _ in proof.sent() if int(chat) in chats]
            repeats = len(answers) - len(set(answers))
            survivors = [r for r in replicas if r is not (pollers[0] if pollers else None)]
            now_polling = [r["name"] for r in survivors if proof.telegram_detail(r) == "polling"]
            proof.check(done is not None, f"polling: every one of {len(chats)} updates answered after the polling replica was killed")
            proof.check(repeats <= 1, f"polling: {repeats} update(s) answered twice (at most one per kill)")
            proof.check(len(now_polling) == 1, f"polling: one surviving replica polls afterwards ({', '.join(now_polling) or 'none'})")
            proof.check(proof.polls()["most-polls-in-flight"] == 1, "polling: never two getUpdates calls at once")
            if taken:
                print(f"     polling takeover: first answer {taken - kill['at']:.1f} s after the kill (Telegram:PollingLeaseSeconds=6)", flush=True)
            for replica in survivors:
                proof.stop(replica)

        # 4. Reload broadcast.
        if "reload" in parts:
            knowledge = os.path.join(proof.work, "knowledge")
            shutil.copytree(os.path.join(REPO, "knowledge"), knowledge)
            database = proof.new_database("reload")
            replicas = [proof.start_replica(f"r{i}", database, knowledge) for i in range(3)]
            marker = "zebrafinch"
            nicknames = os.path.join(knowledge, "topics", "nicknames.yaml")
            with open(nicknames) as f:
                text = f.read()
            with open(nicknames, "w") as f:
                f.write(text.replace("keywords:\n", f"keywords:\n  - {marker}\n", 1))
            before = len(proof.sent())
            proof.post_all([replicas[0]], [update(next_id[0], MODERATOR, "/reload")])
            next_id[0] += 1
            deadline = time.time() + 60
            while time.time() < deadline and len(proof.sent()) <= before:
                time.sleep(0.05)
            time.sleep(0)  # the other replicas reload on the notice; asked below until their answers change
            for i, replica in enumerate(replicas):
                chat = 40_000_000 + i
                answered = False
                deadline = time.time() + 30
                while time.time() < deadline and not answered:
                    proof.post_all([replica], [update(next_id[0], chat, marker)])
                    next_id[0] += 1
                    end = time.time() + 10
                    while time.time() < end:
                        mine = [t for c, t in proof.sent() if int(c) == chat]
                        if mine:
                            break
                        time.sleep(0.05)
                    answered = any("Nicknames of the psoas" in t for c, t in proof.sent() if int(c) == chat)
                    chat += 100
                proof.check(answered, f"reload broadcast: replica {replica['name']} answers '{marker}' with the reloaded topic")
            for replica in replicas:
                proof.stop(replica)
        # 5. Discord shards: two processes with two shards each (0-1 and 2-3 of 4) on one database.
        if "shards" in parts:
            shards_proof(proof, args.interactions)
    finally:
        proof.close()
    print(f"replicas proof ({args.only}): " + ("passed" if proof.failures == 0 else f"{proof.failures} check(s) FAILED"))
    return 0 if proof.failures == 0 else 1


def guild_on_shard(shard, count, n):
    """A guild id that Discord routes to shard (guild_id >> 22) % count (as FakeDiscord.GuildOnShard)."""
    return str(((count * (1000 + n) + shard) << 22) | 12345)


def shards_proof(proof, interactions, shard_count=4, max_concurrency=2):
    question = "what nerve supplies the iliacus"
    proof.start_fake_discord(shard_count, max_concurrency)
    database = proof.new_database("shards")
    knowledge = os.path.join(REPO, "knowledge")

    def settings(shards, project):
        return dict(Discord__Token="shards-proof.token", Discord__ApiBaseUrl=proof.discord_api, Discord__ShardCount=str(shard_count),
                    Discord__Shards=shards, Discord__ProjectUrl=f"https://example.invalid/{project}")

    # Both processes start at once, so without a shared pace their first IDENTIFYs in each bucket would coincide.
    started = time.time()
    bots = [proof.start_bot("d0", database, knowledge, settings("0-1", "d0"), wait=False),
            proof.start_bot("d1", database, knowledge, settings("2-3", "d1"), wait=False)]
    for bot in bots:
        proof.wait_healthy(bot)
    ready = proof.wait_shards(set(range(shard_count)))
    proof.check(ready is not None, f"shards: all {shard_count} shards have a session ({sorted(proof.connected_shards())} connected)")
    if ready:
        print(f"     shards: both processes started to all {shard_count} sessions ready in {ready - started:.1f} s", flush=True)
    for bot, detail in ((bots[0], "shard 0: gateway ready; shard 1: gateway ready"), (bots[1], "shard 2: gateway ready; shard 3: gateway ready")):
        deadline = time.time() + 30  # READY is sent before the bot has read it
        while time.time() < deadline and proof.adapter_detail(bot, "discord") != detail:
            time.sleep(0.1)
        proof.check(proof.adapter_detail(bot, "discord") == detail, f"shards: {bot['name']} /healthz says '{proof.adapter_detail(bot, 'discord')}'")

    def answers():
        """interaction id -> (callbacks, edits of the original answer, the ProjectUrls of the processes that made them)."""
        seen = {}
        for method, path, agent in proof.discord_lines("/calls"):
            parts = path.split("/")
            if method == "POST" and len(parts) == 5 and parts[1] == "interactions" and parts[4] == "callback":
                key, field = parts[2], 0
            elif method == "PATCH" and path.endswith("/messages/@original") and parts[3].startswith("itok-"):
                key, field = parts[3][len("itok-"):], 1
            else:
                continue
            entry = seen.setdefault(key, [0, 0, set()])
            entry[field] += 1
            entry[2].add(agent.split("(", 1)[1].split(",", 1)[0].rsplit("/", 1)[1] if "(" in agent else agent)
        return seen

    def send(ids):
        refused = 0
        for interaction_id, shard, n in ids:
            status, body = proof.interact(guild_on_shard(shard, shard_count, n), interaction_id, question)
            if status != 200:
                refused += 1
                print(f"     shards: {interaction_id} refused by the fake ({status} {body.strip()})", flush=True)
        return refused

    def wait_all(ids, deadline_seconds=180):
        deadline = time.time() + deadline_seconds
        while time.time() < deadline:
            seen = answers()
            if all(seen.get(i, [0, 0])[1] >= 1 for i, _, _ in ids):
                return time.time()
            time.sleep(0.1)
        return None

    rounds = max(1, interactions // (2 * shard_count))
    first = [(f"a-s{shard}n{n}", shard, n) for n in range(rounds) for shard in range(shard_count)]
    second = [(f"b-s{shard}n{n}", shard, n) for n in range(rounds, 2 * rounds) for shard in range(shard_count)]
    sent_at = time.time()
    refused = send(first)
    done = wait_all(first)
    if done:
        print(f"     shards: {len(first)} interactions answered in {done - sent_at:.1f} s ({len(first) / (done - sent_at):.0f} per second)", flush=True)

    # One process killed (SIGKILL) and started again: its shards identify again, then the second half goes out.
    bots[1]["process"].send_signal(signal.SIGKILL)
    bots[1]["process"].wait(timeout=30)
    killed = time.time()
    while time.time() < killed + 60 and proof.connected_shards() & {2, 3}:
        time.sleep(0.1)
    restarted = proof.start_bot("d1", database, knowledge, settings("2-3", "d1"))
    back = proof.wait_shards(set(range(shard_count)))
    proof.check(back is not None, "shards: the restarted process's shards 2-3 have sessions again")
    if back:
        print(f"     shards: kill to shards 2-3 ready again in the restarted process {back - killed:.1f} s", flush=True)
    refused += send(second)
    wait_all(second)

    seen = answers()
    everything = first + second
    unanswered = [i for i, _, _ in everything if seen.get(i, [0, 0])[1] == 0]
    twice = [i for i, _, _ in everything if seen.get(i, [0, 0])[0] > 1 or seen.get(i, [0, 0])[1] > 1]
    wrong = [i for i, shard, _ in everything if i in seen and seen[i][2] != {"d0" if shard < 2 else "d1"}]
    proof.check(refused == 0 and not unanswered, f"shards: every one of {len(everything)} interactions answered ({len(unanswered)} not, {refused} refused)")
    proof.check(not twice, f"shards: each answered once, one callback and one edit ({len(twice)} more than once)")
    proof.check(not wrong, f"shards: each answered by the process that runs its shard ({len(wrong)} by another)")

    # IDENTIFY pacing across both processes: one per 5 s per bucket (shard % max_concurrency). The bots log when they
    # took each turn (turns are 5.5 s apart per bucket); the fake records when each IDENTIFY arrived.
    turns = []
    for name in ("d0", "d1"):
        with open(os.path.join(proof.work, f"{name}.log")) as f:
            for match in re.finditer(r"Identified shard (\d+) of \d+ .*\(turn taken at (\S+)\)", f.read()):
                stamp = re.sub(r"(\.\d{6})\d*", r"\1", match.group(2))
                turns.append((int(match.group(1)), datetime.datetime.fromisoformat(stamp).timestamp()))
    arrivals = [(int(shard), int(ms) / 1000) for shard, ms in proof.discord_lines("/identifies")]

    def closest(events):
        gaps = []
        for bucket in range(max_concurrency):
            times = sorted(t for shard, t in events if shard % max_concurrency == bucket)
            gaps += [b - a for a, b in zip(times, times[1:])]
        return min(gaps) if gaps else 0.0

    if arrivals:
        start = min(t for _, t in arrivals)
        print("     shards: IDENTIFYs seen by the fake (shard@seconds): " + ", ".join(f"{shard}@{t - start:.2f}" for shard, t in sorted(arrivals, key=lambda i: i[1])), flush=True)
    proof.check(len(turns) == len(arrivals) == 2 * shard_count - 2 and closest(turns) >= 5.499,
                f"shards: {len(turns)} identify turns taken by both processes, never two in one bucket less than 5.5 s apart (closest {closest(turns):.3f} s)")
    # Arrivals differ from the turns by how much later one IDENTIFY left after its turn than the next (the 0.5 s margin
    # is for that: 5 s or more here unless a process stalls). The check only guards against turns that are not shared:
    # the two processes' first IDENTIFYs in a bucket would then arrive together.
    proof.check(closest(arrivals) >= 2.5, f"shards: the fake saw them {closest(arrivals):.2f} s apart per bucket at the closest (Discord asks for 5 s)")
    proof.stop(bots[0])
    proof.stop(restarted)


if __name__ == "__main__":
    sys.exit(main())
