package dev.numgen.examples.orders;

import dev.numgen.client.ClusterUnavailableException;
import dev.numgen.client.NumberClient;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the application's order numbers come from: the numgen rule ORDER, through the starter's NumberClient. */
@Component
public class OrderNumbers {

    private final NumberClient numbers;
    private final String prefixKey;

    public OrderNumbers(NumberClient numbers, @Value("${order-app.prefix-key:ORDER}") String prefixKey) {
        this.numbers = numbers;
        this.prefixKey = prefixKey;
    }

    /**
     * The next {@code count} order numbers, in order; unique across every node and client of the cluster.
     *
     * @throws ClusterUnavailableException when the client node has lost the cluster and spent its reserved block:
     *     retry later (it reconnects by itself) or tell the user
     */
    public List<String> next(int count) {
        return numbers.issue(prefixKey, count, Map.of()).numbers();
    }
}
