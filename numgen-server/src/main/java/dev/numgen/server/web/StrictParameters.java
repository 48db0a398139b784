package dev.numgen.server.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole-number query parameters are read exactly as written: ASCII digits with an optional minus sign. Spring's own
 * conversion would take {@code limit=} as absent, trim white space and read {@code 0x10} as sixteen.
 */
@ControllerAdvice
final class StrictParameters {

    @InitBinder
    void strictWholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new WholeNumber());
        binder.registerCustomEditor(int.class, new WholeNumber());
        binder.registerCustomEditor(Long.class, new LongWholeNumber());
        binder.registerCustomEditor(long.class, new LongWholeNumber());
    }

    private static final class WholeNumber extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text == null || !text.matches("-?[0-9]{1,9}")) {
                throw new IllegalArgumentException("not a whole number");
            }
            setValue(Integer.parseInt(text));
        }
    }

    /** Up to 19 digits; one beyond the range of a long is refused like any other value that is not one. */
    private static final class LongWholeNumber extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text == null || !text.matches("-?[0-9]{1,19}")) {
                throw new IllegalArgumentException("not a whole number");
            }
            setValue(Long.parseLong(text));
        }
    }
}
