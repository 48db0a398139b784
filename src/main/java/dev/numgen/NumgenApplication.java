package dev.numgen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NumgenApplication {
    public static void main(String[] args) {
        SpringApplication.run(NumgenApplication.class, args);
    }
}
