package io.otodoke.connector;

import java.util.List;

/**
 * Turns one source's payload into events. Implementations keep the raw text and code of every
 * event, map them through their source's word table (UNKNOWN when no row matches), keep the
 * source's order in {@code sourceSequence}, and throw only {@link ParseException}: never an empty
 * result for a page they do not understand.
 */
public interface PayloadParser {

    /** The source code: {@code yamato}, {@code japanpost}, {@code sagawa}, {@code amazon_mcf}, … */
    String source();

    List<ParsedShipment> parse(byte[] payload, ParseContext context);
}
