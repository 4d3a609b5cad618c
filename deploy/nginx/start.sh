#!/bin/sh
# Writes the site from the template (UPSTREAMS: replica addresses host:port separated by spaces; LISTEN: port) and runs
# nginx in the foreground.
set -eu
servers=""
for upstream in ${UPSTREAMS:?set UPSTREAMS to the replicas, e.g. "bot1:8080 bot2:8080"}; do
  servers="$servers    server $upstream max_fails=1 fail_timeout=5s;\n"
done
sed -e "s|@SERVERS@|$servers|" -e "s|@LISTEN@|${LISTEN:-80}|" /etc/nginx/anatomybot.conf.template >/etc/nginx/conf.d/anatomybot.conf
exec nginx -g 'daemon off;'
