package io.oncallhq.ingest.intake;

import java.net.URI;

/** Links travel to responders' browsers, so only absolute http(s) URLs are taken. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** PagerDuty requires images to be served over HTTPS. */
    public static boolean isHttpsUrl(String href) {
        return isHttpUrl(href) && href.regionMatches(true, 0, "https:", 0, 6);
    }

    public static boolean isHttpUrl(String href) {
        if (href == null) {
            return false;
        }
        try {
            URI uri = new URI(href);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception malformed) {
            return false;
        }
    }
}
