package io.otodoke.connector.fedex;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CodeTable;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.connector.SourceTimes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * FedEx Web Services Track v7 (carriers.md §8, legacy SOAP): a {@code TrackReply}, bare or inside
 * a SOAP envelope, with {@code CompletedTrackDetails/TrackDetails} per package. Each
 * {@code TrackDetails} becomes one shipment (a number FedEx knows under several shipments gives
 * several); its {@code Events} are listed newest first and {@code sourceSequence} counts from the
 * oldest. A TrackDetails whose {@code Notification} is an ERROR named in the table (9040) is
 * NOT_FOUND; an unknown ERROR is a ParseException, never an empty answer.
 *
 * <p>Event keys, most specific first: {@code EventType|StatusExceptionCode},
 * {@code EventType@ArrivalLocation}, {@code EventType} ({@code fedex-codes.tsv}). The raw code
 * keeps the exception code ({@code DL|014}) and the raw text its description.
 *
 * <p>Times carry an offset ({@code 2014-01-08T12:53:10-08:00}) and keep it. FedEx Ground prints
 * some pickups as {@code 2014-01-03T00:00:00}, a date without an offset: that stays a DAY in
 * {@link SourceTimes#UNKNOWN_ZONE} rather than a zone guessed from the state.
 */
@Component
public class FedExParser implements PayloadParser {

    static final String SOURCE = "fedex";
    static final CodeTable CODES = CodeTable.load("fedex-codes.tsv");
    private static final CodeTable.Row UNKNOWN = new CodeTable.Row(TrackingStatus.UNKNOWN, null);
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        Element reply = trackReply(read(Payloads.utf8(payload, SOURCE)));
        String severity = text(reply, "HighestSeverity");
        List<Element> completed = children(reply, "CompletedTrackDetails");
        if (completed.isEmpty()) {
            if ("ERROR".equals(severity) || "FAILURE".equals(severity)) {
                Element note = child(reply, "Notifications");
                throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "FedEx answered " + severity + " "
                        + text(note, "Code") + ": " + text(note, "Message"));
            }
            throw Payloads.layout(SOURCE, "a TrackReply without CompletedTrackDetails");
        }
        List<ParsedShipment> result = new ArrayList<>();
        for (Element c : completed) {
            for (Element details : children(c, "TrackDetails")) {
                result.add(shipment(details, context));
            }
        }
        if (result.isEmpty()) {
            // FedEx answers an unknown number with a TrackDetails carrying error 9040, never with none
            throw Payloads.layout(SOURCE, "CompletedTrackDetails without TrackDetails");
        }
        return result;
    }

    private static ParsedShipment shipment(Element details, ParseContext context) {
        String number = text(details, "TrackingNumber");
        if (number == null) {
            throw Payloads.layout(SOURCE, "a TrackDetails without TrackingNumber");
        }
        List<Element> raw = children(details, "Events");
        Element note = child(details, "Notification");
        boolean notFound = false;
        if (note != null && ("ERROR".equals(text(note, "Severity")) || "FAILURE".equals(text(note, "Severity")))) {
            String code = text(note, "Code");
            CodeTable.Row row = CODES.get("N:" + code).orElseThrow(() -> new ParseException(ParseException.Kind.LAYOUT_CHANGED,
                    "FedEx answered " + number + " with error " + code + ": " + text(note, "Message")));
            notFound = row.status() == TrackingStatus.NOT_FOUND && raw.isEmpty();
        }
        List<EventTime> times = raw.stream().map(e -> time(text(e, "Timestamp"))).toList();
        // FedEx lists events newest first; sourceSequence counts from the oldest. A list that is
        // already oldest first (first strictly before last) is kept as it is.
        boolean newestFirst = raw.size() > 1 && !times.getFirst().instant().isBefore(times.getLast().instant());
        List<TrackingEvent> events = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            int i = newestFirst ? raw.size() - 1 - k : k;
            events.add(event(raw.get(i), times.get(i), k, context));
        }
        return new ParsedShipment(TrackingNumbers.normalize(number), null, notFound, events);
    }

    private static TrackingEvent event(Element e, EventTime time, int sequence, ParseContext context) {
        String type = text(e, "EventType");
        String exception = text(e, "StatusExceptionCode");
        String arrival = text(e, "ArrivalLocation");
        CodeTable.Row row = type == null ? UNKNOWN : lookup(type + "|" + exception, exception != null)
                .or(() -> lookup(type + "@" + arrival, arrival != null))
                .or(() -> CODES.get(type))
                .orElse(UNKNOWN);
        String description = text(e, "EventDescription");
        String detail = text(e, "StatusExceptionDescription");
        String rawText = description == null ? detail : detail == null ? description : description + ": " + detail;
        String rawCode = type == null ? exception : exception == null ? type : type + "|" + exception;
        Element a = child(e, "Address");
        EventLocation location = new EventLocation(text(a, "City"), text(a, "PostalCode"), text(a, "StateOrProvinceCode"),
                text(a, "CountryCode"), null, null);
        return new TrackingEvent(SOURCE, rawCode, rawText, row.status(), row.reason(), time, location, sequence,
                context.receivedAt());
    }

    private static Optional<CodeTable.Row> lookup(String key, boolean present) {
        return present ? CODES.get(key) : Optional.empty();
    }

    private static EventTime time(String value) {
        if (value == null) {
            throw Payloads.layout(SOURCE, "an event without Timestamp");
        }
        try {
            return EventTime.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException ignored) {
            // no offset: read below as a local date-time
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value);
            // midnight without an offset is how FedEx Ground prints a date-only pickup
            return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? EventTime.day(local.toLocalDate(), SourceTimes.UNKNOWN_ZONE)
                    : EventTime.local(local, SourceTimes.UNKNOWN_ZONE);
        } catch (DateTimeParseException e) {
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "the fedex time '"
                    + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "' is not a date-time", e);
        }
    }

    /**
     * Parses the XML with DTDs refused and every external entity, external DTD, XInclude and
     * entity expansion disabled (XXE-safe): a FedEx answer never has a DOCTYPE, so one is refused.
     */
    private static Document read(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no stderr noise; fatal errors still throw
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        } catch (SAXException | IOException e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "the fedex payload is not well-formed XML without a DTD: "
                    + e.getMessage(), e);
        }
    }

    /** The TrackReply: the root, or the first element of a SOAP Body. */
    private static Element trackReply(Document document) {
        Element root = document.getDocumentElement();
        if (SOAP_NS.equals(root.getNamespaceURI()) && "Envelope".equals(root.getLocalName())) {
            Element body = child(root, "Body");
            root = body == null ? null : firstElement(body);
        }
        if (root == null || !"TrackReply".equals(root.getLocalName()) || root.getNamespaceURI() == null
                || !root.getNamespaceURI().startsWith("http://fedex.com/ws/track/")) {
            throw Payloads.layout(SOURCE, "the document is not a FedEx Track TrackReply");
        }
        return root;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    /** Direct children with that local name, whatever their namespace prefix. */
    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element && name.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The trimmed text of the first child with that name, or null when missing or blank. */
    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        if (element == null) {
            return null;
        }
        String s = element.getTextContent().strip();
        return s.isEmpty() ? null : s;
    }
}
