#!/usr/bin/env bash
# `npm run playground`: the Microsoft 365 Agents Playground (a local Teams client, offline, no account)
# against the bot started with `npm start`. It opens your browser on http://localhost:56150.
#   BOT_ENDPOINT   the bot's messaging endpoint (default http://127.0.0.1:${PORT:-3978}/api/messages)
#   PLAYGROUND_PORT  the Playground's web UI port (default 56150; a random one if that is taken)
#   TEAMSAPPTESTER_BROWSER=none  do not open a browser (headless machines)
# Extra arguments go to the Playground (see `npx agentsplayground --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

endpoint="${BOT_ENDPOINT:-http://127.0.0.1:${PORT:-3978}/api/messages}"

if ! curl -s -o /dev/null --max-time 2 "${endpoint%/api/messages}/healthz" 2>/dev/null; then
  echo "playground: nothing answers at ${endpoint%/api/messages} yet: start the bot with 'npm start' in another terminal." >&2
fi

echo "playground: Teams client for ${endpoint}"
# Its log goes under data/ (git-ignored), not into the working directory.
export M365_AGENTS_PLAYGROUND_LOGFILE="${M365_AGENTS_PLAYGROUND_LOGFILE:-data/agents-playground.log}"
export BOT_ENDPOINT="$endpoint"
exec node node_modules/@microsoft/m365agentsplayground/cli.js \
  --disable-telemetry -c msteams -p "${PLAYGROUND_PORT:-56150}" "$@"
