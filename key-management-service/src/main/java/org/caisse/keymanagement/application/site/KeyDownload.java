package org.caisse.keymanagement.application.site;

import java.util.Objects;

/** Answer to a download: the secret as a file (served once), or why there is none. */
public sealed interface KeyDownload {

    /** The file to hand to the browser; its content is the secret and must never be logged. */
    record File(String fileName, String contentType, byte[] content) implements KeyDownload {
        public File {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public String toString() {
            return "KeyDownload.File[" + fileName + ", " + content.length + " bytes]";
        }
    }

    record NoFile(SiteActionResult reason) implements KeyDownload {
        public NoFile {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
