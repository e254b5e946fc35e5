package org.psig.intake.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.unit.DataSize;

/** Reads a request body, refusing it as soon as it exceeds the limit: a huge body never fills memory. */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, DataSize limit) throws IOException {
        long max = limit.toBytes();
        if (request.getContentLengthLong() > max) {
            throw new BodyTooLargeException(limit);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(request.getContentLengthLong(), 0), max));
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                if (body.size() + read > max) {
                    throw new BodyTooLargeException(limit);
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    /** The body is larger than this API takes. */
    static class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(DataSize limit) {
            super("The body exceeds the " + limit.toKilobytes() + " KiB this API accepts; a report is far smaller.");
        }
    }
}
