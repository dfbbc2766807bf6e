package io.otodoke.carrier.web;

import io.otodoke.carrier.Carrier;
import io.otodoke.carrier.CarrierDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Carriers", description = "The carrier directory and tracking-number detection; public")
class CarrierApi {

    /** One directory entry; {@code {n}} in {@code trackingUrl} stands for the normalised number. */
    record CarrierEntry(String code, Map<String, String> names, String trackingUrl, String customerService,
                        String redeliveryUrl, boolean domestic, Capabilities capabilities) {

        static CarrierEntry of(Carrier c) {
            var names = new java.util.LinkedHashMap<String, String>();
            names.put("ja", c.nameJa());
            names.put("en", c.nameEn());
            return new CarrierEntry(c.code(), names, c.trackingUrl(), c.customerService(), c.redeliveryUrl(),
                    c.domestic(), new Capabilities(c.liveMap(), c.redeliveryApi()));
        }
    }

    record Capabilities(boolean liveMap, boolean redeliveryApi) {
    }

    private final CarrierDirectory directory;

    CarrierApi(CarrierDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/carriers")
    @Operation(summary = "The carriers Otodoke knows",
            description = "Code, names in Japanese and English, official tracking URL template ({n} = normalised number), "
                    + "customer service, redelivery page and capabilities.")
    Map<String, List<CarrierEntry>> carriers() {
        return Map.of("carriers", directory.all().stream().map(CarrierEntry::of).toList());
    }
}
