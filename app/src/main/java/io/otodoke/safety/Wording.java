package io.otodoke.safety;

import java.util.regex.Pattern;

/**
 * The words of the text signals (design/safety.md §4.4 and §3.5), matched on the NFKC-normalised,
 * lower-cased text. Latin words match as whole words.
 */
final class Wording {

    private Wording() {
    }

    private static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A password, card number, PIN or authentication code (§2: high when a brand is claimed). */
    static final Pattern CREDENTIAL = words("カード番号|暗証番号|認証コード|確認コード|セキュリティコード|パスワード|ワンタイム"
            + "|\\b(password|passcode|pin|card number|verification code|security code)\\b");

    /**
     * Card, PIN, code, password, login, payment or customs duty (§4.4), and the account problems of
     * §3.5 (about a third of published lures).
     */
    static final Pattern CREDENTIAL_OR_PAYMENT = words("カード|暗証番号|認証コード|確認コード|パスワード|ログイン|サインイン"
            + "|支払|決済|関税|口座|本人確認|アカウント(の|が|を)?(認証|確認|停止|ロック|制限|違反|更新|情報|異常|問題|保護)"
            + "|\\b(password|log ?in|sign ?in|payment|pay now|credit card|customs|verify your account|account (is )?(suspended|locked))\\b");

    /** A deadline or threat (§4.4, §3.5). */
    static final Pattern URGENCY = words("時間以内|時間内|至急|緊急|最終通知|停止|ロック|制限|期限|本日中|直ちに|速やかに"
            + "|\\b(urgent|immediately|within \\d+ hours|final notice|suspended)\\b");

    /** The address is unclear or incomplete (§4.4); 不着 (does not arrive) as in "お届け先不着". */
    static final Pattern ADDRESS_PROBLEM = words("住所|宛先不明|宛先不備|不備|不完全|不明瞭|不着|\\b(incomplete address|address (is )?(incorrect|incomplete|invalid))\\b");

    /** Asks to install an app or names an .apk (§4.4). */
    static final Pattern APP_INSTALL = words("アプリ.{0,20}(インストール|ダウンロード)|(インストール|ダウンロード).{0,20}アプリ|\\.apk\\b"
            + "|\\b(install|download) (the|our) app\\b");

    /** A QR code where a link would be (§4.4). */
    static final Pattern QR = words("qrコード|\\bqr ?code\\b");

    /**
     * Absence, redelivery, storage or a parcel sent back (§4.4 ABSENCE_LURE: info only; it sets
     * the message type for the SMS rules).
     */
    static final Pattern ABSENCE = words("不在|持ち帰|持帰|持戻|再配達|保管|返送|返却|\\b(missed delivery|redelivery|could not deliver)\\b");

    /** Delivery or pickup wording: together with {@link #ABSENCE}, the notices carriers say they never send by SMS (§2). */
    static final Pattern DELIVERY_NOTICE = words("配達|お届け|届け|集荷|配送|荷物|\\b(delivery|parcel|package)\\b");

    /** "mail address + 様" in place of a name (§2, Yamato via ITmedia 2024-05-20). */
    static final Pattern EMAIL_AS_ADDRESSEE = words("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}\\s*様");

    /** Chinese-only terms, a hiragana carrier name, spaced brand names, misspelt brands (§3.5). */
    static final Pattern UNNATURAL_JAPANESE = words("信用カード|やまと運輸|さがわ急便|にほん郵便|amazon\\s*\\.\\s+co\\s*\\.\\s*jp|\\bamazone\\b");

    /** Attachments that run, unpack or render (§4.4 SUSPICIOUS_ATTACHMENT). */
    static final Pattern RISKY_ATTACHMENT = words("\\.(zip|rar|7z|lzh|gz|iso|img|exe|scr|com|bat|cmd|js|vbs|lnk|jar|apk|html?|shtml"
            + "|docx?|docm|xlsx?|xlsm|pptm|one|hta|svg)$");

    /** Credential or payment words in a URL (§4.3 CREDENTIAL_KEYWORD_IN_URL); looked for in the lower-cased URL. */
    static final java.util.List<String> URL_CREDENTIAL_WORDS = java.util.List.of("login", "log-in", "signin", "sign-in",
            "verify", "verification", "account", "card", "pay", "billing", "secure", "update", "confirm", "auth",
            "password", "wallet", "bank");

    /** A URL carried inside another URL's query (§4.3 REDIRECT_PARAMETER); matched on the lower-cased URL. */
    static final Pattern REDIRECT = Pattern.compile("[?&][^=&#]*=(https?(:|%3a)|%2f%2f|//|www\\.)");
}
