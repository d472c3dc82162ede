package io.oncallhq.apisecurity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A bearer token sent as {@code ?access_token=} (calendar feeds, see {@link ApiAccess#viewerWithQueryToken}) is
 * blanked out of the query string, so no request line logged further on (Spring Security's and Spring MVC's debug
 * lines print it) carries the token. The parameter itself stays readable for the bearer-token resolver.
 */
final class QueryTokenMasking extends OncePerRequestFilter {

    private static final String PARAMETER = "access_token";
    private static final String MASKED = PARAMETER + "=****";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String masked = query == null ? null : masked(query);
        chain.doFilter(query == null || masked.equals(query) ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getQueryString() {
                return masked;
            }
        }, response);
    }

    static String masked(String query) {
        return Arrays.stream(query.split("&", -1)).map(pair -> namesTheToken(pair) ? MASKED : pair)
                .collect(Collectors.joining("&"));
    }

    /** By the decoded name, as the servlet container reads it: {@code access%5Ftoken} is the token too. */
    private static boolean namesTheToken(String pair) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8).equals(PARAMETER);
        } catch (IllegalArgumentException malformed) {
            return false; // the container ignores such a parameter as well
        }
    }
}
