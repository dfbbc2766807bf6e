package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Credentials;
import io.otodoke.account.ShareLinks;
import io.otodoke.tracking.StatusReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The recipient of the third stop of a route follows their parcel in a real browser (Chromium, as
 * TrackingPageBrowserTest): 「あと3件」, 「あと2件」, 「あと1件」 as the driver completes the stops before,
 * then 配達完了 with the photo — all on one page that is never reloaded, fed by the event stream.
 * The van's phone reports through the real OsmAnd endpoint, the driver's app through the real API.
 */
@OtodokeTest
class LivePanelBrowserTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ShareLinks links;
    @Autowired
    Routes routes;
    @Autowired
    Credentials credentials;
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
    void theRecipientWatchesTheStopsBeforeTheirsCountDownToTheDeliveryWithoutReloading() throws Exception {
        FleetWorld world = new FleetWorld(context);
        FleetWorld.Fleet f = world.fleet(4);
        String token = links.create(f.operator(), f.shop().id(), f.shipments().get(2), Duration.ofDays(1)).token();
        String driverToken = credentials.issueDeviceToken(f.operator(), f.driver().id(), "phone").secret();
        routes.start(f.driverCaller(), f.route().id());
        position(f, FleetWorld.LAT - 0.001);

        browser.get("http://localhost:" + port + "/s/" + token + "?lang=ja");
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'never reloaded';");
        List<String> sources = new ArrayList<>();
        headline("あと3件");
        assertThat(text(".live-eta")).matches("\\d{2}:\\d{2}〜\\d{2}:\\d{2} ごろ");
        assertThat(text(".live-distance")).startsWith("お届け先まで約");
        assertThat(text(".live-estimate")).contains("目安");
        assertThat(browser.findElement(By.cssSelector(".live-map-frame")).isDisplayed()).isTrue();
        sources.add(browser.getPageSource());

        long first = f.route().stops().get(0).id();
        routes.arrived(f.driverCaller(), first);
        routes.delivered(f.driverCaller(), first, StatusReason.HANDED_OVER, null, null, null, null);
        headline("あと2件");
        sources.add(browser.getPageSource());

        routes.attempted(f.driverCaller(), f.route().stops().get(1).id(), StatusReason.ABSENT, null, null, null);
        headline("あと1件");
        assertThat(text(".live-next")).isEqualTo("次のお届け先です");
        sources.add(browser.getPageSource());

        long own = f.route().stops().get(2).id();
        routes.arrived(f.driverCaller(), own);
        headline("ドライバーが到着しました");
        delivered(own, driverToken);
        headline("配達完了");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> (Boolean) ((JavascriptExecutor) b).executeScript(
                "var img = document.querySelector('.live-photo');"
                        + "return !img.hidden && img.complete && img.naturalWidth > 0;"));
        assertThat(text(".live-outcome")).contains("にお届けしました");
        assertThat(text(".live-note-text")).contains("お届け方法: 置き配", "玄関前");
        assertThat(browser.findElement(By.cssSelector(".live-map-frame")).isDisplayed()).isFalse();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument;")).isEqualTo("never reloaded");
        sources.add(browser.getPageSource());

        for (String html : sources) {
            for (int other : new int[] {0, 1, 3}) {
                assertThat(html).doesNotContain("丸の内" + (other + 1) + "-1", LivePrivacyTest.latitude(other));
            }
        }
    }

    private void headline(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.textToBe(By.cssSelector(".live-headline"), expected));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The van's phone, through the OsmAnd endpoint (Traccar Client). */
    private void position(FleetWorld.Fleet f, double lat) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/positions/osmand?id=" + f.vehicle().deviceId() + "&lat=" + lat
                        + "&lon=" + FleetWorld.LON + "&timestamp=" + Instant.now().getEpochSecond())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The driver's app: delivered at the door, with a photo, as multipart. */
    private void delivered(long stop, String deviceToken) throws Exception {
        String boundary = "otodoke-" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        for (String[] field : new String[][] {{"place", "SAFE_PLACE"}, {"note", "玄関前"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"door.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(RoutesTest.jpeg());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/stops/" + stop + "/delivered"))
                .header("Authorization", "Bearer " + deviceToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
