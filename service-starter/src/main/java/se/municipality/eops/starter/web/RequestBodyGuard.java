package se.municipality.eops.starter.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every request body before anything reads it. Its size is bounded by {@code
 * eops.web.max-body-size}: a body that declares a larger {@code Content-Length} is answered with 413 at
 * once, unread; any other body (chunked, or lying about its length) is counted as it is read, and
 * reading stops with {@link BodyTooLargeException} at the limit, which {@link ProblemResponses} answers
 * with 413 too. A JSON body must also be well-formed UTF-8 ({@link Utf8Check}); reading stops with
 * {@link BodyNotUtf8Exception} (400) at the first byte that is not. Runs before the security filters,
 * so an oversized body costs nothing to refuse.
 */
public class RequestBodyGuard extends OncePerRequestFilter implements OrderedFilter {

    /** Before Spring Security's filter chain (-100) and every other filter that may read the body. */
    static final int ORDER = REQUEST_WRAPPER_FILTER_MAX_ORDER - 1000;

    private final long maxBytes;

    public RequestBodyGuard(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponses.writeBodyTooLarge(response, maxBytes);
            return;
        }
        chain.doFilter(new GuardedRequest(request, maxBytes, isUtf8Json(request.getContentType())), response);
    }

    /** JSON without a charset, or with UTF-8 named: what RFC 8259 allows on the wire. */
    private static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().endsWith("+json");
            return json && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (InvalidMediaTypeException e) {
            // Spring MVC answers an unparsable content type with 415; nothing to check here.
            return false;
        }
    }

    private static final class GuardedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final boolean utf8;
        private ServletInputStream stream;

        GuardedRequest(HttpServletRequest request, long maxBytes, boolean utf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new GuardedStream(super.getInputStream(), maxBytes, utf8 ? new Utf8Check() : null);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class GuardedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private final Utf8Check utf8;
        private long read;

        GuardedStream(ServletInputStream body, long maxBytes, Utf8Check utf8) {
            this.body = body;
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next < 0) {
                ended();
            } else {
                check(new byte[] {(byte) next}, 0, 1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n < 0) {
                ended();
            } else {
                check(buffer, offset, n);
            }
            return n;
        }

        private void check(byte[] buffer, int offset, int length) throws IOException {
            read += length;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            if (utf8 != null) {
                for (int i = offset; i < offset + length; i++) {
                    if (!utf8.accept(buffer[i] & 0xFF)) {
                        throw new BodyNotUtf8Exception(utf8.position());
                    }
                }
            }
        }

        private void ended() throws BodyNotUtf8Exception {
            if (utf8 != null && !utf8.complete()) {
                throw new BodyNotUtf8Exception(utf8.position());
            }
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
