#!/usr/bin/env bash
# In-process benchmarks (JMH): the SEGMENT issuing path on a real single Ignite node.
# Usage: bash bench/jmh.sh [JMH options, e.g. -wi 2 -i 3 or a benchmark regex]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_cmd=./mvnw
[ -x "$mvn_cmd" ] || mvn_cmd=mvn

"$mvn_cmd" -q -DskipTests -Dspotless.check.skip=true test-compile
classpath_file=$(mktemp)
"$mvn_cmd" -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
add_opens=$("$mvn_cmd" -q help:evaluate -Dexpression=ignite.add-opens -DforceStdout)

java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main -jvmArgsAppend "$add_opens" "${@:-IssueBenchmark}"
rm -f "$classpath_file"
