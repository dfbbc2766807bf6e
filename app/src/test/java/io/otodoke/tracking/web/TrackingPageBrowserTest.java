package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenant;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in a real browser: Debian's Chromium through its chromedriver (CI installs both,
 * see .ci/run). A missing driver fails the test instead of skipping it, so that a machine
 * without a browser cannot pass the suite unnoticed.
 */
@OtodokeTest
class TrackingPageBrowserTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @TempDir
    Path profile;
    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with 'apt-get install chromium chromium-driver' (CI does so in .ci/run).");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--lang=ja", "--window-size=390,844");
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPastedNumberShowsItsStatusAndTimeline() throws Exception {
        long id = register();
        api("/api/v1/events", """
                [{"shipmentId":%d,"source":"sagawa","status":"PICKED_UP","rawText":"集荷","occurredLocal":"2026-11-20T15:00",
                  "zone":"Asia/Tokyo","location":{"name":"東京営業所"},"sourceSequence":0},
                 {"shipmentId":%d,"source":"sagawa","status":"OUT_FOR_DELIVERY","rawText":"配達中","occurredLocal":"2026-11-21T08:40",
                  "zone":"Asia/Tokyo","location":{"name":"横浜営業所"},"sourceSequence":1}]""".formatted(id, id));

        browser.get("http://localhost:" + port + "/?lang=ja");
        WebElement box = browser.findElement(By.id("numbers"));
        box.sendKeys("3600-1234-5670\n9999-8888-7777");
        browser.findElement(By.cssSelector("form.lookup button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/track"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("追跡結果");
        WebElement card = browser.findElement(By.cssSelector("article.card.tone-moving"));
        assertThat(card.findElement(By.cssSelector(".status-label")).getText()).isEqualTo("配達中");
        assertThat(card.findElement(By.cssSelector(".carrier")).getText()).contains("佐川急便");
        List<String> entries = card.findElements(By.cssSelector(".timeline-entry")).stream().map(WebElement::getText).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).contains("2026年11月20日(金) 15:00", "配送業者に引き渡し済み", "集荷", "東京営業所");
        assertThat(entries.get(1)).contains("2026年11月21日(土) 08:40", "配達中", "横浜営業所");
        WebElement official = card.findElement(By.cssSelector(".actions a"));
        assertThat(official.getAttribute("href")).contains("okurijoNo=360012345670");
        assertThat(official.getAttribute("target")).isEqualTo("_blank");
        assertThat(official.getAttribute("rel")).contains("noopener");
        assertThat(browser.findElement(By.cssSelector("article.card-unknown")).getText())
                .contains("9999-8888-7777", "Otodoke ではまだ追跡していない番号です", "アマゾン");
    }

    @Test
    void aNumberThatFitsSeveralCarriersLetsThePersonChooseAndRemembersIt() throws Exception {
        browser.get("http://localhost:" + port + "/track?lang=ja&numbers=4444-1375-8703%0A1234.5678");
        WebElement card = browser.findElement(By.id("r-444413758703"));
        assertThat(card.findElement(By.cssSelector(".fits")).getText()).isEqualTo("この番号は 3 社の形式に当てはまります");
        assertThat(names(card)).containsExactly("ヤマト運輸（クロネコヤマト）", "佐川急便", "日本郵便");

        card.findElement(By.cssSelector("button[name=carrier][value=sagawa]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("#r-444413758703"));
        card = browser.findElement(By.id("r-444413758703"));
        assertThat(names(card)).containsExactly("佐川急便 選択済み", "ヤマト運輸（クロネコヤマト）", "日本郵便");
        assertThat(browser.getCurrentUrl()).contains("numbers=4444-1375-8703%0A1234.5678");
        assertThat(browser.findElement(By.id("r-1234.5678")).getText()).contains("「.」が入っています");
        screenshot("choice", null);
        screenshot("choice-others", card.findElements(By.cssSelector(".candidate")).get(1));
    }

    /**
     * The giver of a gift, in a real browser with real cookies and CSRF tokens: signs in, makes a
     * share link that shows the giver's name, signs out, opens the link as the recipient would,
     * then signs in again, withdraws it, and finds it gone.
     */
    @Test
    void aGiverSharesAGiftWithTheRecipientAndWithdrawsTheLink() throws Exception {
        String email = "giver-" + UUID.randomUUID() + "@example.jp";
        accounts.create(new Caller(Role.ADMIN, null, null, null, null, "test"),
                new Accounts.NewUser(email, "贈り 主", Role.SHOPPER,
                        Tenant.DEFAULT_ID, null, "correct horse battery"));
        String order = api("/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"4321-0000-0013","order":{"orderNumber":"GIFT-%s",
                 "customerEmail":"%s","totalYen":4980,"gift":true,"giverName":"贈り 主","giftMessage":"おめでとう！",
                 "items":[{"name":"紅茶セット","quantity":1,"unitPriceYen":4980}]},
                 "recipient":{"name":"受取 花子","postalCode":"060-0001","prefecture":"北海道","city":"札幌市中央区",
                              "addressLine":"北一条西1-1","phone":"011-000-0000"}}""".formatted(email.substring(6, 14), email));
        String orderId = order.replaceAll("(?s).*\"orderId\":(\\d+).*", "$1");

        signIn(email);
        browser.get("http://localhost:" + port + "/orders/" + orderId + "?lang=ja");
        assertThat(browser.findElement(By.cssSelector(".recipient")).getText()).contains("北海道札幌市中央区")
                .doesNotContain("北一条西", "060-0001", "011-000-0000", "受取 花子");
        browser.findElement(By.cssSelector(".share-form input[name=showGiver]")).click();
        browser.findElement(By.cssSelector(".share-form button[type=submit]")).click();
        String link = new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.link-field"))).getAttribute("value");
        assertThat(link).matches("http://localhost:\\d+/s/[A-Za-z0-9_-]{43}");
        browser.findElement(By.cssSelector("form.inline-form button")).click(); // sign out
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));

        browser.get(link);
        String shared = browser.findElement(By.id("main")).getText();
        assertThat(shared).contains("贈り 主 様からの贈り物", "おめでとう！", "北海道札幌市中央区", "432100000013")
                .doesNotContain("紅茶セット", "4,980", "北一条西", "受取 花子");

        signIn(email);
        browser.get("http://localhost:" + port + "/orders/" + orderId + "?lang=ja");
        browser.findElement(By.cssSelector(".share button.button-small")).click(); // withdraw
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".share"), "共有リンクを取り消しました"));
        browser.get(link);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("このリンクは使えなくなりました");
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("432100000013");
    }

    void signIn(String email) {
        browser.get("http://localhost:" + port + "/login?lang=ja");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("correct horse battery");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/orders"));
    }

    static List<String> names(WebElement card) {
        return card.findElements(By.cssSelector(".candidate-name")).stream()
                .map(e -> e.getText().replaceAll("\\s+", " ")).toList();
    }

    /** With -Dotodoke.screenshots=DIR, saves what the browser shows, to look at it. */
    void screenshot(String name, WebElement scrollTo) throws Exception {
        String dir = System.getProperty("otodoke.screenshots");
        if (dir != null && browser instanceof org.openqa.selenium.TakesScreenshot camera) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "arguments[0] ? arguments[0].scrollIntoView() : window.scrollTo(0, 0)", scrollTo);
            Files.copy(camera.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                    Path.of(dir, "otodoke-" + name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    long register() throws Exception {
        String body = api("/api/v1/shipments", "{\"carrier\":\"sagawa\",\"trackingNumber\":\"360012345670\"}");
        return Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    String api(String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return r.body();
    }
}
