package io.otodoke.connector;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every source's parser by its code, with the guarantees callers rely on: a payload over
 * {@link #MAX_PAYLOAD_BYTES} is refused before parsing, and whatever goes wrong inside a parser
 * comes out as a {@link ParseException}, never as another exception.
 */
@Component
public class Parsers {

    /** Far above any real page or API answer (the largest sample is 64 kB); a bigger input is not one. */
    public static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

    private final Map<String, PayloadParser> bySource;

    Parsers(List<PayloadParser> parsers) {
        this.bySource = parsers.stream().collect(Collectors.toMap(PayloadParser::source, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two parsers for " + a.source());
                }, TreeMap::new));
    }

    /** The source codes, sorted. */
    public List<String> sources() {
        return List.copyOf(bySource.keySet());
    }

    public boolean knows(String source) {
        return bySource.containsKey(source);
    }

    public List<ParsedShipment> parse(String source, byte[] payload, ParseContext context) {
        PayloadParser parser = bySource.get(source);
        if (parser == null) {
            throw new IllegalArgumentException("unknown source '" + source + "'; sources: " + sources());
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new ParseException(ParseException.Kind.TOO_LARGE, "the payload has " + payload.length
                    + " bytes; a " + source + " payload has at most " + MAX_PAYLOAD_BYTES + " bytes");
        }
        try {
            return parser.parse(payload, context);
        } catch (ParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "the " + source + " payload could not be read: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }
}
