package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.psig.correlation.CorrelationApplication;
import org.psig.testsupport.ChildJvms;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The analysts' console in a real headless browser (Debian's Chromium), on the real services: sign
 * in, a verdict appears live after a POST without reloading, filters, a campaign opened with its
 * members, an export. A report whose text is markup shows as text and runs nothing; the page is
 * served with a Content-Security-Policy. The screenshot lands in target/console.png.
 */
@ExtendWith(RegistryExtension.class)
class ConsoleBrowserIT {

    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> extra = new ArrayList<>();
    private PipelineStack stack;
    private ServiceProcess console;
    private WebDriver browser;

    /** Behind the console's own sign-in too: statuses for anyone, details (the cluster id) for an operator's token only. */
    private void assertHealthDetailsForTheOperatorOnly(String consoleUrl) throws Exception {
        JsonNode anonymous = json.readTree(http.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(anonymous.get("components").get("kafka").get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.findValues("details")).isEmpty();
        HttpResponse<String> asOperator = http.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/actuator/health"))
                .header("Authorization", "Bearer local-demo-operator").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asOperator.statusCode()).isEqualTo(200);
        assertThat(json.readTree(asOperator.body()).get("components").get("kafka").get("details").get("clusterId").asText())
                .isNotBlank();
    }

    @AfterEach
    void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
        for (int i = extra.size() - 1; i >= 0; i--) {
            extra.get(i).close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldShowVerdictsLiveAsTextFilterThemOpenACampaignAndExportIt() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        stack = new PipelineStack(BROKERS, RegistryServer.shared().url()).start();
        extra.add(run(CorrelationApplication.application()));
        int port = ChildJvms.freePort();
        console = ServiceProcess.start("psig.console.jar", Map.of(), Files.createTempFile("console-", ".log"),
                "--spring.kafka.bootstrap-servers=" + BROKERS,
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--spring.profiles.active=local", "--server.port=" + port, "--server.address=127.0.0.1");
        String consoleUrl = "http://127.0.0.1:" + port;
        ServiceProcess.awaitReady(consoleUrl);

        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");

        assertHealthDetailsForTheOperatorOnly(consoleUrl);

        browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
        browser.get(consoleUrl + "/");
        browser.findElement(By.id("username")).sendKeys("analyst");
        browser.findElement(By.id("password")).sendKeys("local-demo-analyst");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> "en direct".equals(driver.findElement(By.id("live")).getText()));
        ((JavascriptExecutor) browser).executeScript("window.psigNoReload = true;");

        String hostile = post(hostileReport());
        WebElement row = wait.until(driver -> driver.findElements(By.cssSelector("tr[data-incident-id='" + hostile + "']"))
                .stream().findFirst().orElse(null));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.psigNoReload === true")).isEqualTo(true);
        assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo(IMAGE);
        assertThat(row.findElements(By.tagName("td")).get(6).getText()).isEqualTo(SCRIPT);
        assertThat(browser.findElements(By.cssSelector("#verdicts img, #verdicts script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        Select region = new Select(browser.findElement(By.name("region")));
        region.selectByValue("93");
        wait.until(driver -> driver.findElements(By.cssSelector("tr[data-incident-id='" + hostile + "']")).isEmpty());
        region.selectByValue("53");
        wait.until(driver -> !driver.findElements(By.cssSelector("tr[data-incident-id='" + hostile + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#verdicts tr")))
                .allSatisfy(each -> assertThat(each.findElements(By.tagName("td")).get(2).getText()).isEqualTo("53"));
        region.selectByValue("");

        String provider = "Hebergeur " + UUID.randomUUID().toString().substring(0, 8);
        for (int n = 1; n <= 3; n++) {
            post(outage(n, provider));
        }
        String key = "PROVIDER_FAILURE|" + provider.toLowerCase();
        WebElement campaign = wait.until(driver -> driver.findElements(By.cssSelector("#campaign-list li")).stream()
                .filter(item -> item.getText().contains(key)).findFirst().orElse(null));
        campaign.click();
        wait.until(driver -> driver.findElements(By.cssSelector("#detail-list li")).size() == 3);
        assertThat(browser.findElement(By.id("detail-title")).getText()).contains("provider-outage", key);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "console.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("export-stix")).click();
        String exported = wait.until(driver -> driver.findElement(By.tagName("body")).getText());
        JsonNode bundle = json.readTree(exported);
        assertThat(bundle.path("type").asText()).isEqualTo("bundle");
        assertThat(bundle.path("objects").findValuesAsText("type")).contains("campaign", "incident", "identity",
                "relationship", "marking-definition");
        assertThat(bundle.path("objects").findValuesAsText("type").stream().filter("incident"::equals)).hasSize(3);
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder application) {
        return application.run("--spring.kafka.bootstrap-servers=" + BROKERS,
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0", "--server.address=127.0.0.1");
    }

    private WebDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root on this machine, and without the network Chromium looks for at every start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1500,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The Bretagne ransomware sample, its establishment's name and its summary written as markup. */
    private ObjectNode hostileReport() throws Exception {
        ObjectNode report = (ObjectNode) json.readTree(Samples.report("ransomware-hospital-bretagne"));
        report.put("declarantReference", "XSS-" + UUID.randomUUID());
        ((ObjectNode) report.get("establishment")).put("name", IMAGE);
        ((ObjectNode) report.get("incident")).put("summary", SCRIPT);
        return report;
    }

    private ObjectNode outage(int n, String provider) throws Exception {
        ObjectNode report = (ObjectNode) json.readTree(Samples.report("provider-outage-paris"));
        report.put("declarantReference", "CONSOLE-" + UUID.randomUUID());
        ObjectNode establishment = (ObjectNode) report.get("establishment");
        establishment.put("finessEt", List.of("75", "69", "13").get(n - 1) + String.format("%07d", 4200 + n));
        establishment.put("name", "EHPAD Les Glycines " + n);
        ObjectNode incident = (ObjectNode) report.get("incident");
        incident.put("provider", provider);
        incident.put("detectedAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10 * n).toString());
        return report;
    }

    private String post(ObjectNode report) throws Exception {
        HttpResponse<String> response = stack.postReport(report.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("incidentId").asText();
    }
}
