package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import io.otodoke.connector.poll.Poller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The public lookup reveals no personal data: every tracking number of the demo world is looked
 * up through the API and the page, and no name, address, postal code, phone number, e-mail
 * address, order number, item or price of the demo's orders appears in any answer.
 */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=true",
        "otodoke.demo.speed=60"})
class PublicLookupPrivacyTest {

    static final Pattern PHONE = Pattern.compile("0\\d{1,4}-\\d{1,4}-\\d{3,4}");
    static final Pattern POSTAL_CODE = Pattern.compile("〒|\\b\\d{3}-\\d{4}\\b");
    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Poller poller;

    @Test
    void noPersonalDataOfTheDemoInAnyPublicAnswer() throws Exception {
        poller.pollDue(); // the scans of the simulated carriers' pages, as in the running demo
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        List<String> numbers = jdbc.queryForList("select distinct tracking_number from shipments order by 1", String.class);
        assertThat(numbers).hasSizeGreaterThan(200);
        Set<String> personal = new LinkedHashSet<>();
        jdbc.queryForList("""
                select customer_name, customer_email, order_number, giver_name, gift_message, items::text from orders
                """).forEach(row -> row.values().forEach(v -> {
                    if (v != null) {
                        personal.add(v.toString());
                    }
                }));
        jdbc.queryForList("select distinct item ->> 'name' from orders, jsonb_array_elements(items) item", String.class)
                .forEach(personal::add);
        jdbc.queryForList("""
                select recipient ->> 'name', recipient ->> 'addressLine', recipient ->> 'postalCode', recipient ->> 'phone'
                from shipments where recipient is not null
                """).forEach(row -> row.values().forEach(v -> {
                    if (v != null) {
                        personal.add(v.toString());
                    }
                }));
        personal.removeIf(String::isBlank);
        assertThat(personal).hasSizeGreaterThan(500);

        List<String> answers = new ArrayList<>();
        for (int from = 0, client = 0; from < numbers.size(); from += 40, client++) {
            String batch = String.join(",", numbers.subList(from, Math.min(numbers.size(), from + 40)));
            String address = "10.9.0." + client; // stay inside the per-client lookup limit
            for (String path : new String[] {"/api/v1/track", "/track"}) {
                var response = mvc.perform(get(path).param("numbers", batch).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andExpect(status().isOk()).andReturn().getResponse();
                response.setCharacterEncoding("UTF-8");
                answers.add(response.getContentAsString());
            }
        }
        String all = String.join("\n", answers);
        assertThat(all).as("the answers are real lookups").contains("\"trackingNumber\"", "\"timeline\"", "配達完了");
        for (String value : personal) {
            assertThat(all).as("a personal value of the demo").doesNotContain(value);
        }
        assertThat(PHONE.matcher(all).find()).as("phone number").isFalse();
        assertThat(POSTAL_CODE.matcher(all).find()).as("postal code").isFalse();
        assertThat(EMAIL.matcher(all).results().map(m -> m.group()).toList()).as("e-mail address").isEmpty();
    }
}
