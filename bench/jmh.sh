#!/usr/bin/env bash
# In-process benchmarks (JMH).
#   bash bench/jmh.sh [JMH options, e.g. -wi 2 -i 3 or a benchmark regex]
#       the SEGMENT issuing path on a real single Ignite node (module numgen-ignite; default IssueBenchmark)
#   bash bench/jmh.sh --module numgen-core [JMH options]
#       without Ignite: formatted numbers (FormatBenchmark) and the SEGMENT buffer beside CosId (SegmentBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_cmd=./mvnw
[ -x "$mvn_cmd" ] || mvn_cmd=mvn
module=numgen-ignite
if [ "${1:-}" = "--module" ]; then
  module=${2:?--module needs a module name}
  shift 2
fi
case "$module" in
  numgen-ignite) default_benchmarks=IssueBenchmark ;;
  numgen-core) default_benchmarks='dev.numgen.bench.*' ;;
  *) echo "no benchmarks in module $module" >&2; exit 2 ;;
esac

classpath_file=$(mktemp)
# One reactor run: the modules below are packaged and the classpath points at them, nothing goes to ~/.m2.
# Each module writes the file in turn; the module asked for, built last, leaves its own.
"$mvn_cmd" -q -DskipTests -Dspotless.check.skip=true -pl "$module" -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
add_opens=$("$mvn_cmd" -q -N help:evaluate -Dexpression=ignite.add-opens -DforceStdout)

java -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main -jvmArgsAppend "$add_opens" "${@:-$default_benchmarks}"
rm -f "$classpath_file"
