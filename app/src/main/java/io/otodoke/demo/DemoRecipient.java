package io.otodoke.demo;

import java.util.Objects;

/**
 * Where a demo parcel goes. Prefecture and city are real, so maps and carrier routes look
 * plausible; everything that would identify a person is made up: the town is 例町, the building
 * a デモ building, the phone number starts with {@code 000-}.
 *
 * @param postalCode the city's catch-all code ({@code NNN-0000}, 「以下に掲載がない場合」)
 */
public record DemoRecipient(String name, String postalCode, String prefecture, String city,
                            String addressLine, String phone) {

    public DemoRecipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(prefecture, "prefecture");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(addressLine, "addressLine");
        Objects.requireNonNull(phone, "phone");
    }
}
