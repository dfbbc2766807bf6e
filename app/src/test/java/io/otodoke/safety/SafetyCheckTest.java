package io.otodoke.safety;

import static io.otodoke.safety.Signal.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each signal of design/safety.md §4 on hand-written examples: reserved names (example.com,
 * .test, documentation IP addresses) and made-up look-alikes, never real phishing data.
 */
class SafetyCheckTest {

    static final SafetyCheck CHECK = SafetyCheck.standalone();

    static SafetyResult sms(String text, String sender) {
        return CHECK.check(MessageInput.message(text, Channel.SMS, sender));
    }

    static SafetyResult email(String text, String from, String headers, List<String> attachments) {
        return CHECK.check(new MessageInput(text, Channel.EMAIL, from, headers, attachments, List.of()));
    }

    static SafetyResult url(String url) {
        return CHECK.checkUrl(url);
    }

    /** A link in a message that names the brand, and nothing else. */
    static SafetyResult branded(String brand, String url) {
        return CHECK.check(new MessageInput(brand, null, null, null, List.of(), List.of(url)));
    }

    // --- A. allowlist and the carriers' rules ---

    @Test
    void aBrandClaimWithALinkOffItsListIsPhishingWhateverTheLinkLooksLike() {
        SafetyResult r = branded("ヤマト運輸", "https://delivery-notice.example.com/");
        assertThat(r.brand()).isEqualTo("yamato");
        assertThat(r.has(NON_OFFICIAL_DOMAIN_FOR_BRAND)).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.PHISHING);
    }

    @Test
    void officialLinksOfTheClaimedBrandRaiseNothingEvenOnPlainHttp() {
        for (String[] c : new String[][] {
                {"ヤマト運輸", "http://toi.kuronekoyamato.co.jp/cgi-bin/tneko"},
                {"佐川急便", "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=400000000000"},
                {"日本郵便", "https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=400000000000"},
                {"Amazon", "https://www.amazon.co.jp/gp/your-account/ship-track"},
                {"Amazon", "https://images-na.ssl-images-amazon.com/images/logo.png"},
                {"ヤマト運輸", "https://t.17track.net/en#nums=400000000000"}}) {
            SafetyResult r = branded(c[0], c[1]);
            assertThat(r.reasons()).as(c[1]).isEmpty();
            assertThat(r.verdict()).as(c[1]).isEqualTo(Verdict.NO_KNOWN_SIGNALS);
            assertThat(r.links().getFirst().official()).isTrue();
        }
    }

    @Test
    void anOfficialLinkOfAnotherBrandIsNotOfficialForTheClaimedOne() {
        assertThat(branded("佐川急便", "https://www.kuronekoyamato.co.jp/").has(NON_OFFICIAL_DOMAIN_FOR_BRAND)).isTrue();
    }

    @Test
    void carriersSendNoAbsenceNoticesBySms() {
        SafetyResult r = sms("佐川急便です。お荷物をお届けにあがりましたが不在のため持ち帰りました。", "SAGAWA");
        assertThat(r.has(CARRIER_SENDS_NO_SMS)).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.PHISHING);
        // the same words by e-mail are not a red flag: genuine notices use them (§3.5)
        assertThat(email("佐川急便です。お荷物をお届けにあがりましたが不在のため持ち帰りました。", null, null, List.of()).verdict())
                .isEqualTo(Verdict.NO_KNOWN_SIGNALS);
    }

    @Test
    void yamatoNeverUsesDotComAndJapanPostNeverDotNetOrTop() {
        assertThat(branded("クロネコヤマト", "https://kuroneko-redelivery.example.com/").has(CARRIER_FORBIDDEN_TLD)).isTrue();
        assertThat(branded("日本郵便", "https://redelivery.example.net/").has(CARRIER_FORBIDDEN_TLD)).isTrue();
        assertThat(branded("佐川急便", "https://redelivery.example.net/").has(CARRIER_FORBIDDEN_TLD)).isFalse();
    }

    @Test
    void aBrandLinkingToAnIpAddress() {
        SafetyResult r = branded("Amazon", "http://198.51.100.23/account");
        assertThat(r.codes()).contains(IP_LINK_FOR_BRAND, IP_HOST, PLAIN_HTTP);
        assertThat(branded("Amazon", "https://[2001:db8::1]/x").has(IP_LINK_FOR_BRAND)).isTrue();
    }

    @Test
    void attachmentsFromYamatoJapanPostOrAmazon() {
        assertThat(email("ヤマト運輸からのお知らせ", "notice@example.test", null, List.of("invoice.zip")).codes())
                .contains(ATTACHMENT_FROM_CARRIER, SUSPICIOUS_ATTACHMENT);
        SafetyResult mime = email("Amazon.co.jp ご注文の確認", "order@example.test",
                "Content-Type: multipart/mixed; boundary=x\nContent-Disposition: attachment; filename=\"order.html\"", List.of());
        assertThat(mime.codes()).contains(ATTACHMENT_FROM_CARRIER, SUSPICIOUS_ATTACHMENT);
        assertThat(email("佐川急便からのお知らせ", null, null, List.of("map.pdf")).has(ATTACHMENT_FROM_CARRIER)).isFalse();
    }

    @Test
    void aBrandAskingForAPasswordOrCardNumber() {
        SafetyResult r = sms("【Amazon】お支払い情報を更新するため、カード番号と暗証番号を入力してください", null);
        assertThat(r.codes()).contains(CREDENTIAL_REQUEST_FOR_BRAND, CREDENTIAL_OR_PAYMENT_REQUEST);
        assertThat(r.verdict()).isEqualTo(Verdict.PHISHING);
    }

    @Test
    void senderAuthenticationDecidesWhetherAnOfficialFromCounts() {
        String pass = "Authentication-Results: mx.example.test; spf=pass smtp.mailfrom=mail@kuronekoyamato.co.jp;\n dkim=pass header.d=kuronekoyamato.co.jp; dmarc=pass header.from=kuronekoyamato.co.jp";
        String fail = "Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=kuronekoyamato.co.jp; dmarc=fail header.from=kuronekoyamato.co.jp";
        String text = "ヤマト運輸 お荷物お届けのお知らせ";
        assertThat(email(text, "ヤマト運輸 <mail@kuronekoyamato.co.jp>", pass, List.of()).reasons()).isEmpty();
        assertThat(email(text, "ヤマト運輸 <mail@kuronekoyamato.co.jp>", fail, List.of()).has(SENDER_AUTH_FAIL)).isTrue();
        SafetyResult unverified = email(text, "mail@kuronekoyamato.co.jp", null, List.of());
        assertThat(unverified.codes()).containsExactly(SENDER_UNVERIFIED);
        assertThat(unverified.verdict()).isEqualTo(Verdict.NO_KNOWN_SIGNALS);
    }

    @Test
    void aDisplayNameClaimingABrandWithAnAddressElsewhere() {
        SafetyResult r = email("お荷物のお届けについて", "ヤマト運輸 <info@parcel-notice.example.com>", null, List.of());
        assertThat(r.brand()).isEqualTo("yamato");
        assertThat(r.has(SENDER_DOMAIN_NOT_OFFICIAL)).isTrue();
    }

    // --- C. lexical URL signals (no brand claimed) ---

    @Test
    void shortenersFreeHostingAndIpHosts() {
        assertThat(url("https://bit.ly/3abcDEF").codes()).contains(URL_SHORTENER);
        assertThat(url("https://t.co/3abcDEF").codes()).containsExactlyInAnyOrder(URL_SHORTENER, LINK_NOT_ON_AN_OFFICIAL_DOMAIN);
        assertThat(url("https://parcel-check.workers.dev/").has(FREE_HOSTING)).isTrue();
        assertThat(url("https://my-shop.sakura.ne.jp/").has(FREE_HOSTING)).isTrue();
        assertThat(url("http://203.0.113.7/x.php").codes()).containsExactlyInAnyOrder(IP_HOST, PLAIN_HTTP,
                LINK_NOT_ON_AN_OFFICIAL_DOMAIN);
    }

    @Test
    void brandTokensAndTyposInAnyLabel() {
        for (String u : List.of("https://amazon-prime-update.example.com/", "https://amaz0n-support.example.com/",
                "https://www.arnazon.example.test/", "https://sagavva.example.test/", "https://kuronekoyamoto.example.test/",
                "https://jp-post.example.test/")) {
            assertThat(url(u).has(BRAND_TOKEN_OUTSIDE_OFFICIAL)).as(u).isTrue();
            assertThat(url(u).verdict()).as(u).isNotEqualTo(Verdict.NO_KNOWN_SIGNALS);
        }
        // a place name that ends like a brand, and ordinary words, are not brand tokens
        assertThat(url("https://www.shinagawa-clinic.example.com/").has(BRAND_TOKEN_OUTSIDE_OFFICIAL)).isFalse();
        // a link on its own that leads to no official domain: suspicious, and nothing more
        assertThat(url("https://www.example.com/").codes()).containsExactly(LINK_NOT_ON_AN_OFFICIAL_DOMAIN);
        assertThat(url("https://www.example.com/").verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(url("https://www.kuronekoyamato.co.jp/").reasons()).isEmpty();
        assertThat(url("https://track.seino.co.jp/redeli/help/notice.html").reasons()).isEmpty();
        // inside a message the brand it claims decides, not this rule
        assertThat(CHECK.check(new MessageInput("ご注文ありがとうございます https://www.example.com/", Channel.EMAIL,
                null, null, List.of(), List.of())).has(LINK_NOT_ON_AN_OFFICIAL_DOMAIN)).isFalse();
    }

    @Test
    void officialDomainUsedAsAPrefixOfAForeignOne() {
        SafetyResult r = url("https://amazon.co.jp.account-check.example.com/");
        assertThat(r.codes()).contains(OFFICIAL_DOMAIN_AS_SUBDOMAIN, BRAND_TOKEN_OUTSIDE_OFFICIAL);
        assertThat(r.links().getFirst().registrableDomain()).isEqualTo("example.com");
        assertThat(r.links().getFirst().official()).isFalse();
        assertThat(url("https://www.japanpost.jp.redelivery.example.com/").has(OFFICIAL_DOMAIN_AS_SUBDOMAIN)).isTrue();
    }

    @Test
    void coJpImitations() {
        assertThat(url("https://yamato-co-jp.example.com/").has(CO_JP_IMITATION)).isTrue();
        assertThat(url("https://sagawa.co.ip.example.com/").has(CO_JP_IMITATION)).isTrue();
        assertThat(url("https://www.example.co.jp/").has(CO_JP_IMITATION)).isFalse();
    }

    @Test
    void lookAlikeCharactersAndPunycode() {
        SafetyResult cyrillic = url("https://\u0430mazon.example.com/"); // Cyrillic а
        assertThat(cyrillic.codes()).contains(IDN_HOST, MIXED_SCRIPT_HOST, BRAND_TOKEN_OUTSIDE_OFFICIAL);
        assertThat(cyrillic.reasons()).filteredOn(r -> r.code() == IDN_HOST).extracting(Reason::severity)
                .containsExactly(Severity.MEDIUM);
        // a single-script Japanese IDN alone stays low (例え.テスト)
        SafetyResult japanese = url("https://xn--r8jz45g.xn--zckzah/");
        assertThat(japanese.reasons()).extracting(Reason::code, Reason::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(IDN_HOST, Severity.LOW),
                org.assertj.core.groups.Tuple.tuple(LINK_NOT_ON_AN_OFFICIAL_DOMAIN, Severity.LOW));
        assertThat(japanese.links().getFirst().host()).isEqualTo("例え.テスト");
    }

    @Test
    void invisibleCharactersAreSeenBeforeIdnaDeletesThem() {
        SafetyResult r = url("https://amazon\u00AD.co\u00AD.jp\u00AD.example.test/");
        assertThat(r.codes()).contains(INVISIBLE_CHARACTERS, OFFICIAL_DOMAIN_AS_SUBDOMAIN);
    }

    @Test
    void weakLexicalSignals() {
        assertThat(url("https://0123456789abcdef0123.example.com/").has(RANDOM_LABEL)).isTrue();
        assertThat(url("https://tracking.example.net/Sagawa-Express/Tracking/").has(BRAND_IN_PATH_ONLY)).isTrue();
        assertThat(url("https://www.example.com/redirect?z=https%3A%2F%2Fparcel.example.test").has(REDIRECT_PARAMETER)).isTrue();
        assertThat(url("https://x.example.com/caonima=abc").has(KIT_MARKER)).isTrue();
        assertThat(url("https://x.example.com/signin.php").has(CREDENTIAL_KEYWORD_IN_URL)).isTrue();
        assertThat(url("https://parcel.example.top/").has(CHEAP_TLD)).isTrue();
        SafetyResult plain = url("http://www.example.com/");
        assertThat(plain.codes()).containsExactlyInAnyOrder(PLAIN_HTTP, LINK_NOT_ON_AN_OFFICIAL_DOMAIN);
        assertThat(plain.verdict()).isEqualTo(Verdict.SUSPICIOUS);
    }

    // --- D. text, E. sender ---

    @Test
    void wordingAloneNeverDecidesAndAbsenceWordsCountForNothing() {
        SafetyResult r = email("お荷物をお届けにあがりましたが、ご不在でしたので持ち帰りました。再配達をご依頼ください。", null, null, List.of());
        assertThat(r.codes()).containsExactly(ABSENCE_LURE);
        assertThat(r.verdict()).isEqualTo(Verdict.NO_KNOWN_SIGNALS);
    }

    @Test
    void anSmsAboutAnAbsenceThatNamesNoCarrier() {
        SafetyResult r = sms("お荷物をお届けしましたが不在のため持ち帰りました。", null);
        assertThat(r.codes()).containsExactly(UNNAMED_SENDER_DELIVERY_SMS, ABSENCE_LURE);
        assertThat(r.verdict()).isEqualTo(Verdict.SUSPICIOUS);
    }

    @Test
    void textSignals() {
        assertThat(sms("24時間以内にご確認ください", null).has(URGENCY)).isTrue();
        assertThat(sms("ご住所が不完全なためお届けできません", null).has(ADDRESS_PROBLEM_LURE)).isTrue();
        assertThat(sms("専用アプリをインストールしてください", null).has(APP_INSTALL_LURE)).isTrue();
        assertThat(email("下のQRコードを読み取ってください", null, null, List.of()).has(QR_INSTEAD_OF_LINK)).isTrue();
        assertThat(email("taro@example.com様 お荷物のお知らせ", null, null, List.of()).has(EMAIL_AS_ADDRESSEE)).isTrue();
        assertThat(sms("やまと運輸です。信用カードの情報を更新してください", null).codes())
                .contains(UNNATURAL_JAPANESE, CREDENTIAL_OR_PAYMENT_REQUEST);
    }

    @Test
    void aGreekLetterInsideABrandNameStillClaimsTheBrand() {
        SafetyResult r = email("Am\u03B1zonのアカウントが停止されました", null, null, List.of());
        assertThat(r.brand()).isEqualTo("amazon");
        assertThat(r.codes()).contains(HOMOGLYPH_IN_TEXT, URGENCY);
    }

    @Test
    void personalNumbersSendingSms() {
        assertThat(sms("テスト", "090-1234-5678").has(SMS_PERSONAL_NUMBER)).isTrue();
        assertThat(sms("テスト", "+1 555 0100 999").has(SMS_PERSONAL_NUMBER)).isTrue();
        // an alphanumeric ID that names a brand proves nothing, but does not lower anything either
        assertThat(sms("テスト", "Amazon").has(SMS_PERSONAL_NUMBER)).isFalse();
    }

    // --- B. tracking numbers ---

    @Test
    void trackingNumbersAreCheckedAgainstTheClaimedCarrier() {
        // 7DR: the first 11 digits mod 7 is the last digit (tracking-numbers.md)
        SafetyResult valid = email("ヤマト運輸 お荷物お届けのお知らせ 伝票番号：4000-0000-0002", null, null, List.of());
        assertThat(valid.trackingNumbers()).containsExactly("400000000002");
        assertThat(valid.has(TRACKING_NUMBER_INVALID)).isFalse();
        assertThat(valid.officialLinks()).anyMatch(l -> l.kind() == OfficialLink.Kind.TRACKING && l.url().contains("400000000002"));
        SafetyResult invalid = email("ヤマト運輸 お荷物お届けのお知らせ 伝票番号：4000-0000-0009", null, null, List.of());
        assertThat(invalid.has(TRACKING_NUMBER_INVALID)).isTrue();
        // Amazon's parcels travel with the carriers: a valid carrier number in an Amazon mail is not invalid
        SafetyResult amazon = email("Amazon.co.jp ご注文の商品を発送しました。お問い合わせ伝票番号：4000-0000-0002", null, null, List.of());
        assertThat(amazon.trackingNumbers()).containsExactly("400000000002");
        assertThat(amazon.has(TRACKING_NUMBER_INVALID)).isFalse();
        assertThat(email("Amazon.co.jp ご注文の商品を発送しました。お問い合わせ伝票番号：4000-0000-0009", null, null, List.of())
                .has(TRACKING_NUMBER_INVALID)).isTrue();
        // the words after the number are not part of it
        assertThat(email("Yamato: tracking number 4000-0000-0002 for your order", null, null, List.of()).trackingNumbers())
                .containsExactly("400000000002");
    }

    @Test
    void aSignedInUsersOwnParcelsTellUnknownNumbers() {
        String text = "ヤマト運輸 お荷物お届けのお知らせ 伝票番号：4000-0000-0002";
        MessageInput input = MessageInput.message(text, Channel.EMAIL, null);
        ExpectedParcels mine = new ExpectedParcels(List.of(new ExpectedParcels.Parcel("yamato", "400000000002", true)));
        ExpectedParcels other = new ExpectedParcels(List.of(new ExpectedParcels.Parcel("yamato", "400000000011", true)));
        assertThat(CHECK.check(input, mine).has(UNKNOWN_SHIPMENT)).isFalse();
        assertThat(CHECK.check(input, other).has(UNKNOWN_SHIPMENT)).isTrue();
        assertThat(CHECK.check(input, null).has(UNKNOWN_SHIPMENT)).isFalse();
        // no number, and nothing pending with the claimed carrier
        MessageInput noNumber = MessageInput.message("佐川急便 お荷物のお届け予定", Channel.EMAIL, null);
        assertThat(CHECK.check(noNumber, other).has(UNKNOWN_SHIPMENT)).isTrue();
    }

    // --- decision ---

    @Test
    void twoMediumsMakePhishingOneMediumIsSuspiciousInfoIsNothing() {
        SafetyCheck check = SafetyCheck.standalone();
        Reason medium = new Reason(URL_SHORTENER, Severity.MEDIUM, "x");
        Reason low = new Reason(PLAIN_HTTP, Severity.LOW, "x");
        Reason info = new Reason(ABSENCE_LURE, Severity.INFO, "x");
        assertThat(check.decide(List.of(medium, medium))).isEqualTo(Verdict.PHISHING);
        assertThat(check.decide(List.of(new Reason(UNKNOWN_SHIPMENT, Severity.MEDIUM_HIGH, "x"), low, low)))
                .isEqualTo(Verdict.PHISHING);
        assertThat(check.decide(List.of(medium, low))).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(check.decide(List.of(info))).isEqualTo(Verdict.NO_KNOWN_SIGNALS);
        assertThat(check.decide(List.of())).isEqualTo(Verdict.NO_KNOWN_SIGNALS);
    }

    @Test
    void theSameInputAlwaysGivesTheSameAnswer() {
        MessageInput in = MessageInput.message("ヤマト運輸 不在 https://yamato.example.top/ https://bit.ly/x", Channel.SMS, "09000000000");
        assertThat(CHECK.check(in)).isEqualTo(CHECK.check(in));
    }

    @Test
    void evidenceShowsHostsDefanged() {
        SafetyResult r = branded("Amazon", "https://amazon-login.example.com/path");
        assertThat(r.links().getFirst().shown()).isEqualTo("hxxps://amazon-login[.]example[.]com/path");
        assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.evidence()).doesNotContain("https://", "example.com"));
    }
}
