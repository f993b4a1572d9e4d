package dev.gatehouse.adapter.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes in bytes as people write them: {@code 4096}, {@code 4k} or {@code 4KiB}, {@code 1m} or {@code 1MiB}. */
public final class SizeConverter implements ITypeConverter<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(|b|k|kb|kib|m|mb|mib)");

    @Override
    public Integer convert(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + text + "' is not a size such as 4096, 4k or 1m");
        }
        long bytes = Long.parseLong(matcher.group(1)) * switch (matcher.group(2)) {
            case "k", "kb", "kib" -> 1024L;
            case "m", "mb", "mib" -> 1024L * 1024;
            default -> 1L;
        };
        if (bytes > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + text + "' is too large");
        }
        return (int) bytes;
    }
}
