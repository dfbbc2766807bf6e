package io.otodoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenant;
import io.otodoke.tracking.EventTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8's acceptance in a real, phone-sized browser (Debian's Chromium, as the other browser
 * tests): a shopper whose parcel was attempted picks an evening slot and sees it in the timeline.
 */
@OtodokeTest
class DeliveryChangeBrowserTest {

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
    void aShopperWhoseParcelWasAttemptedPicksAnEveningSlotAndSeesItInTheTimeline() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "evening-" + run + "@example.jp";
        accounts.create(new Caller(Role.ADMIN, null, null, null, null, "test"), new Accounts.NewUser(email, "夜 待子",
                Role.SHOPPER, Tenant.DEFAULT_ID, null, "correct horse battery"));
        String number = "4321" + String.format("%08d", Math.abs(run.hashCode()) % 100_000_000);
        String body = api("/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"EVE-%s","customerEmail":"%s"},
                 "recipient":{"name":"夜 待子","prefecture":"東京都","city":"世田谷区","addressLine":"三軒茶屋1-1"}}
                """.formatted(number, run, email));
        String orderId = body.replaceAll("(?s).*\"orderId\":(\\d+).*", "$1");
        api("/api/v1/events", """
                [{"carrier":"yamato","trackingNumber":"%s","source":"yamato","status":"DELIVERY_ATTEMPTED","reason":"ABSENT",
                  "rawText":"持戻（ご不在）","occurredAt":"%s"}]""".formatted(number,
                Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)));

        browser.get("http://localhost:" + port + "/login?lang=ja");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("correct horse battery");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/orders"));

        browser.get("http://localhost:" + port + "/orders/" + orderId + "?lang=ja");
        browser.findElement(By.cssSelector(".delivery-change-link a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/delivery"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("受取日時・場所を変更");

        LocalDate tomorrow = LocalDate.now(EventTime.TOKYO).plusDays(1);
        new Select(browser.findElement(By.id("when"))).selectByValue(tomorrow + "|19-21");
        browser.findElement(By.cssSelector("#when-form button[type=submit]")).click();
        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        assertThat(result.getText()).contains("ご希望を記録しました。", "確定するのはヤマト運輸（クロネコヤマト）です");
        assertThat(result.findElement(By.cssSelector("a.button-primary")).getAttribute("href"))
                .isEqualTo("https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=" + number);

        browser.get("http://localhost:" + port + "/orders/" + orderId + "?lang=ja");
        List<String> timeline = browser.findElements(By.cssSelector(".timeline-entry")).stream()
                .map(WebElement::getText).toList();
        String evening = "再配達のご依頼：" + tomorrow.getMonthValue() + "月" + tomorrow.getDayOfMonth() + "日 19時〜21時";
        assertThat(timeline).anySatisfy(e -> assertThat(e).contains("お手続き", evening));
        assertThat(timeline.getFirst()).contains("ご不在のため持ち戻り", "持戻（ご不在）");
        assertThat(browser.findElement(By.cssSelector(".status-label")).getText()).isEqualTo("ご不在のため持ち戻り");
    }

    String api(String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return r.body();
    }
}
