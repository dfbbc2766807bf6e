package io.otodoke.safety;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberCandidate;
import io.otodoke.carrier.TrackingNumberDetection;
import io.otodoke.carrier.TrackingNumberDetector;
import io.otodoke.carrier.TrackingNumbers;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The scam check of design/safety.md §5, top to bottom: normalise, find the claimed brand, check
 * the links against the allowlist, the carriers' own rules, the lexical URL signals, the text, the
 * sender and the user's parcels, then decide. Strings only: nothing is fetched or resolved. The
 * same input always gives the same result. Thread-safe.
 */
@Component
public class SafetyCheck {

    private final TrackingNumberDetector detector;
    private final SafetyProperties properties;
    private final Set<String> officialDomains;

    public SafetyCheck(CarrierDirectory directory, TrackingNumberDetector detector, SafetyProperties properties) {
        this.detector = detector;
        this.properties = properties;
        this.officialDomains = Brands.officialDomains(directory);
    }

    /** A check with the default weights and the bundled carrier directory: no Spring, no database. */
    public static SafetyCheck standalone() {
        CarrierDirectory directory = new CarrierDirectory();
        return new SafetyCheck(directory, new TrackingNumberDetector(directory), SafetyProperties.defaults());
    }

    /**
     * The URL parsing and Public Suffix List lookup alone (host, UTS #46, registrable domain), or
     * null: the first step of every URL check, and the baseline of {@code ./otodoke bench safety}.
     */
    public static String registrableDomain(String url) {
        Link link = Link.parse(url);
        return link == null ? null : link.registrableDomain();
    }

    /** One bare URL, with no message around it. */
    public SafetyResult checkUrl(String url) {
        return check(MessageInput.url(url), null);
    }

    public SafetyResult check(MessageInput input) {
        return check(input, null);
    }

    /** @param parcels the signed-in user's parcels, or null when nobody is signed in */
    public SafetyResult check(MessageInput input, ExpectedParcels parcels) {
        Findings findings = new Findings();
        // 1. normalise
        String text = nfkc(input.text());
        String refanged = Links.refang(text);
        Sender sender = Sender.of(input.sender());
        List<Link> links = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(text.isBlank() ? List.of() : Links.extract(refanged));
        input.urls().forEach(u -> seen.add(Links.refang(nfkc(u)).strip()));
        for (String u : seen) {
            Link link = Link.parse(u);
            if (link != null) {
                links.add(link);
            }
        }
        // 2. the claimed brand
        List<Brand> brands = claimedBrands(text, sender, findings);
        // 3.–5. links: allowlist, the carriers' rules, lexical signals
        boolean bareLinks = text.isBlank() && input.headers() == null && input.attachments().isEmpty();
        for (Link link : links) {
            linkRules(link, brands, findings);
            UrlSignals.check(link, officialDomains, findings);
            if (bareLinks && (link.registrableDomain() == null || !officialDomains.contains(link.registrableDomain()))) {
                findings.add(Signal.LINK_NOT_ON_AN_OFFICIAL_DOMAIN, link.shown());
            }
        }
        // 4. the carriers' rules on the message as a whole, 6. text
        if (!bareLinks) {
            messageRules(input, Fold.lookalikes(text), links.isEmpty(), brands, findings);
        }
        // 7. sender
        senderRules(input.channel(), sender, input.headers(), brands, findings);
        // 8. tracking numbers and the user's parcels
        List<OfficialLink> official = new ArrayList<>();
        List<String> numbers = text.isBlank() && parcels == null ? List.of()
                : trackingNumbers(text, links, brands, parcels, findings, official);
        if (!brands.isEmpty()) {
            official.addAll(0, brands.getFirst().officialLinks());
        }
        // 9. decide
        List<Reason> reasons = findings.sorted();
        List<CheckedLink> checked = links.stream().map(l -> new CheckedLink(l.shown(), l.unicodeHost(),
                l.registrableDomain(), l.registrableDomain() != null && officialDomains.contains(l.registrableDomain()))).toList();
        return new SafetyResult(decide(reasons), brands.isEmpty() ? null : brands.getFirst().code(), reasons, checked,
                numbers, official);
    }

    /** NFKC; plain ASCII (most URLs) is already in that form. */
    private static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    Verdict decide(List<Reason> reasons) {
        double score = 0;
        boolean anyCounted = false;
        for (Reason r : reasons) {
            if (r.severity() == Severity.HIGH) {
                return Verdict.PHISHING;
            }
            score += properties.weight(r.severity());
            anyCounted |= r.severity() != Severity.INFO;
        }
        if (score >= properties.phishingThreshold()) {
            return Verdict.PHISHING;
        }
        return anyCounted ? Verdict.SUSPICIOUS : Verdict.NO_KNOWN_SIGNALS;
    }

    // --- 2. brand ---

