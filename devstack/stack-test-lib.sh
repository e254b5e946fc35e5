# Sourced by the scripts that test a real ./psig up (smoke-test.sh): start it,
# wait until it says ready, fail with its output, and stop it and remove its data on exit.
# The sourcing script sets TEST_NAME and runs from the checkout's root.

# Always a fresh directory: it is removed on exit.
export PSIG_HOME="$(mktemp -d)"
UP=""

start_stack() {
    : >"$PSIG_HOME/up.log"
    ./psig up "$@" >"$PSIG_HOME/up.log" 2>&1 &
    UP=$!
}

cleanup() {
    if [ -n "$UP" ]; then
        kill -TERM "$UP" 2>/dev/null || true
        wait "$UP" 2>/dev/null || true
    fi
    rm -rf "$PSIG_HOME"
}
trap cleanup EXIT

fail() { echo "$TEST_NAME FAILED: $*" >&2; cat "$PSIG_HOME/up.log" >&2; exit 1; }

# Waits for ./psig up to say it is ready, $1 seconds at most (240 by default).
await_ready() {
    local limit="${1:-240}"
    local deadline=$((SECONDS + limit))
    until grep -q "ready in" "$PSIG_HOME/up.log"; do
        kill -0 "$UP" 2>/dev/null || fail "./psig up exited"
        [ "$SECONDS" -lt "$deadline" ] || fail "./psig up was not ready within $limit s"
        sleep 1
    done
    grep "ready in" "$PSIG_HOME/up.log"
}
