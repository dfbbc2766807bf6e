package io.otodoke.demo;

import io.otodoke.tracking.EventLocation;

import java.util.List;

/**
 * Where the demo's parcels go and which carrier facilities they pass. Prefectures and cities are
 * real; facility names follow the carriers' own naming (Yamato 「〇〇営業所（〇〇）」 and
 * 〇〇ベース, Sagawa 〇〇中継センター, as in the 2026 captures of sm-trz/sagawa-monitor
 * {@code test.js}; Japan Post 〇〇郵便局) and are plausible, not a directory.
 */
final class DemoPlaces {

    /** おとどけ商店 ships from a warehouse in 東京都大田区, next to 羽田. */
    static final String SHOP_PREFECTURE = "東京都";

    static final EventLocation YAMATO_PICKUP = facility("大田平和島営業所（平和島）", SHOP_PREFECTURE);
    static final EventLocation YAMATO_ORIGIN_BASE = facility("羽田クロノゲートベース", SHOP_PREFECTURE);
    static final EventLocation POST_PICKUP = facility("大森郵便局", SHOP_PREFECTURE);
    static final EventLocation POST_ORIGIN_HUB = facility("新東京郵便局", SHOP_PREFECTURE);
    static final EventLocation SAGAWA_PICKUP = facility("東京営業所", SHOP_PREFECTURE);
    static final EventLocation SAGAWA_ORIGIN_HUB = facility("関東中継センター", SHOP_PREFECTURE);

    /** How far a region is from Tokyo decides the transit time and the hubs on the way. */
    enum Region {
        KANTO(1, null, null, null, null),
        TOHOKU(1, "仙台ベース", "仙台南郵便局", "東北中継センター", "宮城県"),
        CHUBU(1, "中部ゲートウェイ", "名古屋中郵便局", "中部中継センター", "愛知県"),
        KANSAI(1, "関西ゲートウェイ", "新大阪郵便局", "関西中継センター", "大阪府"),
        HOKKAIDO(2, "札幌ベース", "札幌東郵便局", "北海道中継センター", "北海道"),
        CHUGOKU(2, "広島ベース", "広島南郵便局", "中国中継センター", "広島県"),
        SHIKOKU(2, "高松ベース", "高松南郵便局", "四国中継センター", "香川県"),
        KYUSHU(2, "福岡ベース", "福岡東郵便局", "九州中継センター", "福岡県"),
        /** Yamato switches to the sea route (陸・海上切替え, real capture of a ネコポス to 沖縄). */
        OKINAWA(3, "沖縄ベース", "那覇中央郵便局", "沖縄中継センター", "沖縄県");

        /** Days from pickup to the delivery branch. */
        final int transitDays;
        final EventLocation yamatoBase;
        final EventLocation postHub;
        final EventLocation sagawaHub;

        Region(int transitDays, String yamatoBase, String postHub, String sagawaHub, String prefecture) {
            this.transitDays = transitDays;
            this.yamatoBase = yamatoBase == null ? null : facility(yamatoBase, prefecture);
            this.postHub = postHub == null ? null : facility(postHub, prefecture);
            this.sagawaHub = sagawaHub == null ? null : facility(sagawaHub, prefecture);
        }
    }

    /**
     * A destination city with its delivering facilities.
     *
     * @param postalCode      the city's catch-all code (以下に掲載がない場合)
     * @param weight          how often customers live there
     * @param amazonStation   city of the Amazon delivery station serving it; null where the demo's
     *                        Amazon network does not reach (Amazon's own delivery is metropolitan)
     */
    record City(String prefecture, String city, String postalCode, Region region, int weight,
                String yamatoBranch, String postOffice, String sagawaBranch, String amazonStation) {

        EventLocation yamato() {
            return facility(yamatoBranch, prefecture);
        }

        EventLocation post() {
            return facility(postOffice, prefecture);
        }

        EventLocation sagawa() {
            return facility(sagawaBranch, prefecture);
        }

        boolean amazonDelivers() {
            return amazonStation != null;
        }
    }

