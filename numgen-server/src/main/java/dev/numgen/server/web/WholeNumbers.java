package dev.numgen.server.web;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Whole numbers in request bodies as JSON Schema counts them: {@code 5} and {@code 5.0} are the integer five,
 * {@code 1.5} is no integer at all and is refused (Jackson would truncate it, or refuse {@code 5.0} too). Strings,
 * booleans and values out of range are refused as well.
 */
final class WholeNumbers {

    private WholeNumbers() {}

    static SimpleModule module() {
        return new SimpleModule("numgen-whole-numbers")
                .addDeserializer(Long.class, new Whole<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, Long::valueOf))
                .addDeserializer(
                        Integer.class,
                        new Whole<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, value -> (int) value));
    }

    private interface Narrowing<T> {
        T of(long value);
    }

    private static final class Whole<T> extends StdDeserializer<T> {
        private final long min;
        private final long max;
        private final Narrowing<T> narrowing;

        Whole(Class<T> type, long min, long max, Narrowing<T> narrowing) {
            super(type);
            this.min = min;
            this.max = max;
            this.narrowing = narrowing;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            BigDecimal value = parser.getDecimalValue();
            if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new InputCoercionException(parser, "out of range", token, handledType());
            }
            return narrowing.of(value.longValueExact());
        }
    }
}
