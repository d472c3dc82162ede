package io.oncallhq.console.postmortems;

/**
 * A section save that met a newer version (412): both texts side by side, and the form to save a merge of them
 * against the version that is current now.
 */
public record MergeView(String section, String heading, String yours, String current, long currentVersion,
                        String currentEditor) {
}