    static final List<City> CITIES = List.of(
            city("東京都", "世田谷区", "154-0000", Region.KANTO, 4, "世田谷営業所（上町）", "世田谷郵便局", "世田谷営業所", "品川区"),
            city("東京都", "杉並区", "166-0000", Region.KANTO, 3, "杉並営業所（高円寺）", "杉並郵便局", "杉並営業所", "中野区"),
            city("東京都", "練馬区", "176-0000", Region.KANTO, 3, "練馬営業所（練馬中央）", "練馬郵便局", "城北営業所", "板橋区"),
            city("東京都", "江東区", "135-0000", Region.KANTO, 3, "江東営業所（豊洲）", "深川郵便局", "江東営業所", "江戸川区"),
            city("東京都", "八王子市", "192-0000", Region.KANTO, 2, "八王子営業所（八王子南）", "八王子郵便局", "八王子営業所", "日野市"),
            city("神奈川県", "横浜市港北区", "222-0000", Region.KANTO, 3, "港北営業所（新横浜）", "港北郵便局", "横浜営業所", "横浜市鶴見区"),
            city("神奈川県", "川崎市中原区", "211-0000", Region.KANTO, 2, "中原営業所（武蔵小杉）", "中原郵便局", "川崎営業所", "川崎市高津区"),
            city("神奈川県", "藤沢市", "251-0000", Region.KANTO, 2, "藤沢営業所（辻堂）", "藤沢郵便局", "藤沢営業所", "平塚市"),
            city("埼玉県", "さいたま市浦和区", "330-0000", Region.KANTO, 2, "浦和営業所（常盤）", "浦和郵便局", "さいたま営業所", "川口市"),
            city("千葉県", "船橋市", "273-0000", Region.KANTO, 2, "船橋営業所（本町）", "船橋郵便局", "船橋営業所", "市川市"),
            city("千葉県", "千葉市中央区", "260-0000", Region.KANTO, 1, "千葉中央営業所（千葉港）", "千葉中央郵便局", "千葉営業所", "千葉市美浜区"),
            city("大阪府", "大阪市北区", "530-0000", Region.KANSAI, 3, "大阪北営業所（梅田）", "大阪北郵便局", "北大阪営業所", "大阪市此花区"),
            city("大阪府", "豊中市", "560-0000", Region.KANSAI, 2, "豊中営業所（豊中中央）", "豊中郵便局", "豊中営業所", "吹田市"),
            city("京都府", "京都市左京区", "606-0000", Region.KANSAI, 2, "左京営業所（下鴨）", "左京郵便局", "京都営業所", "京都市伏見区"),
            city("兵庫県", "神戸市中央区", "650-0000", Region.KANSAI, 2, "神戸中央営業所（三宮）", "神戸中央郵便局", "神戸営業所", "神戸市東灘区"),
            city("愛知県", "名古屋市千種区", "464-0000", Region.CHUBU, 2, "千種営業所（覚王山）", "千種郵便局", "名古屋営業所", "名古屋市港区"),
            city("静岡県", "静岡市葵区", "420-0000", Region.CHUBU, 1, "静岡葵営業所（駅南）", "静岡中央郵便局", "静岡営業所", null),
            city("石川県", "金沢市", "920-0000", Region.CHUBU, 1, "金沢営業所（駅西）", "金沢中央郵便局", "金沢営業所", null),
            city("宮城県", "仙台市青葉区", "980-0000", Region.TOHOKU, 1, "仙台青葉営業所（一番町）", "仙台中央郵便局", "仙台営業所", null),
            city("北海道", "札幌市中央区", "060-0000", Region.HOKKAIDO, 1, "札幌中央営業所（大通）", "札幌中央郵便局", "札幌営業所", null),
            city("広島県", "広島市中区", "730-0000", Region.CHUGOKU, 1, "広島中営業所（紙屋町）", "広島中央郵便局", "広島営業所", null),
            city("香川県", "高松市", "760-0000", Region.SHIKOKU, 1, "高松営業所（中央）", "高松中央郵便局", "高松営業所", null),
            city("福岡県", "福岡市中央区", "810-0000", Region.KYUSHU, 2, "福岡中央営業所（天神）", "福岡中央郵便局", "福岡営業所", null),
            city("熊本県", "熊本市中央区", "860-0000", Region.KYUSHU, 1, "熊本中央営業所（水前寺）", "熊本中央郵便局", "熊本営業所", null),
            city("沖縄県", "那覇市", "900-0000", Region.OKINAWA, 1, "那覇営業所（古島）", "那覇東郵便局", "那覇営業所", null));

    /**
     * The fulfilment centre that picks the shop's stock for Amazon delivery, by region (real
     * Amazon FC cities: 市川, 茨木, 多治見).
     */
    static EventLocation amazonFulfilmentCentre(Region region) {
        return switch (region) {
            case KANSAI -> amazonCity("茨木市", "大阪府");
            case CHUBU -> amazonCity("多治見市", "岐阜県");
            default -> amazonCity("市川市", "千葉県");
        };
    }

    /**
     * Amazon events carry a city, state and country only (SP-API {@code eventAddress},
     * carriers.md §4.1): the delivery station's city, never the recipient's.
     */
    static EventLocation amazonStation(City to) {
        return amazonCity(to.amazonStation(), to.prefecture());
    }

    private static EventLocation amazonCity(String city, String prefecture) {
        return new EventLocation(city, null, prefecture, "JP", null, null);
    }

    private static EventLocation facility(String name, String prefecture) {
        return new EventLocation(name, null, prefecture, "JP", null, null);
    }

    private static City city(String prefecture, String city, String postalCode, Region region, int weight,
                             String yamato, String post, String sagawa, String amazonStation) {
        return new City(prefecture, city, postalCode, region, weight, yamato, post, sagawa, amazonStation);
    }

    private DemoPlaces() {
    }
}
