#!/usr/bin/env bash
# Lighthouse (mobile emulation, default throttling) on the Arabic and English home and Lebanon
# pages of the built site, with Debian's Chromium. Prints the four category scores and LCP.
#   make build && bash bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d site ] || { echo "build the site first: make build" >&2; exit 1; }
(cd bench/lighthouse && npm install --no-audit --no-fund --silent >/dev/null)
port=8765
python3 -m http.server "$port" --bind 127.0.0.1 --directory site >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
for page in "" "en/" "countries/lb.html" "en/countries/lb.html"; do
  CHROME_PATH=/usr/bin/chromium bench/lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:$port/$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" \
    --only-categories=performance,accessibility,best-practices,seo --output=json --output-path=bench/out/lighthouse.json >/dev/null
  python3 - "$page" <<'PY'
import json, sys
r = json.load(open("bench/out/lighthouse.json"))
scores = "  ".join(f"{k} {v['score']:.2f}" for k, v in r["categories"].items())
print(f"/{sys.argv[1]:<22} {scores}  LCP {r['audits']['largest-contentful-paint']['displayValue']}")
PY
done
