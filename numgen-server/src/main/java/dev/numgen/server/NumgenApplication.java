package dev.numgen.server;

import dev.numgen.time.TickingClock;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class NumgenApplication {

    @Bean(destroyMethod = "close")
    Clock clock() {
        return new TickingClock(Clock.systemUTC());
    }

    public static void main(String[] args) {
        SpringApplication.run(NumgenApplication.class, args);
    }
}
