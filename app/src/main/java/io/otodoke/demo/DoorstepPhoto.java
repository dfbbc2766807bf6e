package io.otodoke.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/**
 * The demo driver's proof-of-delivery photo: a cardboard box in front of a door, drawn rather than
 * taken, and marked DEMO. It goes through fleet.DeliveryPhotos like a phone's upload.
 */
final class DoorstepPhoto {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final Color[] DOORS = {new Color(0x8B5A2B), new Color(0x4A5D6B), new Color(0xC8C2B4), new Color(0x5C3A21)};

    private DoorstepPhoto() {
    }

    /** A PNG of a box at a door; the door's colour and the box's place vary. */
    static byte[] draw(RandomGenerator random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xE9E4D8)); // wall
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x9A9A94)); // concrete floor of the corridor
            g.fillRect(0, 360, WIDTH, HEIGHT - 360);
            int doorX = 180 + random.nextInt(-40, 41);
            g.setColor(DOORS[random.nextInt(DOORS.length)]);
            g.fillRect(doorX, 40, 240, 320);
            g.setColor(new Color(0x3A3A3A));
            g.setStroke(new BasicStroke(4));
            g.drawRect(doorX, 40, 240, 320);
            g.fillOval(doorX + 200, 200, 16, 16); // handle
            g.fillRect(doorX + 95, 90, 50, 14); // nameplate, left blank
            int boxX = doorX + random.nextInt(-20, 120);
            int boxW = 150 + random.nextInt(0, 60);
            int boxH = 90 + random.nextInt(0, 40);
            int boxY = 400 - boxH;
            g.setColor(new Color(0xC49A6C)); // cardboard
            g.fillRect(boxX, boxY, boxW, boxH);
            g.setColor(new Color(0xA57C4F));
            g.fillPolygon(new int[] {boxX, boxX + 25, boxX + boxW + 25, boxX + boxW},
                    new int[] {boxY, boxY - 20, boxY - 20, boxY}, 4);
            g.setColor(new Color(0xD8C9A3)); // tape
            g.fillRect(boxX + boxW / 2 - 12, boxY, 24, boxH);
            g.setColor(Color.WHITE); // label
            g.fillRect(boxX + 12, boxY + 14, 48, 30);
            g.setColor(new Color(0xB00020));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            g.drawString("DEMO", 16, 36);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
