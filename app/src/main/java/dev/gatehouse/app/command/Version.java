package dev.gatehouse.app.command;

import dev.gatehouse.app.Gatehouse;
import picocli.CommandLine.IVersionProvider;

/** {@code gatehouse --version}: the version the build wrote into the jar's manifest, and the Java it runs on. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[]{
                "Gatehouse " + (version == null ? "(unpackaged build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
