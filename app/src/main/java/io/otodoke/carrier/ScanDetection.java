package io.otodoke.carrier;

/**
 * What the detector made of a barcode scan (tracking-numbers.md §7).
 *
 * @param payload          the scanned payload exactly as read
 * @param symbology        the barcode type the scanner reported, if any
 * @param detection        the candidates, from the payload after the scan-only clean-up
 * @param barcodeOnlyKind  when the payload is a barcode-only format that is not a tracking number
 *                         people see (FedEx 34, FedEx ASTRA 32, SSCC-18), its name; else null
 */
public record ScanDetection(String payload, Symbology symbology, TrackingNumberDetection detection,
                            String barcodeOnlyKind) {

    /** Barcode types a scanner reports. Codabar (NW-7) points to Japanese domestic carriers. */
    public enum Symbology {
        CODABAR, CODE128, CODE39, QR, DATA_MATRIX, OTHER
    }
}
