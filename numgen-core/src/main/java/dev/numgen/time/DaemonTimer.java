package dev.numgen.time;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The background timers of numgen's components: one named daemon thread each, never keeping the JVM alive. */
public final class DaemonTimer {

    private DaemonTimer() {}

    public static ScheduledExecutorService named(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
