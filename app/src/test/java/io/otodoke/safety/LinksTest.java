package io.otodoke.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** URL extraction from Japanese text (design/safety.md §5 step 1, §6.3): spans trimmed where the URL ends. */
class LinksTest {

    static java.util.List<String> extract(String text) {
        return Links.extract(Links.refang(Normalizer.normalize(text, Normalizer.Form.NFKC)));
    }

    @Test
    void aUrlFollowedByJapaneseWithoutASpaceEndsWhereTheJapaneseBegins() {
        assertThat(extract("詳細：https://example.com/abcです")).containsExactly("https://example.com/abc");
        assertThat(extract("こちら https://example.comです。")).containsExactly("https://example.com");
        assertThat(extract("「https://example.com/a」をご確認")).containsExactly("https://example.com/a");
    }

    @Test
    void fullWidthUrlsAreReadAfterNfkc() {
        assertThat(extract("ご確認：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ")).containsExactly("https://example.com/a");
    }

    @Test
    void defangedLinksAreReadAsLinks() {
        assertThat(extract("hxxps://parcel[.]example[.]com/x")).containsExactly("https://parcel.example.com/x");
    }

    @Test
    void aUnicodeHostIsReadBothWaysWhenTrimmingWouldCutIt() {
        assertThat(extract("https://例え.jp/a です")).containsExactly("https://例え.jp/a");
        assertThat(extract("https://amazon.co.jp.例え.jp/a です")).containsExactly("https://amazon.co.jp", "https://amazon.co.jp.例え.jp/a");
    }

    @Test
    void parsingNeverResolvesAndKeepsUserInfoOutOfTheHost() {
        Link link = Link.parse("https://www.amazon.co.jp@parcel.example.com/");
        assertThat(link.host()).isEqualTo("parcel.example.com");
        assertThat(link.registrableDomain()).isEqualTo("example.com");
        assertThat(Link.parse("https://Ｗｗｗ．Ａｍａｚｏｎ．ｃｏ．ｊｐ./").host()).isEqualTo("www.amazon.co.jp");
        assertThat(Link.parse("https://x.workers.dev/").privateSuffix()).isTrue();
        assertThat(Link.parse("https://x.workers.dev/").registrableDomain()).isEqualTo("workers.dev");
        assertThat(Link.parse("https://XXXX/sagawa").registrableDomain()).isNull();
        assertThat(Link.parse("not a url")).isNull();
    }
}
