package io.otodoke.safety;

import java.util.List;
import java.util.Set;

/**
 * A brand that delivery lures imitate, and what is official for it (design/safety.md §1, §2).
 *
 * @param code             stable code, also the bundle key {@code safety.brand.<code>}
 * @param carrier          the carrier code of the directory, for tracking numbers and official pages
 * @param aliases          how messages name it (§5 step 2); Latin ones match as whole words, case-insensitively
 * @param hostTokens       the brand's words as they appear in hosts (§4.3 BRAND_TOKEN_OUTSIDE_OFFICIAL)
 * @param linkDomains      registrable domains its links may use (§1.1)
 * @param assetDomains     its image and CDN hosts (§1.1): no red flag, but never a page to send anyone to
 * @param senderDomains    domains its genuine e-mail comes from (§1.2), subdomains included
 * @param noNoticeSms      it says it sends no absence or delivery notices by SMS (§2)
 * @param forbiddenTlds    top-level domains it says its links never use (§2)
 * @param noAttachments    its genuine e-mail never has attachments (§2)
 * @param officialLinks    pages to check instead (CHECK) and its own warning about fake messages (WARNING)
 */
record Brand(String code, String carrier, List<String> aliases, List<String> hostTokens, Set<String> linkDomains,
             Set<String> assetDomains,
             Set<String> senderDomains, boolean noNoticeSms, Set<String> forbiddenTlds, boolean noAttachments,
             List<OfficialLink> officialLinks) {

    boolean sendsFrom(String domain) {
        return domain != null && senderDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }
}
