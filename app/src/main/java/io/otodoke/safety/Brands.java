package io.otodoke.safety;

import io.otodoke.carrier.Carrier;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.safety.OfficialLink.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The brand table of design/safety.md §1 and §2, in one place. Sources are in the specification;
 * the rows below name them briefly.
 */
final class Brands {

    private Brands() {
    }

    /** Amazon's storefront domains: amazon.com and its country domains (§1.1, Amazon.com help nodeId=15835501). */
    private static final Set<String> AMAZON_LINKS = Set.of("amazon.co.jp", "amazon.jp", "aboutamazon.jp", "amazon.com",
            "amazon.ca", "amazon.com.mx", "amazon.com.br", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.it",
            "amazon.es", "amazon.nl", "amazon.se", "amazon.pl", "amazon.com.be", "amazon.com.tr", "amazon.ae",
            "amazon.sa", "amazon.eg", "amazon.in", "amazon.sg", "amazon.com.au", "amazon.cn");

    static final List<Brand> ALL = List.of(
            new Brand("amazon", "amazon_jp", List.of("amazon", "アマゾン", "amazone"), List.of("amazon"),
                    AMAZON_LINKS, Set.of("ssl-images-amazon.com", "media-amazon.com"),
                    // §1.2: Amazon's own sender list, amazon.com (with bounces.amazon.com), SES relays, Amazon Business
                    Set.of("amazon.co.jp", "amazon.jp", "amazon.com", "amazonses.com", "amazonbusiness.jp"),
                    false, Set.of(),
                    // Amazon.com help nodeId=15835501: fake mails carry "attachments or prompts to install software"
                    // (quoted by iheart.com and refinery29.com, 2017-08) [Otodoke's addition to §2]
                    true,
                    List.of(new OfficialLink("amazon", Kind.CHECK, "https://www.amazon.co.jp/gp/css/order-history"),
                            new OfficialLink("amazon", Kind.WARNING,
                                    "https://www.amazon.co.jp/gp/help/customer/display.html?nodeId=G4YFYCCNUSENA23B"))),
            new Brand("yamato", "yamato", List.of("ヤマト運輸", "クロネコヤマト", "やまと運輸", "yamato", "クロネコ"),
                    List.of("kuronekoyamato", "kuroneko", "yamato", "ヤマト", "クロネコ"),
                    Set.of("kuronekoyamato.co.jp", "yamato-hd.co.jp"), Set.of(), Set.of("kuronekoyamato.co.jp", "yamato-hd.co.jp"),
                    // info_181212.html: no absence or delivery SMS, never ".com"; info_170411.html: no attachments
                    true, Set.of("com"), true,
                    List.of(new OfficialLink("yamato", Kind.CHECK, "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko"),
                            new OfficialLink("yamato", Kind.WARNING, "https://www.kuronekoyamato.co.jp/ytc/info/info_181212.html"))),
            new Brand("sagawa", "sagawa", List.of("佐川急便", "サガワ急便", "sagawa", "佐川"), List.of("sagawa", "佐川"),
                    Set.of("sagawa-exp.co.jp", "sagawa-mov.co.jp"), Set.of(), Set.of("sagawa-exp.co.jp", "sagawa-mov.co.jp"),
                    // chibanippo 2018-11-16: no pickup or delivery notices by SMS
                    true, Set.of(), false,
                    List.of(new OfficialLink("sagawa", Kind.CHECK, "https://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp"),
                            new OfficialLink("sagawa", Kind.WARNING, "https://www.sagawa-exp.co.jp/"))),
            new Brand("japanpost", "japanpost", List.of("日本郵便", "日本郵政", "郵便局", "ゆうパック", "japan post", "ems"),
                    List.of("japanpost", "jppost", "郵便"),
                    Set.of("japanpost.jp"), Set.of(), Set.of("japanpost.jp"),
                    // fraud-mail.html: no absence SMS, never ".com", ".net" or ".top"; attachments [Otodoke, §2]
                    true, Set.of("com", "net", "top"), true,
                    List.of(new OfficialLink("japanpost", Kind.CHECK, "https://trackings.post.japanpost.jp/services/srv/search/"),
                            new OfficialLink("japanpost", Kind.WARNING,
                                    "https://www.post.japanpost.jp/notification/notice/fraud-mail.html"))),
            // Other Japanese carriers (carriers.md §1): their own sites' domains; no stated rules are known.
            abroad("seino", null, List.of("西濃運輸", "カンガルー便", "seino"), List.of("seino"), Set.of("seino.co.jp"),
                    "https://track.seino.co.jp/"),
            abroad("fukuyama", null, List.of("福山通運", "fukuyama transporting"), List.of("fukutsu"),
                    Set.of("fukutsu.co.jp"), "https://corp.fukutsu.co.jp/"),
            abroad("tonami", null, List.of("トナミ運輸", "tonami"), List.of("tonami"), Set.of("tonami.co.jp"),
                    "https://www.tonami.co.jp/"),
            abroad("nittsu", null, List.of("日本通運", "nippon express"), List.of("nittsu"), Set.of("nittsu.co.jp"),
                    "https://www.nittsu.co.jp/"),
            // Foreign carriers and posts that lures also imitate (§3.1: DHL, Royal Mail, USPS and about 25
            // more). Only their own sites' registrable domains; no stated rules are known for them.
            abroad("dhl", "dhl_express", List.of("dhl", "deutsche post"), List.of("dhl", "deutschepost"),
                    Set.of("dhl.com", "dhl.de", "dhl.co.uk", "dhl.fr", "dhl.nl", "dhl.es", "dhl.it", "deutschepost.de",
                            "dpdhl.com"), "https://www.dhl.com/"),
            abroad("fedex", "fedex", List.of("fedex"), List.of("fedex"), Set.of("fedex.com"), "https://www.fedex.com/"),
            abroad("ups", "ups", List.of("ups", "united parcel service"), List.of(), Set.of("ups.com"), "https://www.ups.com/"),
            abroad("usps", "usps", List.of("usps"), List.of("usps"), Set.of("usps.com"), "https://www.usps.com/"),
            abroad("dpd", "dpd", List.of("dpd", "dpdgroup"), List.of(), Set.of("dpd.com", "dpdgroup.com", "dpd.co.uk",
                    "dpd.de", "dpd.fr"), "https://www.dpdgroup.com/"),
            abroad("sf_express", "sf_express", List.of("sf express", "順豊"), List.of(), Set.of("sf-express.com"),
                    "https://www.sf-express.com/"),
            abroad("royal_mail", null, List.of("royal mail"), List.of("royalmail"), Set.of("royalmail.com"),
                    "https://www.royalmail.com/"),
            abroad("swiss_post", null, List.of("swiss post", "die post"), List.of("swisspost"),
                    Set.of("post.ch", "swisspost.ch"), "https://www.post.ch/"),
            abroad("australia_post", null, List.of("australia post"), List.of("auspost"), Set.of("auspost.com.au"),
                    "https://auspost.com.au/"),
            abroad("correos", null, List.of("correos"), List.of("correos"), Set.of("correos.es", "correos.com", "correos.cl"),
                    "https://www.correos.es/"),
            abroad("singapore_post", null, List.of("singapore post", "singpost"), List.of("singpost"),
                    Set.of("singpost.com"), "https://www.singpost.com/"),
            abroad("mondial_relay", null, List.of("mondial relay"), List.of("mondialrelay"),
                    Set.of("mondialrelay.fr", "mondialrelay.com"), "https://www.mondialrelay.fr/"),
            abroad("poste_italiane", null, List.of("poste italiane"), List.of("posteitaliane"),
                    Set.of("poste.it", "posteitaliane.it"), "https://www.poste.it/"),
            abroad("aramex", null, List.of("aramex"), List.of("aramex"), Set.of("aramex.com"), "https://www.aramex.com/"),
            abroad("posten_norge", null, List.of("posten norge", "posten"), List.of(), Set.of("posten.no"),
                    "https://www.posten.no/"),
            abroad("magyar_posta", null, List.of("magyar posta"), List.of(), Set.of("posta.hu"), "https://www.posta.hu/"),
            abroad("hongkong_post", null, List.of("hongkong post", "hong kong post"), List.of("hongkongpost"),
                    Set.of("hongkongpost.hk"), "https://www.hongkongpost.hk/"),
            abroad("nz_post", null, List.of("new zealand post", "nz post"), List.of("nzpost"), Set.of("nzpost.co.nz"),
                    "https://www.nzpost.co.nz/"),
            abroad("bpost", null, List.of("bpost"), List.of("bpost"), Set.of("bpost.be"), "https://www.bpost.be/"),
            abroad("sapo", null, List.of("south african post office"), List.of(), Set.of("postoffice.co.za"),
                    "https://www.postoffice.co.za/"),
            abroad("postnord", null, List.of("postnord", "post nord"), List.of("postnord"),
                    Set.of("postnord.com", "postnord.se", "postnord.dk", "postnord.no", "postnord.fi"),
                    "https://www.postnord.com/"),
            abroad("iceland_post", null, List.of("iceland post", "pósturinn"), List.of(), Set.of("posturinn.is"),
                    "https://www.posturinn.is/"),
            abroad("gls", null, List.of("gls"), List.of(), Set.of("gls-group.com", "gls-group.eu"),
                    "https://gls-group.com/"));

