#!/usr/bin/env bash
# Runs the README's commands against a real `./psig up` (built jars required: run after mvn verify):
# the sample curl answers 202, `./psig tail` shows its notifications, the error example answers 400,
# a campaign, the console and ./psig export, `./psig status` reports every part up, and stopping
# leaves no process behind. The first stack runs with --monitoring and passes the checks of
# monitoring-checks.sh; the second is the secure stack on the same data.
set -euo pipefail
cd "$(dirname "$0")/.."

TEST_NAME="smoke test"
source devstack/stack-test-lib.sh
source devstack/monitoring-checks.sh
SAMPLE=test-support/src/main/resources/samples/ransomware-hospital-bretagne.json
# As if the services were rebuilt after an earlier ./psig up: their AOT caches must be trained again,
# not silently dropped.
touch intake-service/target/*-exec.jar triage-service/target/*-exec.jar notification-service/target/*-exec.jar \
    correlation-service/target/*-exec.jar console-service/target/*-exec.jar
start_stack --monitoring

# On Java 25 the services start from AOT caches, trained by the first ./psig up after a build only.
expect_aot() {
    grep -q "on Java 2[5-9]" "$PSIG_HOME/up.log" || return 0
    grep -q "from their AOT caches" "$PSIG_HOME/up.log" || fail "the services started without their AOT caches"
    if [ "$1" = trained ]; then
        grep -q "training the AOT cache" "$PSIG_HOME/up.log" || fail "rebuilt services were not trained again"
    elif grep -q "training the AOT cache" "$PSIG_HOME/up.log"; then
        fail "the AOT caches were trained again without a rebuild"
    fi
    echo "AOT caches: $1"
}

await_ready
expect_aot trained
monitoring_begin
[ "$(./psig status | grep -c ': up')" = 7 ] || fail "./psig status: $(./psig status | tr '\n' ' ')"

[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/v3/api-docs)" = 200 ] || fail "no OpenAPI document"
[ "$(curl -s -o /dev/null -w '%{http_code}' -L http://127.0.0.1:8080/swagger-ui.html)" = 200 ] || fail "no Swagger UI"
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/actuator/health)" = 404 ] \
    || fail "the actuator answers on the public API port"
echo "OpenAPI and Swagger UI on 8080, actuator only on 8090"

registered=$(curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:8081/apis/ccompat/v7/subjects/smoke-value/versions \
    -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data '{"schema": "{\"type\": \"string\"}"}')
[ "$registered" = 403 ] || fail "the registry answered $registered to a registration without the deploy token"
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8081/apis/ccompat/v7/subjects)" = 200 ] \
    || fail "the registry cannot be read through its gate"
echo "schema registry: read through its gate; a registration without the deploy token refused (403)"

response=$(curl -s -w '\n%{http_code}' -X POST http://127.0.0.1:8080/api/v1/incident-reports \
    -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' --data @"$SAMPLE")
[ "$(tail -n 1 <<<"$response")" = 202 ] || fail "sample answered $response"
incident=$(head -n 1 <<<"$response" | sed -E 's/.*"incidentId":"([^"]+)".*/\1/')
echo "sample accepted as incident $incident"

for topic in psig.notification.ars.53 psig.notification.hfds; do
    deadline=$((SECONDS + 30))
    until ./psig tail "$topic" --once | grep -q "\"key\":\"$incident\""; do
        [ "$SECONDS" -lt "$deadline" ] || fail "no notification of $incident on $topic within 30 s"
    done
    echo "notification of $incident is on $topic"
done

