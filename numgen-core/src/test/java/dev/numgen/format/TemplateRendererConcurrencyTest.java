package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.testing.Await;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TemplateRendererConcurrencyTest {

    private static final String FORMAT = "ORD-{yyyy}{MM}{dd}{HH}-{seq:6}";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int THREADS = 4;
    private static final int RENDERS_PER_THREAD = 20_000;

    @Test
    void threadsRenderingAcrossADayBoundaryEachGetTheirOwnCorrectNumbers() throws Exception {
        TemplateRenderer renderer = NumberTemplate.parse(FORMAT).renderer(BERLIN);
        long midnight = LocalDateTime.parse("2026-12-31T00:00:00")
                .atZone(BERLIN)
                .toInstant()
                .toEpochMilli();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                results.add(executor.submit(() -> {
                    start.await();
                    return mismatches(renderer, midnight, offset);
                }));
            }
            start.countDown();

            for (Future<List<String>> result : results) {
                assertThat(Await.result("a rendering thread", result)).isEmpty();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** Instants jump back and forth across midnight, so threads keep replacing each other's window. */
    private static List<String> mismatches(TemplateRenderer renderer, long midnight, int thread) {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < RENDERS_PER_THREAD; i++) {
            long instant = midnight + ((i * 7_919L + thread * 104_729L) % 4_000L) - 2_000L;
            long sequence = i * THREADS + thread;
            String actual = renderer.render(instant, sequence, Map.of());
            String expected = ReferenceRendering.render(FORMAT, BERLIN, instant, sequence, Map.of());
            if (!actual.equals(expected)) {
                mismatches.add(instant + ": " + actual + " != " + expected);
            }
        }
        return mismatches;
    }
}