    /**
     * A brand without stated rules (abroad, or a smaller Japanese carrier): aliases, host tokens (only
     * distinctive ones) and its own sites' domains, as links and senders.
     */
    private static Brand abroad(String code, String carrier, List<String> aliases, List<String> hostTokens,
                                Set<String> domains, String home) {
        return new Brand(code, carrier, aliases, hostTokens, domains, Set.of(), domains, false, Set.of(), false,
                List.of(new OfficialLink(code, Kind.CHECK, home)));
    }

    /** Shops whose parcels travel with the carriers too: a carrier's valid number is not "invalid" for them. */
    static final Set<String> SHIPS_WITH_OTHER_CARRIERS = Set.of("amazon");

    /** Neutral trackers: official for any brand (§1.1). */
    static final Set<String> NEUTRAL_LINKS = Set.of("17track.net", "aftership.com");

    /**
     * Every registrable domain no lexical signal is raised for: the brands' links and assets, the
     * neutral trackers, and the official pages of every carrier in the directory (carriers.md §1).
     */
    static Set<String> officialDomains(CarrierDirectory directory) {
        Set<String> all = new HashSet<>(NEUTRAL_LINKS);
        ALL.forEach(b -> {
            all.addAll(b.linkDomains());
            all.addAll(b.assetDomains());
        });
        for (Carrier c : directory.all()) {
            for (String url : java.util.Arrays.asList(c.trackingUrl(), c.redeliveryUrl())) {
                Link link = url == null ? null : Link.parse(url.replace("{n}", "0"));
                if (link != null && link.registrableDomain() != null) {
                    all.add(link.registrableDomain());
                }
            }
        }
        return Set.copyOf(all);
    }
}
