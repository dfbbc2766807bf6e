package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * What is left of a phone's photo once stored (design/last-mile.md: without EXIF): its pixels, turned
 * upright, and nothing else — in particular not where it was taken.
 */
class DeliveryPhotosTest {

    @Test
    void aPhonePhotoWithGpsAndOrientationSixLosesAllMetadataAndStandsUpright() throws IOException {
        byte[] upload = withExif(jpeg(image(80, 40, BufferedImage.TYPE_INT_RGB)), 6);
        assertThat(segments(upload)).contains(0xE1);
        assertThat(contains(upload, "Exif")).isTrue();
        assertThat(contains(upload, "GPS")).isTrue();
        assertThat(Orientation.of(upload)).isEqualTo(6);
        assertThat(ImageIO.read(new ByteArrayInputStream(upload)).getWidth()).isEqualTo(80);

        Photo photo = DeliveryPhotos.clean(upload);

        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(segments(photo.content())).doesNotContain(0xE1);
        assertThat(contains(photo.content(), "Exif")).isFalse();
        assertThat(contains(photo.content(), "GPS")).isFalse();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.content()));
        assertThat(stored.getWidth()).isEqualTo(40).isEqualTo(photo.width());
        assertThat(stored.getHeight()).isEqualTo(80).isEqualTo(photo.height());
    }

    @Test
    void aPngIsAcceptedAndStoredAsJpeg() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image(30, 20, BufferedImage.TYPE_INT_ARGB), "png", png);

        Photo photo = DeliveryPhotos.clean(png.toByteArray());

        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.width()).isEqualTo(30);
        assertThat(photo.height()).isEqualTo(20);
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.content()))).isNotNull();
    }

    @Test
    void bytesThatAreNoImageAreAFieldErrorOnPhoto() {
        byte[] garbage = "this is not a photo at all, just text".getBytes(StandardCharsets.UTF_8);
        assertPhotoRefused(garbage, "not a JPEG or PNG");
        assertPhotoRefused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 2}, "not a JPEG or PNG");
        assertPhotoRefused(new byte[0], "empty");
    }

    @Test
    void morethanTenMegabytesIsRefusedBeforeDecoding() {
        assertPhotoRefused(new byte[DeliveryPhotos.MAX_UPLOAD + 1], "larger than 10 MB");
    }

    /**
     * Each EXIF orientation (TIFF 6.0, tag 0x0112; the pictures at https://magnushoff.com/articles/jpeg-orientation/)
     * on an image whose every pixel has its own colour: each stored pixel must land where the orientation says.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationPutsEveryPixelWhereTheTagSays(int orientation) {
        int w = 5;
        int h = 3;
        BufferedImage stored = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                stored.setRGB(x, y, colour(x, y));
            }
        }

        BufferedImage upright = Orientation.apply(stored, orientation);

        boolean turned = orientation >= 5;
        assertThat(upright.getWidth()).isEqualTo(turned ? h : w);
        assertThat(upright.getHeight()).isEqualTo(turned ? w : h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] to = switch (orientation) {
                    case 1 -> new int[] {x, y};
                    case 2 -> new int[] {w - 1 - x, y};
                    case 3 -> new int[] {w - 1 - x, h - 1 - y};
                    case 4 -> new int[] {x, h - 1 - y};
                    case 5 -> new int[] {y, x};
                    case 6 -> new int[] {h - 1 - y, x};
                    case 7 -> new int[] {h - 1 - y, w - 1 - x};
                    default -> new int[] {y, w - 1 - x};
                };
                assertThat(upright.getRGB(to[0], to[1]) & 0xFFFFFF)
                        .as("orientation %d: stored (%d,%d) shown at (%d,%d)", orientation, x, y, to[0], to[1])
                        .isEqualTo(colour(x, y));
            }
        }
    }

    @Test
    void aCornerMarkedRedIsTopLeftAfterTurningAQuarterClockwise() {
        // Orientation 6 is the usual portrait phone photo: the sensor's top-left is the picture's top-right.
        BufferedImage stored = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 1, 0xFF0000);
        BufferedImage upright = Orientation.apply(stored, 6);
        assertThat(upright.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    private static int colour(int x, int y) {
        return (x * 40 + 20) << 16 | (y * 60 + 30) << 8 | 0x80;
    }

    private static void assertPhotoRefused(byte[] upload, String detail) {
        assertThatThrownBy(() -> DeliveryPhotos.clean(upload)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(e.getBody().getProperties()).containsEntry("field", "photo");
            assertThat(e.getBody().getDetail()).contains(detail);
        });
    }

    private static BufferedImage image(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, x < w / 2 ? 0xFFCC3333 : 0x803366CC);
            }
        }
        return image;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /**
     * The JPEG with an APP1 Exif segment right after SOI, as a phone writes it: IFD0 with the orientation and a
     * pointer to a GPS IFD holding latitude N 35°40'52" and the processing method "GPS" (Exif 2.3, tags 0x0001,
     * 0x0002, 0x001B).
     */
    static byte[] withExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries, then the next-IFD offset (none)
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38); // GPS IFD at 8 + 2 + 24 + 4
        tiff.putInt(0);
        // GPS IFD at 38: three entries (2 + 36 bytes), next 0 (4 bytes), then the values from 80
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(80);
        tiff.putShort((short) 0x001B).putShort((short) 7).putInt(11).putInt(104);
        tiff.putInt(0);
        tiff.position(80);
        tiff.putInt(35).putInt(1).putInt(40).putInt(1).putInt(52).putInt(1);
        tiff.put("ASCII\0\0\0GPS".getBytes(StandardCharsets.US_ASCII));
        byte[] body = Arrays.copyOf(tiff.array(), tiff.position());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + body.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The markers of a JPEG's segments before the image data. */
    private static java.util.List<Integer> segments(byte[] jpeg) {
        java.util.List<Integer> markers = new java.util.ArrayList<>();
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF);
        }
        return markers;
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
