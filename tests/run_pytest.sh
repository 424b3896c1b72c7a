#!/usr/bin/env bash
# Runs pytest offscreen. Where a D-Bus session and gnome-keyring exist (CI installs both), the
# run happens inside a private session bus with an unlocked keyring, so the keyring tests talk to
# a real Secret Service; elsewhere those tests skip and say why.
#
#   bash tests/run_pytest.sh .venv/bin/python [pytest args...]
#
# The keyring lives in a throwaway folder (XDG_DATA_HOME of the daemon only), so a test run
# never touches the user's own login keyring, and the folder is removed afterwards.
# STEPFUN_NO_KEYRING_SESSION=1 skips the private session (to see the tests skip).
set -euo pipefail
python=${1:-python3}
shift || true
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

# Tests run in random order (pytest-randomly) so one that leans on another's leftovers fails.
# Each run takes a new seed unless STEPFUN_TEST_SEED or the arguments give one; the seed is
# printed here too (pytest's own header, which says it, is hidden by -q), so a failing order can
# be run again: `bash tests/run_pytest.sh .venv/bin/python -p randomly --randomly-seed=N`.
# Arguments that name randomly at all (-p no:randomly, a seed) are left as they are.
case " $* " in
  *randomly*) ;;
  *)
    if "$python" -c "import pytest_randomly" 2>/dev/null; then
      seed=${STEPFUN_TEST_SEED:-$(( $(od -An -N4 -tu4 /dev/urandom) ))}
      echo "run_pytest.sh: random test order, seed $seed (again: -p randomly --randomly-seed=$seed)" >&2
      set -- -p randomly "--randomly-seed=$seed" "$@"
    else
      echo "run_pytest.sh: pytest-randomly missing (pip install -e '.[test]'): tests in file order" >&2
    fi
    ;;
esac

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null \
    && [ -z "${STEPFUN_NO_KEYRING_SESSION:-}" ]; then
  keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/stepfun-keyring.XXXXXX")
  trap 'rm -rf "$keyring_home"' EXIT
  mkdir -m 700 "$keyring_home/data" "$keyring_home/run"
  # No exec: the trap must run after the session ends. dbus-run-session passes pytest's exit
  # status through, and `set -e` is suspended for it so the status reaches our caller.
  status=0
  KEYRING_HOME="$keyring_home" dbus-run-session -- bash -c '
    # The password only unlocks a throwaway keyring inside this private session.
    if started=$(printf "ci-keyring" | XDG_DATA_HOME="$KEYRING_HOME/data" \
        XDG_RUNTIME_DIR="$KEYRING_HOME/run" \
        gnome-keyring-daemon --unlock --components=secrets 2>"$KEYRING_HOME/daemon.log"); then
      eval "$started"
      export GNOME_KEYRING_CONTROL
    else
      echo "run_pytest.sh: gnome-keyring-daemon did not start; keyring tests will skip:" >&2
      cat "$KEYRING_HOME/daemon.log" >&2 || true
    fi
    unset KEYRING_HOME
    # Tells the keyring tests that this Secret Service is the throwaway one.
    export STEPFUN_TEST_KEYRING=private-session
    exec "$0" -m pytest "$@"
  ' "$python" "$@" 2> >(grep -v --line-buffered "Failed to set fd limit" >&2) || status=$?
  exit "$status"
fi
if [ -z "${STEPFUN_NO_KEYRING_SESSION:-}" ]; then
  echo "run_pytest.sh: dbus-run-session or gnome-keyring-daemon missing; keyring tests will skip" >&2
fi
exec "$python" -m pytest "$@"
