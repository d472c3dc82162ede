package io.oncallhq.postmortem.document;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The post-mortem's version as a strong ETag ({@code "7"}), and back from an {@code If-Match} header. */
public final class Etags {

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an edit is based on; 428 when the header is missing, 412 when it is no version of ours. */
    public static long expectedVersion(String ifMatch, String id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                    "Edits need an If-Match header with the ETag of the post-mortem " + id + " you read");
            problem.setTitle("If-Match required");
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1; // matches no version, so the edit is answered as stale
        }
    }
}
