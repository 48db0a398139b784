package dev.numgen.examples.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/** Takes a few order numbers when the application starts and logs them; a real application takes one per order. */
@Component
class IssueOnStart implements CommandLineRunner {

    private static final Logger log = LoggerFactory.getLogger(IssueOnStart.class);

    private final OrderNumbers orders;
    private final int count;

    IssueOnStart(OrderNumbers orders, @Value("${order-app.issue-on-start:3}") int count) {
        this.orders = orders;
        this.count = count;
    }

    @Override
    public void run(String... args) {
        if (count > 0) {
            log.info("Order numbers: {}", orders.next(count));
        }
    }
}
