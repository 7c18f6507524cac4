#!/usr/bin/env bash
# The suite under load: clones this repository's HEAD into a fresh folder, installs it with
# `npm ci`, starts one bounded CPU-heavy process (a busy loop on one core that stops by itself
# after LOAD_MINUTES, 90 by default, or when this script ends), and runs `npm test` RUNS times
# in a row (3 by default). Prints each run's result and duration; exits non-zero if any failed.
#   npm run test:load            # three runs
#   RUNS=1 npm run test:load     # one
set -euo pipefail
RUNS="${RUNS:-3}"
# A port of its own, so that a preview server of another work tree is never reused.
export E2E_PORT="${E2E_PORT:-4190}"
LOAD_MINUTES="${LOAD_MINUTES:-90}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/factdeck-load.XXXXXX)"
git clone -q "$repo" "$work/factdeck"
# The bank editors' sources and the article sit beside the repository, as on CI.
[[ -e "$repo/../shared" ]] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
cd "$work/factdeck"
npm ci --no-audit --no-fund >/dev/null

node -e "const end = Date.now() + ${LOAD_MINUTES} * 60000; while (Date.now() < end) {}" &
busy=$!
trap 'kill $busy 2>/dev/null || true' EXIT

failed=0
for run in $(seq 1 "$RUNS"); do
	start=$(date +%s)
	if npm test >"$work/run-$run.log" 2>&1; then result=passed; else result=FAILED; failed=1; fi
	echo "load run $run of $RUNS: $result in $(($(date +%s) - start)) s (log: $work/run-$run.log)"
done
exit $failed
