package dev.gatehouse.domain.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

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
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("'" + text + "' is not an address block such as 10.0.0.0/8");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();  // a literal: no lookup
        } catch (UnknownHostException notAnAddress) {
            throw new IllegalArgumentException("'" + text + "' is not an address block such as 10.0.0.0/8");
        }
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
