#!/usr/bin/env bash
# Runs pytest offscreen. Where a D-Bus session and gnome-keyring exist (CI installs both), the
# run happens inside a private session bus with an unlocked keyring, so the keyring tests talk to
# a real Secret Service; elsewhere those tests skip and say why.
set -euo pipefail
python=${1:-python3}
shift || true
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null \
    && [ -z "${STEPFUN_NO_KEYRING_SESSION:-}" ]; then
  exec dbus-run-session -- bash -c '
    # The password only unlocks a throwaway keyring inside this private session.
    eval "$(printf "ci-keyring" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    exec "$0" -m pytest "$@"
  ' "$python" "$@"
fi
exec "$python" -m pytest "$@"
