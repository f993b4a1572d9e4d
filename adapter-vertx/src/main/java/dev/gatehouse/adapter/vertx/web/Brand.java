package dev.gatehouse.adapter.vertx.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the pages present the product, set by configuration without a rebuild: the name in titles
 * and headings, an accent colour for buttons and links, and a logo. The accent must keep white
 * text on it readable (WCAG AA, 4.5:1), or it is refused at start.
 *
 * The logo (PNG, SVG or WebP) is read when the brand is made, with the configuration, so that the
 * server starts on no file I/O of an event loop's and serves it from memory.
 */
public final class Brand {

    public static final Brand DEFAULT = new Brand("Gatehouse", Optional.empty(), Optional.empty());
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final double AA_CONTRAST = 4.5;

    private final String name;
    private final Optional<String> accent;
    private final Optional<Path> logo;
    private final byte[] logoBytes;

    public Brand(String name, Optional<String> accent, Optional<Path> logo) {
        if (name == null || name.isBlank() || name.length() > 40 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("brand-name is 1 to 40 characters without control characters");
        }
        this.name = name.strip();
        this.accent = accent;
        this.logo = logo;
        if (accent.isPresent()) {
            if (!COLOUR.matcher(accent.get()).matches()) {
                throw new IllegalArgumentException("brand-accent is a colour such as #2f5d8a");
            }
            double contrast = contrastWithWhite(accent.get());
            if (contrast < AA_CONTRAST) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "brand-accent %s leaves white text on it at %.1f:1, below WCAG AA's 4.5:1; "
                        + "choose a darker colour", accent.get(), contrast));
            }
        }
        if (logo.isPresent()) {
            String file = logo.get().getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(file.endsWith(".png") || file.endsWith(".svg") || file.endsWith(".webp"))) {
                throw new IllegalArgumentException("brand-logo is a .png, .svg or .webp file");
            }
            if (!Files.isRegularFile(logo.get()) || !Files.isReadable(logo.get())) {
                throw new IllegalArgumentException("brand-logo " + logo.get().toAbsolutePath() + " is not a readable file");
            }
        }
        this.logoBytes = logo.map(Brand::read).orElse(new byte[0]);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("brand-logo " + file.toAbsolutePath() + " could not be read: " + unreadable.getMessage());
        }
    }

    public String name() {
        return name;
    }

    public Optional<String> accent() {
        return accent;
    }

    public Optional<Path> logo() {
        return logo;
    }

    /** Where the logo is served, with the file's own extension so that the browser knows its type. */
    public Optional<String> logoPath() {
        return logo.map(file -> "/static/logo" + file.getFileName().toString().substring(file.getFileName().toString().lastIndexOf('.'))
                .toLowerCase(Locale.ROOT));
    }

    /** The stylesheet that sets the accent over the bundled one, or empty to keep the bundled colours. */
    public Optional<String> accentStylesheet() {
        // The bundled stylesheet's light scheme takes it; its dark schemes keep their light blue, which dark backgrounds need.
        return accent.map(colour -> ":root { --brand-accent: " + colour + "; }\n");
    }

    byte[] logoBytes() {
        return logoBytes.clone();
    }

    String logoContentType() {
        String path = logoPath().orElseThrow();
        return path.endsWith(".svg") ? "image/svg+xml" : path.endsWith(".webp") ? "image/webp" : "image/png";
    }

    /** WCAG's contrast ratio of white text on this colour. */
    static double contrastWithWhite(String hex) {
        double luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(String hex, int at) {
        double value = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
}