    /** The brands claimed by the sender (first) and the text, in order of appearance (§5 step 2). */
    private static List<Brand> claimedBrands(String text, Sender sender, Findings findings) {
        if (text.isEmpty() && sender.text().isEmpty()) {
            return List.of();
        }
        Map<Brand, Integer> found = new LinkedHashMap<>();
        for (Brand b : Brands.ALL) {
            if (b.sendsFrom(sender.domain()) || firstAlias(b, Fold.lookalikes(sender.text())) >= 0) {
                found.put(b, -1);
            }
        }
        String folded = Fold.lookalikes(text);
        String plain = text.toLowerCase(java.util.Locale.ROOT);
        for (Brand b : Brands.ALL) {
            int at = firstAlias(b, folded);
            if (at >= 0) {
                found.putIfAbsent(b, at);
                if (firstAlias(b, plain) < 0) {
                    findings.add(Signal.HOMOGLYPH_IN_TEXT, text.substring(at, Math.min(text.length(), at + 12)));
                }
            }
        }
        return found.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /** Where the first alias of the brand appears in the lower-cased text; Latin aliases as whole words. */
    private static int firstAlias(Brand brand, String lower) {
        int best = -1;
        for (String alias : brand.aliases()) {
            boolean latin = alias.charAt(0) < 128;
            for (int at = lower.indexOf(alias); at >= 0; at = lower.indexOf(alias, at + 1)) {
                if (!latin || wordBoundary(lower, at - 1) && wordBoundary(lower, at + alias.length())) {
                    best = best < 0 ? at : Math.min(best, at);
                    break;
                }
            }
        }
        return best;
    }

    private static boolean wordBoundary(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return true;
        }
        char c = s.charAt(i);
        return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
    }

    // --- 3. and 4.: links against the brand's list and rules ---

    private static void linkRules(Link link, List<Brand> brands, Findings findings) {
        if (brands.isEmpty()) {
            return;
        }
        String shown = link.shown();
        String domain = link.registrableDomain();
        boolean onAList = domain != null && (Brands.NEUTRAL_LINKS.contains(domain)
                || brands.stream().anyMatch(b -> b.linkDomains().contains(domain) || b.assetDomains().contains(domain)));
        if (!onAList) {
            findings.add(Signal.NON_OFFICIAL_DOMAIN_FOR_BRAND, shown);
        }
        if (link.ip()) {
            findings.add(Signal.IP_LINK_FOR_BRAND, shown);
        }
        if (!onAList && brands.stream().anyMatch(b -> b.forbiddenTlds().contains(link.tld()))) {
            findings.add(Signal.CARRIER_FORBIDDEN_TLD, shown);
        }
    }

    // --- 4. and 6.: the message ---

    private static final Pattern ATTACHMENT_NAME = Pattern.compile("(?i)filename\\*?=\\s*\"?([^\";\\r\\n]+)");
    private static final Pattern MULTIPART = Pattern.compile("(?i)multipart/mixed|content-disposition:\\s*attachment");

    private static void messageRules(MessageInput input, String lower, boolean noLinks, List<Brand> brands,
                                     Findings findings) {
        Channel channel = input.channel();
        boolean absence = Wording.ABSENCE.matcher(lower).find();
        boolean notice = absence || Wording.DELIVERY_NOTICE.matcher(lower).find();
        if (absence) {
            findings.add(Signal.ABSENCE_LURE, match(Wording.ABSENCE, lower));
        }
        if (channel == Channel.SMS) {
            for (Brand b : brands) {
                if (b.noNoticeSms() && notice) {
                    findings.add(Signal.CARRIER_SENDS_NO_SMS, b.code());
                }
            }
            if (brands.isEmpty() && absence && Wording.DELIVERY_NOTICE.matcher(lower).find()) {
                findings.add(Signal.UNNAMED_SENDER_DELIVERY_SMS, match(Wording.ABSENCE, lower));
            }
        }
        Matcher credential = Wording.CREDENTIAL.matcher(lower);
        if (!brands.isEmpty() && credential.find()) {
            findings.add(Signal.CREDENTIAL_REQUEST_FOR_BRAND, credential.group());
        }
        addIfFound(Signal.CREDENTIAL_OR_PAYMENT_REQUEST, Wording.CREDENTIAL_OR_PAYMENT, lower, findings);
        addIfFound(Signal.URGENCY, Wording.URGENCY, lower, findings);
        addIfFound(Signal.ADDRESS_PROBLEM_LURE, Wording.ADDRESS_PROBLEM, lower, findings);
        addIfFound(Signal.APP_INSTALL_LURE, Wording.APP_INSTALL, lower, findings);
        addIfFound(Signal.EMAIL_AS_ADDRESSEE, Wording.EMAIL_AS_ADDRESSEE, lower, findings);
        addIfFound(Signal.UNNATURAL_JAPANESE, Wording.UNNATURAL_JAPANESE, lower, findings);
        if (noLinks) {
            addIfFound(Signal.QR_INSTEAD_OF_LINK, Wording.QR, lower, findings);
        }
        // attachments: as listed, as named in pasted MIME headers, or a multipart/mixed body
        List<String> attachments = new ArrayList<>(input.attachments());
        String mime = (input.headers() == null ? "" : input.headers() + "\n") + input.text();
        Matcher names = ATTACHMENT_NAME.matcher(mime);
        while (names.find()) {
            attachments.add(names.group(1).strip());
        }
        boolean attached = !attachments.isEmpty() || MULTIPART.matcher(mime).find();
        for (String name : attachments) {
            if (Wording.RISKY_ATTACHMENT.matcher(name.strip()).find()) {
                findings.add(Signal.SUSPICIOUS_ATTACHMENT, name.strip());
            }
        }
        if (attached && channel != Channel.SMS) {
            for (Brand b : brands) {
                if (b.noAttachments()) {
                    findings.add(Signal.ATTACHMENT_FROM_CARRIER,
                            attachments.isEmpty() ? "multipart/mixed" : String.join(", ", attachments));
                }
            }
        }
    }