# The README's trace: one line per service about the sample, all with one traceId.
deadline=$((SECONDS + 10))
until [ "$(grep -h "\"incidentId\":\"$incident\"" "$PSIG_HOME"/logs/*-service.log | jq -r '[.service.name, .traceId, .message] | @tsv' | cut -f1 | sort -u | wc -l)" = 3 ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the three services did not each log $incident"
    sleep 1
done
trail=$(grep -h "\"incidentId\":\"$incident\"" "$PSIG_HOME"/logs/*-service.log | jq -r '[.service.name, .traceId, .message] | @tsv')
echo "$trail"
[ "$(cut -f2 <<<"$trail" | sort -u | wc -l)" = 1 ] || fail "more than one traceId for $incident"
[ "$(cut -f2 <<<"$trail" | head -n 1)" != null ] || fail "no traceId on the log lines of $incident"
echo "one trace for $incident across the three services' logs"

# The README's campaign: three EHPAD report the same host down; one OPENED alert.
for i in 1 2 3; do
  jq --arg n "$i" --arg now "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" \
     '.declarantReference = "DEMO-" + $n | .establishment.name = "EHPAD Demo " + $n
      | .establishment.finessEt = (["750000001", "690000002", "130000003"][($n | tonumber) - 1])
      | .incident.detectedAt = $now' test-support/src/main/resources/samples/provider-outage-paris.json \
  | curl -s -o /dev/null -w '%{http_code}\n' -X POST http://127.0.0.1:8080/api/v1/incident-reports \
      -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' --data @-
done | sort | uniq -c | grep -q '3 202' || fail "the campaign's three reports were not all accepted"
deadline=$((SECONDS + 30))
until ./psig tail psig.notification.campaigns --once | grep -q '"event": "OPENED", "step": 3'; do
    [ "$SECONDS" -lt "$deadline" ] || fail "no OPENED campaign alert within 30 s"
done
opened=$(./psig tail psig.notification.campaigns --once | grep -c '"event": "OPENED"')
[ "$opened" = 1 ] || fail "$opened OPENED alerts for one campaign"
./psig tail psig.notification.campaigns --once | grep -q '"rule": "provider-outage", "key": "PROVIDER_FAILURE|hebergeur sil"' \
    || fail "the alert does not name the rule and key the README shows"
echo "three EHPAD, one campaign alert on psig.notification.campaigns"

# The README's console and exports: the sample and the campaign, as the analysts' console serves them.
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8085/api/campaigns)" = 401 ] \
    || fail "the console answered without sign-in"
deadline=$((SECONDS + 30))
until curl -s -u analyst:local-demo-analyst http://127.0.0.1:8085/api/campaigns | grep -q '"rule":"provider-outage"'; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the console does not show the campaign within 30 s"
    sleep 1
done
campaign=$(./psig tail psig.notification.campaigns --once | grep -m 1 '"event": "OPENED"' | sed -E 's/.*"key":"([^"]+)".*/\1/')
./psig export "$incident" --stix | jq -e '.type == "bundle" and ([.objects[].type] | index("incident") != null)' >/dev/null \
    || fail "./psig export $incident --stix is not a bundle with the incident"
./psig export "$incident" --misp | jq -e '[.Event.Tag[].name] == ["tlp:amber+strict", "PAP:AMBER", "rsit:information-content-security=\"unauthorised-information-modification\""]' >/dev/null \
    || fail "./psig export $incident --misp: $(./psig export "$incident" --misp | head -c 300)"
./psig export "$campaign" --stix | jq -e '[.objects[] | select(.type == "incident")] | length == 3' >/dev/null \
    || fail "./psig export $campaign --stix does not hold the campaign's three incidents"
./psig export "$campaign" --misp | jq -e '.Event.Tag[0].name == "tlp:amber" and (.Event.info | startswith("Campaign provider-outage"))' >/dev/null \
    || fail "./psig export $campaign --misp: $(./psig export "$campaign" --misp | head -c 300)"
lines=$(./psig export f9a9222a-45fe-3d58-96b8-58839206790b --stix \
    | jq -c '.id, (.objects[] | {type, id, name: (.name // .relationship_type)})')
expected='"bundle--0ccac9aa-51aa-3893-9a6c-639ac045b064"
{"type":"marking-definition","id":"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003","name":"TLP:AMBER+STRICT"}
{"type":"incident","id":"incident--f9a9222a-45fe-3d58-96b8-58839206790b","name":"Rançongiciel sur les serveurs du DPI"}
{"type":"identity","id":"identity--58104f12-6186-3e15-9504-ce91b08df8cd","name":"Centre hospitalier de Kerlann"}
{"type":"relationship","id":"relationship--247423e9-e488-37f8-aa7c-8fa00253d2b6","name":"related-to"}'
[ "$lines" = "$expected" ] || fail "the README's export of the sample printed: $lines"
missing=$(./psig export 00000000-0000-0000-0000-000000000000 --stix 2>&1 || true)
[ "$missing" = "psig: no incident or campaign 00000000-0000-0000-0000-000000000000 on the console's board" ] \
    || fail "./psig export of an unknown id said: $missing"
echo "the console signs analysts in; ./psig export printed the sample's STIX bundle and MISP event, and the campaign's bundle"

invalid=$(curl -s -w '\n%{http_code}' -X POST http://127.0.0.1:8080/api/v1/incident-reports \
    -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' \
    --data '{"declarantReference":"X-1","establishment":{"finessEt":"35010","name":"CH","type":"ES"},"declarant":{"name":"RSSI","email":"rssi-at-example.org"},"incident":{"detectedAt":"2026-11-27T06:40:00+01:00","summary":"s","description":"d","category":"RANSOMWARE","declaredOrigin":"MALICIOUS","status":"ONGOING"},"impacts":{"careSafety":"NONE","dataConfidentiality":false,"dataIntegrity":false,"dataAvailability":false,"personalDataBreach":false,"functioning":"NONE","degradedMode":false,"healthSystemImpact":false,"spreadRisk":false}}')
[ "$(tail -n 1 <<<"$invalid")" = 400 ] || fail "invalid report answered $invalid"
grep -q '"pointer":"/declarant/email"' <<<"$invalid" || fail "400 does not name /declarant/email: $invalid"
grep -q '"pointer":"/establishment/finessEt"' <<<"$invalid" || fail "400 does not name /establishment/finessEt: $invalid"
echo "invalid report answered 400 naming both fields"

monitoring_end

kill -TERM "$UP"
wait "$UP" || true
for port in 9090 9404; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port (monitoring) still answers after stop"
done
[ "$(./psig status | grep -c ': down')" = 7 ] || fail "parts still up after stop: $(./psig status | tr '\n' ' ')"
echo "stopped: every part is down"

# A second start, on the same data and secure: the resent sample gets the same id and no second
# notification, and each ARS reads its own topic only, as docs/notifications.md shows.
start_stack --secure
await_ready
expect_aot reused
grep -q "ACLs in place" "$PSIG_HOME/up.log" || fail "no ACLs reported"
again=$(curl -s -X POST http://127.0.0.1:8080/api/v1/incident-reports \
    -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' --data @"$SAMPLE")
grep -q "\"incidentId\":\"$incident\"" <<<"$again" || fail "the resend got another id: $again"
metrics=$(curl -s http://127.0.0.1:8090/actuator/prometheus)
grep -q '^psig_intake_reports_total{.*outcome="repeat".*} 1.0' <<<"$metrics" \
    || fail "the intake did not count the resend as a repeat"
changed=$(sed 's/Rançongiciel sur les serveurs du DPI/Rançongiciel sur tout le SI/' "$SAMPLE" \
    | curl -s -w '\n%{http_code}' -X POST http://127.0.0.1:8080/api/v1/incident-reports \
        -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' --data @-)
[ "$(tail -n 1 <<<"$changed")" = 409 ] || fail "a changed report under the same reference answered $changed"
grep -q "\"incidentId\":\"$incident\"" <<<"$changed" || fail "the 409 does not name $incident: $changed"
for topic in psig.incident.reported psig.incident.triaged psig.notification.ars.53 psig.notification.hfds; do
    count=$(./psig tail "$topic" --once | grep -c "\"key\":\"$incident\"")
    [ "$count" = 1 ] || fail "$count records of $incident on $topic after the resend"
done
echo "after a restart, the resend kept its id and added nothing; the changed report got 409"

replayed=$(./psig replay-dlt psig.incident.triaged)
[ "$replayed" = "replayed 0 dead letter(s) from psig.incident.triaged-dlt" ] || fail "replay-dlt said: $replayed"
echo "replay-dlt found nothing to replay"

paca=test-support/src/main/resources/samples/data-leak-esms-paca.json
accepted=$(curl -s -X POST http://127.0.0.1:8080/api/v1/incident-reports \
    -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' --data @"$paca")
paca_incident=$(sed -E 's/.*"incidentId":"([^"]+)".*/\1/' <<<"$accepted")
deadline=$((SECONDS + 30))
until PSIG_KAFKA_USER=ars-93 ./psig tail psig.notification.ars.93 --once | grep -q "\"key\":\"$paca_incident\""; do
    [ "$SECONDS" -lt "$deadline" ] || fail "ars-93 did not read its notification within 30 s on the secure stack"
done
PSIG_KAFKA_USER=ars-53 ./psig tail psig.notification.ars.53 --once | grep -q "\"key\":\"$incident\"" \
    || fail "ars-53 cannot read its own topic"
refused=$(PSIG_KAFKA_USER=ars-53 ./psig tail psig.notification.ars.93 --once 2>&1 || true)
[ "$refused" = "No topic 'psig.notification.ars.93' that ars-53 may read." ] || fail "ars-53 read ars.93: $refused"
echo "secure stack: the pipeline runs under ACLs, ars-93 and ars-53 read their own topics, ars-53 is refused ars.93"

# The README's report life, under ACLs: a follow-up, the status built from the verdicts and notifications.
update=$(curl -s -w '\n%{http_code}' -X POST "http://127.0.0.1:8080/api/v1/incident-reports/$paca_incident/updates" \
    -H 'Content-Type: application/json' -H 'Authorization: Bearer local-demo-key' \
    --data @intake-service/src/main/resources/openapi/samples/update-breach-found.json)
[ "$(tail -n 1 <<<"$update")" = 202 ] || fail "the follow-up answered $update"
grep -q '"revision":2' <<<"$update" || fail "the follow-up is not revision 2: $update"
deadline=$((SECONDS + 30))
until curl -s "http://127.0.0.1:8080/api/v1/incident-reports/$paca_incident" -H 'Authorization: Bearer local-demo-key' \
        | grep -q '"revision":2,"state":"NOTIFIED"'; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the status of $paca_incident did not reach revision 2 NOTIFIED within 30 s"
    sleep 1
done
PSIG_KAFKA_USER=ars-93 ./psig tail psig.notification.ars.93 --once | grep "\"key\":\"$paca_incident\"" \
    | grep -q '"psig-revision":"2","psig-kind":"UPDATE"' || fail "ars-93 did not read revision 2 as an UPDATE"
listed=$(curl -s "http://127.0.0.1:8080/api/v1/incident-reports?since=2026-01-01T00:00:00Z&limit=10" \
    -H 'Authorization: Bearer local-demo-key')
grep -q "\"incidentId\":\"$paca_incident\"" <<<"$listed" || fail "the listing misses $paca_incident: $listed"
echo "secure stack: the follow-up was triaged and notified as revision 2, the status and the listing show it"

kill -TERM "$UP"
wait "$UP" || true
[ "$(./psig status | grep -c ': down')" = 7 ] || fail "parts still up after stop: $(./psig status | tr '\n' ' ')"
echo "smoke test passed: ./psig up (twice: with --monitoring, then --secure on the same data), curl, a campaign, the console and ./psig export, a follow-up and the status, ./psig tail, replay-dlt, status and stop behave as the README says"
