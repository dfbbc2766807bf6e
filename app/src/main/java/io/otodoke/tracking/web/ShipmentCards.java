package io.otodoke.tracking.web;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.CarrierAvailability;
import io.otodoke.tracking.PublicShipment;
import io.otodoke.tracking.ShipmentView;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Makes the pages' shipment cards, with the carrier's name and links and whether its tracking can be read now. */
@Component
class ShipmentCards {

    private final CarrierDirectory carriers;
    private final CarrierAvailability availability;

    ShipmentCards(CarrierDirectory carriers, CarrierAvailability availability) {
        this.carriers = carriers;
        this.availability = availability;
    }

    ShipmentCard of(ShipmentView s, Locale locale) {
        return ShipmentCard.of(s, carriers, locale).unavailable(availability.trackingUnavailable(s.carrier()));
    }

    ShipmentCard of(PublicShipment s, Locale locale) {
        return ShipmentCard.of(s, carriers, locale).unavailable(availability.trackingUnavailable(s.carrier()));
    }
}
