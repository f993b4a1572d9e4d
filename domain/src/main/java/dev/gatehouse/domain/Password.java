package dev.gatehouse.domain;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A password as typed, NFC-normalised so that the same text typed on different systems matches.
 * It never shows itself in {@code toString}, and {@link #wipe()} clears it once it is no longer needed.
 */
public final class Password {

    /** No password is longer than this, at login or when set: longer input is refused unhashed. */
    public static final int MAX_CODE_POINTS = 1024;

    private final char[] characters;

    private Password(char[] characters) {
        this.characters = characters;
    }

    public static Password of(String text) {
        return of(text.toCharArray());
    }

    /** Takes the characters (the caller's array is wiped), normalised to NFC. */
    public static Password of(char[] typed) {
        String normalised = Normalizer.normalize(CharBuffer.wrap(typed), Normalizer.Form.NFC);
        Arrays.fill(typed, '\0');
        return new Password(normalised.toCharArray());
    }

    public int codePointCount() {
        return Character.codePointCount(characters, 0, characters.length);
    }

    public boolean isEmpty() {
        return characters.length == 0;
    }

    /** A copy of the characters for a hashing function; the caller wipes it after use. */
    public char[] copyOfCharacters() {
        return characters.clone();
    }

    /** The text, for hashing libraries that only take a String; avoid where a char[] is accepted. */
    public String reveal() {
        return new String(characters);
    }

    /** For "type it again": compares in time that does not depend on where the two differ. */
    public boolean sameAs(Password other) {
        int difference = characters.length ^ other.characters.length;
        for (int i = 0; i < Math.min(characters.length, other.characters.length); i++) {
            difference |= characters[i] ^ other.characters[i];
        }
        return difference == 0;
    }

    public void wipe() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
