package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.otodoke.OtodokeTest;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
