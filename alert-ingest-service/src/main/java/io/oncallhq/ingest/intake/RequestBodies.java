package io.oncallhq.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body, refusing one over the limit without buffering more than the limit. */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when the body is streamed (chunked)
     * @throws PayloadTooLargeException when the declared or the actual length is over the limit
     */
    static byte[] read(InputStream body, long declaredLength, int limitBytes) {
        if (declaredLength > limitBytes) {
            throw new PayloadTooLargeException(limitBytes);
        }
        try {
            byte[] bytes = body.readNBytes(limitBytes + 1);
            if (bytes.length > limitBytes) {
                throw new PayloadTooLargeException(limitBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
    }
}
