package dev.numgen.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A k6 scenario of one of the two arrival-rate executors. {@code maxVUs} caps the iterations in flight: an iteration
 * due while all are busy is not started and counts as a dropped iteration, as in k6. {@code preAllocatedVUs} is kept
 * for the report only; the twin needs no warm-up of virtual users.
 */
record Scenario(String executor, ArrivalSchedule schedule, int preAllocatedVUs, int maxVUs) {

    static final String CONSTANT = "constant-arrival-rate";
    static final String RAMPING = "ramping-arrival-rate";

    static Scenario parse(JsonNode json) {
        String executor = json.path("executor").asString();
        double perTimeUnit =
                1 / (Durations.parse(textOr(json, "timeUnit", "1s")).toNanos() / 1e9);
        List<ArrivalSchedule.Segment> segments = new ArrayList<>();
        switch (executor) {
            case CONSTANT -> {
                double rate = required(json, "rate").asDouble() * perTimeUnit;
                segments.add(new ArrivalSchedule.Segment(
                        rate, rate, Durations.parse(required(json, "duration").asString())));
            }
            case RAMPING -> {
                double rate = json.path("startRate").asDouble(0) * perTimeUnit;
                for (JsonNode stage : required(json, "stages")) {
                    double target = required(stage, "target").asDouble() * perTimeUnit;
                    segments.add(new ArrivalSchedule.Segment(
                            rate,
                            target,
                            Durations.parse(required(stage, "duration").asString())));
                    rate = target;
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "executor \"" + executor + "\": only " + CONSTANT + " and " + RAMPING + " are supported");
        }
        int preAllocated = required(json, "preAllocatedVUs").asInt();
        return new Scenario(
                executor,
                new ArrivalSchedule(segments),
                preAllocated,
                json.path("maxVUs").asInt(preAllocated));
    }

    Duration duration() {
        return schedule.duration();
    }

    private static String textOr(JsonNode json, String field, String otherwise) {
        return json.hasNonNull(field) ? json.get(field).asString() : otherwise;
    }

    static JsonNode required(JsonNode json, String field) {
        if (!json.hasNonNull(field)) {
            throw new IllegalArgumentException("missing \"" + field + "\" in " + json);
        }
        return json.get(field);
    }
}
