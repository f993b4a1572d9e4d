package dev.gatehouse.adapter.vertx.web;

/**
 * The password change form; {@code error} is null until a try went wrong, and {@code field} is the
 * field it is about, which gets the focus and is tied to the message for screen readers. The
 * fields are always empty again: a password is never written back into a page. {@code fresh} is
 * false for a session that "remember me" started, which the page says: the current password is
 * asked either way.
 */
public record PasswordPage(Frame frame, boolean fresh, String error, Field field) {

    /** The form's three fields, as the page names them. */
    public enum Field { CURRENT, NEW, REPEAT }

    /** The form before any try. */
    public PasswordPage(Frame frame, boolean fresh) {
        this(frame, fresh, null, Field.CURRENT);
    }

    /** The id of the message that describes this field, or null: {@code aria-describedby}. */
    public String describedBy(Field which) {
        return isAtFault(which) ? "form-error" : null;
    }

    /** {@code aria-invalid} for this field: "true" or nothing. */
    public String invalid(Field which) {
        return isAtFault(which) ? "true" : null;
    }

    /** Whether the cursor starts in this field: the one at fault, or the first. */
    public boolean focus(Field which) {
        return field == which;
    }

    private boolean isAtFault(Field which) {
        return error != null && field == which;
    }
}
