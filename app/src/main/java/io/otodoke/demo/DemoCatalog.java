package io.otodoke.demo;

import java.util.Arrays;
import java.util.List;

/** What おとどけ商店 sells and who buys it. Prices are in yen, tax included. */
final class DemoCatalog {

    /**
     * @param small fits a ネコポス (thin, light), so it can go into a mailbox
     */
    record Product(String name, long priceYen, boolean small) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("今治タオル フェイスタオル 2枚組", 1_980, false),
            new Product("今治タオル バスタオル", 4_400, false),
            new Product("南部鉄器 急須 0.4L", 8_800, false),
            new Product("有田焼 マグカップ", 2_420, false),
            new Product("美濃焼 茶碗 (大)", 1_650, false),
            new Product("宇治抹茶 100g", 1_620, false),
            new Product("静岡 深蒸し煎茶 100g", 1_080, false),
            new Product("緑茶ティーバッグ 50包", 864, false),
            new Product("讃岐うどん 6食入", 1_296, false),
            new Product("信州そば 4食入", 1_188, false),
            new Product("北海道 日高昆布 150g", 980, false),
            new Product("紀州南高梅 はちみつ梅干し 500g", 2_980, false),
            new Product("新潟県産コシヒカリ 5kg", 4_280, false),
            new Product("土鍋 8号", 4_950, false),
            new Product("鉄フライパン 26cm", 5_280, false),
            new Product("曲げわっぱ 弁当箱", 6_600, false),
            new Product("ステンレス水筒 500ml", 3_278, false),
            new Product("スチーム式加湿器", 12_800, false),
            new Product("防災セット 1人用", 9_800, false),
            new Product("折りたたみ傘", 2_750, false),
            new Product("入浴剤 詰め合わせ", 1_650, false),
            new Product("USB充電器 2ポート", 2_480, false),
            new Product("竹製 菜箸", 660, true),
            new Product("手ぬぐい 金魚柄", 1_100, true),
            new Product("靴下 3足組", 1_490, true),
            new Product("ボールペン 0.5mm 3本", 462, true),
            new Product("帆布 文庫本カバー", 1_320, true),
            new Product("和紙レターセット", 880, true),
            new Product("ハンドクリーム 50g", 1_320, true),
            new Product("スマホケース", 2_980, true),
            new Product("扇子 (竹骨)", 2_200, true));

    /** Boxed gifts: what people send to family and colleagues. */
    static final List<Product> GIFTS = List.of(
            new Product("老舗 羊羹 詰め合わせ", 3_240, false),
            new Product("焼き菓子 ギフトボックス 12個入", 3_780, false),
            new Product("今治タオル ギフトセット", 5_500, false),
            new Product("入浴剤 ギフトセット", 3_300, false),
            new Product("宇治茶 詰め合わせ", 4_320, false),
            new Product("瀬戸内 レモンケーキ 8個入", 2_160, false));

    /** Surnames and given names with the romanisation used in the example.jp e-mail addresses. */
    record Name(String kanji, String latin) {
    }

    static final List<Name> SURNAMES = names(
            "佐藤 sato", "鈴木 suzuki", "高橋 takahashi", "田中 tanaka", "伊藤 ito", "渡辺 watanabe",
            "山本 yamamoto", "中村 nakamura", "小林 kobayashi", "加藤 kato", "吉田 yoshida",
            "山田 yamada", "佐々木 sasaki", "山口 yamaguchi", "松本 matsumoto", "井上 inoue",
            "木村 kimura", "林 hayashi", "清水 shimizu", "森 mori", "池田 ikeda", "橋本 hashimoto");

    static final List<Name> GIVEN_NAMES = names(
            "花子 hanako", "太郎 taro", "陽菜 hina", "蓮 ren", "美咲 misaki", "翔太 shota",
            "結衣 yui", "大輔 daisuke", "さくら sakura", "健一 kenichi", "愛 ai", "誠 makoto",
            "由美 yumi", "拓也 takuya", "彩 aya", "浩二 koji", "真由美 mayumi", "悠斗 yuto",
            "葵 aoi", "和子 kazuko", "直樹 naoki", "恵 megumi");

    /** Buildings of the made-up addresses; a house has none. */
    static final List<String> BUILDINGS = List.of(
            "デモハイツ", "サンプルコーポ", "メゾン例町", "デモレジデンス", "例町マンション");

    private static List<Name> names(String... pairs) {
        return Arrays.stream(pairs)
                .map(p -> p.split(" "))
                .map(p -> new Name(p[0], p[1]))
                .toList();
    }

    private DemoCatalog() {
    }
}
