package dev.numgen.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of bench/http.sh: the cheapest request Boot 4 MVC can serve, a constant string
 * the size of one issued number. No configuration: Tomcat and MVC run with Boot's defaults, as
 * numgen's do.
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @RestController
    static class ConstantController {

        static final String CONSTANT = "ORD-20261125-000042";

        @GetMapping("/constant")
        String constant() {
            return CONSTANT;
        }
    }
}
