#!/usr/bin/env bash
# What can be checked of the container images without a Docker engine or a registry (.ci/run):
# Jib builds each image as a tarball on an empty base (the real base, eclipse-temurin, comes from
# Docker Hub, which these machines cannot reach), and the image's configuration and layers are read:
# the entrypoint runs the service's main class with jvm/service.args, which the image holds, and
# exposes the service's ports; the project's own libraries are on its class path as their jars. Builds what it
# needs itself (devstack/build-images.sh), from an empty ~/.m2 too.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "image check FAILED: $*" >&2; exit 1; }
bash devstack/build-images.sh scratch

check() {
    local module="$1" main="$2" ports="$3" libs="$4" tar="$1/target/jib-image.tar" work
    [ -f "$tar" ] || fail "no $tar"
    work=$(mktemp -d)
    tar --warning=no-unknown-keyword -xf "$tar" -C "$work"
    local config="$work/$(jq -r '.[0].Config' "$work/manifest.json")"
    local entrypoint
    entrypoint=$(jq -c '.config.Entrypoint' "$config")
    [ "$(jq -r '.[0].RepoTags[0]' "$work/manifest.json")" = "psig/$module:0.1.0-SNAPSHOT" ] || fail "$module: tag $(jq -c '.[0].RepoTags' "$work/manifest.json")"
    grep -q "\"java\",\"@/app/jvm/service.args\",\"-cp\",\"@/app/jib-classpath-file\",\"$main\"" <<<"$entrypoint" \
        || fail "$module: entrypoint $entrypoint"
    [ "$(jq -c '.config.ExposedPorts // {} | keys' "$config")" = "$ports" ] || fail "$module: ports $(jq -c '.config.ExposedPorts' "$config")"
    local layers found=""
    layers=$(jq -r '.[0].Layers[]' "$work/manifest.json")
    for layer in $layers; do
        if tar --warning=no-unknown-keyword -tzf "$work/$layer" 2>/dev/null | grep -qx "app/jvm/service.args"; then
            found=$(tar --warning=no-unknown-keyword -xzOf "$work/$layer" app/jvm/service.args)
        fi
    done
    [ "$found" = "$(cat jvm/service.args)" ] || fail "$module: /app/jvm/service.args is not jvm/service.args"
    # The project's own libraries must be their jars: built from a reactor that skipped 'package', Jib
    # copies each one's target/classes as /app/libs/classes.jar, and the second overwrites the first.
    local classpath="" own
    for layer in $layers; do
        classpath+=$(tar --warning=no-unknown-keyword -xzOf "$work/$layer" app/jib-classpath-file 2>/dev/null || true)
    done
    own=$(tr ':' '\n' <<<"$classpath" | sed -n 's|^/app/libs/\(classes.jar\)$|\1|p; s|^/app/libs/\([a-z-]*\)-0.1.0-SNAPSHOT.jar$|\1|p' | sort | tr '\n' ' ')
    [ "$own" = "$libs " ] || fail "$module: the project's libraries on its class path are '$own', not '$libs '"
    rm -rf "$work"
    echo "$module: psig/$module:0.1.0-SNAPSHOT runs $main with jvm/service.args, ports $ports, holds $libs"
}

check devstack org.psig.devstack.RegisterSchemas '[]' 'schemas'
check intake-service org.psig.intake.IntakeApplication '["8080/tcp","8090/tcp"]' 'kafka-support schemas'
check triage-service org.psig.triage.TriageApplication '["8082/tcp"]' 'kafka-support schemas'
check notification-service org.psig.notification.NotificationApplication '["8083/tcp"]' 'kafka-support schemas'
check correlation-service org.psig.correlation.CorrelationApplication '["8084/tcp"]' 'kafka-support schemas'
check console-service org.psig.console.ConsoleApplication '["8085/tcp"]' 'kafka-support schemas'
echo "image check passed (built on an empty base: docker load and run need a Docker engine)"
