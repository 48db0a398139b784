package dev.numgen.server.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the issuing endpoint reads a path before matching it: only percent-encoded unreserved characters decode. */
class NumberEndpointPathTest {

    @ParameterizedTest
    @CsvSource({
        "/api/numbers, /api/numbers",
        "/api/%6Eumbers, /api/numbers",
        "/api/%6eumbers, /api/numbers",
        "/%61pi/%6E%75mbers, /api/numbers",
        "/api/%2Fnumbers, /api/%2Fnumbers",
        "/api/%2e%2e/numbers, /api/%2e%2e/numbers",
        "/api/%256Eumbers, /api/%256Eumbers",
        "/api/%6, /api/%6",
        "/api/%zz, /api/%zz",
        "/api/%7E%5F%2D, /api/~_-",
        "'/api/%\u0661\u0662', '/api/%\u0661\u0662'"
    })
    void decodesOnlyUnreservedCharacters(String path, String expected) {
        assertThat(NumberEndpoint.unreservedDecoded(path)).isEqualTo(expected);
    }
}
