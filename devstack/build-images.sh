#!/usr/bin/env bash
# Builds the six container images as tarballs (<module>/target/jib-image.tar) with Jib, no Docker daemon:
#   devstack/build-images.sh            on the pom's base image (psig.image.base, eclipse-temurin:17-jre)
#   devstack/build-images.sh scratch    on an empty base, which needs no registry (image-check.sh)
# Works on a machine whose ~/.m2 has none of this project's artifacts: -am builds the libraries the images
# hold (kafka-support, schemas) in the same reactor, and 'package' makes them jars (without it Jib copies
# each library's target/classes as one /app/libs/classes.jar, the second overwriting the first).
set -euo pipefail
cd "$(dirname "$0")/.."

base_flag=()
[ $# -gt 0 ] && base_flag=("-Dpsig.image.base=$1")
# The plugin by its coordinates, its version read from the parent pom (its one home): the registry module,
# which -am brings along, has no parent, hence no 'jib' prefix; it and the libraries set jib.skip.
jib_version=$(sed -n 's|.*<jib.version>\(.*\)</jib.version>.*|\1|p' pom.xml)
mvn -B -q "${base_flag[@]}" -DskipTests package "com.google.cloud.tools:jib-maven-plugin:$jib_version:buildTar" \
    -am -pl devstack,intake-service,triage-service,notification-service,correlation-service,console-service
