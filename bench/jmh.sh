#!/usr/bin/env bash
# In-process benchmarks (JMH): the SEGMENT issuing path on a real single Ignite node (module numgen-ignite).
# Usage: bash bench/jmh.sh [JMH options, e.g. -wi 2 -i 3 or a benchmark regex]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_cmd=./mvnw
[ -x "$mvn_cmd" ] || mvn_cmd=mvn
module=numgen-ignite

classpath_file=$(mktemp)
# One reactor run: the modules below are packaged and the classpath points at them, nothing goes to ~/.m2.
# Each module writes the file in turn; numgen-ignite, built last, leaves its own.
"$mvn_cmd" -q -DskipTests -Dspotless.check.skip=true -pl "$module" -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
add_opens=$("$mvn_cmd" -q -N help:evaluate -Dexpression=ignite.add-opens -DforceStdout)

java -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main -jvmArgsAppend "$add_opens" "${@:-IssueBenchmark}"
rm -f "$classpath_file"
