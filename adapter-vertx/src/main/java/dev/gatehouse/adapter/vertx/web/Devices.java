package dev.gatehouse.adapter.vertx.web;

import java.util.List;
import java.util.Map;

/**
 * A few words for the device a browser says it is, so that a user can tell their sessions apart
 * ("Firefox on Linux"). Only well-known names are ever shown, never the header itself, which a
 * client can fill with anything.
 */
final class Devices {

    /** Order matters: Edge and Opera say "Chrome", Chrome says "Safari". */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"),
            Map.entry("Chrome/", "Chrome"), Map.entry("Safari/", "Safari"), Map.entry("curl/", "curl"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"), Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"), Map.entry("Windows", "Windows"),
            Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"), Map.entry("Linux", "Linux"));

    private Devices() {
    }

    static String describe(String userAgent) {
        if (userAgent == null) {
            return "unknown browser";
        }
        String browser = first(BROWSERS, userAgent, "a browser");
        String system = first(SYSTEMS, userAgent, null);
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent, String otherwise) {
        for (Map.Entry<String, String> name : names) {
            if (userAgent.contains(name.getKey())) {
                return name.getValue();
            }
        }
        return otherwise;
    }
}
