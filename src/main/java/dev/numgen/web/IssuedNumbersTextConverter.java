package dev.numgen.web;

import dev.numgen.issue.IssuedNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/** {@code Accept: text/plain}: the numbers, one per line. */
@Component
final class IssuedNumbersTextConverter extends AbstractHttpMessageConverter<IssuedNumbers> {

    IssuedNumbersTextConverter() {
        super(StandardCharsets.UTF_8, MediaType.TEXT_PLAIN);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return IssuedNumbers.class.equals(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected IssuedNumbers readInternal(Class<? extends IssuedNumbers> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("numbers are never read as text", input);
    }

    @Override
    protected void writeInternal(IssuedNumbers issued, HttpOutputMessage output) throws IOException {
        StringBuilder text = new StringBuilder(issued.numbers().size() * 24);
        for (String number : issued.numbers()) {
            text.append(number).append('\n');
        }
        output.getBody().write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
