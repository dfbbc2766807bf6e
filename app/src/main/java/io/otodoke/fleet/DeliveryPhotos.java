package io.otodoke.fleet;

import io.otodoke.web.ProblemType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Proof-of-delivery photos as they are stored: decoded and encoded again as a fresh JPEG, so nothing
 * of the file the phone sent survives but its pixels — no EXIF, no GPS position, no maker notes, no
 * thumbnail (design/last-mile.md). The phone's rotation is applied first, so the photo still stands
 * upright; large photos are scaled down to what a phone screen shows.
 */
public final class DeliveryPhotos {

    /** What a phone may upload: a 12-megapixel JPEG is 3–6 MB. */
    public static final int MAX_UPLOAD = 10 * 1024 * 1024;
    static final int MAX_SIDE = 1600;

    private DeliveryPhotos() {
    }

    public static Photo clean(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw ProblemType.invalidField("photo", "The photo is empty.");
        }
        if (upload.length > MAX_UPLOAD) {
            throw ProblemType.invalidField("photo", "The photo is larger than " + MAX_UPLOAD / (1024 * 1024) + " MB.");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(upload));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw ProblemType.invalidField("photo", "The photo is not a JPEG or PNG image.");
        }
        BufferedImage upright = Orientation.apply(image, Orientation.of(upload));
        BufferedImage scaled = scale(upright);
        return new Photo("image/jpeg", jpeg(scaled), scaled.getWidth(), scaled.getHeight());
    }

    private static BufferedImage scale(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double f = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int sw = Math.max(1, (int) Math.round(w * f));
        int sh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE); // a PNG's transparency becomes white, not black
        g.fillRect(0, 0, sw, sh);
        g.drawImage(image, 0, 0, sw, sh, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
