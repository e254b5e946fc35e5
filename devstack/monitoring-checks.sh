# Sourced by smoke-test.sh, whose first stack runs with --monitoring: the checks of `./psig up
# --monitoring` (Debian's prometheus required; .ci/run installs it). monitoring_begin: Prometheus's
# address is printed and one undecodable record is written, so that the dead-letter alert's minute
# runs while the smoke test does its own work. monitoring_end: after 30 s at 5 reports/s, every
# selector of every alert rule and every query of the Grafana dashboard return data (MonitoringCheck),
# the dead-letter alert fires and no other, the README's query and alert listing answer as shown, and
# the notification age percentiles are read from the metrics.

PROMETHEUS=http://127.0.0.1:9090
DEVSTACK=(java -cp "devstack/target/devstack-0.1.0-SNAPSHOT.jar:devstack/target/lib/*"
          -Dlog4j2.configurationFile=devstack/config/log4j2.properties)
query() { PSIG_QUERY="$1" "${DEVSTACK[@]}" org.psig.devstack.monitoring.Query; }

monitoring_begin() {
    grep -q "Prometheus          $PROMETHEUS" "$PSIG_HOME/up.log" || fail "./psig up did not print Prometheus's address"
    # A record triage cannot decode: it goes to psig.incident.reported-dlt, and the alert must fire.
    echo "not an Avro record" | "${DEVSTACK[@]}" org.apache.kafka.tools.ConsoleProducer \
        --bootstrap-server 127.0.0.1:9092 --topic psig.incident.reported
    POISONED=$SECONDS
}

monitoring_end() {
    PSIG_KAFKA_BOOTSTRAP=127.0.0.1:9092 PSIG_INTAKE_URL=http://127.0.0.1:8080 \
        java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.psig.bench.History steady 5 30

    PSIG_CHECK_SECONDS=90 "${DEVSTACK[@]}" org.psig.devstack.monitoring.MonitoringCheck \
        monitoring/grafana/dashboards/psig-pipeline.json || fail "a rule or a dashboard query returned nothing"

    # PsigDeadLettersWaiting holds for 1 minute before it fires; rules are evaluated every 5 s.
    local deadline=$((POISONED + 120)) others
    until [ "$(query 'ALERTS{alertstate="firing", alertname="PsigDeadLettersWaiting"}')" != "" ]; do
        [ "$SECONDS" -lt "$deadline" ] || fail "PsigDeadLettersWaiting did not fire within 120 s of the dead letter"
        sleep 5
    done
    echo "alert firing: $(query 'ALERTS{alertstate="firing", alertname="PsigDeadLettersWaiting"}')"
    others=$(query 'ALERTS{alertstate="firing", alertname!="PsigDeadLettersWaiting"}')
    [ -z "$others" ] || fail "alerts fired that should not have: $others"
    echo "no other alert fired"

    # The README's dashboard query and alert listing, as written there.
    curl -s http://127.0.0.1:9090/api/v1/query --data-urlencode \
      'query=sum(rate(psig_notification_age_seconds_bucket{le="5.0"}[5m])) / sum(rate(psig_notification_age_seconds_count[5m]))' \
        | grep -q '"status":"success","data":{"resultType":"vector","result":\[{"metric":{},"value":' \
        || fail "the README's dashboard query returned nothing"
    curl -s http://127.0.0.1:9090/api/v1/alerts | jq -c '.data.alerts[] | {alert: .labels.alertname, state, topic: .labels.topic}' \
        | grep -qx '{"alert":"PsigDeadLettersWaiting","state":"firing","topic":"psig.incident.reported-dlt"}' \
        || fail "the README's alert listing does not show the dead-letter alert firing"
    echo "the README's dashboard query and alert listing answer as shown"

    echo "notification age over the last 90 s, from the services' own metrics (POST to publish):"
    local q
    for q in 50 95 99; do
        echo "  p$q: $(query "histogram_quantile(0.$q, sum by (le) (increase(psig_notification_age_seconds_bucket[90s])))") s"
    done
    echo "  within 5 s: $(query 'sum(increase(psig_notification_age_seconds_bucket{le="5.0"}[90s])) / sum(increase(psig_notification_age_seconds_count[90s]))')"
}
