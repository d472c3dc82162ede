package io.oncallhq.standins;

import java.nio.charset.StandardCharsets;

/**
 * How a sender percent-encodes the fields of an {@code application/x-www-form-urlencoded} body. The spellings differ
 * byte for byte and decode the same; a receiver must verify what it received and read it the same every way.
 * {@code java.net.URLEncoder} is none of them ({@code *} as it is, {@code ~} as {@code %7E}, a space as {@code +}).
 */
public enum FormEncoding {

    /** Slack's: every byte of the UTF-8 text but {@code A-Za-z0-9-_.~} as {@code %XX}, a space as {@code +}. */
    SLACK("-_.~", "+"),
    /** A space as {@code %20} and {@code ~} as {@code %7E} too. */
    PERCENT_20("-_.", "%20"),
    /** JavaScript's {@code encodeURIComponent}: {@code !'()*~} as they are, a space as {@code %20}. */
    URI_COMPONENT("-_.!~*'()", "%20");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String keptAsTheyAre;
    private final String space;

    FormEncoding(String keptAsTheyAre, String space) {
        this.keptAsTheyAre = keptAsTheyAre;
        this.space = space;
    }

    public String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == ' ') {
                encoded.append(space);
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || keptAsTheyAre.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    /** {@code name=value&name=value...}, in the order given. */
    public String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(encode(namesAndValues[i])).append('=')
                    .append(encode(namesAndValues[i + 1]));
        }
        return form.toString();
    }
}
