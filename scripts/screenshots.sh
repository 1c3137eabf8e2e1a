#!/usr/bin/env bash
# Retakes the screenshots in docs/screenshots/ (shown in docs/web.md): ingests the bundled
# examples into a temporary store, starts `kabar serve` on a free loopback port and has
# headless Chromium (Debian's chromium + chromium-driver, through chromedriver) save one
# PNG per page kind, plus the story page at 360 px. It is the ignored `screenshots` test
# of crates/kabar-cli/tests/browser.rs, so it shares the browser tests' set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "== installing chromium and chromium-driver (distribution packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
fi
cargo test --locked -p kabar-cli --test browser -- --ignored --exact screenshots --nocapture
du -ch docs/screenshots/*.png | tail -n 1
