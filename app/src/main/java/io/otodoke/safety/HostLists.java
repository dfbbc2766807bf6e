package io.otodoke.safety;

import java.util.Set;

/** The curated host lists of design/safety.md §3.2 and §4.3, in one place. */
final class HostLists {

    private HostLists() {
    }

    /** Registrable domains of URL shorteners (§4.3 URL_SHORTENER; §3.3 for the ones SMS lures use). */
    static final Set<String> SHORTENERS = Set.of("t.co", "bit.ly", "cutt.ly", "goo.gl", "is.gd", "rebrand.ly", "s.id",
            "ht.ly", "ow.ly", "tinyurl.com", "t.ly", "v.gd", "x.gd", "buff.ly", "shorturl.at", "rb.gy", "tiny.cc",
            "bl.ink", "qr.net", "urx.blue", "urx.red", "onl.bz", "xgf.nu", "00m.in", "u0u.ink");

    /**
     * Hosting, PaaS and dynamic-DNS services whose registrable domain (ICANN) is shared by many
     * customers; those in the Public Suffix List's private section are found from the list itself
     * (§4.3 FREE_HOSTING: mixh.jp, sakura.ne.jp, fc2…).
     */
    static final Set<String> FREE_HOSTING = Set.of("mixh.jp", "sakura.ne.jp", "fc2.com", "fc2.net", "xsrv.jp",
            "lolipop.jp", "heteml.net", "weebly.com", "wixsite.com", "000webhostapp.com", "duckdns.org",
            "workers.dev", "pages.dev", "page.link", "blogspot.com", "amazonaws.com", "firebaseapp.com", "web.app",
            "netlify.app", "vercel.app", "herokuapp.com", "glitch.me", "github.io", "azurewebsites.net",
            "ngrok.io", "ngrok-free.app", "godaddysites.com", "square.site", "wordpress.com", "webflow.io",
            "r2.dev", "repl.co", "surge.sh", "onrender.com", "freenom.com", "ddns.net", "no-ip.org", "hopto.org");

    /** Cheap or frequently abused top-level domains (§3.2 "TLDs"); weak alone. */
    static final Set<String> CHEAP_TLDS = Set.of("cn", "top", "cfd", "shop", "xyz", "icu", "club", "vip", "buzz",
            "cyou", "sbs", "bond", "ly", "cc", "info", "asia", "online", "site", "live", "tk", "ml", "ga", "cf", "gq",
            "work", "life", "rest", "monster", "fun", "space", "website", "store", "pw", "win", "bid", "loan", "click",
            "link", "today", "email", "support", "services", "host", "press", "ink", "lol", "mom", "skin", "hair",
            "quest", "beauty", "autos", "boats", "homes", "motorcycles", "yachts", "makeup", "ws", "su", "ru", "vn",
            "wang", "ren", "xin", "kim", "men", "party", "review", "trade", "date", "racing", "download", "stream",
            "gdn", "cam", "uno", "best", "biz", "run");

    /** Path markers of known phishing kits (§3.2: {@code caonima=*}). */
    static final Set<String> KIT_MARKERS = Set.of("caonima");
}
