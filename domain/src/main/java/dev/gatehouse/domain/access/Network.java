package dev.gatehouse.domain.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A block of client addresses in CIDR notation, {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a
 * bare address is a block of one. Only address literals are read: a name is never looked up.
 */
public record Network(byte[] prefix, int bits, String text) {

    public Network {
        prefix = prefix.clone();
    }

    public static Network parse(String text) {
        String cidr = text.strip();
        int slash = cidr.indexOf('/');
        byte[] bytes = literal(slash < 0 ? cidr : cidr.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an address block such as 10.0.0.0/8"))
                .getAddress();
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after the /");
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("'" + text + "': the prefix length is 0 to " + bytes.length * 8);
        }
        return new Network(bytes, bits, cidr);
    }

    /** The address an IPv4 or IPv6 literal writes; empty for anything else, a host name above all (never looked up). */
    public static Optional<InetAddress> literal(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));  // a literal: no lookup
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] other = address.getAddress();
        if (other.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (other[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (other[whole] & mask) == (prefix[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network network && bits == network.bits && Arrays.equals(prefix, network.prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + bits;
    }

    @Override
    public String toString() {
        return text;
    }
}
