package dev.numgen.server.testing;

/**
 * The prefix keys (and Idempotency-Keys) of one test class. Test classes with the same configuration share one cached
 * Spring context, so one node with its rules, counters and keys; each class names what it creates after itself, so no
 * class meets another's rules, whichever order they run in: {@code TestNames.of(NumberApiTest.class).key("ORDER")} is
 * {@code NumberApi-ORDER}.
 */
public final class TestNames {

    private final String prefix;

    private TestNames(String prefix) {
        this.prefix = prefix;
    }

    public static TestNames of(Class<?> testClass) {
        String name = testClass.getSimpleName();
        return new TestNames((name.endsWith("Test") ? name.substring(0, name.length() - 4) : name) + "-");
    }

    /** {@code name} as this class's own: a valid prefix key when {@code name} is one. */
    public String key(String name) {
        return prefix + name;
    }
}
