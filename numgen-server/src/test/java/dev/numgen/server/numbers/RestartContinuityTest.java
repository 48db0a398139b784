package dev.numgen.server.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.server.NumgenApplication;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Stopping and starting a node continues every counter strictly above what it issued. */
class RestartContinuityTest {

    @TempDir
    Path workRoot;

    @Test
    void restartedNodeContinuesEveryCounterAboveWhatItIssued() {
        Map<String, Object> properties =
                new HashMap<>(TestNodes.ClusterLayout.of(workRoot, 1).nodeProperties(0));
        properties.put("server.port", 0);
        properties.put("numgen.security.dev-issuer.port", 0);

        List<Long> before = new ArrayList<>();
        List<String> dayBefore = new ArrayList<>();
        try (ConfigurableApplicationContext node = start(properties)) {
            ApiClient api = api(node);
            String token = token(node);
            assertThat(api.put("/api/prefix-configs/KEEP", token, "{\"format\":\"K-{seq}\",\"reserveSize\":10}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.put(
                                    "/api/prefix-configs/DAY",
                                    token,
                                    "{\"format\":\"D-{yyyy}{MM}{dd}-{seq}\",\"reset\":\"DAILY\"}")
                            .status())
                    .isEqualTo(201);
            before.addAll(values(
                    api.get("/api/numbers?prefixKey=KEEP&count=25", token).json()));
            JsonNode day = api.get("/api/numbers?prefixKey=DAY&count=3", token).json();
            before.addAll(values(day));
            day.path("numbers").forEach(number -> dayBefore.add(number.asString()));
        }
        assertThat(before).hasSize(28);

        try (ConfigurableApplicationContext node = start(properties)) {
            ApiClient api = api(node);
            String token = token(node);
            List<Long> keep =
                    values(api.get("/api/numbers?prefixKey=KEEP&count=5", token).json());
            assertThat(keep).allSatisfy(value -> assertThat(value).isGreaterThan(25));
            JsonNode day = api.get("/api/numbers?prefixKey=DAY&count=3", token).json();
            day.path("numbers").forEach(number -> {
                String text = number.asString();
                assertThat(dayBefore).doesNotContain(text);
                // Same day as before the restart: the daily counter continues above what it issued.
                String date = text.substring(0, text.lastIndexOf('-'));
                if (dayBefore.get(0).startsWith(date)) {
                    assertThat(Long.parseLong(text.substring(text.lastIndexOf('-') + 1)))
                            .isGreaterThan(3);
                }
            });
            assertThat(api.get("/api/prefix-configs/KEEP", token)
                            .json()
                            .path("version")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As command-line arguments, so they outrank application.yml like an operator's would.
        return new SpringApplicationBuilder(NumgenApplication.class)
                .profiles("local")
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    private static ApiClient api(ConfigurableApplicationContext node) {
        return new ApiClient(((WebServerApplicationContext) node).getWebServer().getPort());
    }

    private static String token(ConfigurableApplicationContext node) {
        return DevIssuerClient.token(
                node.getBean(DevIssuer.class).port(),
                "numbers:generate",
                "prefix-configs:write",
                "prefix-configs:read");
    }

    private static List<Long> values(JsonNode reply) {
        List<Long> values = new ArrayList<>();
        reply.path("numbers").forEach(number -> {
            String text = number.asString();
            values.add(Long.parseLong(text.substring(text.lastIndexOf('-') + 1)));
        });
        return values;
    }
}
