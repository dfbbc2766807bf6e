package io.otodoke.connector;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * The text of a Japanese carrier page, whatever its bytes: current pages are UTF-8, the 2009
 * captures are Shift_JIS (carriers.md §11), and a page copied from a browser is plain text
 * (innerText) without any markup. The charset is taken from a BOM, else from the bytes being valid
 * UTF-8, else from a {@code <meta charset>}, else windows-31j (Microsoft's Shift_JIS, which the
 * carriers' "Shift_JIS" pages really are: they contain its extra characters such as ①).
 */
public final class PageText {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private PageText() {
    }

    public static String decode(byte[] payload) {
        if (payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB
                && (payload[2] & 0xFF) == 0xBF) {
            return new String(payload, 3, payload.length - 3, StandardCharsets.UTF_8);
        }
        if (payload.length >= 2 && (payload[0] & 0xFF) == 0xFE && (payload[1] & 0xFF) == 0xFF) {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_16BE);
        }
        if (payload.length >= 2 && (payload[0] & 0xFF) == 0xFF && (payload[1] & 0xFF) == 0xFE) {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_16LE);
        }
        String utf8 = strictUtf8(payload);
        if (utf8 != null) {
            return utf8;
        }
        Charset declared = declaredCharset(payload);
        return new String(payload, declared == null ? WINDOWS_31J : declared);
    }

    /** True when the text has markup; otherwise it is a page's innerText copied from a browser. */
    public static boolean isHtml(String text) {
        int limit = Math.min(text.length(), 8192);
        for (int i = 0; i < limit - 1; i++) {
            if (text.charAt(i) == '<') {
                char c = text.charAt(i + 1);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A printed cell or line as {@code rawText}: trimmed, without the markers ↓ ⇒ ↑ that Sagawa
     * puts before its rows and without full-width or no-break spaces (carriers.md §11).
     */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u3000' || c == '\u00A0' || c == '↓' || c == '⇒' || c == '↑') {
                continue;
            }
            out.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString().strip();
    }

    private static String strictUtf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The charset a {@code <meta>} in the first 4 kB names (the bytes of its name are ASCII in every charset used here). */
    static Charset declaredCharset(byte[] payload) {
        String head = new String(payload, 0, Math.min(payload.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        int at = head.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        int start = at + "charset=".length();
        while (start < head.length() && (head.charAt(start) == '"' || head.charAt(start) == '\'')) {
            start++;
        }
        int end = start;
        while (end < head.length() && (Character.isLetterOrDigit(head.charAt(end)) || head.charAt(end) == '-'
                || head.charAt(end) == '_')) {
            end++;
        }
        String name = head.substring(start, end);
        if (name.equals("shift_jis") || name.equals("sjis") || name.equals("x-sjis") || name.equals("ms932")
                || name.equals("cp932")) {
            return WINDOWS_31J;
        }
        try {
            return name.isEmpty() ? null : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
