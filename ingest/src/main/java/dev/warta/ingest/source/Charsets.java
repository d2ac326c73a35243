package dev.warta.ingest.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes page bytes: byte-order mark first, then the HTTP {@code Content-Type} charset when known, then
 * {@code <meta charset>} / {@code http-equiv} in the first 4 KiB, else UTF-8. Malformed bytes are replaced (U+FFFD);
 * input that is mostly undecodable or contains NUL bytes is reported as not text.
 */
public final class Charsets {
    // bounded repetition: no backtracking blow-up on long attribute soup
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]{0,512}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF = 4096;

    private Charsets() {}

    /**
     * Text decoded from bytes.
     *
     * @param text           the decoded text (BOM removed)
     * @param charset        name of the charset used
     * @param malformed      number of replaced malformed sequences
     * @param binary         true when the bytes do not look like text at all (NUL bytes, or mostly malformed)
     */
    public record Decoded(String text, String charset, int malformed, boolean binary) {}

    /** Decodes HTML bytes, honouring a charset from an HTTP header ({@code contentType} may be null). */
    public static Decoded decodeHtml(byte[] bytes, String contentType) {
        Charset cs = bom(bytes);
        int skip = bomLength(bytes, cs);
        if (cs == null) {
            cs = fromHeader(contentType);
        }
        if (cs == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, SNIFF), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                cs = forName(m.group(1));
            }
        }
        return decode(bytes, skip, cs == null ? StandardCharsets.UTF_8 : cs);
    }

    /** Decodes plain text bytes: BOM, else UTF-8. */
    public static Decoded decodeText(byte[] bytes) {
        Charset cs = bom(bytes);
        return decode(bytes, bomLength(bytes, cs), cs == null ? StandardCharsets.UTF_8 : cs);
    }

    /** The charset named in a Content-Type header value, or null. */
    public static Charset fromHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? forName(m.group(1)) : null;
    }

    private static Charset forName(String name) {
        try {
            String n = name.toLowerCase(Locale.ROOT);
            // WHATWG: these labels mean windows-1252 in browsers
            if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
                return Charset.forName("windows-1252");
            }
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] b, Charset bom) {
        if (bom == null) {
            return 0;
        }
        return bom == StandardCharsets.UTF_8 ? 3 : 2;
    }

    private static Decoded decode(byte[] bytes, int offset, Charset cs) {
        boolean utf16 =
                cs == StandardCharsets.UTF_16BE || cs == StandardCharsets.UTF_16LE || cs == StandardCharsets.UTF_16;
        boolean nul = false;
        if (!utf16) {
            int probe = Math.min(bytes.length, 8192);
            for (int i = offset; i < probe; i++) {
                if (bytes[i] == 0) {
                    nul = true;
                    break;
                }
            }
        }
        if (cs == StandardCharsets.UTF_8) {
            // the JDK's UTF-8 String constructor is much faster than a decoder; count replacements afterwards
            String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
            int bad = 0;
            for (int i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
                bad++;
            }
            boolean binary = nul || (text.length() > 0 && bad * 10 > text.length());
            return new Decoded(text, cs.name(), bad, binary);
        }
        CharsetDecoder strict = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return new Decoded(chars.toString(), cs.name(), 0, nul);
        } catch (CharacterCodingException e) {
            String text = new String(bytes, offset, bytes.length - offset, cs);
            int bad = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\uFFFD') {
                    bad++;
                }
            }
            boolean binary = nul || (text.length() > 0 && bad * 10 > text.length());
            return new Decoded(text, cs.name(), bad, binary);
        }
    }
}
