package dev.gatehouse.adapter.vertx.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A strict reader of {@code application/x-www-form-urlencoded} bodies. Browsers' lenient
 * decoders turn bad escapes and invalid UTF-8 into replacement characters; a login form should
 * refuse them instead, along with repeated fields, too many fields and control characters.
 */
final class FormBody {

    /** Why a body was refused, in words fit for the visitor. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    static FormBody parse(Buffer body, int maxFields) throws Malformed {
        // Raw bytes one char each; escapes and UTF-8 are decoded strictly below. No body is an empty form.
        return parse(body == null ? "" : body.toString(StandardCharsets.ISO_8859_1), maxFields);
    }

    /** The request's query string as a form; empty once a malformed one has been answered with 400 and why. */
    static Optional<FormBody> query(RoutingContext ctx, int maxFields, Views views) {
        try {
            return Optional.of(parse(ctx.request().query(), maxFields));
        } catch (Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return Optional.empty();
        }
    }

    /** Parses a query string or a body read byte for byte; a null text is an empty form. */
    static FormBody parse(String text, int maxFields) throws Malformed {
        if (text == null) {
            text = "";
        }
        Map<String, String> fields = new HashMap<>();
        if (text.isEmpty()) {
            return new FormBody(fields);
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (fields.size() == maxFields) {
                throw new Malformed("The form has too many fields.");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            if (fields.put(name, value) != null) {
                throw new Malformed("The form repeats a field.");
            }
        }
        return new FormBody(fields);
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    String required(String name) throws Malformed {
        String value = fields.get(name);
        if (value == null) {
            throw new Malformed("The form is missing a field.");
        }
        return value;
    }

    /**
     * Decodes percent escapes strictly: a bad escape, invalid UTF-8 or a control character is
     * refused, never replaced. In a form, '+' stands for a space; in a path it is itself.
     */
    static String decode(String encoded, boolean plusIsSpace) throws Malformed {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new Malformed("The request has a bad percent escape.");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0xff) {
                throw new Malformed("The request is not valid UTF-8.");
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException invalid) {
            throw new Malformed("The request is not valid UTF-8.");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isISOControl(c)) {
                throw new Malformed("The request contains a control character.");
            }
        }
        return decoded;
    }
}
