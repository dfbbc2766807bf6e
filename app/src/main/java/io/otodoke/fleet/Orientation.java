package io.otodoke.fleet;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (tag 0x0112, values 1–8), read by hand from the APP1 segment: the
 * one piece of metadata needed before all of it is thrown away, since phones store photos sideways
 * and only say so in this tag.
 */
final class Orientation {

    private Orientation() {
    }

    /** The orientation value, 1 (upright) when the file has none or is not a JPEG with EXIF. */
    static int of(byte[] jpeg) {
        try {
            if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
                return 1;
            }
            int p = 2;
            while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
                int marker = jpeg[p + 1] & 0xFF;
                int length = u16(jpeg, p + 2, true);
                if (marker == 0xDA || length < 2) {
                    return 1; // image data starts: no EXIF before it
                }
                if (marker == 0xE1 && p + 10 <= jpeg.length && new String(jpeg, p + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("Exif")) {
                    return fromTiff(jpeg, p + 10, Math.min(jpeg.length, p + 2 + length));
                }
                p += 2 + length;
            }
        } catch (RuntimeException e) {
            return 1; // a broken segment: show the photo as it is
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean big = b[tiff] == 'M';
        int ifd = tiff + (int) u32(b, tiff + 4, big);
        int entries = u16(b, ifd, big);
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + i * 12;
            if (e + 12 > end) {
                break;
            }
            if (u16(b, e, big) == 0x0112) {
                int v = u16(b, e + 8, big);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    /** The image turned upright for an EXIF orientation. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12; arguments in AffineTransform's order (m00, m10, m01, m11, m02, m12)
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: turned a quarter anticlockwise
        };
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_BILINEAR).filter(toRgb(image), out);
        return out;
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    private static int u16(byte[] b, int i, boolean big) {
        return big ? (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF : (b[i + 1] & 0xFF) << 8 | b[i] & 0xFF;
    }

    private static long u32(byte[] b, int i, boolean big) {
        return big ? ((long) u16(b, i, true) << 16) | u16(b, i + 2, true)
                : ((long) u16(b, i + 2, false) << 16) | u16(b, i, false);
    }
}
