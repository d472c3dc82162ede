package io.oncallhq.notification.slack;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * Reads a Slack request's body once, exactly as received, and lets the request on only when Slack signed those very
 * bytes; the controllers then parse the same bytes, from the request attribute {@value #VERIFIED_BODY}. It has to
 * come before anything that reads the body or the form parameters: once the container has parsed a form POST's
 * parameters the body is gone, and Spring's {@code @RequestBody} hands over a body rebuilt from them with
 * {@code URLEncoder} ({@code *} where Slack sent {@code %2A}), which no longer matches Slack's signature.
 *
 * <p>A body over the limit is refused before it is hashed: at once when its {@code Content-Length} says so, else
 * after reading one byte past the limit. Refusals are answered by the service's exception handlers, the same
 * problem+json a controller's exception gets.
 */
public final class SlackRequestVerification extends OncePerRequestFilter {

    static final String VERIFIED_BODY = "io.oncallhq.notification.slack.verifiedBody";

    private final SlackSignatureVerifier verifier;
    private final int maxBodyBytes;
    private final HandlerExceptionResolver exceptionHandlers;

    /** @param exceptionHandlers Spring MVC's, so a refusal is answered as if a controller had thrown it */
    public SlackRequestVerification(SlackSignatureVerifier verifier, int maxBodyBytes,
                                    HandlerExceptionResolver exceptionHandlers) {
        this.verifier = verifier;
        this.maxBodyBytes = maxBodyBytes;
        this.exceptionHandlers = exceptionHandlers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = boundedBody(request);
            verifier.verify(request.getHeader(SlackSignatureVerifier.TIMESTAMP_HEADER),
                    request.getHeader(SlackSignatureVerifier.SIGNATURE_HEADER), body);
        } catch (RuntimeException refused) {
            if (exceptionHandlers.resolveException(request, response, null, refused) == null) {
                throw refused;
            }
            return;
        }
        request.setAttribute(VERIFIED_BODY, body);
        chain.doFilter(request, response);
    }

    private byte[] boundedBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new SlackRequestTooLargeException(maxBodyBytes);
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new SlackRequestTooLargeException(maxBodyBytes);
        }
        return body;
    }
}
