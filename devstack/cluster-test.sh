#!/usr/bin/env bash
# `./psig up --brokers 3 --instances 2` for real (built jars required: run after mvn verify): three
# brokers whose topics have three copies, two in sync; two instances of each pipeline service taking
# reports on both intakes; then one broker and one triage instance killed with SIGKILL while reports
# keep arriving: ./psig up says so and starts each again, every request is answered 202 or 503 with
# Retry-After (never anything else), and every accepted report gets exactly one verdict and one HFDS
# notification. A part killed 5 times within 5 minutes stops the stack, leaving no process behind.
set -euo pipefail
cd "$(dirname "$0")/.."

TEST_NAME="cluster test"
source devstack/stack-test-lib.sh
SAMPLE=test-support/src/main/resources/samples/ransomware-hospital-bretagne.json
KAFKA_CP="devstack/target/lib/*"
RUN="cluster-$RANDOM$RANDOM"
ACCEPTED="$PSIG_HOME/accepted.txt"
: >"$ACCEPTED"

# Three brokers and nine service JVMs on two cores: ready in about 80 s here, but give a busy machine room.
export PSIG_READY_TIMEOUT=300
start_stack --brokers 3 --instances 2
await_ready 420
grep -q "instance 2 .*intake :8180" "$PSIG_HOME/up.log" || fail "no second instance announced"
[ "$(./psig status | grep -c ': up')" = 13 ] || fail "./psig status: $(./psig status | tr '\n' ' ')"
echo "./psig status: 3 brokers, the registry, 2 instances of 4 services and the console up"

describe=$(java -cp "$KAFKA_CP" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9094 \
    --describe --topic psig.notification.hfds 2>/dev/null | head -n 1)
grep -q "ReplicationFactor: 3" <<<"$describe" && grep -q "min.insync.replicas=2" <<<"$describe" \
    && grep -q "unclean.leader.election.enable=false" <<<"$describe" || fail "psig.notification.hfds: $describe"
echo "psig.notification.hfds: 3 copies, 2 in sync, no unclean election (asked of the second broker)"

# Posts report $1 to the intake on port $2; notes its incident when accepted; fails on any answer but
# 202, or 503 with Retry-After.
post() {
    local answer status
    answer=$(jq -c --arg reference "$RUN-$1" '.declarantReference = $reference' "$SAMPLE" \
        | curl -s -D "$PSIG_HOME/headers" -w '\n%{http_code}' -X POST "http://127.0.0.1:$2/api/v1/incident-reports" \
            -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' --data @-)
    status=$(tail -n 1 <<<"$answer")
    case "$status" in
        202) head -n 1 <<<"$answer" | jq -r .incidentId >>"$ACCEPTED" ;;
        503) grep -qi '^retry-after:' "$PSIG_HOME/headers" || fail "503 without Retry-After for report $1" ;;
        *) fail "report $1 on port $2 answered $status: $answer" ;;
    esac
}

for i in $(seq 1 20); do post "$i" $((i % 2 == 0 ? 8080 : 8180)); done
[ "$(wc -l <"$ACCEPTED")" = 20 ] || fail "$(wc -l <"$ACCEPTED") of 20 reports accepted before any fault"

kill -KILL "$(pgrep -f "$PSIG_HOME/cluster/server-2.properties")"
kill -KILL "$(pgrep -f "server.port=8182")"
for i in $(seq 21 60); do post "$i" $((i % 2 == 0 ? 8080 : 8180)); done
grep -q "kafka-2 exited.*; starting it again" "$PSIG_HOME/up.log" || fail "the killed broker was not started again"
grep -q "triage-service-2 exited.*; starting it again" "$PSIG_HOME/up.log" \
    || fail "the killed triage instance was not started again"
accepted=$(wc -l <"$ACCEPTED")
echo "broker 2 and triage instance 2 killed and started again; $accepted of 60 reports accepted, the others answered 503"

# Exactly once: every accepted incident once on each topic, nothing else of this run.
count_on() {
    ./psig tail "$1" --once 2>/dev/null | jq -r .key | grep -F -x -f "$ACCEPTED" | sort | uniq -c | awk '{print $1}' | sort -u | tr '\n' ' '
}
deadline=$((SECONDS + 120))
until [ "$(./psig tail psig.notification.hfds --once 2>/dev/null | jq -r .key | grep -c -F -x -f "$ACCEPTED")" -ge "$accepted" ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "not every accepted report was notified within 120 s"
    sleep 2
done
for topic in psig.incident.triaged psig.notification.hfds; do
    [ "$(count_on "$topic")" = "1 " ] || fail "$topic: records per accepted incident: $(count_on "$topic")"
    [ "$(./psig tail "$topic" --once 2>/dev/null | jq -r .key | grep -F -x -f "$ACCEPTED" | sort -u | wc -l)" = "$accepted" ] \
        || fail "$topic misses accepted incidents"
done
echo "every accepted report: one verdict, one HFDS notification"

# A part that keeps dying is broken, not unlucky: its fifth exit within 5 minutes stops the stack.
kills=0
deadline=$((SECONDS + 120))
while kill -0 "$UP" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the stack still runs after triage instance 2 was killed $kills times"
    if pid=$(pgrep -f "server.port=8182"); then
        kill -KILL $pid
        kills=$((kills + 1))
    fi
    sleep 0.5
done
[ "$kills" -le 5 ] || fail "the stack survived $kills kills of one part"
status=0
wait "$UP" || status=$?
UP=""
[ "$status" = 1 ] || fail "./psig up exited with $status after a crash loop, not 1"
grep -q "triage-service-2 exited.* 5 times within 5 minutes; stopping the stack" "$PSIG_HOME/up.log" \
    || fail "the crash loop was not reported"
pgrep -f "$PSIG_HOME" >/dev/null && fail "processes left: $(pgrep -af "$PSIG_HOME" | cut -c1-120)"
echo "a part killed 5 times within 5 minutes stopped the whole stack, and nothing was left running"
echo "cluster test passed: three brokers, two instances of each service, a broker and a triage instance killed and started again, nothing lost or duplicated, a crash loop stops the stack, nothing left running"
