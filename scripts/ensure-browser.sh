#!/usr/bin/env bash
# Installs what the real-browser checks need when it is missing: Debian's chromium and
# chromium-driver (apt, as root or with sudo) and Selenium from pip.
set -euo pipefail
if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver
fi
python3 -c "import selenium" 2> /dev/null || python3 -m pip install -q selenium || python3 -m pip install -q --break-system-packages selenium
