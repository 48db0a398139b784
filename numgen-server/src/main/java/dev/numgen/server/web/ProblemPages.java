package dev.numgen.server.web;

import dev.numgen.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What each problem {@code type} resolves to: {@code GET /problems/invalid-request} on any node is a short page
 * saying what the problem means and what to do. Open without a token, like the API description.
 */
@RestController
final class ProblemPages {

    @GetMapping("/problems/{slug}")
    ResponseEntity<?> page(@PathVariable String slug) {
        ProblemType type = ProblemType.forSlug(slug).orElse(null);
        if (type == null) {
            return ProblemResponses.respond(ProblemResponses.problem(
                    ProblemType.NOT_FOUND, "numgen has no problem type of that name", null, null));
        }
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(type.title()) + "</title></head><body><h1>" + HtmlUtils.htmlEscape(type.title())
                + "</h1><p>HTTP status " + type.status() + ". Problem type <code>" + type.type() + "</code>.</p><p>"
                + HtmlUtils.htmlEscape(type.description()) + "</p></body></html>";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(html);
    }
}