    private static void addIfFound(Signal signal, Pattern pattern, String text, Findings findings) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            findings.add(signal, m.group());
        }
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : "";
    }

    // --- 7. sender ---

    private static void senderRules(Channel channel, Sender sender, String headers, List<Brand> brands, Findings findings) {
        if (channel == Channel.SMS && sender.personalNumber()) {
            findings.add(Signal.SMS_PERSONAL_NUMBER, sender.text());
        }
        if (sender.domain() == null || brands.isEmpty()) {
            return;
        }
        List<Brand> sendingBrands = brands.stream().filter(b -> b.sendsFrom(sender.domain())).toList();
        if (sendingBrands.isEmpty()) {
            findings.add(Signal.SENDER_DOMAIN_NOT_OFFICIAL, sender.address());
            return;
        }
        switch (AuthenticationResults.forDomain(headers, sender.domain())) {
            case FAIL -> findings.add(Signal.SENDER_AUTH_FAIL, sender.address());
            case NONE -> findings.add(Signal.SENDER_UNVERIFIED, sender.address());
            case PASS -> {
                // authenticated for an official sender domain: nothing to say (and nothing "safe" either)
            }
        }
    }

    // --- 8. tracking numbers ---

    private static final Pattern LABELLED_NUMBER = Pattern.compile("(伝票番号|追跡番号|お問い?合わ?せ番号|問い?合わ?せ番号"
            + "|送り状番号|荷物番号|(?i:tracking (?:number|no\\.?|#)))\\s*[:は]?\\s*([0-9A-Z][0-9A-Z\\-]{6,28}[0-9A-Z])");
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z\\-])(\\d{4}-\\d{4}-\\d{4}|\\d{12}|[A-Z]{2}\\d{9}[A-Z]{2}|TB[ACM]\\d{12})(?![0-9A-Za-z\\-])");

    private List<String> trackingNumbers(String text, List<Link> links, List<Brand> brands, ExpectedParcels parcels,
                                         Findings findings, List<OfficialLink> official) {
        String withoutLinks = text;
        for (Link link : links) {
            withoutLinks = withoutLinks.replace(link.raw(), " ");
        }
        Set<String> numbers = new LinkedHashSet<>();
        Matcher labelled = LABELLED_NUMBER.matcher(withoutLinks);
        while (labelled.find()) {
            numbers.add(TrackingNumbers.normalize(labelled.group(2)));
        }
        Matcher bare = BARE_NUMBER.matcher(withoutLinks);
        while (bare.find()) {
            numbers.add(TrackingNumbers.normalize(bare.group(1)));
        }
        Brand brand = brands.isEmpty() ? null : brands.getFirst();
        Set<String> claimedCarriers = new LinkedHashSet<>();
        brands.forEach(b -> {
            if (b.carrier() != null) {
                claimedCarriers.add(b.carrier());
            }
        });
        // Amazon hands parcels to Yamato, Sagawa and Japan Post too: its messages carry their numbers
        boolean anyCarrier = brands.stream().anyMatch(b -> Brands.SHIPS_WITH_OTHER_CARRIERS.contains(b.code()));
        for (String n : numbers) {
            TrackingNumberDetection detection = detector.detect(n);
            if (!claimedCarriers.isEmpty()) {
                TrackingNumberCandidate fit = detection.candidates().stream()
                        .filter(c -> claimedCarriers.contains(c.carrier())).findFirst().orElse(null);
                if (fit == null && !(anyCarrier && !detection.candidates().isEmpty())) {
                    findings.add(Signal.TRACKING_NUMBER_INVALID, n);
                } else if (fit != null && fit.trackingUrl() != null && fit.trackingUrl().contains(n)) {
                    String owner = brands.stream().filter(b -> fit.carrier().equals(b.carrier())).findFirst()
                            .map(Brand::code).orElse(brand.code());
                    official.add(new OfficialLink(owner, OfficialLink.Kind.TRACKING, fit.trackingUrl()));
                }
            }
            if (parcels != null && parcels.parcels().stream().noneMatch(p -> p.trackingNumber().equals(n))) {
                findings.add(Signal.UNKNOWN_SHIPMENT, n);
            }
        }
        if (parcels != null && numbers.isEmpty() && brand != null && brand.carrier() != null
                && parcels.parcels().stream().noneMatch(p -> p.pending() && p.carrier().equals(brand.carrier()))) {
            findings.add(Signal.UNKNOWN_SHIPMENT, brand.code());
        }
        return List.copyOf(numbers);
    }
}
