package io.otodoke.fleet;

/** A delivery photo as stored: re-encoded, so nothing of the camera's metadata (EXIF, GPS, maker notes) remains. */
public record Photo(String contentType, byte[] content, int width, int height) {
}
